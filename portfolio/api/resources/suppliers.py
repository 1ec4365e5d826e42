"""/api/v1/suppliers, through portfolio.suppliers.services."""

from sqlmodel import func, select

from portfolio.api.crud import Resource, paged
from portfolio.api.schemas.suppliers import SupplierCreate, SupplierQuery, SupplierRead, SupplierUpdate
from portfolio.core.paging import escape_like
from portfolio.web.permissions import Permission
from portfolio.suppliers import services
from portfolio.suppliers.models import Supplier


def list_(session, query):
    statement = select(Supplier).order_by(func.lower(Supplier.name), Supplier.id)
    if not query.include_archived:
        statement = statement.where(Supplier.archived.is_(False))
    if query.q:
        statement = statement.where(Supplier.name.ilike(f"%{escape_like(query.q.strip())}%", escape="\\"))
    return paged(session, statement, query)


RESOURCE = Resource(
    name="suppliers", tag="suppliers", model=Supplier, read=SupplierRead,
    read_permission=Permission.READ_REGISTER, write_permission=Permission.WRITE_REGISTER,
    query=SupplierQuery, list=list_,
    create_schema=SupplierCreate, create=lambda session, data: services.create_supplier(session, data=data),
    update_schema=SupplierUpdate,
    update=lambda session, record, data, version: services.update_supplier(session, record, data=data, loaded_version=version),
    archivable=True,
)
