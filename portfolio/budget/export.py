"""The budget overview of a year as an XLSX workbook: amounts as numbers, text as text, never a formula."""

from flask_babel import force_locale

from portfolio.budget.labels import kind_label, status_label
from portfolio.core.spreadsheet import Cell, Sheet, euros, write_xlsx

LINE_HEADERS = (
    "Titel", "Soort", "Status", "Categorie", "Bedrag in het jaar", "Oorspronkelijk bedrag",
    "Bijgesteld bedrag", "Reden van de bijstelling", "Applicatie", "Aanbesteding",
)
TOTALS_HEADERS = ("Structureel", "Incidenteel", "Totaal")


def write_overview_xlsx(overview):
    """The workbook in a temporary file, one sheet per part of the overview.

    Every text cell is typed as text, so a title such as '=1+1' stays text and is never a formula;
    titles are written as they were entered (not neutralised), since this workbook is only read.
    """
    with force_locale("nl"):
        sheets = [
            Sheet("Samenvatting", rows=_summary(overview)),
            Sheet("Begrotingsposten", _header(LINE_HEADERS), _lines(overview)),
            Sheet("Per categorie", _header(("Categorie", *TOTALS_HEADERS)),
                  _totals(overview.categories, "Zonder categorie")),
            Sheet("Per organisatie", _header(("Organisatie", *TOTALS_HEADERS)),
                  _totals([*overview.organisations, overview.unsplit], "Niet verdeeld")),
            Sheet("Dekking", _header(("Dekking", "Beschikbaar", "Toegewezen", "Resterend", "Overschreden met")),
                  _funding(overview)),
            Sheet("Implementatiekosten", _header(("Aanbesteding", "Kosten", "Gedekt", "Niet gedekt")),
                  _procurements(overview)),
        ]
        return write_xlsx(sheets, neutralise_text=False)


def _row(texts=(), amounts=(), *, bold=False):
    return [*(Cell(text, bold=bold) for text in texts), *(euros(cents, bold=bold) for cents in amounts)]


def _header(headers):
    return [Cell(header, bold=True) for header in headers]


def _summary(overview):
    rows = [_row([f"Begroting {overview.year}"], bold=True)]
    for label, cents in (
        ("Structureel", overview.structural_cents),
        ("Incidenteel", overview.incidental_cents),
        ("Totaal", overview.total_cents),
        ("Waarvan aangevraagd", overview.requested_cents),
        ("Waarvan toegekend", overview.granted_cents),
        ("Afgewezen (niet meegeteld)", overview.rejected_cents),
        ("Dekking beschikbaar", overview.available_cents),
        ("Dekking toegewezen", overview.allocated_cents),
        ("Dekking nog niet toegewezen", overview.unallocated_cents),
        ("Implementatiekosten", overview.implementation_cents),
        ("Implementatiekosten gedekt door toewijzingen", overview.implementation_funded_cents),
        ("Tekort implementatiekosten", overview.gap_cents),
    ):
        rows.append(_row([label], [cents]))
    for figure in overview.over_allocated:
        rows.append(_row([f"Overschreden: {figure.source.name}"], [figure.over_allocated_cents], bold=True))
    return rows


def _lines(overview):
    for figure in [*overview.lines, *overview.rejected]:
        line = figure.line
        yield [
            line.title, str(kind_label(line.kind)), str(status_label(line.status)), line.category or "",
            euros(figure.cents), euros(line.original_cents), euros(line.revised_cents), line.revision_reason or "",
            line.application.name if line.application else "", line.procurement.title if line.procurement else "",
        ]


def _totals(rows, missing_name):
    for row in rows:
        yield _row([row.name or missing_name], [row.structural_cents, row.incidental_cents, row.total_cents])
    yield _row(["Totaal"], [sum(r.structural_cents for r in rows), sum(r.incidental_cents for r in rows),
                            sum(r.total_cents for r in rows)], bold=True)


def _funding(overview):
    for figure in overview.funding:
        yield _row([figure.source.name], [figure.available_cents, figure.allocated_cents, figure.remaining_cents,
                                          figure.over_allocated_cents or None])
    yield _row(["Totaal"], [overview.available_cents, overview.allocated_cents,
                            overview.available_cents - overview.allocated_cents], bold=True)


def _procurements(overview):
    for figure in overview.procurements:
        title = figure.procurement.title + (" (werkelijke kosten)" if figure.cost_is_actual else " (raming)")
        yield _row([title], [figure.cost_cents, figure.funded_cents, figure.unfunded_cents])
    yield _row(["Totaal"], [overview.implementation_cents, overview.implementation_funded_cents,
                            overview.implementation_unfunded_cents], bold=True)
    yield _row(["Nog niet toegewezen dekking van het jaar"], [overview.unallocated_cents])
    yield _row(["Tekort"], [overview.gap_cents], bold=True)
