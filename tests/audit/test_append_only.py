"""The database itself refuses to change or remove audit entries, whoever asks."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from portfolio.core.db import get_engine


def run_sql(app, statement):
    with get_engine(app).begin() as connection:
        connection.execute(text(statement))


def snapshot(all_entries):
    return [entry.model_dump() for entry in all_entries()]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET actor_label = 'mallory'",
        "UPDATE audit_entry SET changes = '{}' WHERE id = 1",
        "DELETE FROM audit_entry",
        "DELETE FROM audit_entry WHERE id = 1",
    ],
)
def test_update_and_delete_are_refused(app, make_user, all_entries, statement):
    make_user("viewer")
    before = snapshot(all_entries)

    with pytest.raises(DBAPIError, match="append-only"):
        run_sql(app, statement)

    assert snapshot(all_entries) == before


def test_truncate_is_refused_on_postgresql(app, make_user, all_entries, dialect):
    if dialect != "postgresql":
        pytest.skip("SQLite has no TRUNCATE; its DELETE without WHERE is refused above")
    make_user("viewer")
    before = snapshot(all_entries)

    with pytest.raises(DBAPIError, match="append-only"):
        run_sql(app, "TRUNCATE audit_entry")

    assert snapshot(all_entries) == before


def test_inserting_stays_possible(app, make_user, entries):
    """The guard must not stop the trail itself: a second change still appends."""
    make_user("viewer")
    make_user("editor")

    assert [entry.action for entry in entries()] == ["insert", "insert"]
