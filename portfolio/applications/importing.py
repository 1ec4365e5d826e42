"""Import of the application register from CSV or XLSX in the export's own column layout."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from flask_babel import gettext as _
from sqlmodel import select

from portfolio.applications import services
from portfolio.applications.columns import COLUMNS
from portfolio.applications.import_files import (
    EXTENSIONS, MAX_FILE_BYTES, MAX_ROWS, MAX_ROWS_CLI, ImportRefused, RowError, is_blank, parse,
)
from portfolio.core.labels import label
from portfolio.applications.export import dutch_label
from portfolio.applications.models import Application
from portfolio.core.audit.capture import set_reason
from portfolio.core.exceptions import FieldErrors, ServiceError
from portfolio.reference.models import Domain
from portfolio.suppliers.models import Supplier
from portfolio.suppliers.services import find_or_create_supplier

__all__ = [  # reading lives in import_files; callers use this module for the whole import
    "EXTENSIONS", "MAX_FILE_BYTES", "MAX_ROWS", "MAX_ROWS_CLI", "ImportInvalid", "ImportRefused",
    "Preview", "RowError", "apply", "parse", "validate",
]

REQUIRED_FIELDS = ("name", "domain", "lifecycle_status")
BY_HEADER = {column.header: column for column in COLUMNS}
BY_FIELD = {column.field: column for column in COLUMNS if column.field}
SERVICE_FIELD = {"supplier": "supplier_id", "domain": "domain_id"}
ID_PATTERN = re.compile(r"\d{1,9}", re.ASCII)
DATE_PATTERNS = (  # ISO, and what Dutch Excel writes when it saves a CSV
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII), (0, 1, 2)),
    (re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})", re.ASCII), (2, 1, 0)),
)



class ImportInvalid(ServiceError):
    """Rows broke a rule while being written; ``errors`` lists them. The caller must roll back."""

    def __init__(self, errors):
        super().__init__(_("Er is niets opgeslagen: niet alle rijen zijn geldig."))
        self.errors = errors


@dataclass(frozen=True)
class Change:
    column: str
    old: str
    new: str


@dataclass
class PlannedRow:
    """One row to write: a new application (application_id None) or the fields that change."""

    row: int
    application_id: int | None
    name: str
    data: dict = field(default_factory=dict)  # for the service; supplier_id missing for a new supplier
    changes: list = field(default_factory=list)
    loaded_version: int | None = None
    new_supplier: str | None = None


@dataclass
class Preview:
    filename: str
    creates: list = field(default_factory=list)
    updates: list = field(default_factory=list)
    unchanged: int = 0
    new_suppliers: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.errors

    @property
    def has_changes(self):
        return bool(self.creates or self.updates)


# --- validating the rows ------------------------------------------------------------------


class _CellError(Exception):
    def __init__(self, message):
        self.message = message


class _Register:
    """What validation compares against, loaded in a fixed number of queries."""

    def __init__(self, session, ids):
        self.domains = {domain.name.lower(): domain for domain in session.exec(select(Domain)).all()}
        self.domains_by_id = {domain.id: domain for domain in self.domains.values()}
        self.suppliers = {supplier.name.lower(): supplier for supplier in session.exec(select(Supplier)).all()}
        self.suppliers_by_id = {supplier.id: supplier for supplier in self.suppliers.values()}
        ids, self.applications = sorted(ids), {}
        for start in range(0, len(ids), 500):
            chunk = select(Application).where(Application.id.in_(ids[start:start + 500]))
            self.applications.update((application.id, application) for application in session.exec(chunk).all())
        self.names = {
            (name.lower(), supplier_id): application_id
            for application_id, name, supplier_id in session.exec(
                select(Application.id, Application.name, Application.supplier_id)
            ).all()
        }
        self.enum_values = {
            column.enum: {
                text.casefold(): member.value
                for member in column.enum for text in (member.value, dutch_label(column.enum, member))
            }
            for column in COLUMNS if column.enum is not None
        }


def validate(session, parsed):
    """Check every row against the rules of the application form and services; write nothing.

    Returns a Preview: what would be created, what would change (old → new), and every error.
    """
    ids = {}
    for number, cells in parsed.rows:
        try:
            ids[number] = _parse_id(cells.get("ID"))
        except _CellError as error:
            ids[number] = error
    register = _Register(session, {value for value in ids.values() if isinstance(value, int)})
    preview = Preview(filename=parsed.filename, errors=list(parsed.errors))
    seen_ids, seen_names = {}, {}
    for number, cells in parsed.rows:
        errors = []
        planned = _plan_row(register, number, ids[number], cells, errors)
        if planned is not None and planned.application_id is not None:
            if planned.application_id in seen_ids:
                errors.append(RowError(number, "ID", _("Deze ID staat ook in rij %(row)d.",
                                                       row=seen_ids[planned.application_id])))
            seen_ids.setdefault(planned.application_id, number)
        if planned is not None and not errors:
            _check_name(register, planned, seen_names, errors)
        preview.errors.extend(errors)
        if planned is None or errors:
            continue
        if planned.application_id is None:
            preview.creates.append(planned)
        elif planned.changes:
            preview.updates.append(planned)
        else:
            preview.unchanged += 1
        if planned.new_supplier and planned.new_supplier.lower() not in map(str.lower, preview.new_suppliers):
            preview.new_suppliers.append(planned.new_supplier)
    order = {column.header: position for position, column in enumerate(COLUMNS)}
    preview.errors.sort(key=lambda error: (error.row, order.get(error.column, len(order)), error.column))
    return preview


def _plan_row(register, number, application_id, cells, errors):
    """The row as a PlannedRow, or None when a cell cannot be read; errors get what is wrong."""
    if isinstance(application_id, _CellError):
        errors.append(RowError(number, "ID", application_id.message))
        return None
    application = register.applications.get(application_id)
    if application_id and application is None:
        errors.append(RowError(number, "ID", _("Er is geen applicatie met ID %(id)d.", id=application_id)))
        return None
    values = {}
    for header, raw in cells.items():
        column = BY_HEADER[header]
        try:
            if header != "ID":
                values[column.field] = _value(register, column, raw)
        except _CellError as error:
            errors.append(RowError(number, header, error.message))
    errors.extend(RowError(number, BY_FIELD[name].header, _("Dit veld is verplicht."))
                  for name in REQUIRED_FIELDS if name in values and values[name] is None)
    if errors:
        return None
    current = _current_values(register, application)
    planned = PlannedRow(row=number, application_id=application_id, name=values.get("name") or application.name,
                         loaded_version=application.version if application else None)
    for name, value in values.items():
        old = current.get(name)
        if _same(old, value) if application else value is None:
            continue
        header = BY_FIELD[name].header
        if name == "domain" and not value.active:
            errors.append(RowError(number, header, _("Kies een bestaand domein.")))
        elif name == "supplier" and isinstance(value, Supplier) and value.archived:
            errors.append(RowError(number, header, _("Leverancier %(name)s is gearchiveerd; zet die eerst terug.",
                                                     name=value.name)))
        if name == "supplier" and isinstance(value, str):
            planned.new_supplier = value
        else:
            planned.data[SERVICE_FIELD.get(name, name)] = value.id if isinstance(value, (Supplier, Domain)) else value
        planned.changes.append(Change(header, _display(BY_FIELD[name], old), _display(BY_FIELD[name], value)))
    return planned


def _current_values(register, application):
    if application is None:
        return {}
    values = {name: getattr(application, name) for name in BY_FIELD if name in services.APPLICATION_FIELDS}
    values["supplier"] = register.suppliers_by_id.get(application.supplier_id)
    values["domain"] = register.domains_by_id.get(application.domain_id)
    return values


def _same(old, new):
    if isinstance(old, (Supplier, Domain)) or isinstance(new, (Supplier, Domain)):
        return not isinstance(new, str) and getattr(old, "id", None) == getattr(new, "id", None)
    return old == new


def _check_name(register, planned, seen, errors):
    """The service's rule (one name per supplier, in any case), against the register and the file."""
    application = register.applications.get(planned.application_id)
    renamed = planned.new_supplier is not None or {"name", "supplier_id"} & planned.data.keys()
    if application is not None and not renamed:
        return
    if planned.new_supplier is not None:
        supplier_key = ("new", planned.new_supplier.lower())
    else:
        supplier_key = planned.data.get("supplier_id", application.supplier_id if application else None)
    key = (planned.name.lower(), supplier_key)
    existing = register.names.get(key)
    if existing is not None and existing != planned.application_id:
        errors.append(RowError(planned.row, "Naam", _("Deze leverancier heeft al een applicatie met deze naam.")))
    elif key in seen:
        errors.append(RowError(planned.row, "Naam", _("Deze naam en leverancier staan ook in rij %(row)d.",
                                                      row=seen[key])))
    seen.setdefault(key, planned.row)


def _parse_id(raw):
    if is_blank(raw):
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str) and ID_PATTERN.fullmatch(raw.strip()):
        raw = int(raw)
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 < raw < 2**31:
        return raw
    raise _CellError(_("Vul de ID van een bestaande applicatie in, of laat de cel leeg voor een nieuwe."))


def _value(register, column, raw):
    """The cell as the application field holds it (a Supplier, or a new supplier's name; a
    Domain; an enum's stored value; a date; stripped text). Raises _CellError with the reason."""
    if column.field == "supplier_support_ends":
        return _parse_date(raw)
    text = _text(raw)
    if text is None:
        return None
    if column.field == "domain":
        if text.lower() not in register.domains:
            raise _CellError(_("Onbekend domein: %(name)s. Kies een bestaand domein.", name=text))
        return register.domains[text.lower()]
    if column.enum is not None:
        if text.casefold() not in register.enum_values[column.enum]:
            choices = ", ".join(dutch_label(column.enum, member) for member in column.enum)
            raise _CellError(_("Onbekende waarde: %(value)s. Kies uit: %(choices)s.", value=text, choices=choices))
        return register.enum_values[column.enum][text.casefold()]
    table = Supplier.__table__ if column.field == "supplier" else Application.__table__
    maximum = table.c["name" if column.field == "supplier" else column.field].type.length
    if len(text) > maximum:
        raise _CellError(_("Gebruik hoogstens %(max)d tekens.", max=maximum))
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
    raise _CellError(_("Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2027-03-31."))


def _display(column, value):
    if value is None:
        return ""
    if isinstance(value, (Supplier, Domain)):
        return value.name
    if column.enum is not None:
        return str(label(column.enum, value))
    return value.isoformat() if isinstance(value, date) else str(value)


# --- writing ------------------------------------------------------------------------------


def apply(session, preview, *, reason=None):
    """Write a valid preview through the services, in the caller's transaction (audited by the
    capture below them). Returns (created, changed) applications. Raises ImportInvalid when the
    preview has errors or a service refuses a row, VersionConflict when a row changed meanwhile;
    the caller must then roll back."""
    if not preview.is_valid:
        raise ImportInvalid(preview.errors)
    previous_reason = session.info.get("audit_reason")
    set_reason(session, reason or previous_reason)
    suppliers, created, changed = {}, [], []
    planned = None
    # Held for the loop: the identity map is weak, and the services look each row's domain and
    # supplier up by id; without these references that is two queries per row.
    references = session.exec(select(Domain)).all() + session.exec(select(Supplier)).all()  # noqa: F841
    try:
        for planned in sorted(preview.creates + preview.updates, key=lambda row: row.row):
            data = dict(planned.data)
            if planned.new_supplier is not None:
                key = planned.new_supplier.lower()
                if key not in suppliers:
                    suppliers[key] = find_or_create_supplier(session, planned.new_supplier)
                data["supplier_id"] = suppliers[key].id
            if planned.application_id is None:
                application = services.create_application(session, data=data)
                created.append(application)
            else:
                application = services.update_application(
                    session, session.get(Application, planned.application_id), data=data,
                    loaded_version=planned.loaded_version,
                )
                changed.append(application)
            # Written and audited: out of the identity map, which every later flush would scan.
            session.expunge(application)
    except FieldErrors as error:
        fields = {value: key for key, value in SERVICE_FIELD.items()}
        raise ImportInvalid([
            RowError(planned.row, BY_FIELD.get(fields.get(name, name), BY_FIELD["name"]).header, message)
            for name, messages in error.errors.items() for message in messages
        ]) from None
    finally:
        set_reason(session, previous_reason)
    return created, changed
