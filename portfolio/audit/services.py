"""Reading the audit trail: a record's history, the searchable log, and the chain check."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, UTC
from zoneinfo import ZoneInfo

from sqlalchemy import or_
from sqlmodel import func, select

from portfolio.audit.capture import GENESIS_HASH, entry_hash, record_identity
from portfolio.audit.models import AuditEntry


def history_for(session, record, *related):
    """Entries of record and of the related records given (e.g. an application's contracts),
    newest first, in one query."""
    wanted = {}
    for item in (record, *related):
        wanted.setdefault(type(item).__tablename__, []).append(record_identity(item))
    return session.exec(
        select(AuditEntry)
        .where(
            or_(
                *(
                    (AuditEntry.entity_type == entity_type) & AuditEntry.entity_id.in_(ids)
                    for entity_type, ids in wanted.items()
                )
            )
        )
        .order_by(AuditEntry.id.desc())
    ).all()


def changes_since(session, record, loaded_version):
    """The updates of record saved after the version a user loaded, oldest first."""
    later = [
        entry
        for entry in history_for(session, record)
        if "version" in entry.changes and (entry.changes["version"][1] or 0) > loaded_version
    ]
    return list(reversed(later))


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


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_broken_id: int | None
    problem: str | None


def verify_chain(session):
    """Recompute every entry's hash in order; report the first entry where the chain breaks."""
    previous = GENESIS_HASH
    checked = 0
    # Closed on the way out: on PostgreSQL yield_per reads through a server-side cursor, which
    # an early return would otherwise leave open.
    with session.exec(select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=1000)) as rows:
        for entry in rows:
            checked += 1
            if entry.prev_hash != previous:
                return ChainReport(checked, entry.id, "prev_hash does not match the entry before")
            if entry_hash(entry.model_dump()) != entry.hash:
                return ChainReport(checked, entry.id, "content does not match its hash")
            previous = entry.hash
    return ChainReport(checked, None, None)
