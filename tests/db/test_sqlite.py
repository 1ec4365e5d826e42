"""SQLite as the app configures it: pragmas on every connection, and writers that queue instead of failing.

These tests use a SQLite database whatever --db says, since they test SQLite's own behaviour.
"""

import threading
from contextlib import contextmanager

import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from portfolio.auth.models import User
from portfolio.core.db import SQLITE_BUSY_TIMEOUT_MS, get_engine, session_scope
from portfolio.users.services import create_user
from tests.conftest import PASSWORD
from tests.db.threads import GRACE_SECONDS, run_in_threads

EXPECTED_PRAGMAS = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "busy_timeout": SQLITE_BUSY_TIMEOUT_MS,
}


@pytest.fixture
def database_url(sqlite_url):
    return sqlite_url


def pragmas(connection):
    return {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in EXPECTED_PRAGMAS}


@contextmanager
def recorded_statements(engine):
    statements = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def add_user(session, email):
    return create_user(session, email=email, name=email, role="viewer", password=PASSWORD)


def test_every_connection_has_the_pragmas(app):
    engine = get_engine(app)
    with engine.connect() as first, engine.connect() as second, engine.connect() as third:
        for connection in (first, second, third):
            assert pragmas(connection) == EXPECTED_PRAGMAS
    engine.dispose()  # new connections after the pool is emptied, too
    with engine.connect() as fresh:
        assert pragmas(fresh) == EXPECTED_PRAGMAS


def test_foreign_keys_are_enforced(app):
    with get_engine(app).begin() as connection:
        connection.exec_driver_sql("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        connection.exec_driver_sql("CREATE TABLE child (parent_id INTEGER REFERENCES parent (id))")
    with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"), get_engine(app).begin() as connection:
        connection.exec_driver_sql("INSERT INTO child (parent_id) VALUES (1)")


def test_a_writing_session_begins_immediate(app):
    with recorded_statements(get_engine(app)) as statements, session_scope(app) as session:
        session.exec(select(User)).all()

    assert statements[0] == "BEGIN IMMEDIATE"


@pytest.mark.parametrize(("method", "begin"), [("GET", "BEGIN DEFERRED"), ("POST", "BEGIN IMMEDIATE")])
def test_requests_that_may_write_begin_immediate(app, client_as, method, begin):
    client = client_as("admin")

    with recorded_statements(get_engine(app)) as statements:
        client.open("/admin/users/new", method=method, data={})

    assert statements[0] == begin


def test_a_second_writer_waits_for_the_first_instead_of_failing(app):
    """With a deferred BEGIN the second writer would read before the first commits, signal it,
    and then fail with "database is locked" when it tries to write on its stale snapshot."""
    first_wrote, second_read = threading.Event(), threading.Event()
    order = []

    def first():
        with session_scope(app) as session:
            add_user(session, "first@example.org")
            first_wrote.set()
            second_read.wait(timeout=GRACE_SECONDS)
            order.append("first commits")

    def second():
        assert first_wrote.wait(timeout=30)
        with session_scope(app) as session:
            session.exec(select(User)).all()
            order.append("second began")
            second_read.set()
            add_user(session, "second@example.org")
        order.append("second committed")

    run_in_threads(app, first, second)

    assert order == ["first commits", "second began", "second committed"]
    with session_scope(app) as session:
        assert sorted(session.exec(select(User.email)).all()) == ["first@example.org", "second@example.org"]
