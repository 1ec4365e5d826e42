"""/api/v1/procurements, through portfolio.procurements.services."""

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlmodel import func, select

from portfolio.api.crud import Resource, paged
from portfolio.api.schemas.procurements import ProcurementCreate, ProcurementQuery, ProcurementRead, ProcurementUpdate
from portfolio.applications.models import Application
from portfolio.auth.permissions import Permission
from portfolio.exceptions import FieldErrors
from portfolio.procurements import services
from portfolio.procurements.models import Procurement


def list_(session, query):
    statement = (
        select(Procurement).options(selectinload(Procurement.replacements))
        .order_by(Procurement.budget_year.asc().nulls_last(), func.lower(Procurement.title), Procurement.id)
    )
    if not query.include_archived:
        statement = statement.where(Procurement.archived.is_(False))
    for column, value in ((Procurement.phase, query.phase), (Procurement.domain_id, query.domain_id),
                          (Procurement.budget_year, query.budget_year)):
        if value is not None:
            statement = statement.where(column == value)
    return paged(session, statement, query)


def _replaces(session, data):
    """The replaced applications' ids from data (None when absent). Raises FieldErrors for an unknown id."""
    replaces = data.pop("replaces", None)
    if replaces is None:
        return None
    replaces = sorted(set(replaces))
    found = set(session.exec(select(Application.id).where(Application.id.in_(replaces))).all())
    if set(replaces) - found:
        raise FieldErrors({"replaces": [_("Kies een bestaande applicatie.")]})
    return replaces


def create(session, data):
    replaces = _replaces(session, data)
    return services.create_procurement(session, data=data, replaces=replaces or ())


def update(session, record, data, version):
    replaces = _replaces(session, data)
    return services.update_procurement(session, record, data=data, loaded_version=version, replaces=replaces)


def serialize(procurement):
    read = ProcurementRead.model_validate(
        {**procurement.model_dump(), "replaces": sorted(r.application_id for r in procurement.replacements)}
    )
    return read.model_dump(mode="json")


RESOURCE = Resource(
    name="procurements", tag="procurements", model=Procurement, read=ProcurementRead,
    read_permission=Permission.READ_REGISTER, write_permission=Permission.WRITE_REGISTER,
    query=ProcurementQuery, list=list_, create_schema=ProcurementCreate, create=create,
    update_schema=ProcurementUpdate, update=update, archivable=True, serialize=serialize,
    load=services.get_procurement,
)
