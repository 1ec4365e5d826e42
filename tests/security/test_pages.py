"""Every security page renders with the demo data, for the CISO and in English too; the writes
through the pages leave audit entries."""

import io

import pytest
from sqlmodel import select

from portfolio.core.audit.models import AuditEntry
from portfolio.security.models import Evidence, Framework, Measure


@pytest.fixture
def demo(app, db):
    result = app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    with db() as session:
        measure = session.exec(select(Measure).where(Measure.applies_to_all.is_(True))).first()
        framework = session.exec(select(Framework)).one()
        return measure.id, framework.id


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_renders(client_as, demo, language):
    measure_id, framework_id = demo
    ciso = client_as("ciso")
    with ciso.session_transaction() as flask_session:
        flask_session["language"] = language
    pages = [
        "/security/", "/security/measures/", "/security/measures/new", f"/security/measures/{measure_id}",
        f"/security/measures/{measure_id}/edit", f"/security/measures/{measure_id}/status",
        f"/security/measures/{measure_id}/evidence/new", f"/security/measures/{measure_id}/archive",
        "/security/frameworks/", f"/security/frameworks/{framework_id}", "/security/frameworks/import",
        "/security/statement", f"/security/statement?organisation=1&framework={framework_id}",
        "/security/ensia", "/security/ensia?organisation=1", "/applications/1",
    ]
    for page in pages:
        response = ciso.get(page)
        assert response.status_code == 200, page
        assert f'lang="{language}"' in response.get_data(as_text=True), page


def test_evidence_and_a_catalogue_import_are_audited(client_as, demo, db):
    measure_id, _ = demo
    ciso = client_as("ciso")
    response = ciso.post(f"/security/measures/{measure_id}/evidence/new", data={
        "kind": "file", "dated_on": "2026-05-01", "file": (io.BytesIO(b"verslag"), "verslag.txt")},
        content_type="multipart/form-data")
    assert response.status_code == 302
    response = ciso.post("/security/frameworks/import", data={
        "file": (io.BytesIO(b"reference;chapter;title;text;tags\nX.1;H;T;;\n"), "eigen.csv")},
        content_type="multipart/form-data")
    assert response.status_code == 302
    with db() as session:
        evidence = session.exec(select(Evidence).where(Evidence.kind == "file")).one()
        entries = session.exec(select(AuditEntry).where(AuditEntry.actor_id == ciso.user.id)).all()
        audited = {(entry.entity_type, entry.entity_id, entry.action) for entry in entries}
        assert ("evidence", str(evidence.id), "insert") in audited
        assert {"framework", "requirement"} <= {entry.entity_type for entry in entries}
