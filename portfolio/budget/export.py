"""The budget overview of a year as an XLSX workbook: amounts as numbers, text as text, never a formula."""

import tempfile
from decimal import Decimal

from flask_babel import force_locale
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from portfolio.budget.labels import kind_label, status_label

EURO_FORMAT = '"€" #,##0.00'
LINE_HEADERS = (
    "Titel", "Soort", "Status", "Categorie", "Bedrag in het jaar", "Oorspronkelijk bedrag",
    "Bijgesteld bedrag", "Reden van de bijstelling", "Applicatie", "Aanbesteding",
)
TOTALS_HEADERS = ("Structureel", "Incidenteel", "Totaal")


def write_overview_xlsx(overview):
    """The workbook in a temporary file, one sheet per part of the overview (write-only mode).

    Every text cell is typed as text, so a title such as '=1+1' stays text and is never a formula.
    """
    workbook = Workbook(write_only=True)
    with force_locale("nl"):
        _summary(workbook.create_sheet("Samenvatting"), overview)
        _lines(workbook.create_sheet("Begrotingsposten"), overview)
        _totals(workbook.create_sheet("Per categorie"), "Categorie", overview.categories, "Zonder categorie")
        _totals(workbook.create_sheet("Per organisatie"), "Organisatie",
                [*overview.organisations, overview.unsplit], "Niet verdeeld")
        _funding(workbook.create_sheet("Dekking"), overview)
        _procurements(workbook.create_sheet("Implementatiekosten"), overview)
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return handle


def _cell(sheet, value, *, bold=False):
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell


def _euros(sheet, cents, *, bold=False):
    """cents as a number of euros with a euro format; empty for None."""
    if cents is None:
        return _cell(sheet, None)
    cell = _cell(sheet, Decimal(cents) / 100, bold=bold)
    cell.number_format = EURO_FORMAT
    return cell


def _row(sheet, texts=(), amounts=(), *, bold=False):
    sheet.append([*(_cell(sheet, text, bold=bold) for text in texts), *(_euros(sheet, cents, bold=bold) for cents in amounts)])


def _header(sheet, headers):
    sheet.append([_cell(sheet, header, bold=True) for header in headers])


def _summary(sheet, overview):
    _row(sheet, [f"Begroting {overview.year}"], bold=True)
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
        _row(sheet, [label], [cents])
    for figure in overview.over_allocated:
        _row(sheet, [f"Overschreden: {figure.source.name}"], [figure.over_allocated_cents], bold=True)


def _lines(sheet, overview):
    _header(sheet, LINE_HEADERS)
    for figure in [*overview.lines, *overview.rejected]:
        line = figure.line
        sheet.append([
            _cell(sheet, line.title), _cell(sheet, str(kind_label(line.kind))), _cell(sheet, str(status_label(line.status))),
            _cell(sheet, line.category or ""), _euros(sheet, figure.cents), _euros(sheet, line.original_cents),
            _euros(sheet, line.revised_cents), _cell(sheet, line.revision_reason or ""),
            _cell(sheet, line.application.name if line.application else ""),
            _cell(sheet, line.procurement.title if line.procurement else ""),
        ])


def _totals(sheet, name_header, rows, missing_name):
    _header(sheet, (name_header, *TOTALS_HEADERS))
    for row in rows:
        _row(sheet, [row.name or missing_name], [row.structural_cents, row.incidental_cents, row.total_cents])
    _row(sheet, ["Totaal"], [sum(r.structural_cents for r in rows), sum(r.incidental_cents for r in rows),
                             sum(r.total_cents for r in rows)], bold=True)


def _funding(sheet, overview):
    _header(sheet, ("Dekking", "Beschikbaar", "Toegewezen", "Resterend", "Overschreden met"))
    for figure in overview.funding:
        _row(sheet, [figure.source.name], [figure.available_cents, figure.allocated_cents, figure.remaining_cents,
                                           figure.over_allocated_cents or None])
    _row(sheet, ["Totaal"], [overview.available_cents, overview.allocated_cents,
                             overview.available_cents - overview.allocated_cents], bold=True)


def _procurements(sheet, overview):
    _header(sheet, ("Aanbesteding", "Kosten", "Gedekt", "Niet gedekt"))
    for figure in overview.procurements:
        title = figure.procurement.title + (" (werkelijke kosten)" if figure.cost_is_actual else " (raming)")
        _row(sheet, [title], [figure.cost_cents, figure.funded_cents, figure.unfunded_cents])
    _row(sheet, ["Totaal"], [overview.implementation_cents, overview.implementation_funded_cents,
                             overview.implementation_unfunded_cents], bold=True)
    _row(sheet, ["Nog niet toegewezen dekking van het jaar"], [overview.unallocated_cents])
    _row(sheet, ["Tekort"], [overview.gap_cents], bold=True)
