"""Suppliers through the web UI: create, edit, archive, restore; unique names, websites, conflicts."""

import pytest

from portfolio.suppliers.models import Supplier
from tests.applications.helpers import field_errors, flashes, text

WEBSITE = "Vul een volledig webadres in, zoals https://www.voorbeeld.nl."


def form(**overrides):
    return {"name": "Centric", "website": "https://www.centric.eu", "contact": "", "notes": ""} | {
        key: str(value) for key, value in overrides.items()
    }


@pytest.fixture
def suppliers(rows):
    """suppliers() -> {name: Supplier} as stored now."""
    return lambda: {supplier.name: supplier for supplier in rows(Supplier)}


def test_create_edit_archive_and_restore_are_saved_and_audited(editor, suppliers, history):
    response = editor.post("/suppliers/new", data=form(contact="accountmanager@centric.eu"))
    assert response.status_code == 302
    supplier = suppliers()["Centric"]
    assert supplier.website == "https://www.centric.eu" and supplier.contact == "accountmanager@centric.eu"
    assert "Leverancier Centric aangemaakt." in flashes(editor.get(response.headers["Location"]))

    assert editor.post(f"/suppliers/{supplier.id}/edit", data=form(name="Centric IT Solutions", version=1)).status_code == 302
    supplier = suppliers()["Centric IT Solutions"]
    assert history(supplier)[0].changes["name"] == ["Centric", "Centric IT Solutions"]

    refused = editor.post(f"/suppliers/{supplier.id}/archive", data={"reason": "", "version": 2})
    assert refused.status_code == 400 and "Dit veld is verplicht." in field_errors(refused)
    assert editor.post(f"/suppliers/{supplier.id}/archive", data={"reason": "Overgenomen", "version": 2}).status_code == 302
    supplier = suppliers()["Centric IT Solutions"]
    assert supplier.archived and history(supplier)[0].reason == "Overgenomen"
    page = editor.get(f"/suppliers/{supplier.id}")
    assert "Gearchiveerd: Overgenomen" in text(page) and editor.user.email in text(page).split("Geschiedenis", 1)[1]
    assert "Centric IT Solutions" not in text(editor.get("/suppliers/"))
    assert "Centric IT Solutions" in text(editor.get("/suppliers/?archived=1"))

    assert editor.post(f"/suppliers/{supplier.id}/restore", data={"version": 3}).status_code == 302
    assert not suppliers()["Centric IT Solutions"].archived


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "Dit veld is verplicht."),
        ({"name": "n" * 121}, "Gebruik hoogstens 120 tekens."),
        ({"name": "pinkroccade"}, "Er is al een leverancier met deze naam."),
        ({"name": "  PinkRoccade "}, "Er is al een leverancier met deze naam."),
        ({"website": "ftp://ftp.centric.eu"}, WEBSITE),
        ({"website": "www.centric.eu"}, WEBSITE),
        ({"website": "javascript:alert(1)"}, WEBSITE),
        ({"website": "https://" + "w" * 300 + ".nl"}, "Gebruik hoogstens 300 tekens."),
        ({"contact": "c" * 301}, "Gebruik hoogstens 300 tekens."),
        ({"notes": "n" * 4001}, "Gebruik hoogstens 4000 tekens."),
    ],
)
def test_invalid_input_is_refused_with_a_dutch_message_and_nothing_is_written(editor, make_supplier, suppliers, audit_count, overrides, message):
    make_supplier("PinkRoccade")
    before = audit_count()
    response = editor.post("/suppliers/new", data=form(**overrides))
    assert response.status_code == 400
    assert message in field_errors(response)
    assert list(suppliers()) == ["PinkRoccade"] and audit_count() == before


@pytest.mark.parametrize("website", ["http://intranet.duoplus.nl", "https://www.pinkroccade.nl/overheid", ""])
def test_web_addresses_and_none_are_accepted(editor, suppliers, website):
    assert editor.post("/suppliers/new", data=form(website=website)).status_code == 302
    assert suppliers()["Centric"].website == (website or None)


def test_renaming_to_a_taken_name_is_refused_but_keeping_the_own_name_is_not(editor, make_supplier, suppliers):
    make_supplier("PinkRoccade")
    centric = make_supplier("Centric")
    refused = editor.post(f"/suppliers/{centric.id}/edit", data=form(name="PINKROCCADE", version=1))
    assert refused.status_code == 400 and "Er is al een leverancier met deze naam." in field_errors(refused)
    assert editor.post(f"/suppliers/{centric.id}/edit", data=form(name="centric", version=1)).status_code == 302
    assert sorted(suppliers()) == ["PinkRoccade", "centric"]


def test_a_stale_edit_gets_409_and_overwrites_nothing(client_as, make_supplier, suppliers):
    supplier = make_supplier("Centric")
    first, second = client_as("editor"), client_as("editor")
    assert second.post(f"/suppliers/{supplier.id}/edit", data=form(notes="Van collega", version=1)).status_code == 302
    response = first.post(f"/suppliers/{supplier.id}/edit", data=form(notes="Mijn notitie", version=1))
    assert response.status_code == 409
    assert "Opmerkingen: – → Van collega" in text(response) and "Mijn notitie" in response.get_data(as_text=True)
    assert suppliers()["Centric"].notes == "Van collega"


def test_the_supplier_page_lists_its_applications_and_the_list_counts_them(viewer, make_supplier, make_application, archive_record):
    centric = make_supplier("Centric")
    make_application(name="Centric Key", supplier=centric)
    make_application(name="Centric Suite", supplier=centric)
    archive_record(make_application(name="Centric Oud", supplier=centric))
    page = text(viewer.get(f"/suppliers/{centric.id}"))
    assert "Centric Key" in page and "Centric Suite" in page
    row = text(viewer.get("/suppliers/")).split("Centric", 1)[1]
    assert row.split()[0] == "2"  # archived applications are not counted


def test_an_unknown_supplier_is_404(viewer):
    assert viewer.get("/suppliers/99999").status_code == 404
