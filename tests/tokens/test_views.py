"""The token pages: a token is shown once, stored hashed, limited to a year, revocable by its owner only."""

from datetime import date, timedelta

from portfolio.core.audit.models import AuditEntry
from portfolio.tokens.models import ApiToken
from portfolio.tokens.services import hash_secret


def make(client, **overrides):
    form = {"name": "Export-script", "scope": "read", "expires_on": (date.today() + timedelta(days=30)).isoformat(), **overrides}
    return client.post("/account/tokens/", data=form)


def test_a_new_token_is_shown_once_and_stored_as_its_hash(editor, rows):
    response = make(editor)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    secret = page.split('id="new-token">', 1)[1].split("<", 1)[0]
    assert secret.startswith("pf_") and len(secret) > 40
    token = rows(ApiToken)[0]
    assert token.token_hash == hash_secret(secret) and secret not in token.token_hash
    assert token.user_id == editor.user.id and token.scope == "read"
    assert secret not in editor.get("/account/tokens/").get_data(as_text=True)
    entries = [entry for entry in rows(AuditEntry) if entry.entity_type == "api_token"]
    assert len(entries) == 1 and entries[0].changes["token_hash"] == [None, "***"]


def test_the_secret_works_for_the_api(app, editor):
    page = make(editor, scope="write").get_data(as_text=True)
    secret = page.split('id="new-token">', 1)[1].split("<", 1)[0]
    response = app.test_client().get("/api/v1/applications", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200


def test_expiry_is_required_and_at_most_a_year_ahead(editor, rows):
    too_late = make(editor, expires_on=(date.today() + timedelta(days=366)).isoformat())
    assert too_late.status_code == 400 and "Een token is hoogstens een jaar geldig." in too_late.get_data(as_text=True)
    assert make(editor, expires_on="").status_code == 400
    assert make(editor, expires_on=date.today().isoformat()).status_code == 400
    assert rows(ApiToken) == []
    assert make(editor, expires_on=(date.today() + timedelta(days=365)).isoformat()).status_code == 200


def test_revoke_own_token_but_not_somebody_elses(editor, viewer, rows):
    make(editor)
    token = rows(ApiToken)[0]
    assert viewer.post(f"/account/tokens/{token.id}/revoke").status_code == 404
    assert rows(ApiToken)[0].revoked_at is None
    response = editor.post(f"/account/tokens/{token.id}/revoke")
    assert response.status_code == 302
    assert rows(ApiToken)[0].revoked_at is not None
    assert editor.post(f"/account/tokens/{token.id}/revoke").status_code == 400


def test_the_list_shows_only_own_tokens(editor, viewer):
    make(editor, name="Alleen van de editor")
    assert "Alleen van de editor" in editor.get("/account/tokens/").get_data(as_text=True)
    assert "Alleen van de editor" not in viewer.get("/account/tokens/").get_data(as_text=True)
