"""The measure list: filters on every field, sorting and paging, in a fixed number of queries."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import String, case, cast, exists, not_, or_
from sqlalchemy.orm import contains_eager, selectinload
from sqlmodel import func, select

from portfolio.core.paging import Page, escape_like
from portfolio.applications.models import Application
from portfolio.applications.related.services import Choice
from portfolio.auth.models import User
from portfolio.core.figure_cache import cached
from portfolio.security.enums import MeasureStatus, Priority
from portfolio.security.models import (
    Evidence, Measure, MeasureApplication, MeasureOrganisation, MeasureRequirement, Requirement,
)

PAGE_SIZE = 50
SORTS = ("title", "status", "priority", "due", "review", "assignee")
DUE_SOON_DAYS = 30
OPEN = (MeasureStatus.NOT_STARTED.value, MeasureStatus.IN_PROGRESS.value, MeasureStatus.POSTPONED.value)


@dataclass(frozen=True)
class MeasureFilter:
    text: str | None = None
    framework_id: int | None = None
    chapter: str | None = None
    requirement: str | None = None
    overseer: str | None = None
    team: str | None = None
    assignee_id: int | None = None
    status: str | None = None
    priority: str | None = None
    due: str | None = None  # "overdue" or "soon" (within DUE_SOON_DAYS), open measures only
    review_due: bool = False
    evidence: str | None = None  # "missing" or "current"
    application_id: int | None = None
    organisation_id: int | None = None
    ensia: str | None = None
    biv_axis: str | None = None  # "availability", "integrity", "confidentiality": has a threshold there
    applies_to_all: bool = False
    include_archived: bool = False
    sort: str = "title"
    descending: bool = False


def _current_evidence(today):
    return exists().where(Evidence.measure_id == Measure.id, Evidence.current_condition(today))


def filtered_statement(f, *, today):
    statement = select(Measure).outerjoin(User, Measure.assignee_id == User.id)
    if not f.include_archived:
        statement = statement.where(Measure.archived.is_(False))
    if f.text:
        pattern = f"%{escape_like(f.text.strip())}%"
        statement = statement.where(or_(Measure.title.ilike(pattern, escape="\\"),
                                        Measure.description.ilike(pattern, escape="\\")))
    requirement_conditions = []
    if f.framework_id is not None:
        requirement_conditions.append(Requirement.framework_id == f.framework_id)
    if f.chapter:
        requirement_conditions.append(Requirement.chapter == f.chapter)
    if f.requirement:
        requirement_conditions.append(Requirement.reference == f.requirement.strip())
    if requirement_conditions:
        statement = statement.where(exists().where(
            MeasureRequirement.measure_id == Measure.id, MeasureRequirement.requirement_id == Requirement.id,
            *requirement_conditions,
        ))
    for column, value in (
        (Measure.overseer, f.overseer), (Measure.team, f.team), (Measure.assignee_id, f.assignee_id),
        (Measure.status, f.status), (Measure.priority, f.priority),
    ):
        if value is not None:
            statement = statement.where(column == value)
    if f.due == "overdue":
        statement = statement.where(Measure.status.in_(OPEN), effective_due() < today)
    elif f.due == "soon":
        statement = statement.where(Measure.status.in_(OPEN), effective_due() >= today,
                                    effective_due() <= today + timedelta(days=DUE_SOON_DAYS))
    if f.review_due:
        statement = statement.where(Measure.next_review_on <= today,
                                    Measure.status != MeasureStatus.NOT_APPLICABLE.value)
    if f.evidence == "missing":
        statement = statement.where(not_(_current_evidence(today)))
    elif f.evidence == "current":
        statement = statement.where(_current_evidence(today))
    if f.application_id is not None:
        statement = statement.where(exists().where(
            MeasureApplication.measure_id == Measure.id, MeasureApplication.application_id == f.application_id))
    if f.organisation_id is not None:
        statement = statement.where(covers_organisation(f.organisation_id))
    if f.ensia:
        statement = statement.where(has_ensia_subject(f.ensia))
    if f.biv_axis in ("availability", "integrity", "confidentiality"):
        statement = statement.where(getattr(Measure, f"min_{f.biv_axis}").is_not(None))
    if f.applies_to_all:
        statement = statement.where(Measure.applies_to_all.is_(True))
    return statement


def effective_due():
    """The date a measure is due: the new date of a postponed one, else its due date."""
    return case((Measure.status == MeasureStatus.POSTPONED.value, Measure.postponed_until), else_=Measure.due_on)


def covers_organisation(organisation_id):
    """The measure names no organisations (so covers all of them) or names this one."""
    linked = exists().where(MeasureOrganisation.measure_id == Measure.id)
    this = exists().where(MeasureOrganisation.measure_id == Measure.id,
                          MeasureOrganisation.organisation_id == organisation_id)
    return or_(not_(linked), this)


def has_ensia_subject(subject):
    """JSON lists are stored as text on SQLite and as json on PostgreSQL; both render '"BIO"'."""
    return cast(Measure.ensia_subjects, String).like(f'%"{escape_like(subject)}"%', escape="\\")


def _order(statement, f):
    def position(column, enum):
        return case(*((column == member.value, index) for index, member in enumerate(enum)), else_=len(enum))

    keys = {
        "title": func.lower(Measure.title),
        "status": position(Measure.status, MeasureStatus),
        "priority": position(Measure.priority, tuple(reversed(Priority))),
        "due": Measure.due_on,
        "review": Measure.next_review_on,
        "assignee": func.lower(User.name),
    }
    key = keys.get(f.sort, keys["title"])
    ordered = key.desc() if f.descending else key.asc()
    return statement.order_by(key.is_(None), ordered, func.lower(Measure.title), Measure.id)


def _loaded(statement):
    return statement.options(
        contains_eager(Measure.assignee),
        selectinload(Measure.requirement_links).selectinload(MeasureRequirement.requirement),
        selectinload(Measure.application_links).selectinload(MeasureApplication.application),
        selectinload(Measure.organisation_links).selectinload(MeasureOrganisation.organisation),
        selectinload(Measure.evidence),
    )


def list_measures(session, measure_filter, *, page, today, size=PAGE_SIZE):
    """One page and the total, in a fixed number of queries whatever the page size."""
    statement = filtered_statement(measure_filter, today=today)
    total = session.exec(select(func.count()).select_from(statement.subquery())).one()
    statement = _loaded(_order(statement, measure_filter))
    measures = session.exec(statement.offset((page - 1) * size).limit(size)).unique().all()
    return Page(rows=list(measures), total=total, number=page, size=size)


def iter_filtered(session, measure_filter, *, today):
    """Every measure of the filter in list order, links loaded (for the exports)."""
    statement = _loaded(_order(filtered_statement(measure_filter, today=today), measure_filter))
    return session.exec(statement).unique().all()


def count(session, measure_filter, *, today):
    statement = filtered_statement(measure_filter, today=today)
    return session.exec(select(func.count()).select_from(statement.subquery())).one()



def linked_applications(session):
    """The applications (not archived) that some measure names, by name, as plain Choices: what
    the list's application filter can find (it matches those links), read once per state of the
    register (figure_cache)."""
    statement = (
        select(Application.id, Application.name)
        .where(Application.archived.is_(False), exists().where(MeasureApplication.application_id == Application.id))
        .order_by(Application.name, Application.id)
    )
    return cached(session, "applications linked to measures",
                  lambda: [Choice(id_, name) for id_, name in session.exec(statement)])
