"""One cell of an import row: read as the application field holds it, and shown back in the preview."""

import re
from datetime import date, datetime, time

from flask_babel import gettext as _

from portfolio.applications.export import dutch_label
from portfolio.applications.importing.reading import is_blank
from portfolio.applications.models import Application
from portfolio.core.labels import label
from portfolio.reference.models import Domain
from portfolio.suppliers.models import Supplier

ID_PATTERN = re.compile(r"\d{1,9}", re.ASCII)
DATE_PATTERNS = (  # ISO, and what Dutch Excel writes when it saves a CSV
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII), (0, 1, 2)),
    (re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})", re.ASCII), (2, 1, 0)),
)


class CellError(Exception):
    """A cell that cannot be read as its column's field; message says why."""

    def __init__(self, message):
        self.message = message



def parse_id(raw):
    if is_blank(raw):
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str) and ID_PATTERN.fullmatch(raw.strip()):
        raw = int(raw)
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 < raw < 2**31:
        return raw
    raise CellError(_("Vul de ID van een bestaande applicatie in, of laat de cel leeg voor een nieuwe."))


def cell_value(register, column, raw):
    """The cell as the application field holds it (a Supplier, or a new supplier's name; a
    Domain; an enum's stored value; a date; stripped text). Raises CellError with the reason."""
    if column.field == "supplier_support_ends":
        return _parse_date(raw)
    text = _text(raw)
    if text is None:
        return None
    if column.field == "domain":
        if text.lower() not in register.domains:
            raise CellError(_("Onbekend domein: %(name)s. Kies een bestaand domein.", name=text))
        return register.domains[text.lower()]
    if column.enum is not None:
        if text.casefold() not in register.enum_values[column.enum]:
            choices = ", ".join(dutch_label(column.enum, member) for member in column.enum)
            raise CellError(_("Onbekende waarde: %(value)s. Kies uit: %(choices)s.", value=text, choices=choices))
        return register.enum_values[column.enum][text.casefold()]
    table = Supplier.__table__ if column.field == "supplier" else Application.__table__
    maximum = table.c["name" if column.field == "supplier" else column.field].type.length
    if len(text) > maximum:
        raise CellError(_("Gebruik hoogstens %(max)d tekens.", max=maximum))
    return register.suppliers.get(text.lower(), text) if column.field == "supplier" else text


def _text(raw):
    if raw is None or isinstance(raw, str):
        return (raw or "").strip() or None
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime) and raw.time() == time():
        return raw.date().isoformat()
    return raw.isoformat() if isinstance(raw, (date, time)) else str(raw)


def _parse_date(raw):
    if isinstance(raw, datetime) and raw.time() == time():
        return raw.date()
    if isinstance(raw, date) and not isinstance(raw, datetime):
        return raw
    if is_blank(raw):
        return None
    for pattern, order in DATE_PATTERNS:
        match = pattern.fullmatch(raw.strip()) if isinstance(raw, str) else None
        if match:
            parts = [int(part) for part in match.groups()]
            try:
                return date(*(parts[index] for index in order))
            except ValueError:
                break
    raise CellError(_("Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2027-03-31."))


def display(column, value):
    if value is None:
        return ""
    if isinstance(value, (Supplier, Domain)):
        return value.name
    if column.enum is not None:
        return str(label(column.enum, value))
    return value.isoformat() if isinstance(value, date) else str(value)

