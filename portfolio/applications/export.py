"""Exports of the filtered application list: CSV for Dutch Excel and XLSX, streamed in bounded memory."""

import csv
import io
import tempfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from flask_babel import force_locale

from portfolio.applications.columns import COLUMNS, HEADERS, neutralise
from portfolio.applications.enums import label

CSV_BOM = "\ufeff"


def export_row(application, action_needed_by, labels):
    """One application as the export's cells (strings, dates and empty cells); labels from dutch_labels()."""
    cells = []
    for column in COLUMNS:
        if column.field == "id":
            cells.append(application.id)
        elif column.field == "supplier":
            cells.append(application.supplier.name if application.supplier else "")
        elif column.field == "domain":
            cells.append(application.domain.name)
        elif column.header == "Gearchiveerd":
            cells.append("ja" if application.archived else "nee")
        elif column.header == "Actie nodig vóór":
            cells.append(action_needed_by.isoformat() if action_needed_by else "")
        else:
            value = getattr(application, column.field)
            if column.enum is not None:
                value = labels[column.enum].get(value, value or "")
            elif value is None:
                value = ""
            elif hasattr(value, "isoformat"):
                value = value.isoformat()
            cells.append(value)
    return [neutralise(_printable(cell)) for cell in cells]


def _printable(value):
    """value without the control characters a spreadsheet cannot hold (NUL and the like: XLSX
    refuses them outright, CSV would pass them on raw); tab, line feed and CR stay."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def dutch_label(enum, value):
    """The Dutch label of one value (exports and imports use Dutch whatever the UI language)."""
    with force_locale("nl"):
        return str(label(enum, value))


def dutch_labels():
    """{enum: {stored value: Dutch label}}: exports read the same whatever the user's language."""
    with force_locale("nl"):
        return {
            column.enum: {member.value: str(label(column.enum, member)) for member in column.enum}
            for column in COLUMNS
            if column.enum is not None
        }


def csv_chunks(rows):
    """The CSV file as text chunks: BOM, header, a line per row; semicolons as Dutch Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    yield CSV_BOM + buffer.getvalue()
    labels = dutch_labels()
    for application, action_needed_by in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(export_row(application, action_needed_by, labels))
        yield buffer.getvalue()


def write_xlsx(rows):
    """The XLSX export in a temporary file (write-only mode: rows go to disk as they come).

    Every text cell is written as text, so no value can become a live formula.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Applicaties")
    sheet.append([_text_cell(sheet, header) for header in HEADERS])
    labels = dutch_labels()
    for application, action_needed_by in rows:
        sheet.append([_text_cell(sheet, value) for value in export_row(application, action_needed_by, labels)])
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return handle


def _text_cell(sheet, value):
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
