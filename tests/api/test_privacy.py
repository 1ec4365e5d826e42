"""/api/v1 privacy resources: who may read and write them, and the register's rules."""

import pytest


def processing_body(organisation_id, **overrides):
    return {"organisation_id": organisation_id, "name": "Basisregistratie Personen", "purpose": "Bijhouden BRP",
            "legal_basis": "legal_obligation", "data_subjects": "Inwoners", "data_categories": "NAW, BSN",
            "retention_period": "Wettelijk", **overrides}


def test_processing_rules_and_links(api_as, organisation_id):
    api = api_as("privacy")
    missing_ground = api.post("/api/v1/processing-activities", json=processing_body(organisation_id, special_categories=True))
    assert missing_ground.status_code == 422 and "special_category_ground" in missing_ground.json["errors"]
    created = api.post("/api/v1/processing-activities", json=processing_body(organisation_id))
    assert created.status_code == 201, created.json
    assert created.json["application_ids"] == [] and created.json["processor_ids"] == []
    supplier = api_as("editor").post("/api/v1/suppliers", json={"name": "Centric"}).json
    changed = api.patch(created.headers["Location"], json={"processor_ids": [supplier["id"]]}, headers={"If-Match": '"1"'})
    assert changed.status_code == 200 and changed.json["processor_ids"] == [supplier["id"]]
    assert api.get("/api/v1/processing-activities?q=brp").json["total"] == 1


@pytest.mark.parametrize("role, status", [("ciso", 200), ("viewer", 403), ("editor", 403)])
def test_who_reads_the_processing_register(api_as, role, status):
    assert api_as(role).get("/api/v1/processing-activities").status_code == status


def test_the_ciso_reads_but_does_not_write_processing(api_as, organisation_id):
    assert api_as("ciso").post("/api/v1/processing-activities", json=processing_body(organisation_id)).status_code == 403


@pytest.mark.parametrize("role", ["ciso", "viewer", "editor"])
def test_only_breach_managers_see_data_breaches(api_as, role):
    assert api_as(role).get("/api/v1/data-breaches").status_code == 403


def test_breach_needs_a_time_zone_and_notification_after_discovery(api_as, organisation_id):
    api = api_as("privacy")
    naive = api.post("/api/v1/data-breaches", json={"organisation_id": organisation_id, "description": "Brief verkeerd verstuurd",
                                                   "discovered_at": "2026-11-02T10:00:00"})
    assert naive.status_code == 422 and "discovered_at" in naive.json["errors"]
    created = api.post("/api/v1/data-breaches", json={"organisation_id": organisation_id, "description": "Brief verkeerd verstuurd",
                                                     "discovered_at": "2026-11-02T10:00:00+01:00"})
    assert created.status_code == 201 and created.json["discovered_at"].startswith("2026-11-02T09:00:00")
    early = api.patch(created.headers["Location"], json={"notified_at": "2026-11-01T10:00:00Z"}, headers={"If-Match": '"1"'})
    assert early.status_code == 422
    closed = api.patch(created.headers["Location"], json={"closed_on": "2026-11-20"}, headers={"If-Match": '"1"'})
    assert closed.status_code == 200 and api.get("/api/v1/data-breaches?only_open=true").json["total"] == 0


def test_processor_agreement_with_applications(api_as, organisation_id, domain_id):
    editor = api_as("editor")
    supplier = editor.post("/api/v1/suppliers", json={"name": "PinkRoccade"}).json
    application = editor.post("/api/v1/applications", json={"name": "iBurgerzaken", "domain_id": domain_id, "lifecycle_status": "production"}).json
    api = api_as("privacy")
    created = api.post("/api/v1/processor-agreements", json={"supplier_id": supplier["id"], "organisation_id": organisation_id,
                                                           "application_ids": [application["id"]]})
    assert created.status_code == 201, created.json
    assert created.json["application_ids"] == [application["id"]]
    assert api.get(f"/api/v1/processor-agreements?supplier_id={supplier['id']}").json["total"] == 1
    assert editor.post("/api/v1/processor-agreements", json={"supplier_id": supplier["id"], "organisation_id": organisation_id}).status_code == 403
