"""The progress log (notes with author and time, newest first), and archiving with a reason and restoring."""

from datetime import datetime, UTC

import pytest
from sqlmodel import select

from portfolio.procurements.models import Procurement, ProcurementNote
from tests.applications.helpers import field_errors, flashes, text


@pytest.fixture
def notes(db):
    """notes(procurement) -> [(text, author, written_at)] as stored, oldest first."""

    def read(procurement):
        with db() as session:
            rows = session.exec(select(ProcurementNote).where(ProcurementNote.procurement_id == procurement.id)
                                .order_by(ProcurementNote.id))
            return [(n.text, n.author, n.written_at) for n in rows]

    return read


def post_note(client, procurement, note):
    return client.post(f"/procurements/{procurement.id}/notes", data={"text": note})


def test_a_note_is_added_with_its_author_and_time(editor, make_procurement, notes):
    procurement = make_procurement()
    before = datetime.now(UTC)
    response = post_note(editor, procurement, "  Marktverkenning afgerond; drie leveranciers gesproken.  ")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/procurements/{procurement.id}#notities")
    assert "Notitie toegevoegd." in flashes(editor.get(response.headers["Location"]))
    [(note, author, written_at)] = notes(procurement)
    assert (note, author) == ("Marktverkenning afgerond; drie leveranciers gesproken.", editor.user.name)
    assert before <= written_at <= datetime.now(UTC)


def test_the_log_shows_the_newest_note_first(editor, client_as, make_procurement):
    procurement = make_procurement()
    colleague = client_as("admin")
    for client, note in ((editor, "Eerste: programma van eisen in concept."), (colleague, "Tweede: eisen vastgesteld."),
                         (editor, "Derde: publicatie op TenderNed.")):
        assert post_note(client, procurement, note).status_code == 302
    log = text(editor.get(f"/procurements/{procurement.id}")).split("Voortgang", 1)[1].split("Geschiedenis", 1)[0]
    assert log.index("Derde") < log.index("Tweede") < log.index("Eerste")
    assert log.index(colleague.user.name) < log.index("Tweede")


@pytest.mark.parametrize(("note", "message"), [("", "Dit veld is verplicht."), ("  \n ", "Dit veld is verplicht."),
                                               ("x" * 4001, "Gebruik hoogstens 4000 tekens.")])
def test_an_empty_or_too_long_note_is_refused(editor, make_procurement, snapshot, note, message):
    procurement = make_procurement()
    before = snapshot()
    response = post_note(editor, procurement, note)
    assert response.status_code == 400
    assert field_errors(response) == [message]
    assert snapshot() == before


def test_a_procurement_without_notes_says_so(editor, make_procurement):
    assert "Nog geen notities." in text(editor.get(f"/procurements/{make_procurement().id}"))


def test_archive_with_a_reason_then_restore(editor, make_procurement, stored, history):
    procurement = make_procurement(title="Intranet")
    assert editor.get(f"/procurements/{procurement.id}/archive").status_code == 200
    response = editor.post(f"/procurements/{procurement.id}/archive",
                           data={"version": procurement.version, "reason": "Samengevoegd met Omgevingsplannen"})
    assert response.status_code == 302
    archived = stored(Procurement, procurement.id)
    assert (archived.archived, archived.archived_reason) == (True, "Samengevoegd met Omgevingsplannen")
    assert history(procurement)[0].reason == "Samengevoegd met Omgevingsplannen"
    assert "Gearchiveerd: Samengevoegd met Omgevingsplannen" in text(editor.get(f"/procurements/{procurement.id}"))
    assert "Intranet" not in text(editor.get("/procurements/"))
    assert "Intranet" in text(editor.get("/procurements/?archived=1"))

    response = editor.post(f"/procurements/{procurement.id}/restore", data={"version": archived.version})
    assert response.status_code == 302
    assert "Aanbesteding teruggezet." in flashes(editor.get(response.headers["Location"]))
    restored = stored(Procurement, procurement.id)
    assert (restored.archived, restored.archived_reason) == (False, None)
    assert history(procurement)[0].changes["archived"] == [True, False]
    assert "Intranet" in text(editor.get("/procurements/"))


@pytest.mark.parametrize(("data", "status", "message"), [
    ({"reason": ""}, 400, "Dit veld is verplicht."),
    ({"reason": "x" * 1001}, 400, "Gebruik hoogstens 1000 tekens."),
    ({"reason": "dubbel", "version": "stale"}, 409, "Iemand anders heeft dit intussen gewijzigd"),
])
def test_archive_refuses_without_a_reason_or_at_a_stale_version(editor, make_procurement, snapshot, data, status,
                                                                 message):
    procurement = make_procurement()
    version = procurement.version - 1 if data.get("version") == "stale" else procurement.version
    before = snapshot()
    response = editor.post(f"/procurements/{procurement.id}/archive", data={**data, "version": version})
    assert response.status_code == status
    assert message in text(response)
    assert snapshot() == before


def test_restore_at_a_stale_version_is_a_conflict(editor, make_procurement, archive_procurement, snapshot):
    procurement = archive_procurement(make_procurement())
    before = snapshot()
    response = editor.post(f"/procurements/{procurement.id}/restore", data={"version": procurement.version - 1})
    assert response.status_code == 409
    assert snapshot() == before


def test_restoring_what_is_not_archived_is_refused(editor, make_procurement, snapshot):
    procurement = make_procurement()
    before = snapshot()
    response = editor.post(f"/procurements/{procurement.id}/restore", data={"version": procurement.version})
    assert response.status_code == 400
    assert "Dit is niet gearchiveerd." in text(response)
    assert snapshot() == before

