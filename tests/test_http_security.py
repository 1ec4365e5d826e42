"""The security baseline: headers, CSRF, error pages in the layout, request size limit."""

import re

import pytest

from portfolio import create_app
from portfolio.web.permissions import Permission, requires
from portfolio.core.db import get_engine
from tests.conftest import PASSWORD, base_config


def test_every_response_carries_the_security_headers(client):
    for response in (client.get("/login"), client.get("/does-not-exist"), client.get("/healthz")):
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_script_or_style(client_as):
    page = client_as("admin").get("/admin/users/").text
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)
    assert " style=" not in page and "<style" not in page


@pytest.fixture
def csrf_app(database_url, tmp_path):
    app = create_app(base_config(database_url, WTF_CSRF_ENABLED=True), instance_path=str(tmp_path))
    yield app
    get_engine(app).dispose()


def _csrf_token(page):
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def test_form_posts_without_a_csrf_token_are_refused(csrf_app, make_user):
    make_user("viewer", email="v@example.org")
    client = csrf_app.test_client()
    response = client.post("/login", data={"email": "v@example.org", "password": PASSWORD})
    assert response.status_code == 400
    assert "Het formulier is verlopen of niet compleet" in response.text

    token = _csrf_token(client.get("/login").text)
    response = client.post("/login", data={"email": "v@example.org", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302


def test_logout_and_language_switch_need_a_csrf_token(csrf_app):
    client = csrf_app.test_client()
    assert client.post("/language", data={"language": "en"}).status_code == 400


def test_not_found_is_a_dutch_page_in_the_layout(client):
    response = client.get("/nergens")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text
    assert 'class="utrecht-skip-link' in response.text


def test_wrong_method_answers_405_with_allow(client_as):
    response = client_as("viewer").get("/logout")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
    assert "Handeling niet toegestaan" in response.text


def test_forbidden_is_a_page_not_a_redirect(client_as):
    response = client_as("viewer").get("/admin/users/")
    assert response.status_code == 403
    assert "Geen toegang" in response.text


@pytest.mark.parametrize("app_config", [{"MAX_CONTENT_LENGTH": 1024}])
def test_oversized_requests_get_413(client):
    response = client.post("/login", data={"email": "a@example.org", "password": "x" * 4096})
    assert response.status_code == 413
    assert "te groot" in response.text


def test_max_content_length_is_set_by_default(app):
    # A little above the largest evidence file (20 MB), so that such a file and its form can arrive.
    assert app.config["EVIDENCE_MAX_BYTES"] == 20 * 1024 * 1024
    assert app.config["EVIDENCE_MAX_BYTES"] < app.config["MAX_CONTENT_LENGTH"] <= 22 * 1024 * 1024


def test_an_unexpected_error_shows_the_500_page_without_details(app):
    app.testing = False  # let the error handler answer, as in production

    @app.route("/explode")
    @requires(Permission.PUBLIC)
    def explode():
        raise RuntimeError("secret internal detail")

    response = app.test_client().get("/explode")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.text
    assert "secret internal detail" not in response.text
    assert "Traceback" not in response.text


def test_a_route_without_a_rule_is_refused_to_everyone(app, client_as):
    @app.route("/forgotten")
    def forgotten():
        return "should never be served"

    assert client_as("admin").get("/forgotten").status_code == 403
