"""Audit capture below the services: every flush of an audited record appends entries.

The entries are written on the flush's own connection, so they commit or roll back with the
change itself. Appends are serialised (SQLite: the writer's lock; PostgreSQL: an advisory
transaction lock) so that the hash chain cannot fork.
"""

import hashlib
import json
from datetime import date, datetime, UTC
from decimal import Decimal
from enum import Enum

from sqlalchemy import event, inspect, select, text
from sqlalchemy.orm import Session

from portfolio.core.audit.models import AuditAction, AuditEntry
from portfolio.core.dates import utcnow

GENESIS_HASH = "0" * 64
MASK = "***"
_AUDIT_LOCK_KEY = 72_010_001


def init_app(app):
    if not event.contains(Session, "after_flush", record_flush):
        event.listen(Session, "after_flush", record_flush)


def set_reason(session, reason):
    """Attach the user's reason (e.g. for archiving) to the entries of this session's next flushes."""
    session.info["audit_reason"] = reason


def is_audited(obj):
    return getattr(type(obj), "__audit__", True) and hasattr(type(obj), "__tablename__")


def record_flush(session, flush_context):
    changes = []
    for obj in session.new:
        if is_audited(obj):
            changes.append((AuditAction.INSERT, obj, _column_values(obj, old=False)))
    for obj in session.dirty:
        if is_audited(obj) and session.is_modified(obj, include_collections=False):
            diff = _column_diff(obj)
            if diff:
                changes.append((AuditAction.UPDATE, obj, diff))
    for obj in session.deleted:
        if is_audited(obj):
            changes.append((AuditAction.DELETE, obj, _column_values(obj, old=True)))
    if changes:
        _append(session, changes)


def _append(session, changes):
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _AUDIT_LOCK_KEY})
    previous = connection.execute(
        select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).scalar() or GENESIS_HASH
    actor = session.info.get("actor")
    actor_id, actor_label = actor() if callable(actor) else (None, "system")
    reason = session.info.get("audit_reason")
    at = utcnow()
    for action, obj, diff in changes:
        row = {
            "at": at,
            "actor_id": actor_id,
            "actor_label": actor_label,
            "entity_type": type(obj).__tablename__,
            "entity_id": record_identity(obj),
            "action": str(action),
            "changes": diff,
            "reason": reason,
            "prev_hash": previous,
        }
        row["hash"] = entry_hash(row)
        connection.execute(AuditEntry.__table__.insert(), row)
        previous = row["hash"]


def entry_hash(row):
    """SHA-256 over the entry's content and the hash of the entry before it."""
    at = row["at"].astimezone(UTC).isoformat(timespec="microseconds")
    content = [
        row["prev_hash"], at, row["actor_id"], row["actor_label"], row["entity_type"],
        row["entity_id"], row["action"], row["changes"], row["reason"],
    ]
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record_identity(obj):
    """The primary key as text; works during a flush, before SQLAlchemy assigns the identity."""
    return ",".join(str(value) for value in inspect(obj).mapper.primary_key_from_instance(obj))


def _secret_fields(obj):
    return getattr(type(obj), "__audit_secret__", frozenset())


def _column_values(obj, *, old):
    state = inspect(obj)
    secret = _secret_fields(obj)
    values = {}
    for attribute in state.mapper.column_attrs:
        value = state.dict.get(attribute.key)
        if value is None:
            continue
        shown = MASK if attribute.key in secret else _jsonable(value)
        values[attribute.key] = [shown, None] if old else [None, shown]
    return values


def _column_diff(obj):
    state = inspect(obj)
    secret = _secret_fields(obj)
    diff = {}
    for attribute in state.mapper.column_attrs:
        history = state.attrs[attribute.key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old == new:
            continue
        if attribute.key in secret:
            diff[attribute.key] = [MASK, MASK]
        else:
            diff[attribute.key] = [_jsonable(old), _jsonable(new)]
    version_column = state.mapper.version_id_col
    if diff and version_column is not None:
        # The mapper bumps the counter itself, outside attribute history; by now it holds the new value.
        key = state.mapper.get_property_by_column(version_column).key
        diff[key] = [state.dict[key] - 1, state.dict[key]]
    return diff


def _jsonable(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return str(value)
