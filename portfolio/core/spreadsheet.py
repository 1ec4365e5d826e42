"""Spreadsheet cells that stay text, and the one XLSX writer every export uses: formula triggers
neutralised on export (undone on import), control characters dropped, numbers and dates typed."""

import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# Characters that make spreadsheet software treat a cell as a formula or command.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "|", "%", "\t", "\r", "\0")
EURO_FORMAT = '"€" #,##0.00'
DATE_FORMAT = "yyyy-mm-dd"


def neutralise(value):
    """Text that spreadsheet software shows as text: a leading formula trigger gets a ' before it."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def unneutralise(value):
    """Undo neutralise() for a value read back from a file."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def printable(value):
    """value without the control characters a spreadsheet cannot hold (NUL and the like: XLSX
    refuses them outright, CSV would pass them on raw); tab, line feed and CR stay."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def clean(value):
    """A value as an export cell holds it, in CSV and XLSX alike: printable, and neutralised."""
    return neutralise(printable(value))


@dataclass(frozen=True)
class Cell:
    """A value with its look, for write_xlsx: bold, or a number format of its own."""

    value: object
    bold: bool = False
    number_format: str | None = None


def euros(cents, *, bold=False):
    """cents as a number of euros in the euro format; an empty cell for None."""
    if cents is None:
        return Cell(None)
    return Cell(Decimal(cents) / 100, bold=bold, number_format=EURO_FORMAT)


@dataclass
class Sheet:
    """One sheet for write_xlsx: its title, a header row (none when empty), the rows (any iterable,
    read once, so a generator streams) and optionally column widths in characters from column A
    (None leaves a column as it is)."""

    title: str
    header: Sequence = ()
    rows: Iterable = ()
    widths: Sequence | None = None


def write_xlsx(sheets, *, neutralise_text=True):
    """The workbook in a temporary file, positioned at its start; write-only mode, so rows go to
    disk as they come.

    Cells are plain values or Cells. Text is typed as text, so nothing becomes a live formula,
    and loses the control characters XLSX refuses; with neutralise_text (the default) a leading
    formula trigger also gets a ' (neutralise), as in the CSV exports. Numbers stay numbers,
    dates are dates (shown as yyyy-mm-dd), euros() gives amounts in the euro format.
    """
    workbook = Workbook(write_only=True)
    for spec in sheets:
        sheet = workbook.create_sheet(spec.title)
        for position, width in enumerate(spec.widths or (), start=1):
            if width is not None:
                sheet.column_dimensions[get_column_letter(position)].width = width
        if spec.header:
            sheet.append([_cell(sheet, value, neutralise_text) for value in spec.header])
        for row in spec.rows:
            sheet.append([_cell(sheet, value, neutralise_text) for value in row])
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return handle


def _cell(sheet, value, neutralise_text):
    look = value if isinstance(value, Cell) else None
    if look is not None:
        value = look.value
    if isinstance(value, str):
        value = clean(value) if neutralise_text else printable(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    elif isinstance(value, date) and not isinstance(value, datetime):
        cell.number_format = DATE_FORMAT
    if look is not None and look.bold:
        cell.font = Font(bold=True)
    if look is not None and look.number_format:
        cell.number_format = look.number_format
    return cell
