"""Login hardening (ASVS V2, V3): the answer does not tell whether an account exists, neither in
words, status nor time; the session id changes at login; a new password is at least 12
characters and not a common one, wherever it is set."""

import re
import statistics
import time

import pytest
from sqlmodel import select

from portfolio.auth import services as auth_services
from portfolio.auth.models import User
from portfolio.auth.passwords import common_passwords, is_common, verify_password
from portfolio.core.exceptions import FieldErrors
from portfolio.users.services import create_user
from tests.auth.helpers import BAD_CREDENTIALS, alert, field_errors, is_dashboard, is_login_redirect, log_in, replay
from tests.auth.helpers import session_cookie
from tests.auth.test_password import NEW_PASSWORD
from tests.auth.test_sessions import NEW_PASSWORD as OTHER_NEW_PASSWORD
from tests.conftest import PASSWORD, sign_in
from tests.users.test_views import GOOD_PASSWORD

COMMON_MESSAGE = "Dit wachtwoord staat op een lijst van veelgebruikte wachtwoorden; kies een ander."
LOCKED = "Te veel mislukte inlogpogingen"
KNOWN, INACTIVE, UNKNOWN = "kees@example.org", "oud@example.org", "niemand@example.org"
# (e-mail, password) of the three refusals that must look alike.
REFUSALS = {"unknown address": (UNKNOWN, PASSWORD), "wrong password": (KNOWN, "niet het wachtwoord"),
            "deactivated account": (INACTIVE, PASSWORD)}


@pytest.fixture
def accounts(make_user):
    make_user("editor", email=KNOWN, name="Kees")
    make_user("editor", email=INACTIVE, name="Oud", active=False)


def normalised(response):
    """The page without the parts that may differ: the submitted address and each session's
    CSRF token."""
    page = re.sub(r'value="[^"]*@example\.org"', 'value=""', response.get_data(as_text=True))
    return re.sub(r'name="csrf_token" value="[^"]*"', 'name="csrf_token"', page)


# Existence -------------------------------------------------------------------------------------


def test_the_three_refusals_give_the_same_status_message_and_page(app, accounts):
    answers = {case: log_in(app.test_client(), email, password) for case, (email, password) in REFUSALS.items()}
    assert {case: (r.status_code, alert(r)) for case, r in answers.items()} == {
        case: (401, BAD_CREDENTIALS) for case in REFUSALS}
    pages = {normalised(response) for response in answers.values()}
    assert len(pages) == 1, "the pages differ in more than the submitted address"


@pytest.fixture
def count_verifications(monkeypatch):
    """How often a password is checked against an Argon2 hash during the test."""
    calls = []

    def counted(password_hash, password):
        calls.append(password_hash)
        return verify_password(password_hash, password)

    monkeypatch.setattr(auth_services, "verify_password", counted)
    return calls


@pytest.mark.parametrize("case", REFUSALS)
def test_every_refusal_costs_exactly_one_hash_verification(app, accounts, count_verifications, case):
    """The structural check of equal time: an unknown address is verified against a dummy hash,
    a deactivated account against its own, as a wrong password is."""
    email, password = REFUSALS[case]
    assert log_in(app.test_client(), email, password).status_code == 401
    assert len(count_verifications) == 1
    assert count_verifications[0].startswith("$argon2id$")


# A verification then costs most of a refused request (here ~75 ms of ~100 ms), so a case that
# skipped it would be about four times faster.
TIMED_ARGON2 = {"time_cost": 3, "memory_cost": 16 * 1024, "parallelism": 1}


@pytest.mark.parametrize("app_config", [{"ARGON2": TIMED_ARGON2, "LOGIN_MAX_FAILURES": 1000}])
def test_the_refusals_take_a_similar_time(app, accounts, capsys):
    """Medians of 15 tries each, taken in turns so that a busy moment hits every case. The bound
    is loose (a factor of 2): it catches a case that skips the hash, not noise."""
    for email, password in REFUSALS.values():  # warm up: the dummy hash, the first connection
        log_in(app.test_client(), email, password)
    times = {case: [] for case in REFUSALS}
    client = app.test_client()
    for _ in range(15):
        for case, (email, password) in REFUSALS.items():
            started = time.perf_counter()
            assert log_in(client, email, password).status_code == 401
            times[case].append(time.perf_counter() - started)
    medians = {case: statistics.median(values) * 1000 for case, values in times.items()}
    with capsys.disabled():
        print("\nlogin refusal medians (ms): " + ", ".join(f"{case} {ms:.1f}" for case, ms in medians.items()))
    assert max(medians.values()) < 2 * min(medians.values()), medians


def test_a_lock_reads_the_same_for_every_kind_of_address(app, accounts):
    answers = {}
    for case, (email, password) in REFUSALS.items():
        client = app.test_client()
        for _ in range(5):
            log_in(client, email, password)
        locked = log_in(client, email, password)
        answers[case] = (locked.status_code, alert(locked))
    assert len(set(answers.values())) == 1, answers
    status, message = answers["unknown address"]
    assert status == 429 and message.startswith(LOCKED)


# The session id at login -----------------------------------------------------------------------


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_the_session_cookie_changes_at_login_and_the_old_one_stays_anonymous(app, accounts):
    client = app.test_client()
    form = client.get("/login")
    before = session_cookie(client)
    assert before, "GET /login with CSRF on sets a session (the CSRF token)"
    csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', form.text).group(1)
    assert client.post("/login", data={"email": KNOWN, "password": PASSWORD, "csrf_token": csrf}).status_code == 302
    after = session_cookie(client)
    assert after and after != before
    assert is_dashboard(replay(app, after), "Kees")
    assert is_login_redirect(replay(app, before))
    serializer = app.session_interface.get_signing_serializer(app)
    old, new = serializer.loads(before), serializer.loads(after)
    assert new.get("csrf_token") != old["csrf_token"], "nothing of the anonymous session carries over"


# Passwords -------------------------------------------------------------------------------------


def test_the_shipped_list_is_large_lowercase_and_misses_the_test_passwords():
    listed = common_passwords()
    assert len(listed) >= 10_000
    assert all(entry == entry.lower() for entry in listed)
    for password in ("qwerty123456", "QWERTY123456", "Password1234", "1qaz2wsx3edc"):
        assert is_common(password), password
    for password in (PASSWORD, NEW_PASSWORD, OTHER_NEW_PASSWORD, GOOD_PASSWORD, "precies12tek"):
        assert not is_common(password), f"a test fixture's password is on the list: {password}"


def test_changing_ones_password_to_a_common_one_is_refused(app, make_user):
    user = make_user("viewer")
    client = sign_in(app.test_client(), user)
    response = client.post("/account/password", data={
        "current_password": PASSWORD, "new_password": "Qwerty123456", "confirm_password": "Qwerty123456"})
    assert response.status_code == 400
    assert field_errors(response, "new_password") == [COMMON_MESSAGE]
    assert log_in(app.test_client(), user.email).status_code == 302, "the old password still works"


def test_an_administrator_cannot_give_a_common_password(app, client_as, db):
    response = client_as("admin").post("/admin/users/new", data={
        "email": "anna.smit@example.org", "name": "Anna Smit", "role": "editor", "password": "1qaz2wsx3edc"})
    assert response.status_code == 400
    assert field_errors(response, "password") == [COMMON_MESSAGE]
    with db() as session:
        assert session.exec(select(User).where(User.email == "anna.smit@example.org")).first() is None


def test_the_cli_refuses_a_common_password(app, db):
    result = app.test_cli_runner().invoke(args=[
        "users", "create", "anna@example.org", "--name", "Anna", "--role", "editor", "--password-stdin",
    ], input="QWERTY123456\n")
    assert result.exit_code != 0
    assert "list of common passwords" in result.output
    with db() as session:
        assert session.exec(select(User)).first() is None


@pytest.mark.parametrize("password, message", [
    ("qwerty123456", COMMON_MESSAGE), ("elf tekens!", "Gebruik 12 tot 128 tekens."),
])
def test_the_service_refuses_it_for_any_other_caller(app, db, password, message):
    """create_user is where every account is made (forms, CLI, demo data): the rule holds there."""
    with pytest.raises(FieldErrors) as refused, db() as session:
        create_user(session, email="x@example.org", name="X", role="viewer", password=password)
    assert refused.value.errors == {"password": [message]}
