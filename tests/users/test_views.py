"""Administrators' account pages: the list, creating and editing accounts, the self-lockout guards and the version conflict."""

import pytest
from sqlmodel import func, select

from portfolio.auth.models import User
from tests.auth.helpers import (
    REQUIRED,
    account_form,
    alert,
    field_errors,
    flashes,
    input_value,
    log_in,
    save_account,
    text,
)

GOOD_PASSWORD = "gemeentehuis Diemen 1"
INVALID_EMAIL = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."


@pytest.fixture
def admin(client_as):
    return client_as("admin")


def count_users(db):
    with db() as session:
        return session.exec(select(func.count()).select_from(User)).one()


def stored(db, user_id):
    """The account as the database holds it now."""
    with db() as session:
        user = session.get(User, user_id)
        session.expunge(user)
        return user


def create_form(**overrides):
    data = {"email": "anna.smit@example.org", "name": "Anna Smit", "role": "editor", "password": GOOD_PASSWORD}
    data.update(overrides)
    return data


def test_the_list_shows_every_account_with_role_and_state(admin, make_user):
    make_user("ciso", email="ciso@example.org", name="Carla Ciso")
    make_user("viewer", email="oud@example.org", name="Otto Oud", active=False)
    page = text(admin.get("/admin/users/"))
    for fragment in ("Carla Ciso", "ciso@example.org", "CISO", "Otto Oud", "Lezer (management)", "gedeactiveerd"):
        assert fragment in page


def test_the_list_takes_as_many_queries_for_many_accounts_as_for_few(admin, make_user, count_queries):
    make_user("viewer")
    with count_queries() as few:
        assert admin.get("/admin/users/").status_code == 200
    for _ in range(10):
        make_user("editor")
    with count_queries() as many:
        assert admin.get("/admin/users/").status_code == 200
    assert len(many) == len(few)


def test_creating_an_account(app, admin, db):
    response = admin.post("/admin/users/new", data=create_form(email="Anna.Smit@Example.org"))
    assert response.status_code == 302 and response.headers["Location"] == "/admin/users/"
    page = admin.get("/admin/users/")
    assert "Account anna.smit@example.org aangemaakt." in flashes(page)
    assert "Anna Smit" in page.text and "anna.smit@example.org" in page.text
    assert log_in(app.test_client(), "anna.smit@example.org", GOOD_PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"email": "Bestaand@Example.ORG"}, "email", "Er is al een account met dit e-mailadres."),
        ({"email": "bestaand@example.org"}, "email", "Er is al een account met dit e-mailadres."),
        ({"email": "geen-adres"}, "email", INVALID_EMAIL),
        ({"email": "a" * 250 + "@example.org"}, "email", "Gebruik hoogstens 254 tekens."),
        ({"email": ""}, "email", REQUIRED),
        ({"role": "superuser"}, "role", "Ongeldige keuze."),
        ({"password": "elf tekens!"}, "password", "Gebruik 12 tot 128 tekens."),
        ({"name": "N" * 121}, "name", "Gebruik hoogstens 120 tekens."),
        ({"name": "   "}, "name", REQUIRED),
    ],
    ids=["duplicate-other-case", "duplicate", "bad-email", "long-email", "no-email", "unknown-role",
         "short-password", "121-char-name", "blank-name"],
)
def test_refused_creations_say_why_beside_the_field_and_write_nothing(admin, db, make_user, overrides, field, message):
    make_user("viewer", email="bestaand@example.org", name="Bestaand Account")
    before = count_users(db)
    response = admin.post("/admin/users/new", data=create_form(**overrides))
    assert response.status_code == 400
    assert message in field_errors(response, field)
    assert count_users(db) == before


def test_a_refused_creation_keeps_the_input_but_not_the_password(admin):
    response = admin.post("/admin/users/new", data=create_form(email="geen-adres", name="Anna Smit"))
    assert input_value(response, "email") == "geen-adres"
    assert input_value(response, "name") == "Anna Smit"
    assert GOOD_PASSWORD not in response.text


def test_the_role_chosen_at_creation_is_kept(admin, db):
    admin.post("/admin/users/new", data=create_form(role="privacy"))
    with db() as session:
        assert session.exec(select(User.role).where(User.email == "anna.smit@example.org")).one() == "privacy"


@pytest.fixture
def petra(make_user):
    return make_user("editor", email="petra@example.org", name="Petra Jansen")


def test_editing_name_and_role(admin, db, petra):
    response = save_account(admin, petra.id, name="Petra de Boer", role="ciso")
    assert response.status_code == 302 and response.headers["Location"] == f"/admin/users/{petra.id}"
    page = admin.get(response.headers["Location"])
    assert "Account petra@example.org opgeslagen." in flashes(page)
    assert account_form(page)["name"] == "Petra de Boer" and account_form(page)["role"] == "ciso"
    listed = text(admin.get("/admin/users/"))
    assert "Petra de Boer" in listed and "Petra Jansen" not in listed
    assert (stored(db, petra.id).name, stored(db, petra.id).role) == ("Petra de Boer", "ciso")


def test_deactivating_and_reactivating(app, admin, db, petra):
    assert save_account(admin, petra.id, active=False).status_code == 302
    assert "gedeactiveerd" in admin.get("/admin/users/").text
    assert log_in(app.test_client(), petra.email).status_code == 401
    assert save_account(admin, petra.id, active=True).status_code == 302
    assert stored(db, petra.id).active
    assert log_in(app.test_client(), petra.email).status_code == 302


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"role": "superuser"}, "role", "Ongeldige keuze."),
        ({"name": "N" * 121}, "name", "Gebruik hoogstens 120 tekens."),
        ({"name": ""}, "name", REQUIRED),
    ],
    ids=["unknown-role", "121-char-name", "no-name"],
)
def test_refused_edits_say_why_and_change_nothing(admin, db, petra, changes, field, message):
    response = save_account(admin, petra.id, **changes)
    assert response.status_code == 400
    assert message in field_errors(response, field)
    after = stored(db, petra.id)
    assert (after.name, after.role, after.version) == ("Petra Jansen", "editor", 1)


@pytest.mark.parametrize("version", ["", "een", "-1"])
def test_an_edit_without_a_valid_version_is_refused(admin, db, petra, version):
    response = save_account(admin, petra.id, name="Petra de Boer", version=version)
    assert response.status_code == 400
    assert "Het formulier is onvolledig; laad de pagina opnieuw." in alert(response)
    assert stored(db, petra.id).name == "Petra Jansen"


def test_an_admin_cannot_deactivate_themselves(admin, db):
    response = save_account(admin, admin.user.id, active=False)
    assert response.status_code == 400
    assert field_errors(response, "active") == ["U kunt uw eigen account niet deactiveren."]
    assert stored(db, admin.user.id).active
    assert admin.get("/admin/users/").status_code == 200


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_an_admin_cannot_drop_their_own_admin_role(admin, db, role):
    response = save_account(admin, admin.user.id, role=role)
    assert response.status_code == 400
    assert field_errors(response, "role") == ["U kunt uw eigen beheerdersrol niet afnemen."]
    assert stored(db, admin.user.id).role == "admin"
    assert admin.get("/admin/users/").status_code == 200


def test_an_admin_can_rename_themselves_and_stay_signed_in(admin, db):
    assert save_account(admin, admin.user.id, name="Beheerder Bas").status_code == 302
    assert stored(db, admin.user.id).name == "Beheerder Bas"
    assert admin.get("/admin/users/").status_code == 200


def test_another_admin_may_take_away_an_admin_role(admin, db, make_user):
    other = make_user("admin", email="tweede.beheerder@example.org")
    assert save_account(admin, other.id, role="viewer").status_code == 302
    assert stored(db, other.id).role == "viewer"


def test_a_stale_edit_is_refused_and_shows_what_changed_meanwhile(admin, client_as, db, petra):
    loaded = account_form(admin.get(f"/admin/users/{petra.id}"))
    assert loaded["version"] == "1"
    assert save_account(client_as("admin"), petra.id, name="Petra Nieuw").status_code == 302

    response = admin.post(f"/admin/users/{petra.id}", data={**loaded, "name": "Mijn Invoer", "role": "privacy"})

    assert response.status_code == 409
    meanwhile = alert(response, "warning")
    assert "Iemand anders heeft dit intussen gewijzigd" in meanwhile
    assert "Petra Jansen → Petra Nieuw" in meanwhile
    assert account_form(response) == {"name": "Mijn Invoer", "role": "privacy", "active": "y", "version": "2"}
    after = stored(db, petra.id)
    assert (after.name, after.role, after.version) == ("Petra Nieuw", "editor", 2)


def test_saving_again_after_a_conflict_overwrites_knowingly(admin, client_as, db, petra):
    loaded = account_form(admin.get(f"/admin/users/{petra.id}"))
    save_account(client_as("admin"), petra.id, name="Petra Nieuw")
    conflict = admin.post(f"/admin/users/{petra.id}", data={**loaded, "name": "Mijn Invoer"})
    assert conflict.status_code == 409
    response = admin.post(f"/admin/users/{petra.id}", data=account_form(conflict))
    assert response.status_code == 302
    assert stored(db, petra.id).name == "Mijn Invoer"


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_account_is_not_found(admin, petra, method):
    response = getattr(admin, method)("/admin/users/99999", data={"name": "X", "role": "viewer", "version": "1"})
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text
