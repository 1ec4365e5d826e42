"""The audit trail: append-only entries, each chained by hash to the one before."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Index
from sqlmodel import Field, SQLModel

from portfolio.core.db import UTCDateTime
from portfolio.core.dates import utcnow


class AuditAction(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"
    __audit__ = False
    __table_args__ = (Index("ix_audit_entry_entity", "entity_type", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    actor_id: int | None = Field(default=None, index=True)
    actor_label: str = Field(max_length=254)
    entity_type: str = Field(max_length=64)
    entity_id: str = Field(max_length=64)
    action: str = Field(max_length=10)
    changes: dict = Field(default_factory=dict, sa_type=JSON)
    reason: str | None = Field(default=None, max_length=1000)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64, unique=True)
