"""Schemathesis over every operation of the OpenAPI document, in-process, with an admin token:
no 5xx, and every response (status, content type, headers, body) as the document says."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.openapi import from_wsgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_headers_conformance, response_schema_conformance, status_code_conformance,
)
from sqlmodel import select

from portfolio.applications import related
from portfolio.applications.services import create_application
from portfolio.reference.models import Domain, Organisation
from portfolio.suppliers.services import create_supplier

EXAMPLES_PER_OPERATION = 25
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


def seed_records(session):
    """A few records at ids 1 and 2, so that generated ids find something to read and change."""
    domain = session.exec(select(Domain).order_by(Domain.id)).first()
    organisation = session.exec(select(Organisation).order_by(Organisation.id)).first()
    supplier = create_supplier(session, data={"name": "Centric"})
    first = create_application(session, data={"name": "Key2Burgerzaken", "domain_id": domain.id,
                                               "lifecycle_status": "production", "supplier_id": supplier.id})
    second = create_application(session, data={"name": "Suite4", "domain_id": domain.id, "lifecycle_status": "planned"})
    related.create_usage(session, first, data={"organisation_id": organisation.id, "status": "active"})
    related.create_contract(session, first, data={"contract_type": "sla", "starts_on": date(2025, 1, 1)})
    related.create_integration(session, first, data={"target_application_id": second.id, "direction": "outgoing"})


def test_every_operation_conforms_to_the_document(app, db, make_user, make_token):
    with db() as session:
        seed_records(session)
    headers = {"Authorization": f"Bearer {make_token(make_user('admin'))}"}
    app.config["API_RATE_LIMIT"] = 1_000_000
    schema = from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    cases = 0

    for operation in operations:
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case):
            nonlocal cases
            cases += 1
            response = case.call(headers=headers)
            case.validate_response(response, checks=CHECKS)

        run()

    print(f"\nschemathesis: {len(operations)} operations, {cases} generated cases")
    assert len(operations) >= 30 and cases >= len(operations)
