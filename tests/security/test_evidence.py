"""Evidence: upload limits (size, type, content), storage by hash, download authorisation, expiry."""

import hashlib
import io
from datetime import date, timedelta

import pytest
from sqlmodel import select

from portfolio.security.models import Evidence

PDF = b"%PDF-1.4\n% test\n" + b"x" * 100


@pytest.fixture
def app_config():
    return {"EVIDENCE_MAX_BYTES": 1024}


def _upload(client, measure, content, filename, **fields):
    data = {"kind": "file", "dated_on": "2026-05-01", "file": (io.BytesIO(content), filename), **fields}
    return client.post(f"/security/measures/{measure.id}/evidence/new", data=data, content_type="multipart/form-data")


def _evidence(db):
    with db() as session:
        found = session.exec(select(Evidence)).all()
        for item in found:
            session.expunge(item)
        return found


def test_the_assignee_uploads_a_file_stored_by_its_hash(app, client_as, make_measure, db):
    assignee = client_as("editor")
    measure = make_measure(assignee_id=assignee.user.id)
    response = _upload(assignee, measure, PDF, "../../rapport 2026.pdf", description="Pentestrapport")
    assert response.status_code == 302, response.get_data(as_text=True)
    [item] = _evidence(db)
    digest = hashlib.sha256(PDF).hexdigest()
    assert (item.content_hash, item.filename, item.size_bytes) == (digest, "rapport 2026.pdf", len(PDF))
    stored = app.instance_path + f"/evidence/{digest}"
    with open(stored, "rb") as handle:
        assert handle.read() == PDF


@pytest.mark.parametrize("content, filename, message", [
    (b"%PDF-" + b"x" * 2000, "groot.pdf", "groter dan de toegestane"),
    (b"MZ\x90\x00", "programma.exe", "Dit bestandstype is niet toegestaan."),
    (b"<html><script>alert(1)</script>", "nep.pdf", "past niet bij het type .pdf"),
    (b"\x00\x01binary", "tekst.txt", "past niet bij het type .txt"),
    (b"", "leeg.pdf", "Het bestand is leeg."),
])
def test_refused_uploads_say_why_and_store_nothing(app, client_as, make_measure, db, content, filename, message):
    assignee = client_as("editor")
    measure = make_measure(assignee_id=assignee.user.id)
    response = _upload(assignee, measure, content, filename)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _evidence(db) == []
    import os
    directory = os.path.join(app.instance_path, "evidence")
    assert not os.path.isdir(directory) or os.listdir(directory) == []


def test_a_request_above_the_app_limit_gets_a_dutch_message(app, client_as, make_measure):
    app.config["MAX_CONTENT_LENGTH"] = 2048
    assignee = client_as("editor")
    measure = make_measure(assignee_id=assignee.user.id)
    response = _upload(assignee, measure, b"%PDF-" + b"x" * 4096, "groot.pdf")
    assert response.status_code == 413
    assert "Bewijsstukken mogen hoogstens" in response.get_data(as_text=True)


def test_link_and_text_evidence_are_checked(client_as, make_measure, db):
    assignee = client_as("editor")
    measure = make_measure(assignee_id=assignee.user.id)
    url = f"/security/measures/{measure.id}/evidence/new"
    bad = assignee.post(url, data={"kind": "link", "url": "javascript:alert(1)", "dated_on": "2026-05-01"})
    assert bad.status_code == 400 and "begint met https://" in bad.get_data(as_text=True)
    empty = assignee.post(url, data={"kind": "text", "dated_on": "2026-05-01"})
    assert empty.status_code == 400 and "Beschrijf het bewijs." in empty.get_data(as_text=True)
    reversed_dates = assignee.post(url, data={"kind": "text", "description": "x", "dated_on": "2026-05-01", "expires_on": "2026-04-01"})
    assert reversed_dates.status_code == 400
    ok = assignee.post(url, data={"kind": "link", "url": "https://intranet.example.org/x", "dated_on": "2026-05-01"})
    assert ok.status_code == 302
    assert [item.kind for item in _evidence(db)] == ["link"]


def test_someone_else_may_not_add_evidence(client_as, make_measure, db):
    assignee, other = client_as("editor"), client_as("privacy")
    measure = make_measure(assignee_id=assignee.user.id)
    assert _upload(other, measure, PDF, "r.pdf").status_code == 403
    assert _evidence(db) == []


def test_download_is_an_attachment_for_readers_only(app, client_as, make_measure, viewer, db):
    assignee = client_as("editor")
    measure = make_measure(assignee_id=assignee.user.id)
    response = _upload(assignee, measure, PDF, "rapport.pdf")
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]
    [item] = _evidence(db)
    url = f"/security/measures/{measure.id}/evidence/{item.id}/download"
    response = viewer.get(url)
    assert response.status_code == 200 and response.data == PDF
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert 'filename=rapport.pdf' in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.mimetype == "application/pdf"
    response.close()
    anonymous = app.test_client().get(url)
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    # The evidence must belong to the measure in the address.
    other = make_measure()
    assert viewer.get(f"/security/measures/{other.id}/evidence/{item.id}/download").status_code == 404


def test_expired_or_archived_evidence_counts_as_missing(client_as, make_measure, db):
    from portfolio.security.models import Measure
    from sqlalchemy.orm import selectinload

    ciso = client_as("ciso")
    measure = make_measure(status="implemented")
    today = date.today()
    ciso.post(f"/security/measures/{measure.id}/evidence/new", data={
        "kind": "text", "description": "oud", "dated_on": (today - timedelta(days=400)).isoformat(),
        "expires_on": (today - timedelta(days=1)).isoformat()})
    with db() as session:
        stored = session.exec(select(Measure).options(selectinload(Measure.evidence))).one()
        assert len(stored.evidence) == 1 and not stored.has_current_evidence(today)
    listed = ciso.get("/security/measures/?evidence=missing").get_data(as_text=True)
    assert measure.title in listed
    ciso.post(f"/security/measures/{measure.id}/evidence/new", data={
        "kind": "text", "description": "nieuw", "dated_on": today.isoformat()})
    assert measure.title not in ciso.get("/security/measures/?evidence=missing").get_data(as_text=True)
    [_, current] = _evidence(db)
    archived = ciso.post(f"/security/measures/{measure.id}/evidence/{current.id}/archive",
                         data={"version": current.version, "reason": "vervangen"})
    assert archived.status_code == 302
    assert measure.title in ciso.get("/security/measures/?evidence=missing").get_data(as_text=True)


@pytest.mark.parametrize("given, safe", [
    ('rap"port.pdf', "rapport.pdf"), ("..\\..\\win.ini.txt", "win.ini.txt"), ("a\r\nSet-Cookie: x.txt", "aSet-Cookie: x.txt"),
    ("", "bestand"), ("...", "bestand"),
])
def test_download_names_are_made_safe(given, safe):
    from portfolio.security.evidence.storage import safe_filename

    assert safe_filename(given) == safe


def test_current_evidence_is_one_rule_in_python_and_sql(db, make_measure):
    """Evidence.is_current (the measure page, exports) and Evidence.current_condition (the list's
    filter, the application panel) answer the same on the same rows, boundaries included."""
    measure = make_measure()
    on = date(2026, 6, 1)
    with db() as session:
        for archived in (False, True):
            for expires_on in (None, on - timedelta(days=1), on, on + timedelta(days=1)):
                session.add(Evidence(measure_id=measure.id, kind="text", description="x", dated_on=on - timedelta(days=30),
                                     expires_on=expires_on, archived=archived,
                                     archived_reason="vervangen" if archived else None))
    with db() as session:
        rows = session.exec(select(Evidence)).all()
        in_sql = set(session.exec(select(Evidence.id).where(Evidence.current_condition(on))).all())
        assert in_sql == {item.id for item in rows if item.is_current(on)}
        assert len(in_sql) == 3 and len(rows) == 8
