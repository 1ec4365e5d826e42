"""`flask audit verify`: the hash chain shows any edit or removal made past the database's guard."""

from datetime import timedelta

import pytest
from sqlalchemy import JSON

from portfolio.core.audit.capture import entry_hash
from portfolio.core.db import UTCDateTime


@pytest.fixture
def trail(make_user, entries):
    """Four entries the application appends on top of the seeded trail; returns them."""
    for role in ("admin", "editor", "ciso", "viewer"):
        make_user(role)
    made = entries()
    assert len(made) == 4
    return made


def assert_intact(result, length):
    assert result.exit_code == 0, result.output
    assert f"Audit trail intact: {length} entries checked." in result.output


def assert_broken_at(result, entry_id):
    assert result.exit_code == 1, result.output
    assert f"Audit trail broken at entry {entry_id}:" in result.output


def test_a_fresh_installations_trail_is_intact(all_entries, verify_trail):
    assert_intact(verify_trail(), len(all_entries()))


def test_a_clean_trail_is_reported_intact_with_its_length(trail, all_entries, verify_trail):
    assert_intact(verify_trail(), len(all_entries()))


@pytest.mark.parametrize(
    ("column", "forged"),
    [
        ("actor_label", lambda entry: "mallory@example.org"),
        ("actor_id", lambda entry: 666),
        ("entity_id", lambda entry: "999"),
        ("action", lambda entry: "delete"),
        ("changes", lambda entry: ({**entry.changes, "role": [None, "admin"]}, JSON())),
        ("at", lambda entry: (entry.at - timedelta(days=1), UTCDateTime())),
    ],
)
def test_an_edited_entry_is_named(trail, tamper, verify_trail, column, forged):
    tamper(f"UPDATE audit_entry SET {column} = :value WHERE id = :id", value=forged(trail[1]), id=trail[1].id)

    assert_broken_at(verify_trail(), trail[1].id)


def test_the_first_of_several_edited_entries_is_named(trail, tamper, verify_trail):
    tamper("UPDATE audit_entry SET actor_label = 'mallory' WHERE id IN (:one, :other)", one=trail[1].id, other=trail[3].id)

    assert_broken_at(verify_trail(), trail[1].id)


def test_the_very_first_entry_is_checked_too(trail, all_entries, tamper, verify_trail):
    first = all_entries()[0]
    tamper("UPDATE audit_entry SET entity_id = 'x' WHERE id = :id", id=first.id)

    assert_broken_at(verify_trail(), first.id)


def test_an_edit_with_a_recomputed_hash_is_caught_by_the_next_entry(trail, tamper, verify_trail):
    forged = {**trail[1].model_dump(), "actor_label": "mallory"}
    tamper(
        "UPDATE audit_entry SET actor_label = :label, hash = :hash WHERE id = :id",
        label="mallory", hash=entry_hash(forged), id=trail[1].id,
    )

    assert_broken_at(verify_trail(), trail[2].id)


def test_a_deleted_middle_entry_is_detected_at_the_entry_after_it(trail, tamper, verify_trail):
    tamper("DELETE FROM audit_entry WHERE id = :id", id=trail[1].id)

    assert_broken_at(verify_trail(), trail[2].id)


def test_an_edited_last_entry_is_named(trail, tamper, verify_trail):
    tamper("UPDATE audit_entry SET entity_id = 'x' WHERE id = :id", id=trail[-1].id)

    assert_broken_at(verify_trail(), trail[-1].id)
