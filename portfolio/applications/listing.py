"""The application list: filters, free-text search, sorting and paging, in a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, exists, or_
from sqlalchemy.orm import contains_eager
from sqlmodel import func, select

from portfolio.core.paging import Page, escape_like
from portfolio.applications.deadlines import action_needed_by_sql, contract_deadlines_sql
from portfolio.core.dates import months_before
from portfolio.applications.enums import BivLevel, LifecycleStatus, UsageStatus
from portfolio.applications.models import Application, Contract, Usage
from portfolio.core.figure_cache import cached
from portfolio.reference.models import Domain, Organisation
from portfolio.suppliers.models import Supplier

PAGE_SIZE = 50
SORTS = ("name", "domain", "supplier", "status", "biv", "action")


@dataclass(frozen=True)
class ApplicationFilter:
    text: str | None = None
    domain_id: int | None = None
    lifecycle_status: str | None = None
    supplier_id: int | None = None
    organisation_id: int | None = None
    hosting: str | None = None
    biv: str | None = None
    time_verdict: str | None = None
    action_within_months: int | None = None
    contract_ends_month: date | None = None  # the first day: a current contract ends in that month
    include_archived: bool = False
    sort: str = "name"
    descending: bool = False


@dataclass
class ApplicationRow:
    application: Application
    action_needed_by: date | None
    organisations: list = field(default_factory=list)

    @property
    def highest_biv(self):
        return highest_biv(self.application)


def highest_biv(application):
    """The highest of the application's own availability, integrity and confidentiality."""
    levels = [BivLevel(value) for value in (application.availability, application.integrity, application.confidentiality) if value]
    return max(levels, key=lambda level: level.rank) if levels else None


def _biv_condition(level):
    """The application's highest level is exactly level (an unset level counts as no level, not as
    unknown: NOT (NULL IN (…)) would drop every application with one of the three unset)."""
    return _biv_rank_expression() == BivLevel(level).rank


def _biv_rank_expression():
    """The rank of the highest level; NULL when none is set, so that those sort last."""

    def rank(column):
        return case(*((column == level.value, level.rank) for level in BivLevel), else_=0)

    a, i, c = (rank(column) for column in (Application.availability, Application.integrity, Application.confidentiality))
    top = case((a >= i, a), else_=i)
    return func.nullif(case((top >= c, top), else_=c), 0)


def filtered_statement(application_filter, *, today, lead_months):
    """select(Application, action_needed_by) with the filter applied, joined to supplier and domain."""
    deadlines = contract_deadlines_sql(Contract.__table__, lead_months)
    action_column = action_needed_by_sql(deadlines, Application.__table__)
    statement = _joined(select(Application, action_column.label("action_needed_by")))
    statement = statement.outerjoin(deadlines, deadlines.c.application_id == Application.id)
    return _where(statement, application_filter, today=today, action_column=action_column), action_column


def _joined(statement):
    return statement.join(Domain, Application.domain_id == Domain.id).outerjoin(
        Supplier, Application.supplier_id == Supplier.id
    )


def _where(statement, application_filter, *, today, action_column):
    """statement narrowed to the filter; action_column is needed only for the action filter."""
    f = application_filter
    if not f.include_archived:
        statement = statement.where(Application.archived.is_(False))
    if f.text:
        pattern = f"%{escape_like(f.text.strip())}%"
        statement = statement.where(
            or_(
                *(column.ilike(pattern, escape="\\") for column in (
                    Application.name, Application.product, Application.description, Supplier.name,
                ))
            )
        )
    for column, value in (
        (Application.domain_id, f.domain_id),
        (Application.lifecycle_status, f.lifecycle_status),
        (Application.supplier_id, f.supplier_id),
        (Application.hosting, f.hosting),
        (Application.time_verdict, f.time_verdict),
    ):
        if value is not None:
            statement = statement.where(column == value)
    if f.organisation_id is not None:
        statement = statement.where(
            exists().where(
                Usage.application_id == Application.id,
                Usage.organisation_id == f.organisation_id,
                Usage.status != UsageStatus.ENDED.value,
                Usage.archived.is_(False),
            )
        )
    if f.biv is not None:
        statement = statement.where(_biv_condition(f.biv))
    if f.action_within_months is not None:
        horizon = months_before(today, -f.action_within_months)
        statement = statement.where(action_column.is_not(None), action_column <= horizon)
    if f.contract_ends_month is not None:
        statement = statement.where(exists().where(
            Contract.application_id == Application.id, Contract.archived.is_(False),
            Contract.ends_on >= f.contract_ends_month, Contract.ends_on < months_before(f.contract_ends_month, -1),
        ))
    return statement


def _order(statement, application_filter, action):
    lifecycle_order = case(
        *((Application.lifecycle_status == status.value, position) for position, status in enumerate(LifecycleStatus)),
        else_=len(LifecycleStatus),
    )
    keys = {
        "name": func.lower(Application.name),
        "domain": func.lower(Domain.name),
        "supplier": func.lower(Supplier.name),
        "status": lifecycle_order,
        "biv": _biv_rank_expression(),
        "action": action,  # None unless the statement joined the deadlines
    }
    key = keys.get(application_filter.sort, keys["name"])
    ordered = key.desc() if application_filter.descending else key.asc()
    # Empty values last in either direction, then a stable tie-breaker.
    return statement.order_by(key.is_(None), ordered, func.lower(Application.name), Application.id)


def list_applications(session, application_filter, *, page, today, lead_months, size=PAGE_SIZE):
    """One page of the filtered, sorted list and the total, in a fixed number of queries.

    Which applications are on the page and how many match are whole-register questions: they are
    answered once per state of the register (figure_cache). The action-needed-by date is derived
    over every contract only when the filter or the sort needs it; otherwise for the page's rows.
    """
    total, ids = cached(
        session, "application list page",
        lambda: _page_ids(session, application_filter, page=page, size=size, today=today, lead_months=lead_months),
        application_filter, page, size, today, lead_months,
    )
    deadlines = contract_deadlines_sql(Contract.__table__, lead_months, application_ids=ids)
    statement = (
        _joined(select(Application, action_needed_by_sql(deadlines, Application.__table__)))
        .outerjoin(deadlines, deadlines.c.application_id == Application.id)
        .where(Application.id.in_(ids))
        .options(contains_eager(Application.domain), contains_eager(Application.supplier))
    )
    loaded = {application.id: (application, action_date) for application, action_date in session.exec(statement)}
    organisations = _current_organisations(session, ids)
    rows = [
        ApplicationRow(application=loaded[id_][0], action_needed_by=loaded[id_][1], organisations=organisations.get(id_, []))
        for id_ in ids
    ]
    return Page(rows=rows, total=total, number=page, size=size)


def _page_ids(session, application_filter, *, page, size, today, lead_months):
    """(total, [ids of the page in list order]): whole-register work, so kept per state (figure_cache)."""
    f = application_filter
    ids_statement, action_column = _joined(select(Application.id)), None
    if f.action_within_months is not None or f.sort == "action":
        deadlines = contract_deadlines_sql(Contract.__table__, lead_months)
        action_column = action_needed_by_sql(deadlines, Application.__table__)
        ids_statement = ids_statement.outerjoin(deadlines, deadlines.c.application_id == Application.id)
    ids_statement = _where(ids_statement, f, today=today, action_column=action_column)
    total = session.exec(select(func.count()).select_from(ids_statement.subquery())).one()
    ordered = _order(ids_statement, f, action_column)
    return total, list(session.exec(ordered.offset((page - 1) * size).limit(size)).all())


def _current_organisations(session, application_ids):
    """application id -> the organisations with a current usage of it, in their fixed order."""
    statement = (
        select(Usage.application_id, Organisation)
        .join(Organisation, Usage.organisation_id == Organisation.id)
        .where(
            Usage.application_id.in_(application_ids),
            Usage.status != UsageStatus.ENDED.value,
            Usage.archived.is_(False),
        )
        .order_by(Organisation.position, Organisation.id)
    )
    organisations = {}
    for application_id, organisation in session.exec(statement):
        organisations.setdefault(application_id, []).append(organisation)
    return organisations


def iter_values(session, application_filter, *, today, lead_months, columns, batch=1000):
    """Tuples of columns(action_needed_by) for every application of the filter in list order,
    streamed in batches, without loading records (the exports: 100,000 rows in seconds)."""
    deadlines = contract_deadlines_sql(Contract.__table__, lead_months)
    action_column = action_needed_by_sql(deadlines, Application.__table__)
    statement = _joined(select(*columns(action_column))).outerjoin(
        deadlines, deadlines.c.application_id == Application.id
    )
    statement = _where(statement, application_filter, today=today, action_column=action_column)
    statement = _order(statement, application_filter, action_column)
    for row in session.execute(statement.execution_options(yield_per=batch)):
        yield tuple(row)


def iter_filtered(session, application_filter, *, today, lead_months, batch=1000):
    """Every application of the filter in list order, streamed in batches (for exports)."""
    statement, action = filtered_statement(application_filter, today=today, lead_months=lead_months)
    statement = _order(statement, application_filter, action).options(
        contains_eager(Application.domain), contains_eager(Application.supplier)
    )
    yield from session.exec(statement.execution_options(yield_per=batch))


