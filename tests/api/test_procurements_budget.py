"""/api/v1/procurements, funding-sources and budget-lines: the services' rules through the API."""

from portfolio.budget.models import BudgetLine


def test_procurement_create_with_replaced_applications_and_patch(api_as, domain_id):
    api = api_as("editor")
    application = api.post("/api/v1/applications", json={"name": "Oud", "domain_id": domain_id, "lifecycle_status": "production"}).json
    created = api.post("/api/v1/procurements", json={"title": "VTH", "budget_year": 2026, "replaces": [application["id"]]})
    assert created.status_code == 201, created.json
    assert created.json["phase"] == "exploration" and created.json["replaces"] == [application["id"]]
    assert api.post("/api/v1/procurements", json={"title": "vth"}).json["errors"] == {"title": ["Er is al een aanbesteding met deze titel."]}
    assert api.post("/api/v1/procurements", json={"title": "X", "replaces": [999]}).status_code == 422
    changed = api.patch(created.headers["Location"], json={"project_lead": "J. Jansen"}, headers={"If-Match": '"1"'})
    assert changed.status_code == 200 and changed.json["replaces"] == [application["id"]]
    assert api.get("/api/v1/procurements?phase=exploration&budget_year=2026").json["total"] == 1
    assert api.get("/api/v1/procurements?phase=evaluation").json["total"] == 0
    assert api_as("ciso").post("/api/v1/procurements", json={"title": "Y"}).status_code == 403


def test_funding_source_shows_what_is_allocated_and_has_no_archive(api_as):
    api = api_as("editor")
    created = api.post("/api/v1/funding-sources", json={"name": "Ideaalcomplex", "year": 2026, "available_cents": 50_000_000})
    assert created.status_code == 201 and created.json["allocated_cents"] == 0
    assert api.post("/api/v1/funding-sources", json={"name": "ideaalcomplex", "year": 2026, "available_cents": 1}).status_code == 422
    assert api.post(created.headers["Location"] + "/archive", json={"reason": "x"}, headers={"If-Match": '"1"'}).status_code == 404
    assert api.get("/api/v1/funding-sources?year=2026").json["total"] == 1


def test_budget_line_with_amounts_and_a_split_that_must_add_up(api_as, organisation_id, rows):
    api = api_as("editor")
    body = {"title": "Thuiswerkomgeving", "kind": "structural", "status": "granted",
            "original_cents": 18_000_000, "amounts": [{"year": 2026, "amount_cents": 16_000_000}],
            "shares": [{"organisation_id": organisation_id, "basis_points": 5000}]}
    refused = api.post("/api/v1/budget-lines", json=body)
    assert refused.status_code == 422 and "shares" in refused.json["errors"]
    body["shares"][0]["basis_points"] = 10_000
    created = api.post("/api/v1/budget-lines", json=body)
    assert created.status_code == 201, created.json
    assert created.json["amounts"] == [{"year": 2026, "amount_cents": 16_000_000}]
    changed = api.patch(created.headers["Location"], json={"revised_cents": 16_000_000, "revision_reason": "Autoscaling"},
                        headers={"If-Match": '"1"'})
    assert changed.status_code == 200 and changed.json["shares"] == body["shares"]
    assert rows(BudgetLine)[0].revised_cents == 16_000_000
    assert api.get("/api/v1/budget-lines?year=2026").json["total"] == 1
    assert api.get("/api/v1/budget-lines?year=2027").json["total"] == 0


def test_advance_through_the_phases_and_the_gate_to_production(api_as, db):
    from portfolio.procurements.enums import Phase

    api = api_as("editor")
    created = api.post("/api/v1/procurements", json={"title": "Omgevingsplannen"})
    url, etag = created.headers["Location"], created.headers["ETag"]
    assert api.post(url + "/advance", json={"on": "2026-01-01"}).status_code == 428
    for _ in range(4):  # exploration → … → implementation
        moved = api.post(url + "/advance", json={"on": "2026-01-01"}, headers={"If-Match": etag})
        assert moved.status_code == 200, moved.json
        etag = moved.headers["ETag"]
    assert moved.json["phase"] == Phase.IMPLEMENTATION.value
    gate = api.post(url + "/advance", json={"on": "2026-06-01", "override_reason": "Haast"}, headers={"If-Match": etag})
    assert gate.status_code == 409 and "beveiligingsrisicoanalyse" in gate.json["detail"]
    stopped = api.post(url + "/stop", json={"on": "2026-06-01", "reason": "Geen budget"}, headers={"If-Match": etag})
    assert stopped.status_code == 200 and stopped.json["phase"] == Phase.STOPPED.value
