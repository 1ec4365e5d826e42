"""A budget record's history: its own audit entries and those of its rows, deleted ones included."""

from sqlalchemy import or_
from sqlmodel import select

from portfolio.core.audit.models import AuditEntry


def line_history(session, line):
    """Audit entries of the line, of its years and split and of allocations to it, newest first;
    rows deleted since (a year taken out) are found through their entries too."""
    return _history(session, line, ("budget_line_amount", "budget_line_share", "allocation"), "budget_line_id")


def funding_history(session, source):
    """Audit entries of the source and of every allocation from it, deleted ones included."""
    return _history(session, source, ("allocation",), "funding_source_id")


def _history(session, parent, child_types, key):
    """Children are recognised by the parent key in their entries' changes (present in every insert
    and delete, and in an update that moves them), then read by identity: two queries in all."""
    parent_id = parent.id
    mentions = or_(
        AuditEntry.changes[(key, 0)].as_integer() == parent_id,
        AuditEntry.changes[(key, 1)].as_integer() == parent_id,
    )
    children = session.exec(
        select(AuditEntry.entity_type, AuditEntry.entity_id)
        .where(AuditEntry.entity_type.in_(child_types), mentions)
        .distinct()
    ).all()
    conditions = [(AuditEntry.entity_type == type(parent).__tablename__) & (AuditEntry.entity_id == str(parent_id))]
    for entity_type in child_types:
        ids = [entity_id for kind, entity_id in children if kind == entity_type]
        if ids:
            conditions.append((AuditEntry.entity_type == entity_type) & AuditEntry.entity_id.in_(ids))
    return session.exec(select(AuditEntry).where(or_(*conditions)).order_by(AuditEntry.id.desc())).all()
