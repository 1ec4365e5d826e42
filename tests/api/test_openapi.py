"""The OpenAPI document covers every API route and is what validates; the docs page shows it."""

import re

from portfolio.web.routing import API_PREFIX


def test_every_api_route_is_in_the_document_and_nothing_else(app):
    document = app.test_client().get("/api/v1/openapi.json").json
    assert document["openapi"] == "3.1.0"
    documented = {(method.upper(), path) for path, item in document["paths"].items() for method in item}
    routes = {
        (method, re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule))
        for rule in app.url_map.iter_rules() if rule.rule.startswith(API_PREFIX)
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert documented == routes


def test_request_schemas_forbid_unknown_fields_and_bound_text(app):
    schemas = app.test_client().get("/api/v1/openapi.json").json["components"]["schemas"]
    create = schemas["ApplicationCreate"]
    assert create["additionalProperties"] is False
    assert set(create["required"]) == {"name", "domain_id", "lifecycle_status"}
    assert create["properties"]["name"]["maxLength"] == 120
    assert "Problem" in schemas


def test_the_docs_page_lists_the_operations_without_a_token(app):
    response = app.test_client().get("/api/v1/docs", headers={"Accept-Language": "en"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "PATCH /api/v1/applications/{record_id}" in page
    assert "planned | procurement | implementation" in page
    assert "<script" not in page
