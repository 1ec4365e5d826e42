"""The chain the FG follows: application → processing activity → processor agreement → DPIA.

Definitions (each figure of the overview is one query, and its list the same query's rows):

- An application *processes personal data* when its personal-data field is regular, special
  categories or BSN (not 'none', and not left empty). Archived applications and retired ones
  are left out.
- A supplier *processes personal data* when it supplies such an application (Application.supplier),
  is the party of a current contract of such an application (Contract.supplier), or is named as
  processor of a processing activity. Archived suppliers, applications, contracts and activities
  do not count.
- A processor agreement is *current* as agreements/currency.py defines it (not archived, signed
  on or before today, its end date empty or today or later). A supplier is *covered* by any
  current agreement.
- A processing activity has *no DPIA decision* when 'DPIA required' is empty or 'to be
  determined'; it *misses its DPIA* when a DPIA is required and no date it was done is recorded.
- A breach is *open* until it is closed; it is *past its deadline* when the Autoriteit
  Persoonsgegevens was not notified and 72 hours have passed since discovery.
"""

from dataclasses import dataclass, field

from sqlalchemy import exists, or_
from sqlalchemy.orm import contains_eager, selectinload
from sqlmodel import func, select

from portfolio.applications.enums import LifecycleStatus, PersonalData
from portfolio.applications.models import Application, Contract
from portfolio.web.permissions import Permission, can
from portfolio.core.figure_cache import cached
from portfolio.privacy.agreements.currency import current_condition, expiring_condition
from portfolio.privacy.breaches.deadline import NOTIFICATION_PERIOD
from portfolio.privacy.enums import DpiaRequired, DpiaStatus
from portfolio.privacy.models import (
    AgreementApplication, DataBreach, ProcessingActivity, ProcessingApplication, ProcessingProcessor,
    ProcessorAgreement,
)
from portfolio.reference.models import Organisation
from portfolio.suppliers.models import Supplier

PROCESSING_PERSONAL_DATA = (PersonalData.REGULAR.value, PersonalData.SPECIAL.value, PersonalData.BSN.value)
FIGURES = ("unregistered_applications", "undecided_dpia", "missing_dpia", "uncovered_suppliers")


def _personal_data_application():
    return (
        Application.personal_data.in_(PROCESSING_PERSONAL_DATA),
        Application.archived.is_(False),
        Application.lifecycle_status != LifecycleStatus.RETIRED.value,
    )


def unregistered_applications():
    """Applications that process personal data but are in no (unarchived) processing activity."""
    registered = exists().where(
        ProcessingApplication.application_id == Application.id,
        ProcessingApplication.processing_id == ProcessingActivity.id,
        ProcessingActivity.archived.is_(False),
    )
    return select(Application).where(*_personal_data_application(), ~registered).order_by(func.lower(Application.name))


def undecided_dpia():
    return (
        select(ProcessingActivity)
        .where(
            ProcessingActivity.archived.is_(False),
            or_(ProcessingActivity.dpia_required.is_(None), ProcessingActivity.dpia_required == DpiaRequired.UNDECIDED.value),
        )
        .order_by(func.lower(ProcessingActivity.name), ProcessingActivity.id)
    )


def missing_dpia():
    return (
        select(ProcessingActivity)
        .where(
            ProcessingActivity.archived.is_(False),
            ProcessingActivity.dpia_required == DpiaRequired.YES.value,
            ProcessingActivity.dpia_done_on.is_(None),
        )
        .order_by(func.lower(ProcessingActivity.name), ProcessingActivity.id)
    )


def uncovered_suppliers(today):
    """Suppliers that process personal data (see the module docstring) without a current agreement."""
    supplies = exists().where(Application.supplier_id == Supplier.id, *_personal_data_application())
    contracted = exists().where(
        Contract.supplier_id == Supplier.id,
        Contract.archived.is_(False),
        Contract.application_id == Application.id,
        *_personal_data_application(),
    )
    processes = exists().where(
        ProcessingProcessor.supplier_id == Supplier.id,
        ProcessingProcessor.processing_id == ProcessingActivity.id,
        ProcessingActivity.archived.is_(False),
    )
    covered = exists().where(ProcessorAgreement.supplier_id == Supplier.id, current_condition(today))
    return (
        select(Supplier)
        .where(Supplier.archived.is_(False), or_(supplies, contracted, processes), ~covered)
        .order_by(func.lower(Supplier.name))
    )


def figure_statement(figure, today):
    """The statement of one figure's list; KeyError for an unknown figure."""
    return {
        "unregistered_applications": unregistered_applications,
        "undecided_dpia": undecided_dpia,
        "missing_dpia": missing_dpia,
        "uncovered_suppliers": lambda: uncovered_suppliers(today),
    }[figure]()


def open_breaches():
    return DataBreach.closed_on.is_(None)


def overdue_breaches(now):
    """Not notified and discovered more than 72 hours before now."""
    return DataBreach.notified_at.is_(None), DataBreach.discovered_at < now - NOTIFICATION_PERIOD


def _count(session, statement):
    return session.exec(select(func.count()).select_from(statement.subquery())).one()


def overview(session, *, today, now, with_breaches):
    """{figure: count} for the FG's page; the breach figures only when with_breaches."""
    counts = dict(cached(
        session, "privacy chain",
        lambda: {figure: _count(session, figure_statement(figure, today)) for figure in FIGURES}, today,
    ))
    if with_breaches:
        counts["open_breaches"] = _count(session, select(DataBreach).where(open_breaches()))
        counts["overdue_breaches"] = _count(session, select(DataBreach).where(*overdue_breaches(now)))
    return counts


def expiring_agreements(session, *, today, days):
    """Current agreements that end within days from today, soonest first."""
    return session.exec(
        select(ProcessorAgreement)
        .where(expiring_condition(today, days))
        .options(selectinload(ProcessorAgreement.supplier), selectinload(ProcessorAgreement.organisation))
        .order_by(ProcessorAgreement.ends_on, ProcessorAgreement.id)
    ).all()


# The application page ------------------------------------------------------------------------

@dataclass
class ApplicationPanel:
    """What the application page shows of the privacy register.

    processes_personal_data and dpia_status are for every reader; activities and agreements only
    for readers of the privacy register (None for the others, so that a template cannot show them).
    Breaches are never part of it.
    """

    processes_personal_data: bool
    dpia_status: DpiaStatus
    activities: list | None = field(default=None)
    agreements: list | None = field(default=None)


def dpia_status(processes_personal_data, activities):
    """The application's DPIA status over its (unarchived) processing activities.

    Not done when any activity requires a DPIA that is not done; to be determined when any has no
    decision, or when the application processes personal data but is in no activity; done when
    at least one requires it and all of those are done; otherwise not required.
    """
    if not activities:
        return DpiaStatus.UNDECIDED if processes_personal_data else DpiaStatus.NOT_REQUIRED
    decisions = [activity.dpia_required for activity in activities]
    if any(a.dpia_required == DpiaRequired.YES.value and a.dpia_done_on is None for a in activities):
        return DpiaStatus.NOT_DONE
    if any(decision in (None, DpiaRequired.UNDECIDED.value) for decision in decisions):
        return DpiaStatus.UNDECIDED
    if DpiaRequired.YES.value in decisions:
        return DpiaStatus.DONE
    return DpiaStatus.NOT_REQUIRED


def panel_for_application(session, application, user):
    """The privacy panel of the application page: one query for everyone, two for privacy readers."""
    activities = session.exec(
        select(ProcessingActivity)
        .join(ProcessingApplication, ProcessingApplication.processing_id == ProcessingActivity.id)
        .join(Organisation, Organisation.id == ProcessingActivity.organisation_id)
        .where(ProcessingApplication.application_id == application.id, ProcessingActivity.archived.is_(False))
        .options(contains_eager(ProcessingActivity.organisation))
        .order_by(func.lower(ProcessingActivity.name), ProcessingActivity.id)
    ).all()
    processes = application.personal_data in PROCESSING_PERSONAL_DATA
    panel = ApplicationPanel(processes_personal_data=processes, dpia_status=dpia_status(processes, activities))
    if can(user, Permission.READ_PRIVACY):
        panel.activities = list(activities)
        panel.agreements = session.exec(
            select(ProcessorAgreement, Supplier)
            .join(AgreementApplication, AgreementApplication.agreement_id == ProcessorAgreement.id)
            .join(Supplier, Supplier.id == ProcessorAgreement.supplier_id)
            .where(AgreementApplication.application_id == application.id, ProcessorAgreement.archived.is_(False))
            .order_by(ProcessorAgreement.signed_on.desc(), ProcessorAgreement.id)
        ).all()
    return panel
