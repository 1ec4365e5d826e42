"""Checking import rows against the register and the services' rules: what would be created and
what would change (old → new), and every error; nothing is written here."""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlmodel import select

from portfolio.applications import services
from portfolio.applications.columns import COLUMNS
from portfolio.applications.export import dutch_label
from portfolio.applications.importing.cells import CellError, cell_value, display, parse_id
from portfolio.applications.importing.reading import RowError
from portfolio.applications.models import Application
from portfolio.reference.models import Domain
from portfolio.suppliers.models import Supplier

REQUIRED_FIELDS = ("name", "domain", "lifecycle_status")
BY_HEADER = {column.header: column for column in COLUMNS}
BY_FIELD = {column.field: column for column in COLUMNS if column.field}
SERVICE_FIELD = {"supplier": "supplier_id", "domain": "domain_id"}


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
            ids[number] = parse_id(cells.get("ID"))
        except CellError as error:
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
    if isinstance(application_id, CellError):
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
                values[column.field] = cell_value(register, column, raw)
        except CellError as error:
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
        planned.changes.append(Change(header, display(BY_FIELD[name], old), display(BY_FIELD[name], value)))
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

