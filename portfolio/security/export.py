"""Exports of the security register: the measure list (CSV, XLSX), the statement of
applicability (XLSX) and the ENSIA selection (XLSX). Dutch whatever the UI language; every text
cell is written as text, so nothing becomes a live formula."""

import csv
import io

from flask_babel import force_locale

from portfolio.core.spreadsheet import Sheet, clean, write_xlsx
from portfolio.applications.enums import BivLevel
from portfolio.core.labels import label
from portfolio.security.enums import EvidenceKind, MeasureStatus, Overseer, Priority

CSV_BOM = "\ufeff"
MEASURE_HEADERS = (
    "ID", "Titel", "Status", "Reden", "Uitgesteld tot", "Prioriteit", "Toezichthouder", "Uitvoerend team",
    "Uitvoerder", "Gereed op", "Herbeoordelen elke (maanden)", "Volgende herbeoordeling", "Normen",
    "Geldt voor alle applicaties", "Vanaf beschikbaarheid", "Vanaf integriteit", "Vanaf vertrouwelijkheid",
    "Gekoppelde applicaties", "Organisaties", "ENSIA-onderwerpen", "Actueel bewijs", "Gearchiveerd",
)
STATEMENT_HEADERS = ("Referentie", "Hoofdstuk", "Titel", "Van toepassing", "Toelichting", "Maatregelen", "Status")
ENSIA_HEADERS = ("ENSIA-onderwerp", "Maatregel", "Status", "Reden", "Uitvoerder", "Gereed op", "Normen",
                 "Actueel bewijs", "Bewijs")


def _nl(enum, value):
    with force_locale("nl"):
        return str(label(enum, value))


def _date(value):
    return value.isoformat() if value else ""


def _yes(value):
    return "ja" if value else "nee"


def measure_row(measure, today):
    return [clean(cell) for cell in (
        measure.id, measure.title, _nl(MeasureStatus, measure.status), measure.status_reason or "",
        _date(measure.postponed_until), _nl(Priority, measure.priority), _nl(Overseer, measure.overseer),
        measure.team or "", measure.assignee.name if measure.assignee else "", _date(measure.due_on),
        measure.review_interval_months or "", _date(measure.next_review_on),
        ", ".join(sorted(link.requirement.reference for link in measure.requirement_links)),
        _yes(measure.applies_to_all), _nl(BivLevel, measure.min_availability), _nl(BivLevel, measure.min_integrity),
        _nl(BivLevel, measure.min_confidentiality),
        ", ".join(sorted(link.application.name for link in measure.application_links)),
        ", ".join(sorted(link.organisation.name for link in measure.organisation_links)) or "alle",
        ", ".join(measure.ensia_subjects or []),
        _yes(any(item.is_current(today) for item in measure.evidence)), _yes(measure.archived),
    )]


def measures_csv(measures, today):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(MEASURE_HEADERS)
    for measure in measures:
        writer.writerow(measure_row(measure, today))
    return CSV_BOM + buffer.getvalue()


def measures_xlsx(measures, today):
    return write_xlsx([Sheet("Maatregelen", MEASURE_HEADERS, (measure_row(m, today) for m in measures))])


def statement_rows(rows):
    for row in rows:
        requirement = row.requirement
        yield [clean(cell) for cell in (
            requirement.reference, requirement.chapter or "", requirement.title, _yes(row.applies), row.reason or "",
            "\n".join(m.title for m in row.measures),
            "\n".join(_nl(MeasureStatus, m.status) for m in row.measures),
        )]


def statement_xlsx(rows):
    return write_xlsx([Sheet("Toepasselijkheid", STATEMENT_HEADERS, statement_rows(rows))])


def _evidence_text(item, today):
    what = item.description or item.url or item.filename or ""
    if item.kind == EvidenceKind.LINK and item.description:
        what = f"{item.description} ({item.url})"
    elif item.kind == EvidenceKind.FILE:
        what = f"{item.filename}" + (f" – {item.description}" if item.description else "")
    state = "" if item.is_current(today) else " [verlopen]"
    return f"{item.dated_on.isoformat()} {_nl(EvidenceKind, item.kind)}: {what}{state}"


def ensia_rows(pairs, today):
    for subject, measure in pairs:
        evidence = [item for item in measure.evidence if not item.archived]
        yield [clean(cell) for cell in (
            subject, measure.title, _nl(MeasureStatus, measure.status), measure.status_reason or "",
            measure.assignee.name if measure.assignee else "", _date(measure.due_on),
            ", ".join(sorted(link.requirement.reference for link in measure.requirement_links)),
            _yes(any(item.is_current(today) for item in evidence)),
            "\n".join(_evidence_text(item, today) for item in sorted(evidence, key=lambda e: e.dated_on)),
        )]


def ensia_xlsx(pairs, today):
    return write_xlsx([Sheet("ENSIA", ENSIA_HEADERS, ensia_rows(pairs, today))])
