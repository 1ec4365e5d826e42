"""Fixtures: a fresh database per test (SQLite or PostgreSQL), an app, clients per role.

Run with `pytest --db sqlite` (default) or `pytest --db postgresql`; the PostgreSQL server is
taken from PORTFOLIO_TEST_POSTGRES_URL (default: the local server, database `test`). The suite
creates a database of its own there and drops it at the end; if the server cannot be reached
the run fails rather than skipping.
"""

import os
import shutil
import uuid
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, event, inspect, text
from sqlmodel import func, select
from sqlalchemy.engine import make_url

from portfolio import create_app
from portfolio.ops import migrations
from portfolio.core.audit.models import AuditEntry
from portfolio.web.permissions import Role
from portfolio.core.db import get_engine, session_scope
from portfolio.reference.seed import seed_reference_data

pytest_plugins = ["tests.scorecard"]

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
CHEAP_ARGON2 = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}
PASSWORD = "correct horse battery"


def pytest_addoption(parser):
    parser.addoption(
        "--db", choices=("sqlite", "postgresql"), default="sqlite", help="database to test against"
    )


def pytest_report_header(config):
    database = config.getoption("--db")
    if database == "postgresql":
        url = make_url(os.environ.get("PORTFOLIO_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
        return f"database: PostgreSQL at {url.host}:{url.port or 5432}"
    return "database: SQLite"


def base_config(database_url, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test secret key",
        "DATABASE_URL": database_url,
        "WTF_CSRF_ENABLED": False,
        "ARGON2": CHEAP_ARGON2,
    }
    config.update(overrides)
    return config


def seed(app):
    """The reference data every installation has (organisations, domains), as `make run` adds it."""
    with app.app_context(), session_scope(app, actor=lambda: (None, "seed")) as session:
        seed_reference_data(session)


class SqliteDatabases:
    """Migrate one template file per run; every test gets a copy of it."""

    def __init__(self, directory):
        self.directory = directory
        self.template = directory / "template.sqlite3"
        app = create_app(base_config(f"sqlite:///{self.template}"), instance_path=str(directory))
        migrations.upgrade(app)
        seed(app)
        get_engine(app).dispose()

    @contextmanager
    def fresh(self):
        path = self.directory / f"{uuid.uuid4().hex}.sqlite3"
        shutil.copyfile(self.template, path)
        yield f"sqlite:///{path}"
        path.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


class PostgresDatabases:
    """One database of our own, migrated once and emptied after every test."""

    def __init__(self, server_url):
        self.server_url = make_url(server_url)
        self.name = f"portfolio_test_{uuid.uuid4().hex[:12]}"
        self.url = self.server_url.set(database=self.name).render_as_string(hide_password=False)
        self.admin_engine = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
        try:
            with self.admin_engine.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{self.name}"'))
        except Exception as error:  # any failure to reach the server ends the run
            pytest.exit(f"PostgreSQL at {self.server_url!r} cannot be reached: {error}", returncode=3)
        self.app = create_app(base_config(self.url), instance_path=os.devnull)
        migrations.upgrade(self.app)
        seed(self.app)
        self.engine = create_engine(self.url)

    @contextmanager
    def fresh(self):
        yield self.url
        self.empty()

    def empty(self):
        """TRUNCATE bypasses the row triggers; replica mode also lets it past the audit guard."""
        tables = [name for name in inspect(self.engine).get_table_names() if name != "alembic_version"]
        with self.engine.begin() as connection:
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            quoted = ", ".join(f'"{name}"' for name in tables)
            connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
        seed(self.app)

    def drop(self):
        get_engine(self.app).dispose()
        self.engine.dispose()
        with self.admin_engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin_engine.dispose()


@pytest.fixture(scope="session")
def databases(request, tmp_path_factory):
    if request.config.getoption("--db") == "postgresql":
        pool = PostgresDatabases(os.environ.get("PORTFOLIO_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
        yield pool
        pool.drop()
    else:
        yield SqliteDatabases(tmp_path_factory.mktemp("databases"))


@pytest.fixture
def database_url(databases):
    with databases.fresh() as url:
        yield url


@pytest.fixture
def app_config():
    """Per-test config overrides; a test module can override this fixture."""
    return {}


@pytest.fixture
def app(database_url, app_config, tmp_path):
    app = create_app(base_config(database_url, **app_config), instance_path=str(tmp_path / "instance"))
    yield app
    get_engine(app).dispose()


@pytest.fixture(autouse=True)
def _push_request_context():
    """Replaces pytest-flask's fixture of this name, which keeps one request context pushed for
    the whole test, so that requests in one test would share `g` (the signed-in user, the
    database session) and skip their teardown."""
    yield


@pytest.fixture
def db(app):
    """A session outside any request, committed when the test's `with` block ends."""

    @contextmanager
    def scope():
        with app.app_context(), session_scope(app) as session:
            yield session

    return scope


@pytest.fixture
def make_user(app, db):
    """Create an account: make_user(role="editor", email=None, password=PASSWORD, active=True)."""
    from portfolio.users.services import create_user

    def make(role=Role.EDITOR, *, email=None, name=None, password=PASSWORD, active=True):
        role = Role(role)
        email = email or f"{role.value}-{uuid.uuid4().hex[:8]}@example.org"
        with db() as session:
            user = create_user(session, email=email, name=name or f"Test {role.value}", role=role.value, password=password)
            user.active = active
            session.flush()
            session.expunge(user)
        return user

    return make


def sign_in(client, user):
    """Put user's session in client's cookie, as a successful login would."""
    with client.session_transaction() as flask_session:
        flask_session["_user_id"] = user.get_id()
        flask_session["_fresh"] = True
        flask_session.permanent = True
    return client


@pytest.fixture
def client_as(app, make_user):
    """A new test client signed in as a new user of role: client_as("ciso")."""

    def make(role):
        user = make_user(role)
        client = app.test_client()
        sign_in(client, user)
        client.user = user
        return client

    return make


@pytest.fixture
def count_queries(app):
    """Context manager counting the SQL statements the app's engine runs inside it."""

    @contextmanager
    def counting():
        statements = []

        def record(conn, cursor, statement, parameters, context, executemany):
            statements.append(statement)

        engine = get_engine(app)
        event.listen(engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            event.remove(engine, "before_cursor_execute", record)

    return counting


@pytest.fixture
def editor(client_as):
    return client_as("editor")


@pytest.fixture
def viewer(client_as):
    return client_as("viewer")


@pytest.fixture
def rows(db):
    """rows(Model) -> every stored record of Model (detached), oldest first."""

    def read(model):
        with db() as session:
            found = session.exec(select(model).order_by(model.id)).all()
            for row in found:
                session.expunge(row)
            return found

    return read


@pytest.fixture
def audit_count(db):
    """audit_count() -> how many audit entries exist: a refused write must leave it unchanged."""

    def count():
        with db() as session:
            return session.exec(select(func.count()).select_from(AuditEntry)).one()

    return count
