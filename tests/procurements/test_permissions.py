"""Who may do what in the pipeline: every role reads, only editors and admins write; a refused write leaves no trace."""

import pytest

from tests.procurements.conftest import ASSESSED

READERS = ["viewer", "editor", "ciso", "privacy", "admin"]
NON_WRITERS = ["viewer", "ciso", "privacy"]
WRITERS = ["editor", "admin"]


VERSION = "{version}"
# Every write route with data a writer would get accepted: (method, path, form data).
WRITES = [
    ("GET", "/procurements/new", None),
    ("POST", "/procurements/new", {"title": "Nieuw intranet"}),
    ("GET", "/procurements/{id}/edit", None),
    ("POST", "/procurements/{id}/edit", {"version": VERSION, "title": "Ander intranet"}),
    ("POST", "/procurements/{id}/advance", {"version": VERSION, "on": "2022-06-01"}),
    ("POST", "/procurements/{id}/notes", {"text": "Een notitie"}),
    ("GET", "/procurements/{id}/stop", None),
    ("POST", "/procurements/{id}/stop", {"version": VERSION, "on": "2022-06-01", "reason": "te duur"}),
    ("GET", "/procurements/{id}/archive", None),
    ("POST", "/procurements/{id}/archive", {"version": VERSION, "reason": "dubbel"}),
    ("POST", "/procurements/{id}/restore", {"version": VERSION}),
]
IDS = [f"{method}-{path.rsplit('/', 1)[1]}" for method, path, _ in WRITES]


def send(client, procurement, method, path, data):
    filled = {key: value.format(version=procurement.version) for key, value in (data or {}).items()}
    return client.open(path.format(id=procurement.id), method=method, data=filled)


@pytest.fixture
def procurement(make_procurement):
    return make_procurement(title="Intranet", domain="Bedrijfsvoering", **ASSESSED)


@pytest.mark.parametrize("role", READERS)
@pytest.mark.parametrize("path", ["/procurements/", "/procurements/?view=list", "/procurements/{id}"])
def test_every_role_reads_the_board_the_list_and_a_procurement(client_as, procurement, role, path):
    response = client_as(role).get(path.format(id=procurement.id))
    assert response.status_code == 200
    assert "Intranet" in response.text


@pytest.mark.parametrize("role", NON_WRITERS)
@pytest.mark.parametrize(("method", "path", "data"), WRITES, ids=IDS)
def test_those_who_only_read_get_403_on_every_write_route_and_nothing_is_written(
    client_as, procurement, snapshot, role, method, path, data
):
    client = client_as(role)
    before = snapshot()
    response = send(client, procurement, method, path, data)
    assert response.status_code == 403
    assert "U heeft geen toestemming voor deze pagina of handeling." in response.text
    assert snapshot() == before


def test_the_read_only_page_offers_no_write_actions(client_as, procurement):
    page = client_as("viewer").get(f"/procurements/{procurement.id}").text
    for action in ("/edit", "/advance", "/notes", "/stop", "/archive", "/procurements/new"):
        assert action not in page


@pytest.mark.parametrize("role", WRITERS)
@pytest.mark.parametrize(("method", "path", "data"), WRITES, ids=IDS)
def test_editors_and_admins_write(client_as, procurement, archive_procurement, role, method, path, data):
    client = client_as(role)
    if path.endswith("/restore"):
        procurement = archive_procurement(procurement)
    response = send(client, procurement, method, path, data)
    assert response.status_code == (200 if method == "GET" else 302), response.text

