"""The audit log page and a record's history: who may read them, how filters narrow them, how bad filters are refused."""

from datetime import datetime, UTC

import pytest

from tests.audit.helpers import HISTORY_COLUMNS, log_rows, next_page_link, table_rows
from tests.conftest import PASSWORD


def utc(*parts):
    return datetime(*parts, tzinfo=UTC)


def create_via_web(client, email, role="viewer"):
    response = client.post(
        "/admin/users/new", data={"email": email, "name": "Nieuw", "role": role, "password": PASSWORD}
    )
    assert response.status_code == 302
    return response


def shown_ids(response):
    return sorted(row["id"] for row in log_rows(response))


@pytest.fixture
def dated_entries(append_entry):
    """Entries of entity type "application" around February 2024; the id says when they fall, in Amsterdam."""
    append_entry(utc(2024, 1, 15, 12, 0), entity_id="jan")
    append_entry(utc(2024, 1, 31, 23, 30), entity_id="feb-1-local")  # 00:30 on 1 February in Amsterdam
    append_entry(utc(2024, 2, 15, 12, 0), entity_id="feb-15")
    append_entry(utc(2024, 2, 29, 22, 30), entity_id="feb-29-local")  # 23:30 on 29 February
    append_entry(utc(2024, 2, 29, 23, 30), entity_id="mar-1-local")  # 00:30 on 1 March
    append_entry(utc(2024, 3, 20, 12, 0), entity_id="mar")


@pytest.mark.parametrize("role", ["admin", "ciso"])
def test_the_log_shows_entries_to_administrators_and_the_ciso(client_as, role):
    client = client_as(role)

    response = client.get("/audit/")

    assert response.status_code == 200
    rows = log_rows(response)
    assert {"who": "system", "type": "account", "id": str(client.user.id), "action": "aangemaakt"}.items() <= (
        rows[0].items()
    )
    assert "E-mailadres: – → " + client.user.email in rows[0]["changes"]
    assert "Wachtwoord: – → ***" in rows[0]["changes"]


@pytest.mark.parametrize("role", ["editor", "privacy", "viewer"])
def test_the_log_is_closed_to_other_roles(client_as, role):
    assert client_as(role).get("/audit/").status_code == 403


def test_the_log_is_closed_to_anonymous_visitors(app):
    response = app.test_client().get("/audit/")

    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_filtering_on_a_user_shows_only_their_changes(client_as):
    client = client_as("admin")
    admin = client.user
    create_via_web(client, "a@example.org")
    create_via_web(client, "b@example.org")

    everything = log_rows(client.get("/audit/"))
    filtered = log_rows(client.get(f"/audit/?user={admin.id}"))

    assert {"system", admin.email} <= {row["who"] for row in everything}
    assert [row["who"] for row in filtered] == [admin.email, admin.email]
    assert [row["id"] for row in filtered] == [row["id"] for row in everything if row["who"] == admin.email]


def test_filtering_on_entity_type_shows_only_that_type(client_as, append_entry):
    client = client_as("admin")
    append_entry(utc(2024, 1, 1, 12, 0), entity_type="application", entity_id="7")

    everything = log_rows(client.get("/audit/"))
    applications = log_rows(client.get("/audit/?entity_type=application"))
    accounts = log_rows(client.get("/audit/?entity_type=user_account"))

    assert {"applicatie", "account"} <= {row["type"] for row in everything}
    assert [(row["type"], row["id"]) for row in applications] == [("applicatie", "7")]
    assert accounts == [row for row in everything if row["type"] == "account"]
    assert len(accounts) < len(everything)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date_from=2024-02-01&date_to=2024-02-29", ["feb-1-local", "feb-15", "feb-29-local"]),
        ("date_from=2024-02-15&date_to=2024-02-15", ["feb-15"]),
        ("date_to=2024-01-31", ["jan"]),
        ("date_from=2024-03-01&date_to=2024-12-31", ["mar", "mar-1-local"]),
        ("date_from=2023-01-01&date_to=2023-12-31", []),
    ],
)
def test_filtering_on_dates_uses_amsterdam_days_inclusive(client_as, dated_entries, query, expected):
    response = client_as("ciso").get(f"/audit/?{query}")

    assert response.status_code == 200
    assert shown_ids(response) == sorted(expected)


def test_filters_combine(client_as, dated_entries):
    client = client_as("admin")

    response = client.get("/audit/?entity_type=user_account&date_from=2024-01-01&date_to=2024-12-31")

    assert response.status_code == 200
    assert log_rows(response) == []
    assert "Geen vermeldingen gevonden." in response.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date_from=2024-02-30", "Ongeldige datum."),
        ("date_to=morgen", "Ongeldige datum."),
        ("date_from=31-01-2024", "Ongeldige datum."),
        ("user=999999", "Ongeldige keuze."),
        ("user=abc", "Ongeldige keuze."),
        ("entity_type=spaceship", "Ongeldige keuze."),
        ("date_from=2024-03-01&date_to=2024-02-01", "De einddatum ligt vóór de begindatum."),
        ("page=0", "Kies een bestaande pagina."),
        ("page=abc", "Ongeldig getal."),
    ],
)
def test_a_bad_filter_is_refused_with_a_dutch_message(client_as, query, message):
    response = client_as("admin").get(f"/audit/?{query}")

    assert response.status_code == 400
    assert message in response.text
    assert log_rows(response) == []


class TestPagination:
    @pytest.fixture
    def app_config(self):
        return {"AUDIT_PAGE_SIZE": 2}

    def test_next_page_links_keep_the_filters(self, client_as, append_entry):
        client = client_as("ciso")
        for number in range(1, 6):
            append_entry(utc(2024, 2, number, 12, 0), entity_id=str(number))

        seen, link, pages = [], "/audit/?entity_type=application&date_from=2024-02-01", 0
        while link:
            response = client.get(link)
            assert response.status_code == 200
            rows = log_rows(response)
            assert len(rows) <= 2
            assert {row["type"] for row in rows} == {"applicatie"}
            seen += [row["id"] for row in rows]
            pages += 1
            link = next_page_link(response)
            if link:
                assert "entity_type=application" in link and "date_from=2024-02-01" in link
                assert f"page={pages + 1}" in link

        assert pages == 3
        assert seen == ["5", "4", "3", "2", "1"]  # newest first, each once

    def test_the_first_page_is_limited_to_the_page_size(self, client_as, all_entries):
        client = client_as("admin")

        response = client.get("/audit/")

        total = len(all_entries())
        assert total > 2
        assert len(log_rows(response)) == 2
        assert f"{total} vermeldingen" in response.text
        assert next_page_link(response) == "/audit/?page=2"


def test_a_user_page_shows_that_users_history(client_as, user_row):
    client = client_as("admin")
    admin = client.user
    create_via_web(client, "piet@example.org")
    user = user_row("piet@example.org")
    saved = client.post(
        f"/admin/users/{user.id}", data={"name": "Piet Pietersen", "role": "editor", "active": "y", "version": "1"}
    )
    assert saved.status_code == 302

    response = client.get(f"/admin/users/{user.id}")

    assert response.status_code == 200
    changed, created = table_rows(response.text, HISTORY_COLUMNS)  # only this account's entries, newest first
    assert changed["who"] == admin.email and "gewijzigd" in changed["action"]
    assert "Naam: Nieuw → Piet Pietersen" in changed["changes"]
    assert "Rol: Lezer (management) → Medewerker I&A" in changed["changes"]
    assert "version" not in changed["changes"]  # bookkeeping a reader does not need
    assert created["who"] == admin.email and "aangemaakt" in created["action"]
    assert "E-mailadres: – → piet@example.org" in created["changes"]
    assert user.password_hash not in response.text
