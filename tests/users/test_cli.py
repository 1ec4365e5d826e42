"""The `users` commands: create (password from stdin), list, and ensure-admin with its once-shown password."""

import re

import pytest
from sqlmodel import func, select

from portfolio.auth.models import User
from tests.auth.helpers import is_dashboard, log_in

PASSWORD = "stadhuis Uithoorn 2025"


@pytest.fixture
def run(app):
    """Invoke `flask users …` against the test app; input feeds standard input."""
    runner = app.test_cli_runner()

    def invoke(*args, input=None):
        return runner.invoke(args=["users", *args], input=input)

    return invoke


def create(run, email="joost.visser@example.org", name="Joost Visser", role="editor", password=PASSWORD):
    return run("create", email, "--name", name, "--role", role, "--password-stdin", input=f"{password}\n")


def accounts(db):
    with db() as session:
        return {user.email: (user.name, user.role, user.active) for user in session.exec(select(User)).all()}


def can_log_in(app, email, password, name):
    client = app.test_client()
    return log_in(client, email, password).status_code == 302 and is_dashboard(client.get("/"), name)


def test_create_makes_an_account_that_can_log_in(app, run, db):
    result = create(run)
    assert result.exit_code == 0, result.output
    assert "Created joost.visser@example.org (editor)." in result.output
    assert accounts(db) == {"joost.visser@example.org": ("Joost Visser", "editor", True)}
    assert can_log_in(app, "joost.visser@example.org", PASSWORD, "Joost Visser")


def test_create_never_echoes_the_password(run):
    assert PASSWORD not in create(run).output


def test_create_stores_the_address_in_lower_case(app, run, db):
    assert create(run, email="Joost.Visser@Example.ORG").exit_code == 0
    assert list(accounts(db)) == ["joost.visser@example.org"]
    assert can_log_in(app, "joost.visser@example.org", PASSWORD, "Joost Visser")


def test_create_keeps_spaces_inside_the_password(app, run):
    """Only the line ending is removed from what stdin gives."""
    assert create(run, password="  spaties rondom  ").exit_code == 0
    assert can_log_in(app, "joost.visser@example.org", "  spaties rondom  ", "Joost Visser")


@pytest.mark.parametrize(
    "overrides, complaint",
    [
        ({"role": "superuser"}, "Invalid value for '--role'"),
        ({"password": "elf tekens!"}, "The password must have 12 to 128 characters."),
        ({"password": ""}, "The password must have 12 to 128 characters."),
        ({"password": "x" * 129}, "The password must have 12 to 128 characters."),
        ({"email": "geen-adres"}, "Not a valid e-mail address"),
        ({"email": "a" * 250 + "@example.org"}, "Not a valid e-mail address"),
        ({"name": "N" * 121}, "The name must have 1 to 120 characters."),
        ({"name": "  "}, "The name must have 1 to 120 characters."),
        ({"email": "Bestaand@Example.org"}, "Er is al een account met dit e-mailadres."),
    ],
    ids=["bad-role", "short-password", "no-password", "long-password", "bad-email", "long-email",
         "long-name", "blank-name", "duplicate"],
)
def test_create_refuses_bad_input_and_writes_nothing(run, db, make_user, overrides, complaint):
    make_user("viewer", email="bestaand@example.org", name="Bestaand Account")
    before = accounts(db)
    result = create(run, **overrides)
    assert result.exit_code != 0
    assert complaint in result.output
    assert "Traceback" not in result.output
    assert accounts(db) == before


def test_list_shows_every_account(run, make_user):
    create(run)
    make_user("ciso", email="carla@example.org", name="Carla Ciso", active=False)
    result = run("list")
    assert result.exit_code == 0
    lines = sorted(result.output.strip().splitlines())
    assert lines == [
        "carla@example.org\tCarla Ciso\tciso\tinactive",
        "joost.visser@example.org\tJoost Visser\teditor\tactive",
    ]


def test_list_of_an_empty_database_prints_nothing(run):
    result = run("list")
    assert result.exit_code == 0 and result.output == ""


def printed_passwords(output):
    return re.findall(r"^\s*password:\s*(\S+)\s*$", output, re.M)


def admins(db):
    with db() as session:
        return session.exec(select(func.count()).select_from(User).where(User.role == "admin")).one()


def test_ensure_admin_prints_a_working_password_once(app, run, db):
    first = run("ensure-admin")
    assert first.exit_code == 0
    (password,) = printed_passwords(first.output)
    assert "admin@example.org" in first.output
    assert can_log_in(app, "admin@example.org", password, "Beheerder")

    second = run("ensure-admin")
    assert second.exit_code == 0
    assert printed_passwords(second.output) == []
    assert password not in second.output
    assert "An administrator account exists; no password printed." in second.output
    assert admins(db) == 1
    assert can_log_in(app, "admin@example.org", password, "Beheerder"), "the second run must not reset it"


@pytest.mark.parametrize("app_config", [{"ADMIN_EMAIL": "beheer@duoplus.example"}])
def test_ensure_admin_uses_the_configured_address(app, run):
    (password,) = printed_passwords(run("ensure-admin").output)
    assert can_log_in(app, "beheer@duoplus.example", password, "Beheerder")


def test_ensure_admin_does_nothing_when_an_admin_exists(run, db, make_user):
    make_user("admin", email="bestaande.beheerder@example.org")
    result = run("ensure-admin")
    assert result.exit_code == 0
    assert printed_passwords(result.output) == []
    assert "admin@example.org" not in accounts(db)


def test_ensure_admin_passwords_differ_between_installations(run, db):
    first = printed_passwords(run("ensure-admin").output)
    with db() as session:
        session.delete(session.exec(select(User)).one())
    second = printed_passwords(run("ensure-admin").output)
    assert first and second and first != second


def test_ensure_admin_refuses_cleanly_when_its_address_is_taken(run, db, make_user):
    """A non-admin account at ADMIN_EMAIL: say so, print no password, change nothing."""
    make_user("viewer", email="admin@example.org", name="Geen Beheerder")
    result = run("ensure-admin")
    assert result.exit_code != 0
    assert "Er is al een account met dit e-mailadres." in result.output
    assert printed_passwords(result.output) == []
    assert accounts(db) == {"admin@example.org": ("Geen Beheerder", "viewer", True)}
