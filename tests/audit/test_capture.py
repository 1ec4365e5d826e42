"""Audit capture: every change to an account leaves one attributed, masked entry, in the change's own transaction."""

import json
from datetime import timedelta

import pytest
from sqlmodel import func, select

from portfolio.core.audit.capture import GENESIS_HASH, MASK
from portfolio.core.audit.models import AuditEntry
from portfolio.auth.models import LoginAttempt, User
from portfolio.auth.services import change_password
from portfolio.core.db import session_scope
from portfolio.core.dates import utcnow
from portfolio.users import services
from tests.conftest import PASSWORD

EMAIL = "jan.jansen@example.org"
NEW_PASSWORD = "a different long passphrase"


def create_user(session, email=EMAIL, role="viewer"):
    return services.create_user(session, email=email, name="Jan", role=role, password=PASSWORD)


def load(session, email=EMAIL):
    return session.exec(select(User).where(User.email == email)).one()


def as_text(entry):
    """Everything the entry holds, as one string, to look for leaked secrets in."""
    return json.dumps(entry.model_dump(), default=str)


def assert_secrets_absent(entry, *secrets):
    text = as_text(entry)
    for secret in secrets:
        assert secret not in text


def edit_form(name="Jan", role="viewer", version=1):
    return {"name": name, "role": role, "active": "y", "version": str(version)}


def test_creating_a_user_records_an_insert_with_every_field(db, entries, user_row):
    before = utcnow()
    with db() as session:
        user_id = create_user(session).id
    after = utcnow()

    [entry] = entries()
    assert (entry.entity_type, entry.entity_id, entry.action) == ("user_account", str(user_id), "insert")
    assert (entry.actor_id, entry.actor_label) == (None, "system")
    assert entry.at.utcoffset() == timedelta(0)
    assert before <= entry.at <= after
    stored = user_row(EMAIL)
    assert entry.changes == {
        "id": [None, user_id],
        "email": [None, EMAIL],
        "name": [None, "Jan"],
        "role": [None, "viewer"],
        "active": [None, True],
        "password_hash": [None, MASK],
        "session_token": [None, MASK],
        "created_at": [None, stored.created_at.isoformat(timespec="seconds")],
        "version": [None, 1],
    }
    assert_secrets_absent(entry, stored.password_hash, stored.session_token, PASSWORD)


def test_updating_a_user_records_old_and_new_values_and_the_version_bump(db, make_user, entries, user_row):
    admin = make_user("admin")
    with db() as session:
        create_user(session)
    old_token = user_row(EMAIL).session_token
    with db() as session:
        services.update_user(
            session, load(session), name="Jan Jansen", role="editor", active=True,
            loaded_version=1, acting_user=admin,
        )

    entry = entries(entity_type="user_account", action="update")[-1]
    assert entry.changes == {
        "name": ["Jan", "Jan Jansen"],
        "role": ["viewer", "editor"],
        "session_token": [MASK, MASK],  # a role change ends the user's sessions
        "version": [1, 2],
    }
    assert_secrets_absent(entry, old_token, user_row(EMAIL).session_token)


def test_a_password_change_is_recorded_with_both_hashes_masked(db, entries, user_row):
    with db() as session:
        create_user(session)
    old = user_row(EMAIL)
    with db() as session:
        change_password(session, load(session), current_password=PASSWORD, new_password=NEW_PASSWORD)

    new = user_row(EMAIL)
    assert new.password_hash != old.password_hash
    [entry] = entries(action="update")
    assert entry.changes == {"password_hash": [MASK, MASK], "session_token": [MASK, MASK], "version": [1, 2]}
    assert_secrets_absent(
        entry, old.password_hash, new.password_hash, old.session_token, new.session_token, NEW_PASSWORD
    )


def test_deleting_a_user_records_its_last_values(db, entries, user_row):
    with db() as session:
        user_id = create_user(session).id
    stored = user_row(EMAIL)
    with db() as session:
        session.delete(load(session))

    [entry] = entries(action="delete")
    assert (entry.entity_type, entry.entity_id) == ("user_account", str(user_id))
    assert entry.changes["email"] == [EMAIL, None]
    assert entry.changes["version"] == [1, None]
    assert entry.changes["password_hash"] == [MASK, None]
    assert entry.changes["session_token"] == [MASK, None]
    assert_secrets_absent(entry, stored.password_hash, stored.session_token)


def test_the_session_actor_is_recorded(app, entries):
    with app.app_context(), session_scope(app, actor=lambda: (42, "script@example.org")) as session:
        create_user(session)

    [entry] = entries()
    assert (entry.actor_id, entry.actor_label) == (42, "script@example.org")


def test_web_changes_are_attributed_to_the_signed_in_administrator(client_as, entries, user_row):
    client = client_as("admin")
    admin = client.user
    created = client.post(
        "/admin/users/new", data={"email": EMAIL, "name": "Jan", "role": "viewer", "password": PASSWORD}
    )
    assert created.status_code == 302
    user = user_row(EMAIL)
    updated = client.post(f"/admin/users/{user.id}", data=edit_form(name="Jan Jansen"))
    assert updated.status_code == 302

    insert, update = entries(entity_id=str(user.id))
    for entry in (insert, update):
        assert (entry.actor_id, entry.actor_label) == (admin.id, admin.email)
    assert insert.action == "insert" and insert.changes["email"] == [None, EMAIL]
    assert update.action == "update"
    assert update.changes == {"name": ["Jan", "Jan Jansen"], "version": [1, 2]}
    assert_secrets_absent(insert, user.password_hash, user.session_token, PASSWORD)


def test_the_users_cli_is_recorded_as_cli(app, entries, user_row):
    result = app.test_cli_runner().invoke(
        args=["users", "create", EMAIL, "--name", "Jan", "--role", "viewer"],
        input=f"{PASSWORD}\n{PASSWORD}\n",  # the prompt and its confirmation
    )
    assert result.exit_code == 0, result.output

    [entry] = entries()
    assert (entry.actor_id, entry.actor_label, entry.action) == (None, "cli", "insert")
    assert entry.entity_id == str(user_row(EMAIL).id)


def test_login_attempts_are_not_audited(db, entries):
    with db() as session:
        session.add(LoginAttempt(email=EMAIL, succeeded=False))

    with db() as session:
        assert len(session.exec(select(LoginAttempt)).all()) == 1
    assert entries() == []


def test_audit_entries_are_not_audited_themselves(db, entries):
    with db() as session:
        session.add(
            AuditEntry(
                actor_label="system", entity_type="application", entity_id="1", action="insert",
                prev_hash=GENESIS_HASH, hash="f" * 64,
            )
        )

    assert [entry.entity_type for entry in entries()] == ["application"]


def test_a_rolled_back_change_leaves_no_entry(db, entries):
    with pytest.raises(RuntimeError), db() as session:
        trail_length = session.exec(select(func.count()).select_from(AuditEntry)).one()
        create_user(session)
        # The entry was written inside the transaction...
        assert session.exec(select(func.count()).select_from(AuditEntry)).one() == trail_length + 1
        raise RuntimeError("the request failed after the change")

    # ...and went with it.
    with db() as session:
        assert session.exec(select(User)).all() == []
    assert entries() == []


def test_the_chain_continues_from_what_was_committed_not_what_was_rolled_back(db, entries, all_entries):
    end_of_trail = all_entries()[-1].hash
    with db() as session:
        create_user(session, email="rolled.back@example.org")
        session.rollback()
        create_user(session)

    [entry] = entries()
    assert entry.changes["email"] == [None, EMAIL]
    assert entry.prev_hash == end_of_trail


def test_a_refused_web_request_leaves_no_entry(client_as, entries):
    client = client_as("admin")
    before = entries()
    response = client.post(
        "/admin/users/new", data={"email": client.user.email, "name": "Twin", "role": "viewer", "password": PASSWORD}
    )

    assert response.status_code == 400
    assert "Er is al een account met dit e-mailadres." in response.text
    assert [entry.id for entry in entries()] == [entry.id for entry in before]
