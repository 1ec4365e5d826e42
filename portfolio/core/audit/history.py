"""Reading the trail back: a record's history, what changed since a version, and the chain check."""

from dataclasses import dataclass

from sqlalchemy import or_
from sqlmodel import select

from portfolio.core.audit.capture import GENESIS_HASH, entry_hash, record_identity
from portfolio.core.audit.models import AuditEntry


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
