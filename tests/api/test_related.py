"""/api/v1/suppliers, usages, contracts and integrations: the same services and rules as the screens."""

import pytest

from portfolio.applications.models import Contract, Usage


@pytest.fixture
def application(api_as, domain_id):
    api = api_as("editor")
    response = api.post("/api/v1/applications", json={"name": "Suite4", "domain_id": domain_id, "lifecycle_status": "production"})
    assert response.status_code == 201
    return api, response.json


def test_suppliers_create_unique_names_patch_and_archive(api_as):
    api = api_as("editor")
    created = api.post("/api/v1/suppliers", json={"name": "Centric"})
    assert created.status_code == 201
    assert api.post("/api/v1/suppliers", json={"name": "centric"}).json["errors"] == {"name": ["Er is al een leverancier met deze naam."]}
    url = created.headers["Location"]
    changed = api.patch(url, json={"website": "https://centric.eu"}, headers={"If-Match": created.headers["ETag"]})
    assert changed.status_code == 200 and changed.json["name"] == "Centric" and changed.json["website"] == "https://centric.eu"
    assert api.get("/api/v1/suppliers?q=entr").json["total"] == 1
    archived = api.post(url + "/archive", json={"reason": "Overgenomen"}, headers={"If-Match": changed.headers["ETag"]})
    assert archived.status_code == 200
    assert api.get("/api/v1/suppliers").json["total"] == 0
    assert api_as("viewer").post("/api/v1/suppliers", json={"name": "PinkRoccade"}).status_code == 403


def test_usage_patch_keeps_the_fields_it_does_not_send(application, organisation_id, rows):
    api, app_record = application
    created = api.post("/api/v1/usages", json={
        "application_id": app_record["id"], "organisation_id": organisation_id, "status": "active",
        "ensia_subjects": ["DigiD", "BRP"],
    })
    assert created.status_code == 201, created.json
    assert created.json["ensia_subjects"] == ["BRP", "DigiD"]
    duplicate = api.post("/api/v1/usages", json={"application_id": app_record["id"], "organisation_id": organisation_id, "status": "planned"})
    assert duplicate.status_code == 422 and "organisation_id" in duplicate.json["errors"]
    changed = api.patch(created.headers["Location"], json={"status": "ended"}, headers={"If-Match": '"1"'})
    assert changed.status_code == 200
    assert rows(Usage)[0].ensia_subjects == ["BRP", "DigiD"] and rows(Usage)[0].status == "ended"
    listed = api.get(f"/api/v1/usages?application_id={app_record['id']}").json
    assert listed["total"] == 1


def test_usage_for_an_unknown_application_is_a_field_error(api_as, organisation_id):
    response = api_as("editor").post("/api/v1/usages", json={"application_id": 999, "organisation_id": organisation_id, "status": "active"})
    assert response.status_code == 422 and response.json["errors"] == {"application_id": ["Kies een bestaande applicatie."]}


def test_contract_rules_of_the_service_apply(application, rows):
    api, app_record = application
    bad = api.post("/api/v1/contracts", json={"application_id": app_record["id"], "contract_type": "sla",
                                              "starts_on": "2026-01-01", "ends_on": "2025-01-01"})
    assert bad.status_code == 422 and bad.json["errors"] == {"ends_on": ["De einddatum ligt vóór de ingangsdatum."]}
    created = api.post("/api/v1/contracts", json={"application_id": app_record["id"], "contract_type": "sla",
                                                  "notice_months": 6, "cost_cents": 1_200_000, "cost_period": "yearly"})
    assert created.status_code == 201
    changed = api.patch(created.headers["Location"], json={"number": "C-1"}, headers={"If-Match": '"1"'})
    assert changed.status_code == 200 and rows(Contract)[0].notice_months == 6
    assert api.patch(created.headers["Location"], json={"notice_months": 40}, headers={"If-Match": '"2"'}).status_code == 422


def test_integration_needs_a_target_and_not_itself(application):
    api, app_record = application
    to_itself = api.post("/api/v1/integrations", json={"source_application_id": app_record["id"], "target_application_id": app_record["id"], "direction": "outgoing"})
    assert to_itself.status_code == 422
    created = api.post("/api/v1/integrations", json={"source_application_id": app_record["id"], "external_target": "BRP", "direction": "both", "via_esb": True})
    assert created.status_code == 201
    changed = api.patch(created.headers["Location"], json={"standard": "StUF"}, headers={"If-Match": '"1"'})
    assert changed.status_code == 200 and changed.json["via_esb"] is True and changed.json["external_target"] == "BRP"
    assert api.get(f"/api/v1/integrations?application_id={app_record['id']}").json["total"] == 1
