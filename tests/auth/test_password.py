"""Changing one's own password at /account/password: the checks, their Dutch messages, and the effect on logging in."""

import pytest

from tests.auth.helpers import BAD_CREDENTIALS, REQUIRED, alert, field_errors, is_login_redirect, log_in
from tests.conftest import PASSWORD, sign_in

NEW_PASSWORD = "voorjaarsschoonmaak 2025"


@pytest.fixture
def user(make_user):
    return make_user("privacy", email="fatima.el.amrani@example.org", name="Fatima el Amrani")


@pytest.fixture
def client(app, user):
    return sign_in(app.test_client(), user)


def submit(client, current=PASSWORD, new=NEW_PASSWORD, confirm=None):
    return client.post(
        "/account/password",
        data={"current_password": current, "new_password": new, "confirm_password": new if confirm is None else confirm},
    )


def password_logs_in(app, user, password):
    return log_in(app.test_client(), user.email, password).status_code == 302


def test_the_form_is_shown_to_a_signed_in_user(client):
    response = client.get("/account/password")
    assert response.status_code == 200
    assert "Minstens 12 tekens." in response.text


def test_anonymous_visitors_are_sent_to_login(app):
    assert is_login_redirect(app.test_client().get("/account/password"))


def test_success_changes_which_password_logs_in(app, client, user):
    response = submit(client)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert password_logs_in(app, user, NEW_PASSWORD)
    refused = log_in(app.test_client(), user.email, PASSWORD)
    assert refused.status_code == 401 and BAD_CREDENTIALS in alert(refused)


@pytest.mark.parametrize(
    "current, new, confirm, field, message",
    [
        ("niet mijn wachtwoord", NEW_PASSWORD, None, "current_password", "Het huidige wachtwoord is onjuist."),
        (PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!", "confirm_password", "De twee wachtwoorden zijn niet gelijk."),
        (PASSWORD, "elf tekens!", None, "new_password", "Gebruik 12 tot 128 tekens."),
        (PASSWORD, "x" * 129, None, "new_password", "Gebruik 12 tot 128 tekens."),
        (PASSWORD, PASSWORD, None, "new_password", "Kies een ander wachtwoord dan het huidige."),
        ("", NEW_PASSWORD, None, "current_password", REQUIRED),
        (PASSWORD, "", "", "new_password", REQUIRED),
        (PASSWORD, NEW_PASSWORD, "", "confirm_password", REQUIRED),
    ],
    ids=["wrong-current", "mismatch", "too-short", "too-long", "same-as-current", "no-current", "no-new", "no-confirm"],
)
def test_refused_changes_say_why_and_keep_the_old_password(app, client, user, current, new, confirm, field, message):
    response = submit(client, current, new, confirm)
    assert response.status_code == 400
    assert message in field_errors(response, field)
    assert password_logs_in(app, user, PASSWORD)
    if new and new != PASSWORD:
        assert not password_logs_in(app, user, new)


def test_a_twelve_character_password_is_long_enough(app, client, user):
    assert submit(client, new="precies12tek").status_code == 302
    assert password_logs_in(app, user, "precies12tek")


def test_a_refused_change_keeps_the_session(client):
    submit(client, current="niet mijn wachtwoord")
    assert client.get("/").status_code == 200


def test_passwords_are_never_echoed_back(client):
    response = submit(client, new="elf tekens!")
    assert PASSWORD not in response.text
    assert "elf tekens!" not in response.text
