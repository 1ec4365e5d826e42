"""Fixtures for the audit tests: reading the trail, appending to it directly, tampering with it."""

import pytest
from sqlalchemy import bindparam, text
from sqlmodel import Session, select

from portfolio.core.audit.capture import GENESIS_HASH, entry_hash
from portfolio.core.audit.models import AuditEntry
from portfolio.auth.models import User
from portfolio.core.db import get_engine


@pytest.fixture
def dialect(app):
    return get_engine(app).dialect.name


def read_entries(app, *conditions, **column_values):
    with Session(get_engine(app)) as session:
        query = select(AuditEntry).where(*conditions).filter_by(**column_values).order_by(AuditEntry.id)
        return session.exec(query).all()


@pytest.fixture
def all_entries(app):
    """all_entries() -> the whole trail, oldest first, including the seeded reference data's entries."""
    return lambda: read_entries(app)


@pytest.fixture
def entries(app, all_entries):
    """entries(**column_values) -> the matching audit entries written since the test began
    (a fresh database already holds the reference data's), oldest first, detached and loaded."""
    existing = all_entries()
    baseline = existing[-1].id if existing else 0
    return lambda **where: read_entries(app, AuditEntry.id > baseline, **where)


@pytest.fixture
def user_row(app):
    """user_row(email) -> the stored account (detached), to compare entries with the real secrets."""

    def read(email):
        with Session(get_engine(app)) as session:
            return session.exec(select(User).where(User.email == email)).one()

    return read


@pytest.fixture
def append_entry(app):
    """append_entry(at, entity_type=..., entity_id=..., actor=...) -> id of a correctly chained
    entry written straight to the table: for entity types and dates no feature produces yet."""

    def append(at, *, entity_type="application", entity_id="1", actor=(None, "system")):
        row = {
            "at": at, "actor_id": actor[0], "actor_label": actor[1], "entity_type": entity_type,
            "entity_id": entity_id, "action": "insert", "changes": {"name": [None, entity_id]},
            "reason": None,
        }
        with get_engine(app).begin() as connection:
            last = connection.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
            row["prev_hash"] = last.scalar() or GENESIS_HASH
            row["hash"] = entry_hash(row)
            return connection.execute(AuditEntry.__table__.insert(), row).inserted_primary_key[0]

    return append


@pytest.fixture
def tamper(app):
    """tamper(sql, **params): run sql past the append-only guard, as someone with database access
    could (SQLite: drop the triggers of this test's copy; PostgreSQL: replica mode, this transaction only).
    A parameter given as (value, type) is bound with that SQL type."""

    def run(sql, **params):
        statement = text(sql).bindparams(
            *(bindparam(name, type_=value[1]) for name, value in params.items() if isinstance(value, tuple))
        )
        values = {name: value[0] if isinstance(value, tuple) else value for name, value in params.items()}
        with get_engine(app).begin() as connection:
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_update")
                connection.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_delete")
            else:
                connection.execute(text("SET LOCAL session_replication_role = replica"))
            connection.execute(statement, values)

    return run


@pytest.fixture
def verify_trail(app):
    """verify_trail() -> the result of `flask --app portfolio audit verify`."""

    def run():
        return app.test_cli_runner().invoke(args=["audit", "verify"])

    return run
