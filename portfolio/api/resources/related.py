"""/api/v1/usages, /contracts and /integrations, through portfolio.applications.related.services.

The screens edit these on the application's page; here they are resources of their own, with
the application named in the body when one is made and as a filter when listing.
"""

from flask_babel import gettext as _
from sqlmodel import select

from portfolio.api.crud import Resource, merged, paged
from portfolio.api.schemas import related as schemas
from portfolio.applications.related import services as related
from portfolio.applications.models import Application, Contract, Integration, Usage
from portfolio.web.permissions import Permission
from portfolio.core.exceptions import FieldErrors


def _application(session, application_id, field="application_id"):
    application = session.get(Application, application_id)
    if application is None:
        raise FieldErrors({field: [_("Kies een bestaande applicatie.")]})
    return application


def _filtered(statement, model, query):
    if not query.include_archived:
        statement = statement.where(model.archived.is_(False))
    return statement.order_by(model.id)


def list_usages(session, query):
    statement = _filtered(select(Usage), Usage, query)
    if query.application_id is not None:
        statement = statement.where(Usage.application_id == query.application_id)
    if query.organisation_id is not None:
        statement = statement.where(Usage.organisation_id == query.organisation_id)
    return paged(session, statement, query)


def create_usage(session, data):
    application = _application(session, data.pop("application_id"))
    return related.create_usage(session, application, data=data)


def list_contracts(session, query):
    statement = _filtered(select(Contract), Contract, query)
    if query.application_id is not None:
        statement = statement.where(Contract.application_id == query.application_id)
    if query.supplier_id is not None:
        statement = statement.where(Contract.supplier_id == query.supplier_id)
    return paged(session, statement, query)


def create_contract(session, data):
    application = _application(session, data.pop("application_id"))
    return related.create_contract(session, application, data=data)


def list_integrations(session, query):
    statement = _filtered(select(Integration), Integration, query)
    if query.application_id is not None:
        statement = statement.where(
            (Integration.source_application_id == query.application_id)
            | (Integration.target_application_id == query.application_id)
        )
    return paged(session, statement, query)


def create_integration(session, data):
    source = _application(session, data.pop("source_application_id"), "source_application_id")
    return related.create_integration(session, source, data=data)


USAGES = Resource(
    name="usages", tag="usages", model=Usage, read=schemas.UsageRead,
    read_permission=Permission.READ_REGISTER, write_permission=Permission.WRITE_REGISTER,
    query=schemas.UsageQuery, list=list_usages, create_schema=schemas.UsageCreate, create=create_usage,
    update_schema=schemas.UsageUpdate,
    update=lambda session, record, data, version: related.update_usage(
        session, record, data=merged(record, related.USAGE_FIELDS, data), loaded_version=version),
    archivable=True,
)
CONTRACTS = Resource(
    name="contracts", tag="contracts", model=Contract, read=schemas.ContractRead,
    read_permission=Permission.READ_REGISTER, write_permission=Permission.WRITE_REGISTER,
    query=schemas.ContractQuery, list=list_contracts, create_schema=schemas.ContractCreate, create=create_contract,
    update_schema=schemas.ContractUpdate,
    update=lambda session, record, data, version: related.update_contract(
        session, record, data=merged(record, related.CONTRACT_FIELDS, data), loaded_version=version),
    archivable=True,
)
INTEGRATIONS = Resource(
    name="integrations", tag="integrations", model=Integration, read=schemas.IntegrationRead,
    read_permission=Permission.READ_REGISTER, write_permission=Permission.WRITE_REGISTER,
    query=schemas.IntegrationQuery, list=list_integrations, create_schema=schemas.IntegrationCreate,
    create=create_integration, update_schema=schemas.IntegrationUpdate,
    update=lambda session, record, data, version: related.update_integration(
        session, record, data=merged(record, related.INTEGRATION_FIELDS, data), loaded_version=version),
    archivable=True,
)
