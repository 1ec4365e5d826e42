"""Fixtures for the database-layer tests: a migrated SQLite database whatever --db says."""

import shutil
import uuid

import pytest

from portfolio import create_app
from portfolio.ops import migrations
from portfolio.core.db import get_engine


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    directory = tmp_path_factory.mktemp("sqlite-only")
    template = directory / "template.sqlite3"
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": f"sqlite:///{template}"},
        instance_path=str(directory / "instance"),
    )
    migrations.upgrade(app)
    get_engine(app).dispose()
    return template


@pytest.fixture
def sqlite_url(sqlite_template, tmp_path):
    """A fresh copy of the migrated SQLite database, for tests of SQLite's own behaviour."""
    path = tmp_path / f"{uuid.uuid4().hex}.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"
