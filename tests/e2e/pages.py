"""Every page a person opens, found from the app's routes, with the ids its URL needs.

A new GET route is scanned automatically once `record_ids` knows its URL arguments; a route
that answers with a file or a redirect instead of a page is listed in NOT_PAGES.
"""

from datetime import date, datetime, timedelta, UTC

from flask import url_for
from sqlmodel import select

from portfolio.applications.models import Application
from portfolio.applications.related.services import create_contract, create_integration, create_usage
from portfolio.auth.models import User
from portfolio.budget.models import BudgetLine, FundingSource
from portfolio.budget.funding import create_allocation
from portfolio.privacy.chain import FIGURES
from portfolio.privacy.models import ProcessingActivity, ProcessorAgreement
from portfolio.privacy.breaches.services import create_breach
from portfolio.procurements.models import Procurement
from portfolio.reference.models import Organisation
from portfolio.security.models import Evidence, Framework
from portfolio.suppliers.models import Supplier

NOT_PAGES = {
    "static", "health.healthz", "applications.export_csv", "applications.export_xlsx",
    "budget.export_xlsx", "privacy.processing_export", "security.measures_csv", "security.measures_xlsx",
    "security.statement_xlsx", "security.ensia_xlsx", "security.evidence_download", "reports.management_pdf",
}
# The JSON API is not pages (its documentation page, api.docs, is, and is scanned).
NOT_PAGES |= {"api.openapi_document"}


def is_api_json(endpoint):
    return endpoint.startswith("api.") and endpoint != "api.docs"

ANONYMOUS_ONLY = {"auth.login"}  # a signed-in user is sent on to the dashboard
# Pages whose main content is not one form to submit empty: lists, overviews and detail pages.
NOT_FORMS = {
    "dashboard.index", "budget.lines", "audit.index", "privacy.chain_list", "security.measures", "api.docs",
    "security.statement_page", "security.ensia_page", "reports.management",
}


def record_ids(session):
    """Give the demo data what it lacks to show every page (a usage, contract, integration,
    allocation and data breach), and return the ids to fill the URLs with, by URL argument name."""
    application, target = session.exec(select(Application).order_by(Application.id).limit(2)).all()
    supplier = session.exec(select(Supplier).order_by(Supplier.id)).first()
    organisation = session.exec(select(Organisation).order_by(Organisation.position)).first()
    usage = create_usage(session, application, data={"organisation_id": organisation.id, "status": "active"})
    contract = create_contract(session, application, data={
        "supplier_id": supplier.id, "number": "E2E-1", "contract_type": "sla",
        "starts_on": date(2025, 1, 1), "ends_on": date(2028, 12, 31), "notice_months": 3,
    })
    integration = create_integration(session, application, data={
        "target_application_id": target.id, "direction": "outgoing", "standard": "StUF",
    })
    source = session.exec(select(FundingSource).order_by(FundingSource.id)).first()
    procurement = session.exec(select(Procurement).order_by(Procurement.id)).first()
    allocation = create_allocation(session, source, data={"procurement_id": procurement.id, "amount_cents": 100_00})
    breach = create_breach(session, data={
        "organisation_id": organisation.id, "description": "Brief met BSN naar een verkeerd adres gestuurd.",
        "discovered_at": datetime.now(UTC) - timedelta(hours=30),
    }, application_ids=[application.id])
    evidence = session.exec(select(Evidence).order_by(Evidence.id)).first()
    return {
        "application_id": application.id,
        "usage_id": usage.id,
        "contract_id": contract.id,
        "integration_id": integration.id,
        "kind": "contracts",
        "child_id": contract.id,
        "supplier_id": supplier.id,
        "procurement_id": procurement.id,
        "source_id": source.id,
        "allocation_id": allocation.id,
        "line_id": session.exec(select(BudgetLine.id).order_by(BudgetLine.id)).first(),
        "user_id": session.exec(select(User.id).order_by(User.id)).first(),
        "processing_id": session.exec(select(ProcessingActivity.id).order_by(ProcessingActivity.id)).first(),
        "agreement_id": session.exec(select(ProcessorAgreement.id).order_by(ProcessorAgreement.id)).first(),
        "breach_id": breach.id,
        "figure": FIGURES[0],
        "framework_id": session.exec(select(Framework.id).order_by(Framework.id)).first(),
        "measure_id": evidence.measure_id,
        "evidence_id": evidence.id,
        "token_id": 1,
    }


def page_paths(app, ids):
    """(endpoint, path) of every page behind a GET route, sorted by endpoint.

    Raises KeyError naming a URL argument that record_ids does not provide yet.
    """
    pages = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or rule.endpoint in NOT_PAGES or is_api_json(rule.endpoint):
                continue
            values = {argument: ids[argument] for argument in rule.arguments}
            pages.append((rule.endpoint, url_for(rule.endpoint, **values)))
    return sorted(pages)


def is_form_page(endpoint):
    name = endpoint.rpartition(".")[2]
    return endpoint not in NOT_FORMS and name not in {"index", "detail"} and not name.endswith(("_detail", "_index"))
