"""The lock after five failed logins in 15 minutes: counted in the database, so it holds across app instances."""

from datetime import timedelta

import pytest
from sqlmodel import func, select

from portfolio import create_app
from portfolio.auth.models import LoginAttempt
from portfolio.core.db import get_engine
from tests.auth.helpers import BAD_CREDENTIALS, alert, is_dashboard, is_login_redirect, log_in
from tests.conftest import base_config

EMAIL = "petra.de.vries@example.org"
LOCKED = "Te veel mislukte inlogpogingen"


@pytest.fixture
def user(make_user):
    return make_user("editor", email=EMAIL, name="Petra de Vries")


@pytest.fixture
def second_app(database_url, tmp_path):
    """Another instance of the app (another worker, say) on the same database."""
    app = create_app(base_config(database_url), instance_path=str(tmp_path / "second-instance"))
    yield app
    get_engine(app).dispose()


def fail(client, times, email=EMAIL):
    for _ in range(times):
        response = log_in(client, email, "not the password")
        assert response.status_code == 401, "a failure before the lock must be a plain refusal"
        assert BAD_CREDENTIALS in alert(response)


def assert_locked(client, email=EMAIL):
    response = log_in(client, email)  # the correct password
    assert response.status_code == 429
    assert alert(response).startswith(LOCKED)
    assert is_login_redirect(client.get("/")), "a locked account must not be signed in"
    return response


def assert_logs_in(client, email=EMAIL):
    response = log_in(client, email)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert is_dashboard(client.get("/"), "Petra de Vries")


def failures_recorded(db, email=EMAIL):
    with db() as session:
        return session.exec(
            select(func.count()).where(LoginAttempt.email == email, LoginAttempt.succeeded.is_(False))
        ).one()


def age_attempts(db, minutes):
    """Move every recorded attempt back in time, as if minutes had passed."""
    with db() as session:
        for attempt in session.exec(select(LoginAttempt)).all():
            attempt.at -= timedelta(minutes=minutes)


def test_four_failures_do_not_lock(client, user):
    fail(client, 4)
    assert_logs_in(client)


def test_the_sixth_attempt_is_refused_even_with_the_correct_password(client, user):
    fail(client, 5)
    response = assert_locked(client)
    assert "Probeer het over 15 minuten opnieuw." in alert(response)


def test_a_locked_address_answers_429_to_a_wrong_password_too(client, user):
    fail(client, 5)
    response = log_in(client, EMAIL, "not the password")
    assert response.status_code == 429
    assert alert(response).startswith(LOCKED)


def test_failures_are_counted_in_the_database(client, user, db):
    fail(client, 3)
    assert failures_recorded(db) == 3


def test_a_lock_made_through_one_app_holds_in_another(client, user, second_app, db):
    fail(client, 5)
    assert failures_recorded(db) == 5
    assert_locked(second_app.test_client())


def test_failures_through_two_apps_add_up(client, user, second_app):
    other = second_app.test_client()
    fail(client, 3)
    fail(other, 2)
    assert_locked(client)
    assert_locked(other)


def test_the_address_is_counted_however_it_is_spelled(client, user):
    for spelling in ("PETRA.DE.VRIES@example.org", "Petra.de.Vries@Example.org", EMAIL):
        fail(client, 1, spelling)
    fail(client, 2, EMAIL.upper())
    assert_locked(client, "Petra.De.Vries@EXAMPLE.ORG")


def test_failures_for_one_address_do_not_lock_another(client, user):
    fail(client, 5, "someone.else@example.org")
    assert_logs_in(client)


def test_unknown_addresses_are_locked_as_well(client, user):
    """Otherwise the 429 would tell an attacker which addresses exist."""
    fail(client, 5, "nobody@example.org")
    response = log_in(client, "nobody@example.org", "anything at all")
    assert response.status_code == 429


def test_the_lock_ends_when_the_window_has_passed(client, user, db):
    fail(client, 5)
    assert_locked(client)
    age_attempts(db, minutes=16)
    assert_logs_in(client)


def test_the_lock_has_not_ended_within_the_window(client, user, db):
    fail(client, 5)
    age_attempts(db, minutes=14)
    response = assert_locked(client)
    assert "Probeer het over 1 minu" in alert(response)  # about a minute of the 15 is left


def test_old_failures_do_not_count(client, user, db):
    fail(client, 4)
    age_attempts(db, minutes=16)
    fail(client, 4)
    assert_logs_in(client)


def test_a_success_resets_the_count(client, user):
    fail(client, 4)
    assert_logs_in(client)
    client.post("/logout")
    fail(client, 4)
    assert_logs_in(client)


def test_failures_after_a_success_still_lock(client, user):
    fail(client, 4)
    assert_logs_in(client)
    client.post("/logout")
    fail(client, 5)
    assert_locked(client)
