"""The migrations build exactly the schema the models describe, and can be undone and redone."""

import os
import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

import portfolio.ops.models  # noqa: F401  (puts every table on the metadata)
from portfolio import PROJECT_ROOT
from portfolio.ops import migrations
from portfolio.core.db import get_engine


def schema_diff(app):
    with get_engine(app).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, SQLModel.metadata)


def table_names(app):
    return set(inspect(get_engine(app)).get_table_names())


def schema(app):
    """Tables with their columns, keys and indexes, as the database reports them."""
    inspector = inspect(get_engine(app))
    described = {}
    for table in sorted(inspector.get_table_names()):
        described[table] = {
            "columns": [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)],
            "primary_key": inspector.get_pk_constraint(table)["constrained_columns"],
            "foreign_keys": sorted(str(fk) for fk in inspector.get_foreign_keys(table)),
            "unique": sorted(str(uq) for uq in inspector.get_unique_constraints(table)),
            "indexes": sorted(str(ix) for ix in inspector.get_indexes(table)),
        }
    return described


def head_revision(app):
    return ScriptDirectory.from_config(migrations.alembic_config(app)).get_current_head()


def test_the_migrated_database_matches_the_models(app):
    assert table_names(app) == set(SQLModel.metadata.tables) | {"alembic_version"}
    assert schema_diff(app) == []


def test_downgrade_to_base_and_upgrade_again(app, make_user):
    make_user("viewer")
    migrated = schema(app)

    migrations.downgrade(app, "base")
    assert table_names(app) == {"alembic_version"}

    migrations.upgrade(app)
    assert schema(app) == migrated
    # The append-only guard came back with the table.
    make_user("viewer")
    with pytest.raises(DBAPIError, match="append-only"), get_engine(app).begin() as connection:
        connection.execute(text("DELETE FROM audit_entry"))


def test_db_current_prints_the_head_revision(app, database_url):
    """Run as an operator would: alembic prints to the process's standard output."""
    environment = {**os.environ, "PORTFOLIO_DATABASE_URL": database_url, "PORTFOLIO_SECRET_KEY": "test"}

    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "portfolio", "db", "current"],
        cwd=PROJECT_ROOT, env=environment, capture_output=True, text=True, timeout=60, check=False,
    )

    assert result.returncode == 0, result.stderr
    assert f"{head_revision(app)} (head)" in result.stdout
