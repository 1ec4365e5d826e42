"""The searchable audit log: filters, one page of entries, the kinds of record in it."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, UTC
from zoneinfo import ZoneInfo

from sqlmodel import func, select

from portfolio.core.audit.models import AuditEntry


@dataclass(frozen=True)
class LogFilter:
    actor_id: int | None = None
    entity_type: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    hidden_entity_types: frozenset = frozenset()  # entries the reader may not see (e.g. data breaches)


def search(session, log_filter, *, page, per_page):
    """One page of entries matching log_filter, newest first, and the total count."""
    conditions = []
    if log_filter.actor_id is not None:
        conditions.append(AuditEntry.actor_id == log_filter.actor_id)
    if log_filter.entity_type:
        conditions.append(AuditEntry.entity_type == log_filter.entity_type)
    if log_filter.date_from:
        conditions.append(AuditEntry.at >= _start_of(log_filter.date_from))
    if log_filter.date_to:
        conditions.append(AuditEntry.at < _start_of(log_filter.date_to + timedelta(days=1)))
    if log_filter.hidden_entity_types:
        conditions.append(AuditEntry.entity_type.not_in(sorted(log_filter.hidden_entity_types)))
    total = session.exec(select(func.count()).select_from(AuditEntry).where(*conditions)).one()
    entries = session.exec(
        select(AuditEntry)
        .where(*conditions)
        .order_by(AuditEntry.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return entries, total


LOCAL_TIMEZONE = ZoneInfo("Europe/Amsterdam")


def _start_of(day):
    """Midnight of day in Amsterdam, as a UTC moment (the log is read in local dates)."""
    local = datetime.combine(day, time.min, tzinfo=LOCAL_TIMEZONE)
    return local.astimezone(UTC)


def entity_types(session, hidden=frozenset()):
    statement = select(AuditEntry.entity_type).distinct().order_by(AuditEntry.entity_type)
    if hidden:
        statement = statement.where(AuditEntry.entity_type.not_in(sorted(hidden)))
    return session.exec(statement).all()


def actors(session):
    """(user id, name in the trail) of everyone who changed something, by name; the name is the
    latest one the trail recorded for that user."""
    latest = (
        select(AuditEntry.actor_id, func.max(AuditEntry.id).label("last_id"))
        .where(AuditEntry.actor_id.is_not(None))
        .group_by(AuditEntry.actor_id)
        .subquery()
    )
    rows = session.exec(
        select(AuditEntry.actor_id, AuditEntry.actor_label).join(latest, AuditEntry.id == latest.c.last_id)
    ).all()
    return sorted(rows, key=lambda row: row[1].lower())
