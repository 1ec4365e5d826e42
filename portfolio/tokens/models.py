"""The stored form of a personal API token: its hash, never the secret itself."""

from datetime import date, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from portfolio.core.db import UTCDateTime
from portfolio.core.dates import utcnow


class TokenScope(StrEnum):
    READ = "read"  # GET and HEAD only
    WRITE = "write"  # everything the user's role allows


class ApiToken(SQLModel, table=True):
    """One personal token. ``rate_window``/``rate_count`` count this minute's requests; they and
    ``last_used_at`` are written with Core statements, outside the audit trail (see services)."""

    __tablename__ = "api_token"
    __audit_secret__ = frozenset({"token_hash"})

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    name: str = Field(max_length=120)
    token_hash: str = Field(max_length=64, unique=True)
    prefix: str = Field(max_length=16)  # the first characters, so that a user can tell tokens apart
    scope: str = Field(max_length=10)
    expires_on: date
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    rate_window: datetime | None = Field(default=None, sa_type=UTCDateTime)
    rate_count: int = Field(default=0)
