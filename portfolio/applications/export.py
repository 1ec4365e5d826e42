"""Exports of the filtered application list: CSV for Dutch Excel and XLSX, streamed in bounded memory."""

import csv
import io
import itertools

from flask_babel import force_locale

from portfolio.applications.columns import COLUMNS, HEADERS
from portfolio.core import spreadsheet
from portfolio.core.labels import label
from portfolio.applications.models import Application
from portfolio.reference.models import Domain
from portfolio.suppliers.models import Supplier

CSV_BOM = "\ufeff"


def export_columns(action_needed_by):
    """The SQL expressions of the export's columns, in COLUMNS order (see listing.iter_values)."""
    joined = {"id": Application.id, "supplier": Supplier.name, "domain": Domain.name}
    by_header = {"Gearchiveerd": Application.archived, "Actie nodig vóór": action_needed_by}
    return [by_header.get(column.header) if column.field is None else joined.get(column.field, getattr(Application, column.field, None))
            for column in COLUMNS]


def cell_writers(labels):
    """Per column, the function from a stored value to its cell; labels from dutch_labels()."""

    def plain(value):
        if value is None:
            return ""
        return value.isoformat() if hasattr(value, "isoformat") else value

    def enum_label(mapping):
        return lambda value: mapping.get(value, value or "")

    writers = []
    for column in COLUMNS:
        if column.enum is not None:
            writers.append(enum_label(labels[column.enum]))
        elif column.header == "Gearchiveerd":
            writers.append(lambda value: "ja" if value else "nee")
        else:
            writers.append(plain)
    return writers


def export_cells(values, writers):
    """One application's stored values (in COLUMNS order) as the export's cells."""
    return [spreadsheet.clean(write(value)) for write, value in zip(writers, values, strict=True)]


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


def csv_chunks(rows, lines_per_chunk=500):
    """The CSV file as text chunks: BOM and header, then the rows (value tuples in COLUMNS order)
    a few hundred lines at a time; semicolons as Dutch Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    yield CSV_BOM + buffer.getvalue()
    writers = cell_writers(dutch_labels())
    for batch in _batched(rows, lines_per_chunk):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(export_cells(values, writers) for values in batch)
        yield buffer.getvalue()


def _batched(rows, size):
    """Lists of size rows (the last one shorter); itertools.batched from Python 3.12 on."""
    rows = iter(rows)
    while batch := list(itertools.islice(rows, size)):
        yield batch


def write_xlsx(rows):
    """The XLSX export in a temporary file, written as rows come (core.spreadsheet.write_xlsx:
    text stays text, so no value can become a live formula)."""
    writers = cell_writers(dutch_labels())
    cells = (export_cells(values, writers) for values in rows)
    return spreadsheet.write_xlsx([spreadsheet.Sheet("Applicaties", HEADERS, cells)])
