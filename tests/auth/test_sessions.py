"""Sessions end on the server side: a saved cookie stops working after logout, a password or role change, deactivation, or idle time."""

import pytest
from itsdangerous import TimestampSigner

from portfolio.auth.models import User

from tests.auth.helpers import (
    BAD_CREDENTIALS,
    alert,
    flashes,
    is_dashboard,
    is_login_redirect,
    log_in,
    replay,
    save_account,
    session_cookie,
)
from tests.conftest import PASSWORD

NAME = "Kees Bakker"
NEW_PASSWORD = "een nieuw en lang wachtwoord"


@pytest.fixture
def user(make_user):
    return make_user("editor", email="kees.bakker@example.org", name=NAME)


def sign_in_for_real(app, user):
    """Log in with a real POST to /login; returns the client and its session cookie value."""
    client = app.test_client()
    assert log_in(client, user.email).status_code == 302
    cookie = session_cookie(client)
    assert cookie, "a login must set a session cookie"
    return client, cookie


@pytest.fixture
def signed_in(app, user):
    client, cookie = sign_in_for_real(app, user)
    assert is_dashboard(replay(app, cookie), NAME), "the saved cookie must work before the event"
    return client, cookie


def test_logout_ends_the_session_on_the_server(app, signed_in):
    client, cookie = signed_in
    response = client.post("/logout")
    assert is_login_redirect(response)
    assert "U bent uitgelogd." in flashes(client.get(response.headers["Location"]))
    assert is_login_redirect(client.get("/"))
    assert is_login_redirect(replay(app, cookie))


def test_logout_by_get_is_refused_and_changes_nothing(app, signed_in):
    client, cookie = signed_in
    response = client.get("/logout")
    assert response.status_code == 405
    allowed = {method.strip() for method in response.headers["Allow"].split(",")}
    assert "POST" in allowed and "GET" not in allowed
    assert is_dashboard(client.get("/"), NAME)
    assert is_dashboard(replay(app, cookie), NAME)


def test_a_new_login_after_logout_works(app, signed_in, user):
    client, _ = signed_in
    client.post("/logout")
    assert log_in(client, user.email).status_code == 302
    assert is_dashboard(client.get("/"), NAME)


def change_own_password(client, current=PASSWORD, new=NEW_PASSWORD):
    return client.post(
        "/account/password",
        data={"current_password": current, "new_password": new, "confirm_password": new},
    )


def test_changing_the_password_ends_other_sessions(app, signed_in, user):
    client, old_cookie = signed_in
    _, other_device = sign_in_for_real(app, user)
    response = change_own_password(client)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert is_login_redirect(replay(app, old_cookie))
    assert is_login_redirect(replay(app, other_device))


def test_the_session_that_changed_the_password_goes_on(app, signed_in):
    client, _ = signed_in
    change_own_password(client)
    page = client.get("/")
    assert is_dashboard(page, NAME)
    assert "Uw wachtwoord is gewijzigd. Andere sessies zijn beëindigd." in flashes(page)
    assert is_dashboard(replay(app, session_cookie(client)), NAME)


@pytest.fixture
def admin(client_as):
    return client_as("admin")


def test_a_role_change_by_an_admin_ends_the_session(app, signed_in, admin, user):
    _, cookie = signed_in
    assert save_account(admin, user.id, role="viewer").status_code == 302
    assert is_login_redirect(replay(app, cookie))


def test_deactivation_by_an_admin_ends_the_session(app, signed_in, admin, user):
    client, cookie = signed_in
    assert save_account(admin, user.id, active=False).status_code == 302
    assert is_login_redirect(replay(app, cookie))
    assert is_login_redirect(client.get("/"))
    refused = log_in(client, user.email)
    assert refused.status_code == 401 and BAD_CREDENTIALS in alert(refused)


def test_an_account_deactivated_outside_the_app_loses_its_session(app, signed_in, user, db):
    """E.g. by a maintenance script that does not renew the session token: inactive is enough."""
    _, cookie = signed_in
    with db() as session:
        session.get(User, user.id).active = False
    assert is_login_redirect(replay(app, cookie))


def test_renaming_by_an_admin_leaves_the_session_alone(app, signed_in, admin, user):
    _, cookie = signed_in
    assert save_account(admin, user.id, name="Kees de Bakker").status_code == 302
    assert is_dashboard(replay(app, cookie), "Kees de Bakker")


class Clock:
    """The seconds itsdangerous stamps on and checks against session cookies, moved by hand."""

    def __init__(self, now):
        self.now = now

    def advance(self, *, hours=0, minutes=0, seconds=0):
        self.now += hours * 3600 + minutes * 60 + seconds


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(1_800_000_000)
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda signer: clock.now)
    return clock


@pytest.mark.parametrize(
    "app_config, idle_hours", [({}, 8), ({"SESSION_IDLE_HOURS": 1}, 1)], ids=["default-8h", "configured-1h"]
)
def test_a_session_idle_longer_than_the_limit_is_refused(app, user, clock, idle_hours):
    _, cookie = sign_in_for_real(app, user)
    clock.advance(hours=idle_hours, seconds=-60)
    assert is_dashboard(replay(app, cookie), NAME)
    clock.advance(seconds=61)
    assert is_login_redirect(replay(app, cookie))


def test_activity_keeps_the_session_alive(app, user, clock):
    client, first_cookie = sign_in_for_real(app, user)
    for _ in range(3):
        clock.advance(hours=7)
        assert is_dashboard(client.get("/"), NAME)
    assert is_login_redirect(replay(app, first_cookie)), "21 hours after it was issued"


def set_cookie_attributes(response):
    (header,) = [value for value in response.headers.getlist("Set-Cookie") if value.startswith("session=")]
    return {part.strip().partition("=")[0].lower(): part.strip().partition("=")[2] for part in header.split(";")[1:]}


def test_the_login_cookie_is_http_only_and_same_site_lax(client, user):
    attributes = set_cookie_attributes(log_in(client, user.email))
    assert "httponly" in attributes
    assert attributes["samesite"] == "Lax"
    assert "secure" not in attributes  # the default, for development over plain HTTP


@pytest.mark.parametrize("app_config", [{"SESSION_COOKIE_SECURE": True}])
def test_the_login_cookie_is_secure_when_configured(client, user):
    attributes = set_cookie_attributes(log_in(client, user.email))
    assert {"secure", "httponly"} <= attributes.keys()
    assert attributes["samesite"] == "Lax"
