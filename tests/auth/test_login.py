"""Signing in through /login: where a success leads, and what every kind of bad input answers."""

import pytest

from tests.auth.helpers import (
    BAD_CREDENTIALS,
    REQUIRED,
    alert,
    field_errors,
    is_dashboard,
    is_login_redirect,
    log_in,
)
from tests.conftest import PASSWORD

INVALID_EMAIL = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."


@pytest.fixture
def user(make_user):
    return make_user("viewer", email="jan.jansen@example.org", name="Jan Jansen")


def assert_still_signed_out(client):
    assert is_login_redirect(client.get("/"))


def test_login_page_shows_the_form(client):
    response = client.get("/login")
    assert response.status_code == 200
    assert 'name="email"' in response.text and 'name="password"' in response.text


def test_success_leads_to_the_dashboard(client, user):
    response = log_in(client, user.email)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert is_dashboard(client.get("/"), "Jan Jansen")


def test_the_email_address_is_not_case_sensitive(client, user):
    assert log_in(client, "Jan.Jansen@Example.ORG").status_code == 302
    assert is_dashboard(client.get("/"), "Jan Jansen")


def test_a_signed_in_user_opening_login_goes_to_the_dashboard(client, user):
    log_in(client, user.email)
    response = client.get("/login")
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_success_follows_a_next_path_on_this_site(client, user):
    response = log_in(client, user.email, next="/account/password?from=menu")
    assert response.status_code == 302
    assert response.headers["Location"] == "/account/password?from=menu"


def test_a_protected_page_sends_there_after_login(client, user):
    redirect = client.get("/account/password")
    assert is_login_redirect(redirect)
    response = client.post(redirect.headers["Location"], data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/account/password"


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "//evil.example/login",
        "https://evil.example",
        "http://evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "evil.example",
    ],
)
def test_success_never_follows_next_to_another_host(client, user, target):
    response = log_in(client, user.email, next=target)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("target", ["///evil.example", "/\t/evil.example"])
def test_tricky_next_paths_stay_on_this_site(client, user, target):
    """Browsers read `///host` and `/<tab>/host` as another host: such a target must not survive."""
    location = log_in(client, user.email, next=target).headers["Location"]
    assert location.startswith("/")
    assert location[1:2] not in ("/", "\\"), location
    assert "\t" not in location


@pytest.mark.parametrize("password", ["wrong password!", PASSWORD.upper(), PASSWORD + " "])
def test_a_wrong_password_is_refused(client, user, password):
    response = log_in(client, user.email, password)
    assert response.status_code == 401
    assert BAD_CREDENTIALS in alert(response)
    assert_still_signed_out(client)


def test_an_unknown_address_gets_the_same_answer_as_a_wrong_password(client, user):
    unknown = log_in(client, "nobody@example.org")
    wrong = log_in(client, user.email, "wrong password!")
    assert unknown.status_code == wrong.status_code == 401
    assert alert(unknown) == alert(wrong) == BAD_CREDENTIALS
    assert_still_signed_out(client)


def test_an_inactive_account_cannot_log_in(client, make_user):
    make_user("admin", email="oud@example.org", active=False)
    response = log_in(client, "oud@example.org")
    assert response.status_code == 401
    assert BAD_CREDENTIALS in alert(response)
    assert_still_signed_out(client)


def test_the_submitted_address_stays_in_the_form(client, user):
    response = log_in(client, user.email, "wrong password!")
    assert f'value="{user.email}"' in response.text
    assert "wrong password!" not in response.text


@pytest.mark.parametrize(
    "email, password, field, message",
    [
        ("", PASSWORD, "email", REQUIRED),
        ("jan.jansen@example.org", "", "password", REQUIRED),
        ("a" * 288 + "@example.org", PASSWORD, "email", "Gebruik hoogstens 254 tekens."),
        ("jan.jansen.example.org", PASSWORD, "email", INVALID_EMAIL),
        ("jan@", PASSWORD, "email", INVALID_EMAIL),
        ("jan jansen@example.org", PASSWORD, "email", INVALID_EMAIL),
        ("jan.jansen@example.org", "x" * 129, "password", "Gebruik hoogstens 128 tekens."),
    ],
    ids=["empty-email", "empty-password", "300-char-email", "no-at", "no-domain", "space", "long-password"],
)
def test_bad_input_gets_a_dutch_message_beside_the_field(client, user, email, password, field, message):
    response = log_in(client, email, password)
    assert response.status_code == 400
    assert message in field_errors(response, field)
    assert_still_signed_out(client)


def test_both_fields_empty_marks_both(client, user):
    response = client.post("/login", data={})
    assert response.status_code == 400
    assert field_errors(response, "email") == [REQUIRED]
    assert field_errors(response, "password") == [REQUIRED]

