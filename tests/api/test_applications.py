"""/api/v1/applications: the register by token, with the screens' rules, permissions and audit."""

import pytest

from portfolio.applications.models import Application
from portfolio.core.audit.models import AuditEntry


def create(api, domain_id, **overrides):
    body = {"name": "Key2Burgerzaken", "domain_id": domain_id, "lifecycle_status": "production", **overrides}
    return api.post("/api/v1/applications", json=body)


def test_create_read_list_and_the_audit_trail_names_the_token_user(api_as, domain_id, rows):
    api = api_as("editor")
    response = create(api, domain_id, availability="high")
    assert response.status_code == 201, response.json
    created = response.json
    assert created["name"] == "Key2Burgerzaken" and created["availability"] == "high"
    assert response.headers["Location"] == f"/api/v1/applications/{created['id']}"
    assert response.headers["ETag"] == '"1"'

    read = api.get(f"/api/v1/applications/{created['id']}")
    assert read.status_code == 200 and read.json == created and read.headers["ETag"] == '"1"'

    listed = api.get("/api/v1/applications?q=key2")
    assert listed.json["total"] == 1 and listed.json["items"][0]["id"] == created["id"]

    entries = [entry for entry in rows(AuditEntry) if entry.entity_type == "application"]
    assert [(entry.action, entry.actor_label) for entry in entries] == [("insert", api.user.email)]


def test_the_list_pages_with_a_total_and_a_next_link_and_sorts(api_as, domain_id):
    api = api_as("editor")
    for name in ("Bravo", "alpha", "Charlie"):
        assert create(api, domain_id, name=name).status_code == 201
    first = api.get("/api/v1/applications?per_page=2").json
    assert [item["name"] for item in first["items"]] == ["alpha", "Bravo"]
    assert first["total"] == 3 and first["next"] == "/api/v1/applications?per_page=2&page=2"
    second = api.get(first["next"]).json
    assert [item["name"] for item in second["items"]] == ["Charlie"] and second["next"] is None
    descending = api.get("/api/v1/applications?order=desc").json
    assert [item["name"] for item in descending["items"]] == ["Charlie", "Bravo", "alpha"]


def test_invalid_input_answers_422_with_field_errors_in_the_requested_language(api_as, domain_id, audit_count):
    api = api_as("editor")
    before = audit_count()
    response = api.post("/api/v1/applications", json={"name": "", "domain_id": domain_id, "colour": "red"},
                        headers={"Accept-Language": "en"})
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    errors = response.json["errors"]
    assert set(errors) == {"name", "lifecycle_status", "colour"}
    assert errors["lifecycle_status"] == ["This field is required."]
    assert audit_count() == before


def test_a_service_rule_answers_422_at_the_field(api_as, domain_id):
    api = api_as("editor")
    assert create(api, domain_id).status_code == 201
    duplicate = create(api, domain_id)
    assert duplicate.status_code == 422
    assert duplicate.json["errors"] == {"name": ["Deze leverancier heeft al een applicatie met deze naam."]}


def test_patch_needs_if_match_and_refuses_a_stale_one(api_as, domain_id, rows):
    api = api_as("editor")
    created = create(api, domain_id).json
    url = f"/api/v1/applications/{created['id']}"
    assert api.patch(url, json={"product": "X"}).status_code == 428
    changed = api.patch(url, json={"product": "Key2"}, headers={"If-Match": '"1"'})
    assert changed.status_code == 200 and changed.json["product"] == "Key2" and changed.headers["ETag"] == '"2"'
    stale = api.patch(url, json={"product": "Other"}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412 and stale.mimetype == "application/problem+json"
    assert rows(Application)[0].product == "Key2"


def test_patch_refuses_null_for_a_required_field(api_as, domain_id):
    api = api_as("editor")
    created = create(api, domain_id).json
    response = api.patch(f"/api/v1/applications/{created['id']}", json={"name": None}, headers={"If-Match": '"1"'})
    assert response.status_code == 422 and "name" in response.json["errors"]


def test_archive_needs_a_reason_and_restore_brings_it_back(api_as, domain_id):
    api = api_as("admin")
    created = create(api, domain_id).json
    url = f"/api/v1/applications/{created['id']}"
    assert api.post(url + "/archive", json={"reason": ""}, headers={"If-Match": '"1"'}).status_code == 422
    archived = api.post(url + "/archive", json={"reason": "Vervangen"}, headers={"If-Match": '"1"'})
    assert archived.status_code == 200 and archived.json["archived"] is True
    assert api.get("/api/v1/applications").json["total"] == 0
    assert api.get("/api/v1/applications?include_archived=true").json["total"] == 1
    restored = api.post(url + "/restore", headers={"If-Match": archived.headers["ETag"]})
    assert restored.status_code == 200 and restored.json["archived"] is False


@pytest.mark.parametrize("role", ["viewer", "ciso", "privacy"])
def test_roles_that_may_not_write_get_403(api_as, domain_id, role, rows):
    api = api_as(role)
    assert api.get("/api/v1/applications").status_code == 200
    response = create(api, domain_id)
    assert response.status_code == 403 and response.mimetype == "application/problem+json"
    assert rows(Application) == []


def test_body_must_be_json(api_as):
    api = api_as("editor")
    response = api.post("/api/v1/applications", data="name=x", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415 and response.mimetype == "application/problem+json"
    malformed = api.post("/api/v1/applications", data="{", content_type="application/json")
    assert malformed.status_code == 400


def test_unknown_record_is_a_404_problem(api_as):
    api = api_as("viewer")
    for url in ("/api/v1/applications/999", "/api/v1/applications/99999999999999999999"):
        response = api.get(url)
        assert response.status_code == 404 and response.mimetype == "application/problem+json"
