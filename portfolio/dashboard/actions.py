"""What needs one user's action, by role: shown on the start page and sent in the daily digest.

- everyone: the measures assigned to them that are overdue, due within 30 days, or due for
  review (the measure list's own filters);
- I&A staff (editor) and administrators: applications whose action-needed-by date falls within
  6 months (the application list's filter), and procurements behind schedule (the timeline's rule);
- the privacy role and administrators (MANAGE_BREACHES): data breaches still open and not
  notified to the Autoriteit Persoonsgegevens, with their 72-hour deadline.

Each item has a stable key ("measure:12:overdue"), by which the reminders send it once a day.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import func, select

from portfolio.applications import listing as application_listing
from portfolio.applications.listing import ApplicationFilter
from portfolio.applications.models import Application
from portfolio.web.permissions import Role
from portfolio.web.permissions import Permission, can
from portfolio.core.figure_cache import cached
from portfolio.privacy.breaches.deadline import notification_deadline
from portfolio.privacy.chain import open_breaches
from portfolio.privacy.models import DataBreach
from portfolio.procurements.services import list_procurements
from portfolio.procurements.timeline import is_behind
from portfolio.security import listing as measure_listing
from portfolio.security.enums import MeasureStatus
from portfolio.security.listing import MeasureFilter, effective_due
from portfolio.security.models import Measure

ACTION_WITHIN_MONTHS = 6
I_AND_A = {Role.EDITOR.value, Role.ADMIN.value}
MEASURE_KINDS = (("measure_overdue", {"due": "overdue"}), ("measure_soon", {"due": "soon"}),
                 ("review_due", {"review_due": True}))


@dataclass(frozen=True)
class Item:
    key: str
    kind: str  # measure_overdue, measure_soon, review_due, application, procurement, breach
    title: str
    due: date | datetime | None
    endpoint: str
    arguments: dict = field(default_factory=dict)


@dataclass
class Actions:
    items: list
    application_total: int = 0  # may exceed the applications listed (see limit)

    def of(self, kind):
        return [item for item in self.items if item.kind == kind]

    def __len__(self):
        return len(self.items)


def _measure_items(session, user, today):
    items = []
    for kind, fields in MEASURE_KINDS:
        statement = measure_listing.filtered_statement(MeasureFilter(assignee_id=user.id, **fields), today=today)
        order = Measure.next_review_on if kind == "review_due" else effective_due()
        for measure in session.exec(statement.order_by(order, Measure.id)).all():
            due = measure.next_review_on if kind == "review_due" else (
                measure.postponed_until if measure.status == MeasureStatus.POSTPONED else measure.due_on)
            items.append(Item(f"measure:{measure.id}:{kind}", kind, measure.title, due,
                              "security.measure_detail", {"measure_id": measure.id}))
    return items


def _application_items(session, today, lead_months, limit):
    """The applications needing action within ACTION_WITHIN_MONTHS, and how many there are, kept
    until the next write (figure_cache): the dates are derived from every contract."""
    return cached(session, "application actions",
                  lambda: _find_application_items(session, today, lead_months, limit), today, lead_months, limit)


def _find_application_items(session, today, lead_months, limit):
    application_filter = ApplicationFilter(action_within_months=ACTION_WITHIN_MONTHS, sort="action")
    if limit is None:
        rows = list(application_listing.iter_filtered(session, application_filter, today=today, lead_months=lead_months))
        total = len(rows)
    else:
        # The list's own filter, without the usages the list page loads: two queries.
        statement, action = application_listing.filtered_statement(application_filter, today=today, lead_months=lead_months)
        total = session.exec(select(func.count()).select_from(statement.subquery())).one()
        rows = session.exec(statement.order_by(action, Application.id).limit(limit)).all()
    items = [Item(f"application:{application.id}:action:{action_date.isoformat()}", "application", application.name,
                  action_date, "applications.detail", {"application_id": application.id})
             for application, action_date in rows]
    return items, total


def _procurement_items(session, today):
    return cached(session, "procurement actions", lambda: _find_procurement_items(session, today), today)


def _find_procurement_items(session, today):
    return [Item(f"procurement:{p.id}:behind", "procurement", p.title, None, "procurements.detail",
                 {"procurement_id": p.id})
            for p in list_procurements(session) if is_behind(p, today)]


def _breach_items(session):
    breaches = session.exec(
        select(DataBreach).where(open_breaches(), DataBreach.notified_at.is_(None)).order_by(DataBreach.discovered_at)
    ).all()
    return [Item(f"breach:{b.id}:deadline", "breach", b.description[:120], notification_deadline(b.discovered_at),
                 "privacy.breach_detail", {"breach_id": b.id}) for b in breaches]


def actions_for(session, user, *, today, lead_months, limit=10):
    """The user's Actions. limit caps the applications listed (None: all of them, for e-mail);
    a fixed number of queries either way."""
    items = _measure_items(session, user, today)
    total = 0
    if user.role in I_AND_A:
        applications, total = _application_items(session, today, lead_months, limit)
        items += applications + _procurement_items(session, today)
    if can(user, Permission.MANAGE_BREACHES):
        items += _breach_items(session)
    return Actions(items=items, application_total=total)
