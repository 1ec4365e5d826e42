"""Bulk change from the list: lifecycle status and TIME verdict for the selected rows in one POST."""

import pytest

from portfolio.applications.models import Application
from tests.applications.helpers import flashes


@pytest.fixture
def stored_applications(rows):
    """stored_applications() -> {name: (lifecycle status, TIME verdict, version)}."""
    return lambda: {a.name: (a.lifecycle_status, a.time_verdict, a.version) for a in rows(Application)}


@pytest.fixture
def three(make_application, archive_record):
    burgerzaken = make_application(name="Burgerzaken", time_verdict="tolerate")
    key = make_application(name="Centric Key")
    old = archive_record(make_application(name="Oud systeem"))
    return burgerzaken, key, old


def test_selected_rows_change_with_one_audit_entry_each(editor, three, stored_applications, history):
    burgerzaken, key, _ = three
    response = editor.post("/applications/bulk", data={
        "selected": [burgerzaken.id, key.id], "lifecycle_status": "phasing_out", "time_verdict": "migrate",
        "back": "/applications/?q=c",
    })
    assert response.status_code == 302 and response.headers["Location"] == "/applications/?q=c"
    assert stored_applications() == {
        "Burgerzaken": ("phasing_out", "migrate", 2), "Centric Key": ("phasing_out", "migrate", 2), "Oud systeem": ("production", None, 2),
    }
    for application, before in ((burgerzaken, "tolerate"), (key, None)):
        entries = history(application)
        assert len(entries) == 2  # created, then the one bulk change
        assert entries[0].actor_label == editor.user.email
        assert entries[0].changes["lifecycle_status"] == ["production", "phasing_out"]
        assert entries[0].changes["time_verdict"] == [before, "migrate"]
    assert "2 applicaties gewijzigd." in flashes(editor.get("/applications/"))


@pytest.mark.parametrize(("field", "value"), [("lifecycle_status", "retired"), ("time_verdict", "eliminate")])
def test_one_field_alone_leaves_the_other_as_it_was(editor, three, stored_applications, field, value):
    burgerzaken = three[0]
    editor.post("/applications/bulk", data={"selected": burgerzaken.id, field: value})
    status, verdict, _ = stored_applications()["Burgerzaken"]
    assert (status, verdict) == (("retired", "tolerate") if field == "lifecycle_status" else ("production", "eliminate"))


def test_archived_and_unknown_rows_are_refused_and_reported(editor, three, stored_applications, history):
    burgerzaken, _, old = three
    response = editor.post("/applications/bulk", data={
        "selected": [burgerzaken.id, old.id, 99999], "lifecycle_status": "retired",
    }, follow_redirects=True)
    assert flashes(response) == ["1 applicatie gewijzigd.", "2 applicaties niet gewijzigd (gearchiveerd of onbekend)."]
    assert stored_applications()["Burgerzaken"][0] == "retired"
    assert stored_applications()["Oud systeem"] == ("production", None, 2)
    assert history(old)[0].action == "update" and "archived" in history(old)[0].changes  # its last entry is still the archiving


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"lifecycle_status": "retired"}, "Selecteer minstens één applicatie."),
        ({"selected": "ID"}, "Kies een nieuwe levenscyclus of een nieuw TIME-oordeel."),
        ({"selected": "ID", "lifecycle_status": "bogus"}, "Ongeldige keuze."),
    ],
)
def test_an_incomplete_bulk_change_changes_nothing_and_says_why(editor, three, stored_applications, audit_count, data, message):
    before_rows, before_entries = stored_applications(), audit_count()
    data = {key: (str(three[0].id) if value == "ID" else value) for key, value in data.items()}
    response = editor.post("/applications/bulk", data=data, follow_redirects=True)
    assert response.status_code == 200
    assert message in flashes(response)
    assert stored_applications() == before_rows and audit_count() == before_entries


def test_an_unchanged_row_gets_no_audit_entry(editor, three, history):
    burgerzaken = three[0]
    editor.post("/applications/bulk", data={"selected": burgerzaken.id, "time_verdict": "tolerate"})
    assert len(history(burgerzaken)) == 1


def test_back_only_returns_within_the_register(editor, three):
    response = editor.post("/applications/bulk", data={
        "selected": three[0].id, "time_verdict": "invest", "back": "https://evil.example/",
    })
    assert response.headers["Location"] == "/applications/"


def test_a_viewer_gets_403_and_nothing_changes(viewer, three, stored_applications, audit_count):
    before_rows, before_entries = stored_applications(), audit_count()
    response = viewer.post("/applications/bulk", data={"selected": three[0].id, "lifecycle_status": "retired"})
    assert response.status_code == 403
    assert stored_applications() == before_rows and audit_count() == before_entries


def test_the_list_offers_the_selection_to_editors(editor, three):
    body = editor.get("/applications/").get_data(as_text=True)
    assert f'name="selected" value="{three[0].id}"' in body and 'action="/applications/bulk"' in body
