"""/api/v1 measures (with the assignee's status rule), frameworks and requirements, the audit log."""

import pytest


def make_measure(api, **overrides):
    return api.post("/api/v1/measures", json={"title": "Back-ups testen", "overseer": "ciso", **overrides})


def test_the_ciso_makes_and_changes_a_measure_keeping_unsent_links(api_as, organisation_id):
    api = api_as("ciso")
    created = make_measure(api, organisation_ids=[organisation_id], ensia_subjects=["BIO"])
    assert created.status_code == 201, created.json
    assert created.json["organisation_ids"] == [organisation_id]
    changed = api.patch(created.headers["Location"], json={"priority": "high"}, headers={"If-Match": '"1"'})
    assert changed.status_code == 200, changed.json
    assert changed.json["organisation_ids"] == [organisation_id] and changed.json["ensia_subjects"] == ["BIO"]
    assert api.get("/api/v1/measures?priority=high").json["total"] == 1
    assert api.get("/api/v1/measures?status=implemented").json["total"] == 0
    assert make_measure(api, status="not_applicable").json["errors"] == {
        "status_reason": ["Geef aan waarom de maatregel niet van toepassing is."]}


def test_the_measure_list_takes_the_list_page_s_other_filters(api_as):
    api = api_as("ciso")
    make_measure(api, title="Voor iedereen", applies_to_all=True)
    make_measure(api, title="Vanaf vertrouwelijkheid hoog", min_confidentiality="high", status="implemented")

    def titles(query):
        response = api.get(f"/api/v1/measures?{query}")
        assert response.status_code == 200, response.json
        return {item["title"] for item in response.json["items"]}

    assert titles("applies_to_all=true") == {"Voor iedereen"}
    assert titles("biv_axis=confidentiality") == {"Vanaf vertrouwelijkheid hoog"}
    assert titles("evidence=missing") >= {"Vanaf vertrouwelijkheid hoog"}
    assert titles("requirement=NIET-BESTAAND") == set()
    assert api.get("/api/v1/measures?biv_axis=kleur").status_code == 422


@pytest.mark.parametrize("role", ["editor", "privacy", "viewer"])
def test_only_the_ciso_and_admin_write_measures(api_as, role):
    assert make_measure(api_as(role)).status_code == 403


def test_only_the_assignee_or_the_ciso_changes_the_status(api_as):
    ciso = api_as("ciso")
    assignee, other = api_as("editor"), api_as("editor")
    created = make_measure(ciso, assignee_id=assignee.user.id).json
    url = f"/api/v1/measures/{created['id']}/status"
    refused = other.post(url, json={"status": "in_progress"}, headers={"If-Match": '"1"'})
    assert refused.status_code == 403 and refused.mimetype == "application/problem+json"
    done = assignee.post(url, json={"status": "in_progress"}, headers={"If-Match": '"1"'})
    assert done.status_code == 200 and done.json["status"] == "in_progress"
    assert assignee.post(url, json={"status": "implemented"}, headers={"If-Match": '"1"'}).status_code == 412
    assert api_as("viewer").post(url, json={"status": "implemented"}, headers={"If-Match": '"2"'}).status_code == 403


def test_frameworks_and_requirements_are_read_only(api_as):
    api = api_as("admin")
    assert api.get("/api/v1/frameworks").status_code == 200
    assert api.get("/api/v1/requirements").status_code == 200
    assert api.post("/api/v1/frameworks", json={}).status_code == 405


def test_audit_log_for_the_ciso_without_breaches(api_as, organisation_id):
    privacy = api_as("privacy")
    assert privacy.post("/api/v1/data-breaches", json={"organisation_id": organisation_id, "description": "Lek",
                                                      "discovered_at": "2026-11-02T10:00:00Z"}).status_code == 201
    ciso = api_as("ciso")
    make_measure(ciso)
    seen = {item["entity_type"] for item in ciso.get("/api/v1/audit-log?per_page=100").json["items"]}
    assert "measure" in seen and "data_breach" not in seen
    admin_seen = {item["entity_type"] for item in api_as("admin").get("/api/v1/audit-log?per_page=100").json["items"]}
    assert "data_breach" in admin_seen
    assert api_as("editor").get("/api/v1/audit-log").status_code == 403
    assert ciso.get("/api/v1/audit-log?entity_type=measure").json["total"] == 1
