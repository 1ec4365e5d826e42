"""/api/v1/processing-activities, /processor-agreements and /data-breaches, through the services of
portfolio.privacy.processing, .agreements and .breaches; data breaches need MANAGE_BREACHES to be
read at all, as on the screens, and are closed rather than archived."""

from sqlalchemy.orm import selectinload
from sqlmodel import select

from portfolio.api.crud import Resource, paged
from portfolio.api.schemas import privacy as schemas
from portfolio.core.paging import escape_like
from portfolio.web.permissions import Permission
from portfolio.privacy.agreements import services as agreements
from portfolio.privacy.breaches import services as breaches
from portfolio.privacy.processing import services as processing
from portfolio.privacy.models import DataBreach, ProcessingActivity, ProcessorAgreement


def _ids(links, field):
    return sorted(getattr(link, field) for link in links)


def list_processing(session, query):
    statement = (
        select(ProcessingActivity)
        .options(selectinload(ProcessingActivity.application_links), selectinload(ProcessingActivity.processor_links))
        .order_by(ProcessingActivity.organisation_id, ProcessingActivity.name, ProcessingActivity.id)
    )
    if not query.include_archived:
        statement = statement.where(ProcessingActivity.archived.is_(False))
    if query.organisation_id is not None:
        statement = statement.where(ProcessingActivity.organisation_id == query.organisation_id)
    if query.q and query.q.strip():
        pattern = f"%{escape_like(query.q.strip())}%"
        statement = statement.where(ProcessingActivity.name.ilike(pattern, escape="\\")
                                    | ProcessingActivity.purpose.ilike(pattern, escape="\\"))
    return paged(session, statement, query)


def create_processing(session, data):
    application_ids, processor_ids = data.pop("application_ids"), data.pop("processor_ids")
    return processing.create_processing(session, data=data, application_ids=application_ids, processor_ids=processor_ids)


def update_processing(session, record, data, version):
    application_ids, processor_ids = data.pop("application_ids", None), data.pop("processor_ids", None)
    return processing.update_processing(session, record, data=data, loaded_version=version,
                                      application_ids=application_ids, processor_ids=processor_ids)


def serialize_processing(record):
    values = record.model_dump() | {"application_ids": _ids(record.application_links, "application_id"),
                                    "processor_ids": _ids(record.processor_links, "supplier_id")}
    return schemas.ProcessingRead.model_validate(values).model_dump(mode="json")


def list_agreements(session, query):
    statement = select(ProcessorAgreement).options(selectinload(ProcessorAgreement.application_links)).order_by(ProcessorAgreement.id)
    if not query.include_archived:
        statement = statement.where(ProcessorAgreement.archived.is_(False))
    for column, value in ((ProcessorAgreement.supplier_id, query.supplier_id),
                          (ProcessorAgreement.organisation_id, query.organisation_id)):
        if value is not None:
            statement = statement.where(column == value)
    return paged(session, statement, query)


def create_agreement(session, data):
    application_ids = data.pop("application_ids")
    return agreements.create_agreement(session, data=data, application_ids=application_ids)


def update_agreement(session, record, data, version):
    application_ids = data.pop("application_ids", None)
    return agreements.update_agreement(session, record, data=data, loaded_version=version, application_ids=application_ids)


def serialize_agreement(record):
    values = record.model_dump() | {"application_ids": _ids(record.application_links, "application_id")}
    return schemas.AgreementRead.model_validate(values).model_dump(mode="json")


def list_breaches(session, query):
    statement = (
        select(DataBreach).options(selectinload(DataBreach.application_links))
        .order_by(DataBreach.discovered_at.desc(), DataBreach.id.desc())
    )
    if query.only_open:
        statement = statement.where(DataBreach.closed_on.is_(None))
    return paged(session, statement, query)


def create_breach(session, data):
    application_ids = data.pop("application_ids")
    return breaches.create_breach(session, data=data, application_ids=application_ids)


def update_breach(session, record, data, version):
    application_ids = data.pop("application_ids", None)
    return breaches.update_breach(session, record, data=data, loaded_version=version, application_ids=application_ids)


def serialize_breach(record):
    values = record.model_dump() | {"application_ids": _ids(record.application_links, "application_id")}
    return schemas.BreachRead.model_validate(values).model_dump(mode="json")


PROCESSING = Resource(
    name="processing-activities", tag="processing-activities", model=ProcessingActivity, read=schemas.ProcessingRead,
    read_permission=Permission.READ_PRIVACY, write_permission=Permission.WRITE_PRIVACY,
    query=schemas.ProcessingQuery, list=list_processing, create_schema=schemas.ProcessingCreate, create=create_processing,
    update_schema=schemas.ProcessingUpdate, update=update_processing, archivable=True,
    serialize=serialize_processing, load=processing.get_processing,
)
AGREEMENTS = Resource(
    name="processor-agreements", tag="processor-agreements", model=ProcessorAgreement, read=schemas.AgreementRead,
    read_permission=Permission.READ_PRIVACY, write_permission=Permission.WRITE_PRIVACY,
    query=schemas.AgreementQuery, list=list_agreements, create_schema=schemas.AgreementCreate, create=create_agreement,
    update_schema=schemas.AgreementUpdate, update=update_agreement, archivable=True,
    serialize=serialize_agreement, load=agreements.get_agreement,
)
BREACHES = Resource(
    name="data-breaches", tag="data-breaches", model=DataBreach, read=schemas.BreachRead,
    read_permission=Permission.MANAGE_BREACHES, write_permission=Permission.MANAGE_BREACHES,
    query=schemas.BreachQuery, list=list_breaches, create_schema=schemas.BreachCreate, create=create_breach,
    update_schema=schemas.BreachUpdate, update=update_breach, serialize=serialize_breach, load=breaches.get_breach,
)
