"""Rules for suppliers: unique names, archive instead of delete."""

from flask_babel import gettext as _
from sqlmodel import func, select

from portfolio.core.records import accept_fields, check_version
from portfolio.core.exceptions import FieldErrors
from portfolio.suppliers.models import Supplier

SUPPLIER_FIELDS = ("name", "website", "contact", "notes")


def list_suppliers(session, *, include_archived=False):
    statement = select(Supplier).order_by(func.lower(Supplier.name))
    if not include_archived:
        statement = statement.where(Supplier.archived.is_(False))
    return session.exec(statement).all()


def get_supplier(session, supplier_id):
    return session.get(Supplier, supplier_id)


def _check_name(session, name, current_id=None):
    statement = select(Supplier.id).where(func.lower(Supplier.name) == (name or "").lower())
    if current_id is not None:
        statement = statement.where(Supplier.id != current_id)
    if session.exec(statement).first() is not None:
        raise FieldErrors({"name": [_("Er is al een leverancier met deze naam.")]})


def create_supplier(session, *, data):
    """Add a supplier. Raises FieldErrors when the name (in any case) exists already."""
    values = accept_fields(data, SUPPLIER_FIELDS)
    _check_name(session, values.get("name"))
    supplier = Supplier(**values)
    session.add(supplier)
    session.flush()
    return supplier


def update_supplier(session, supplier, *, data, loaded_version):
    check_version(supplier, loaded_version, _("Iemand anders heeft deze leverancier intussen gewijzigd."))
    values = accept_fields(data, SUPPLIER_FIELDS)
    if "name" in values:
        _check_name(session, values["name"], current_id=supplier.id)
    for field, value in values.items():
        setattr(supplier, field, value)
    session.flush()
    return supplier


def find_or_create_supplier(session, name):
    """The supplier with this name (any case), created when missing (imports, demo data)."""
    existing = session.exec(select(Supplier).where(func.lower(Supplier.name) == name.strip().lower())).first()
    return existing or create_supplier(session, data={"name": name})


