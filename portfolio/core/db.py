"""The database: one engine per app, one session per request, committed once at its end when
the view finished without raising."""

from contextlib import contextmanager
from datetime import UTC

from flask import current_app, g, request
from sqlalchemy import DateTime, create_engine, event
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, SQLModel


# Before the first table is declared, so that constraint names are stable across databases.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SQLITE_BUSY_TIMEOUT_MS = 10_000
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class UTCDateTime(TypeDecorator):
    """A moment in time, stored as naive UTC and always read back as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC moment is expected")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def make_engine(url):
    """An engine for url; SQLite gets the pragmas and the immediate-write behaviour we rely on."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def _configure_sqlite(engine):
    """Foreign keys, WAL with synchronous=FULL, a busy timeout, and BEGIN IMMEDIATE for writers.

    pysqlite's own transaction handling is switched off so that we emit BEGIN ourselves: a
    session bound with the execution option ``sqlite_begin="IMMEDIATE"`` takes the write lock at
    its start, so concurrent writers queue on the busy timeout instead of failing halfway.
    """

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, connection_record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def writing_bind(engine):
    """The engine as writers should use it: on SQLite, transactions begin IMMEDIATE."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(sqlite_begin="IMMEDIATE")
    return engine


def init_app(app, request_actor):
    """The engine, and the one commit per request. request_actor() names who acts in a request,
    as the audit trail records it (the web layer knows the signed-in user; the core does not)."""
    app.extensions["portfolio.engine"] = make_engine(app.config["DATABASE_URL"])
    app.extensions["portfolio.request_actor"] = request_actor
    app.after_request(_finish_request)
    app.teardown_request(_close_request_session)


def get_engine(app=None):
    return (app or current_app).extensions["portfolio.engine"]


def get_session():
    """The session of the current request, opened on first use."""
    if "db_session" not in g:
        engine = get_engine()
        bind = engine if request.method in SAFE_METHODS else writing_bind(engine)
        g.db_session = Session(bind=bind)
        g.db_session.info["actor"] = current_app.extensions["portfolio.request_actor"]
    return g.db_session


def view_finished():
    """Called when the view returned without raising: its changes may be committed."""
    g.view_finished = True


def rollback_request():
    """Undo what this request wrote so far and commit nothing more of it: for a view that answers
    a refused form (200, 400, 409) after a service flushed part of a change and then said no."""
    session = g.get("db_session")
    if session is not None:
        session.rollback()
    g.request_rolled_back = True


def _finish_request(response):
    """The one commit of a request: only when its view finished without raising and did not roll
    back. Whatever the status code: a counted failed login answers 400 and keeps its count."""
    session = g.get("db_session")
    if session is None:
        return response
    if g.get("view_finished", False) and not g.get("request_rolled_back", False):
        session.commit()
    else:
        session.rollback()
    return response


def _close_request_session(exc):
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


@contextmanager
def session_scope(app=None, actor=None):
    """A session outside a request (CLI, scripts): committed when the block ends without error."""
    engine = get_engine(app)
    with Session(bind=writing_bind(engine)) as session:
        session.info["actor"] = actor or (lambda: (None, "system"))
        yield session
        session.commit()
