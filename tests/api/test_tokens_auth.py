"""Bearer authentication: scope, expiry, revocation, the role's limits, rate limit, no cookies."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from portfolio.tokens.models import ApiToken
from portfolio.tokens.services import hash_secret, revoke_token
from tests.api.conftest import TokenClient
from tests.conftest import sign_in


def test_a_read_only_token_may_read_but_not_write(api_as, domain_id):
    api = api_as("admin", scope="read")
    assert api.get("/api/v1/applications").status_code == 200
    response = api.post("/api/v1/applications", json={"name": "X", "domain_id": domain_id, "lifecycle_status": "planned"})
    assert response.status_code == 403
    assert response.json["detail"] == "Dit token mag alleen lezen."


def test_a_token_never_grants_more_than_the_role(api_as, domain_id):
    api = api_as("viewer", scope="write")
    response = api.post("/api/v1/applications", json={"name": "X", "domain_id": domain_id, "lifecycle_status": "planned"})
    assert response.status_code == 403


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer pf_unknown", "Basic abc", "Bearer not-a-token"])
def test_missing_or_unknown_tokens_get_401_problem(app, header):
    response = app.test_client().get("/api/v1/applications", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_an_expired_token_is_refused(app, make_user, make_token, db):
    user = make_user("editor")
    secret = make_token(user)
    with db() as session:
        token = session.exec(select(ApiToken).where(ApiToken.token_hash == hash_secret(secret))).one()
        token.expires_on = date.today() - timedelta(days=1)
    assert TokenClient(app.test_client(), secret, user).get("/api/v1/applications").status_code == 401


def test_a_token_is_valid_through_its_expiry_day(app, make_user, make_token, db):
    user = make_user("editor")
    secret = make_token(user)
    with db() as session:
        token = session.exec(select(ApiToken).where(ApiToken.token_hash == hash_secret(secret))).one()
        token.expires_on = date.today()
    assert TokenClient(app.test_client(), secret, user).get("/api/v1/applications").status_code == 200


def test_a_revoked_token_is_refused(app, make_user, make_token, db):
    user = make_user("editor")
    secret = make_token(user)
    with db() as session:
        token = session.exec(select(ApiToken).where(ApiToken.token_hash == hash_secret(secret))).one()
        revoke_token(session, token, user=user)
    assert TokenClient(app.test_client(), secret, user).get("/api/v1/applications").status_code == 401


def test_the_token_of_a_deactivated_user_is_refused(app, make_user, make_token, db):
    from portfolio.auth.models import User

    user = make_user("editor")
    secret = make_token(user)
    with db() as session:
        session.get(User, user.id).active = False
    assert TokenClient(app.test_client(), secret, user).get("/api/v1/applications").status_code == 401


def test_a_session_cookie_does_not_authenticate_the_api(app, make_user):
    client = sign_in(app.test_client(), make_user("admin"))
    assert client.get("/applications/").status_code == 200
    response = client.get("/api/v1/applications")
    assert response.status_code == 401 and response.mimetype == "application/problem+json"


def test_use_is_recorded_without_an_audit_entry(api_as, rows, audit_count):
    api = api_as("viewer")
    before = audit_count()
    assert rows(ApiToken)[0].last_used_at is None
    assert api.get("/api/v1/applications").status_code == 200
    assert api.get("/api/v1/applications/12345").status_code == 404
    token = rows(ApiToken)[0]
    assert token.last_used_at is not None and token.rate_count == 2
    assert audit_count() == before


@pytest.fixture
def app_config():
    return {"API_RATE_LIMIT": 3}


def test_the_rate_limit_answers_429_with_retry_after(api_as):
    api = api_as("viewer")
    assert [api.get("/api/v1/applications").status_code for _ in range(3)] == [200, 200, 200]
    limited = api.get("/api/v1/applications")
    assert limited.status_code == 429 and limited.mimetype == "application/problem+json"
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    other = api_as("viewer")  # the count is per token
    assert other.get("/api/v1/applications").status_code == 200


def test_errors_follow_accept_language(app):
    client = app.test_client()
    dutch = client.get("/api/v1/applications", headers={"Accept-Language": "nl"}).json
    english = client.get("/api/v1/applications", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert dutch["title"] == "Niet aangemeld"
    assert english.json["title"] == "Not signed in" and english.headers["Content-Language"] == "en"


def test_the_api_never_answers_with_an_html_page(api_as):
    api = api_as("viewer")
    for response in (api.get("/api/v1/nothing"), api.delete("/api/v1/applications"), api.get("/api/v1/applications?page=0")):
        assert response.mimetype == "application/problem+json", response.status_code
        assert b"<html" not in response.data
