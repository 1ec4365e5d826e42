"""Accounts: users with a role, and the failed logins that lock an account for a while."""

import secrets
from datetime import datetime

from sqlalchemy import Column, Integer
from sqlmodel import Field, SQLModel

from portfolio.core.db import UTCDateTime
from portfolio.core.dates import utcnow


def new_session_token():
    return secrets.token_urlsafe(24)


_user_version = Column("version", Integer, nullable=False, default=1)


class User(SQLModel, table=True):
    """A person who signs in. ``session_token`` is part of every session cookie: changing it
    ends all of that user's sessions on the server side."""

    __tablename__ = "user_account"
    __audit_secret__ = frozenset({"password_hash", "session_token"})
    __mapper_args__ = {"version_id_col": _user_version}

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True)
    name: str = Field(max_length=120)
    role: str = Field(max_length=20)
    active: bool = Field(default=True)
    password_hash: str = Field(max_length=255)
    session_token: str = Field(default_factory=new_session_token, max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int | None = Field(default=None, sa_column=_user_version)

    # Flask-Login's protocol
    @property
    def is_active(self):
        return self.active

    @property
    def is_authenticated(self):
        return True

    @property
    def is_anonymous(self):
        return False

    def get_id(self):
        return f"{self.id}:{self.session_token}"


class LoginAttempt(SQLModel, table=True):
    """One login attempt for an e-mail address; itself a security log, so not audited again."""

    __tablename__ = "login_attempt"
    __audit__ = False

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, index=True)
    succeeded: bool
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
