"""Shared parts of register records: the optimistic-lock version and the archive fields."""

from datetime import datetime

from sqlalchemy import Column, Integer
from sqlmodel import Field, SQLModel

from portfolio.core.db import UTCDateTime
from portfolio.core.exceptions import VersionConflict


def version_column():
    """A fresh version counter column; pass the same object to Field(sa_column=…) and to
    ``__mapper_args__ = {"version_id_col": …}`` (the string form fails on SQLAlchemy 2.1)."""
    return Column("version", Integer, nullable=False, default=1)


class ArchivableBase(SQLModel):
    """Records are archived with a reason instead of deleted, and can be restored."""

    archived: bool = Field(default=False)
    archived_reason: str | None = Field(default=None, max_length=1000)
    archived_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


def check_version(record, loaded_version, message):
    """Raise VersionConflict unless record is still at the version the user loaded."""
    if record.version != loaded_version:
        raise VersionConflict(message, record=record, loaded_version=loaded_version)


def accept_fields(data, allowed):
    """data limited to the fields a service accepts (no mass assignment), text stripped and empty
    text made None. Raises TypeError for any other field: a caller's mistake, not bad input."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"fields not accepted: {sorted(unknown)}")
    return {key: (value.strip() or None) if isinstance(value, str) else value for key, value in data.items()}
