"""Security events (ASVS V7): each is one JSON object on the `portfolio.security` logger with the
fields a log reader needs, and no record of the whole run holds a password, a token, a session
cookie or the server-side session token."""

import json
import logging
import re
from datetime import date, datetime, timedelta

import pytest
from sqlmodel import select

from portfolio.auth.models import User
from portfolio.web.security_events import LOGGER_NAME
from tests.api.conftest import TokenClient, make_token  # noqa: F401  (fixture)
from tests.auth.helpers import log_in, session_cookie
from tests.conftest import PASSWORD, sign_in
from tests.privacy.conftest import reference  # noqa: F401  (fixture)

COMMON = {"event", "time", "outcome", "user_id", "email", "remote_addr", "method", "path", "endpoint"}


def captured(caplog):
    """The records of the test's setup (fixtures that make tokens) and of its call so far."""
    return caplog.get_records("setup") + caplog.records


@pytest.fixture
def events(caplog):
    """events(name=None) -> the security events logged so far (parsed), of one kind or all."""
    caplog.set_level(logging.INFO, logger=LOGGER_NAME)

    def read(name=None):
        found = [json.loads(r.getMessage()) for r in captured(caplog) if r.name == LOGGER_NAME]
        for event in found:
            assert event.keys() >= COMMON, event
            assert datetime.fromisoformat(event["time"]).utcoffset() == timedelta(0)
        return [event for event in found if name is None or event["event"] == name]

    return read


@pytest.fixture
def never_logged(caplog, db):
    """never_logged(*secrets): no captured record of any logger contains any of them (nor the
    users' server-side session tokens)."""

    def check(*secrets):
        with db() as session:
            tokens = session.exec(select(User.session_token)).all()
        records = captured(caplog)
        texts = [caplog.text] + [r.getMessage() for r in records] + [repr(vars(r)) for r in records]
        for secret in (*secrets, *tokens):
            assert secret and len(secret) >= 8
            assert not any(secret in text for text in texts), f"{secret[:4]}… was logged"
        assert records, "nothing was captured: the scan would prove nothing"

    return check


@pytest.fixture
def kees(make_user):
    return make_user("editor", email="kees@example.org", name="Kees")


def test_login_success(app, kees, events, never_logged):
    client = app.test_client()
    assert log_in(client, "Kees@Example.org").status_code == 302
    (event,) = events("login_success")
    assert event | {"time": None} == {
        "event": "login_success", "time": None, "outcome": "success", "user_id": kees.id, "email": kees.email,
        "remote_addr": "127.0.0.1", "method": "POST", "path": "/login", "endpoint": "auth.login"}
    never_logged(PASSWORD, session_cookie(client))


@pytest.mark.parametrize("email", ["kees@example.org", "niemand@example.org"])
def test_login_failure(app, kees, events, never_logged, email):
    assert log_in(app.test_client(), email, "Het Verkeerde Wachtwoord").status_code == 401
    (event,) = events("login_failure")
    assert (event["outcome"], event["email"], event["user_id"], event["reason"]) == (
        "failure", email, None, "invalid_credentials")
    assert events("login_success") == []
    never_logged("Het Verkeerde Wachtwoord")


def test_lockout_is_logged_once_when_it_starts_and_each_refusal_after(app, kees, events, never_logged):
    client = app.test_client()
    for attempt in range(1, 6):
        log_in(client, kees.email, f"fout wachtwoord {attempt}")
        assert len(events("lockout")) == (1 if attempt == 5 else 0)
    assert log_in(client, kees.email).status_code == 429
    (lockout,) = events("lockout")
    assert (lockout["email"], lockout["outcome"]) == (kees.email, "locked")
    assert datetime.fromisoformat(lockout["locked_until"]) > datetime.fromisoformat(lockout["time"])
    assert [e["reason"] for e in events("login_failure")] == ["invalid_credentials"] * 5 + ["locked"]
    never_logged(PASSWORD, *(f"fout wachtwoord {attempt}" for attempt in range(1, 6)))


def test_permission_denied_on_the_web(app, kees, events, never_logged):
    client = sign_in(app.test_client(), kees)
    assert client.get("/audit/").status_code == 403
    (event,) = events("permission_denied")
    assert (event["user_id"], event["email"], event["permission"], event["path"], event["outcome"]) == (
        kees.id, kees.email, "read_audit", "/audit/", "denied")
    never_logged(session_cookie(client))


@pytest.fixture
def token(app, kees, make_token):  # noqa: F811
    """Kees's read-only token: (client, secret, token id)."""
    secret = make_token(kees, scope="read")
    return TokenClient(app.test_client(), secret, kees), secret


def test_token_use_and_an_api_refusal(events, kees, token, never_logged):
    client, secret = token
    assert client.get("/api/v1/applications").status_code == 200
    (created,) = events("token_created")
    (used,) = events("token_used")
    assert (used["token_id"], used["user_id"], used["path"], used["outcome"]) == (
        created["token_id"], kees.id, "/api/v1/applications", "success")
    assert client.get("/api/v1/audit-log").status_code == 403
    assert client.post("/api/v1/applications", json={}).status_code == 403  # an editor, but a read-only token
    denied = events("permission_denied")
    assert [(e["path"], e["user_id"]) for e in denied] == [("/api/v1/audit-log", kees.id), ("/api/v1/applications", kees.id)]
    assert denied[1]["token_id"] == created["token_id"]
    never_logged(secret, secret[3:])


def test_an_unknown_token_is_logged_without_it(app, kees, events, never_logged):
    bad = "pf_" + "x" * 43
    assert app.test_client().get("/api/v1/applications", headers={"Authorization": f"Bearer {bad}"}).status_code == 401
    (event,) = events("token_rejected")
    assert (event["outcome"], event["user_id"], event["path"]) == ("failure", None, "/api/v1/applications")
    never_logged(bad, "x" * 43)


def test_token_created_and_revoked_through_the_pages(app, kees, events, never_logged):
    client = sign_in(app.test_client(), kees)
    expires = (date.today() + timedelta(days=30)).isoformat()
    page = client.post("/account/tokens/", data={"name": "Rapportage", "scope": "read", "expires_on": expires})
    secret = re.search(r"pf_[A-Za-z0-9_-]{20,}", page.text).group(0)
    (created,) = events("token_created")
    assert (created["user_id"], created["scope"], created["expires_on"], created["path"]) == (
        kees.id, "read", expires, "/account/tokens/")
    assert client.post(f"/account/tokens/{created['token_id']}/revoke").status_code == 302
    (revoked,) = events("token_revoked")
    assert (revoked["token_id"], revoked["user_id"], revoked["outcome"]) == (created["token_id"], kees.id, "success")
    never_logged(secret, session_cookie(client))


@pytest.mark.parametrize("role, url, export", [
    ("privacy", "/privacy/processing/export.xlsx?organisation={organisation}", "processing_register"),
    ("viewer", "/applications/export.csv", "applications_csv"),
    ("viewer", "/applications/export.xlsx", "applications_xlsx"),
    ("viewer", "/security/measures/export.csv", "measures_csv"),
])
def test_exports_with_personal_data(client_as, reference, events, role, url, export):  # noqa: F811
    client = client_as(role)
    response = client.get(url.format(organisation=reference.organisations["Diemen"]))
    assert response.status_code == 200
    response.close()
    (event,) = events("personal_data_export")
    assert (event["export"], event["user_id"], event["outcome"]) == (export, client.user.id, "success")


def test_outside_tests_each_event_is_one_json_line_on_stderr(app, capsys):
    """What a deployment gets: init_app adds a handler that writes the bare JSON object."""
    from portfolio.web import security_events

    logger = logging.getLogger(LOGGER_NAME)
    saved = (logger.handlers[:], logger.propagate)
    try:
        logger.handlers.clear()
        security_events.init_app(type("Deployed", (), {"testing": False})())
        with app.test_request_context("/login", method="POST"):
            security_events.record("login_failure", outcome="failure", user=None, email="a@example.org")
    finally:
        logger.handlers[:], logger.propagate = saved
    (line,) = capsys.readouterr().err.splitlines()
    assert json.loads(line)["email"] == "a@example.org" and json.loads(line)["path"] == "/login"
