"""The lists of the privacy register, each in a fixed number of queries whatever its length."""

from dataclasses import dataclass

from sqlalchemy import or_
from sqlalchemy.orm import contains_eager, selectinload
from sqlmodel import func, select

from portfolio.core.paging import Page, escape_like
from portfolio.privacy.models import (
    AgreementApplication, BreachApplication, DataBreach, ProcessingActivity, ProcessingApplication,
    ProcessingProcessor, ProcessorAgreement,
)
from portfolio.reference.models import Organisation
from portfolio.suppliers.models import Supplier

PAGE_SIZE = 50


@dataclass(frozen=True)
class ProcessingFilter:
    organisation_id: int | None = None
    text: str | None = None
    include_archived: bool = False


def _processing_statement(processing_filter):
    statement = select(ProcessingActivity).join(Organisation, Organisation.id == ProcessingActivity.organisation_id)
    f = processing_filter
    if not f.include_archived:
        statement = statement.where(ProcessingActivity.archived.is_(False))
    if f.organisation_id is not None:
        statement = statement.where(ProcessingActivity.organisation_id == f.organisation_id)
    if f.text and f.text.strip():
        pattern = f"%{escape_like(f.text.strip())}%"
        statement = statement.where(or_(
            ProcessingActivity.name.ilike(pattern, escape="\\"), ProcessingActivity.purpose.ilike(pattern, escape="\\"),
        ))
    return statement


def _with_links(statement):
    return statement.options(
        contains_eager(ProcessingActivity.organisation),
        selectinload(ProcessingActivity.application_links).selectinload(ProcessingApplication.application),
        selectinload(ProcessingActivity.processor_links).selectinload(ProcessingProcessor.supplier),
    ).order_by(Organisation.position, func.lower(ProcessingActivity.name), ProcessingActivity.id)


def list_processing(session, processing_filter, *, page, size=None):
    """One page (of size, default PAGE_SIZE) of processing activities with their organisation,
    applications and processors: four queries, whatever the size."""
    size = size or PAGE_SIZE
    statement = _processing_statement(processing_filter)
    total = session.exec(select(func.count()).select_from(statement.subquery())).one()
    rows = session.exec(_with_links(statement).offset((page - 1) * size).limit(size)).all()
    return Page(rows=list(rows), total=total, number=page, size=size)


def processing_of_organisation(session, organisation_id):
    """Every unarchived processing activity of one controller, for the art. 30 export."""
    return session.exec(_with_links(_processing_statement(ProcessingFilter(organisation_id=organisation_id)))).all()


def list_agreements(session, *, include_archived=False):
    statement = (
        select(ProcessorAgreement)
        .join(Supplier, Supplier.id == ProcessorAgreement.supplier_id)
        .join(Organisation, Organisation.id == ProcessorAgreement.organisation_id)
        .options(
            contains_eager(ProcessorAgreement.supplier),
            contains_eager(ProcessorAgreement.organisation),
            selectinload(ProcessorAgreement.application_links).selectinload(AgreementApplication.application),
        )
        .order_by(func.lower(Supplier.name), Organisation.position, ProcessorAgreement.id)
    )
    if not include_archived:
        statement = statement.where(ProcessorAgreement.archived.is_(False))
    return session.exec(statement).all()


def list_breaches(session, *, only_open=False, only_overdue_before=None):
    """Breaches, newest discovery first; only_overdue_before: not notified, discovered before it."""
    statement = (
        select(DataBreach)
        .join(Organisation, Organisation.id == DataBreach.organisation_id)
        .options(
            contains_eager(DataBreach.organisation),
            selectinload(DataBreach.application_links).selectinload(BreachApplication.application),
        )
        .order_by(DataBreach.discovered_at.desc(), DataBreach.id.desc())
    )
    if only_open:
        statement = statement.where(DataBreach.closed_on.is_(None))
    if only_overdue_before is not None:
        statement = statement.where(DataBreach.notified_at.is_(None), DataBreach.discovered_at < only_overdue_before)
    return session.exec(statement).all()
