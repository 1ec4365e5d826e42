"""Reading an import file: CSV or XLSX into numbered rows by header, refusing unusable files."""

import csv
import io
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from flask_babel import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from portfolio.applications.columns import COLUMNS
from portfolio.core.spreadsheet import unneutralise
from portfolio.core.exceptions import ServiceError

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_UNPACKED_BYTES = 128 * 1024 * 1024  # what an .xlsx may unpack to: a guard against zip bombs
# Each row is written through the services, ~5 ms a row: a web import must fit in a worker's 30 s
# timeout, the command line has none. Either is far above the register's few hundred applications.
MAX_ROWS = 2_000
MAX_ROWS_CLI = 20_000
MAX_COLUMNS = 64
EXTENSIONS = ("csv", "xlsx")
REQUIRED_HEADERS = ("ID", "Naam", "Domein", "Levenscyclus")
EXPORT_ONLY = frozenset(column.header for column in COLUMNS if column.field is None)
HEADER_LOOKUP = {column.header.casefold(): column.header for column in COLUMNS}
# What a broken or hostile .xlsx makes zipfile, openpyxl or defusedxml raise.
MALFORMED_XLSX = (
    zipfile.BadZipFile, zlib.error, InvalidFileException, DefusedXmlException, ParseError, EOFError, OSError,
    KeyError, IndexError, ValueError, TypeError, AttributeError, NotImplementedError,
)


class ImportRefused(ServiceError):
    """The file as a whole cannot be used (type, size, encoding, layout); nothing was written."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class RowError:
    row: int  # as Excel numbers it: the header is row 1
    column: str
    reason: str


@dataclass
class ParsedFile:
    filename: str
    rows: list = field(default_factory=list)  # (row number, {header: cell value})
    errors: list = field(default_factory=list)


# --- reading the file ---------------------------------------------------------------------


def parse(data, filename, *, max_rows=None):
    """The rows of a .csv or .xlsx file, by header. Raises ImportRefused (status 413 when too big)
    for a wrong type, wrong encoding, a malformed or hostile file, missing or unknown columns, or
    more than max_rows (default MAX_ROWS) rows."""
    extension = filename.rpartition(".")[2].lower() if "." in (filename or "") else ""
    if extension not in EXTENSIONS:
        raise ImportRefused(_("Kies een CSV- of Excelbestand (.csv of .xlsx)."))
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused(_("Het bestand is groter dan %(max)d MB.", max=MAX_FILE_BYTES // 2**20), status=413)
    if not data.strip():
        raise ImportRefused(_("Het bestand is leeg."))
    read = _read_csv if extension == "csv" else _read_xlsx
    return read(data, ParsedFile(filename=filename), max_rows or MAX_ROWS)


def _read_csv(data, parsed, max_rows):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(_(
            "Het bestand is niet in UTF-8 opgeslagen. Kies in Excel ‘Opslaan als’ → ‘CSV UTF-8 "
            "(door lijstscheidingsteken gescheiden)’ en probeer het opnieuw."
        )) from None
    first_line = text.lstrip("\r\n").partition("\n")[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return _table(enumerate(rows, start=1), parsed, max_rows)
    except csv.Error:
        raise ImportRefused(_("Het CSV-bestand is beschadigd en kan niet worden gelezen.")) from None


def _read_xlsx(data, parsed, max_rows):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise ImportRefused(_("Het Excelbestand is uitgepakt te groot om te importeren."))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            names = workbook.sheetnames
            sheet = workbook["Applicaties" if "Applicaties" in names else names[0]]
            sheet.reset_dimensions()  # a claimed size of A1:XFD1048576 must not pad every row
            rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
            return _table(enumerate(rows, start=1), parsed, max_rows)
        finally:
            workbook.close()
    except MALFORMED_XLSX:
        raise ImportRefused(_("Het Excelbestand is beschadigd of geen geldig .xlsx-bestand.")) from None


def _table(numbered_rows, parsed, max_rows):
    positions = None
    for number, cells in numbered_rows:
        cells = [unneutralise(value) if isinstance(value, str) else value for value in cells]
        if all(is_blank(value) for value in cells):
            continue
        if positions is None:
            positions = _header_positions(cells)
            continue
        if len(parsed.rows) == max_rows:
            raise ImportRefused(_("Het bestand heeft meer dan %(max)d rijen. Splits het in kleinere bestanden.",
                                  max=max_rows))
        for position, value in enumerate(cells):
            if not is_blank(value) and position not in positions.values():
                parsed.errors.append(RowError(number, get_column_letter(min(position + 1, 16384)),
                                              _("Deze cel staat in een kolom zonder kop.")))
        parsed.rows.append((number, {
            header: cells[position] if position < len(cells) else None
            for header, position in positions.items() if header not in EXPORT_ONLY
        }))
    if positions is None:
        raise ImportRefused(_("Het bestand is leeg."))
    return parsed


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _header_positions(cells):
    positions, unknown = {}, []
    for position, cell in enumerate(cells):
        text = "" if cell is None else str(cell).strip()
        header = HEADER_LOOKUP.get(text.casefold())
        if header in positions:
            raise ImportRefused(_("De kolom %(column)s staat meer dan eens in het bestand.", column=header))
        if header is not None:
            positions[header] = position
        elif text:
            unknown.append(text)
    missing = [header for header in REQUIRED_HEADERS if header not in positions]
    if missing:
        raise ImportRefused(_("Deze kolommen ontbreken: %(columns)s. Gebruik de kolomkoppen van de export.",
                              columns=", ".join(missing)))
    if unknown:
        raise ImportRefused(_("Onbekende kolommen: %(columns)s. Gebruik de kolomkoppen van de export.",
                              columns=", ".join(unknown[:10])))
    return positions
