"""The authorization matrix: every route, every role and anonymous, against DESIGN.md §3.

A route missing from EXPECTED fails the test, so every new route must state who may use it.
API routes (/api/v1) are called with a read-write bearer token of the role's user instead of the
session cookie, which the API ignores; refused there means 401 (no token) or 403.
"""

from datetime import date, timedelta

from portfolio.web.permissions import Role
from portfolio.core.db import session_scope
from portfolio.tokens.services import create_token
from tests.conftest import sign_in

ANYONE = "anyone"  # also without logging in
ALL_ROLES = frozenset(Role)
WRITERS = {Role.EDITOR, Role.ADMIN}
PRIVACY_READERS = {Role.PRIVACY, Role.CISO, Role.ADMIN}
PRIVACY_WRITERS = {Role.PRIVACY, Role.ADMIN}  # also the only ones who see data breaches
SECURITY = {Role.CISO, Role.ADMIN}
ASSIGNEES = {Role.EDITOR, Role.CISO, Role.PRIVACY, Role.ADMIN}  # then the service checks: the assignee or the CISO

# endpoint -> roles that may use it (or ANYONE). Written out by hand, independent of the code.
EXPECTED = {
    "static": ANYONE,
    "health.healthz": ANYONE,
    "i18n.set_language": ANYONE,
    "auth.login": ANYONE,
    "auth.logout": ALL_ROLES,
    "auth.change_password": ALL_ROLES,
    "dashboard.index": ALL_ROLES,
    "reports.management": ALL_ROLES,
    "reports.management_pdf": ALL_ROLES,
    "users.index": {Role.ADMIN},
    "users.create": {Role.ADMIN},
    "users.edit": {Role.ADMIN},
    "audit.index": {Role.ADMIN, Role.CISO},
    "applications.index": ALL_ROLES,
    "applications.detail": ALL_ROLES,
    "applications.export_csv": ALL_ROLES,
    "applications.export_xlsx": ALL_ROLES,
    "applications.create": WRITERS,
    "applications.edit": WRITERS,
    "applications.archive": WRITERS,
    "applications.restore": WRITERS,
    "applications.bulk": WRITERS,
    "applications.import_file": WRITERS,
    "applications.import_confirm": WRITERS,
    "applications.usage_create": WRITERS,
    "applications.usage_edit": WRITERS,
    "applications.contract_create": WRITERS,
    "applications.contract_edit": WRITERS,
    "applications.integration_create": WRITERS,
    "applications.integration_edit": WRITERS,
    "applications.child_archive": WRITERS,
    "applications.child_restore": WRITERS,
    "procurements.index": ALL_ROLES,
    "procurements.detail": ALL_ROLES,
    "procurements.create": WRITERS,
    "procurements.edit": WRITERS,
    "procurements.advance": WRITERS,
    "procurements.add_note": WRITERS,
    "procurements.stop": WRITERS,
    "procurements.archive": WRITERS,
    "procurements.restore": WRITERS,
    "budget.index": ALL_ROLES,
    "budget.export_xlsx": ALL_ROLES,
    "budget.lines": ALL_ROLES,
    "budget.line_detail": ALL_ROLES,
    "budget.funding_detail": ALL_ROLES,
    "budget.line_create": WRITERS,
    "budget.line_edit": WRITERS,
    "budget.line_archive": WRITERS,
    "budget.line_restore": WRITERS,
    "budget.funding_create": WRITERS,
    "budget.funding_edit": WRITERS,
    "budget.allocation_create": WRITERS,
    "budget.allocation_edit": WRITERS,
    "budget.allocation_delete": WRITERS,
    "privacy.index": PRIVACY_READERS,
    "privacy.chain_list": PRIVACY_READERS,
    "privacy.processing_index": PRIVACY_READERS,
    "privacy.processing_detail": PRIVACY_READERS,
    "privacy.processing_export": PRIVACY_READERS,
    "privacy.processing_create": PRIVACY_WRITERS,
    "privacy.processing_edit": PRIVACY_WRITERS,
    "privacy.processing_archive": PRIVACY_WRITERS,
    "privacy.processing_restore": PRIVACY_WRITERS,
    "privacy.agreement_index": PRIVACY_READERS,
    "privacy.agreement_create": PRIVACY_WRITERS,
    "privacy.agreement_edit": PRIVACY_WRITERS,
    "privacy.agreement_archive": PRIVACY_WRITERS,
    "privacy.agreement_restore": PRIVACY_WRITERS,
    "privacy.breach_index": PRIVACY_WRITERS,
    "privacy.breach_detail": PRIVACY_WRITERS,
    "privacy.breach_create": PRIVACY_WRITERS,
    "privacy.breach_edit": PRIVACY_WRITERS,
    "security.index": ALL_ROLES,
    "security.measures": ALL_ROLES,
    "security.measures_csv": ALL_ROLES,
    "security.measures_xlsx": ALL_ROLES,
    "security.measure_detail": ALL_ROLES,
    "security.measure_create": SECURITY,
    "security.measure_edit": SECURITY,
    "security.measure_archive": SECURITY,
    "security.measure_restore": SECURITY,
    "security.measure_status": ASSIGNEES,
    "security.evidence_add": ASSIGNEES,
    "security.evidence_archive": ASSIGNEES,
    "security.evidence_download": ALL_ROLES,
    "security.framework_index": ALL_ROLES,
    "security.framework_detail": ALL_ROLES,
    "security.framework_import": SECURITY,
    "security.statement_page": ALL_ROLES,
    "security.statement_xlsx": ALL_ROLES,
    "security.ensia_page": ALL_ROLES,
    "security.ensia_xlsx": ALL_ROLES,
    "suppliers.index": ALL_ROLES,
    "suppliers.detail": ALL_ROLES,
    "suppliers.create": WRITERS,
    "suppliers.edit": WRITERS,
    "suppliers.archive": WRITERS,
    "suppliers.restore": WRITERS,
    "tokens.index": ALL_ROLES,
    "tokens.revoke": ALL_ROLES,
    "api.openapi_document": ANYONE,
    "api.docs": ANYONE,
    "api.applications_list": ALL_ROLES,
    "api.applications_read": ALL_ROLES,
    "api.applications_create": WRITERS,
    "api.applications_update": WRITERS,
    "api.applications_archive": WRITERS,
    "api.applications_restore": WRITERS,
    "api.suppliers_list": ALL_ROLES,
    "api.suppliers_read": ALL_ROLES,
    "api.suppliers_create": WRITERS,
    "api.suppliers_update": WRITERS,
    "api.suppliers_archive": WRITERS,
    "api.suppliers_restore": WRITERS,
    "api.usages_list": ALL_ROLES,
    "api.usages_read": ALL_ROLES,
    "api.usages_create": WRITERS,
    "api.usages_update": WRITERS,
    "api.usages_archive": WRITERS,
    "api.usages_restore": WRITERS,
    "api.contracts_list": ALL_ROLES,
    "api.contracts_read": ALL_ROLES,
    "api.contracts_create": WRITERS,
    "api.contracts_update": WRITERS,
    "api.contracts_archive": WRITERS,
    "api.contracts_restore": WRITERS,
    "api.integrations_list": ALL_ROLES,
    "api.integrations_read": ALL_ROLES,
    "api.integrations_create": WRITERS,
    "api.integrations_update": WRITERS,
    "api.integrations_archive": WRITERS,
    "api.integrations_restore": WRITERS,
    "api.procurements_list": ALL_ROLES,
    "api.procurements_read": ALL_ROLES,
    "api.procurements_create": WRITERS,
    "api.procurements_update": WRITERS,
    "api.procurements_archive": WRITERS,
    "api.procurements_restore": WRITERS,
    "api.procurements_advance": WRITERS,
    "api.procurements_stop": WRITERS,
    "api.funding_sources_list": ALL_ROLES,
    "api.funding_sources_read": ALL_ROLES,
    "api.funding_sources_create": WRITERS,
    "api.funding_sources_update": WRITERS,
    "api.budget_lines_list": ALL_ROLES,
    "api.budget_lines_read": ALL_ROLES,
    "api.budget_lines_create": WRITERS,
    "api.budget_lines_update": WRITERS,
    "api.budget_lines_archive": WRITERS,
    "api.budget_lines_restore": WRITERS,
    "api.processing_activities_list": PRIVACY_READERS,
    "api.processing_activities_read": PRIVACY_READERS,
    "api.processing_activities_create": PRIVACY_WRITERS,
    "api.processing_activities_update": PRIVACY_WRITERS,
    "api.processing_activities_archive": PRIVACY_WRITERS,
    "api.processing_activities_restore": PRIVACY_WRITERS,
    "api.processor_agreements_list": PRIVACY_READERS,
    "api.processor_agreements_read": PRIVACY_READERS,
    "api.processor_agreements_create": PRIVACY_WRITERS,
    "api.processor_agreements_update": PRIVACY_WRITERS,
    "api.processor_agreements_archive": PRIVACY_WRITERS,
    "api.processor_agreements_restore": PRIVACY_WRITERS,
    "api.data_breaches_list": PRIVACY_WRITERS,
    "api.data_breaches_read": PRIVACY_WRITERS,
    "api.data_breaches_create": PRIVACY_WRITERS,
    "api.data_breaches_update": PRIVACY_WRITERS,
    "api.frameworks_list": ALL_ROLES,
    "api.frameworks_read": ALL_ROLES,
    "api.requirements_list": ALL_ROLES,
    "api.requirements_read": ALL_ROLES,
    "api.measures_list": ALL_ROLES,
    "api.measures_read": ALL_ROLES,
    "api.measures_create": SECURITY,
    "api.measures_update": SECURITY,
    "api.measures_archive": SECURITY,
    "api.measures_restore": SECURITY,
    "api.measures_status": ASSIGNEES,
    "api.audit_log_list": {Role.ADMIN, Role.CISO},
    "api.audit_log_read": {Role.ADMIN, Role.CISO},
}

SAMPLE_ARGUMENTS = {"filename": "css/portfolio.css", "kind": "contracts"}


def _url(app, rule, existing_id):
    arguments = {}
    for name in rule.arguments:
        arguments[name] = SAMPLE_ARGUMENTS.get(name, existing_id)
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **arguments)


def _is_login_redirect(response):
    return response.status_code == 302 and "/login?next=" in response.headers.get("Location", "")


def test_every_route_has_an_expected_rule(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - EXPECTED.keys() == set(), "routes without a row in the authorization table"
    assert EXPECTED.keys() - endpoints == set(), "rows for routes that no longer exist"


def test_every_route_for_every_role(app, make_user, scorecard):
    failures = []
    checked = 0
    for rule in app.url_map.iter_rules():
        allowed = EXPECTED[rule.endpoint]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for role in [None, *Role]:
                client = app.test_client()
                existing_id = 1
                api = rule.endpoint.startswith("api.")
                headers = {}
                if role is not None:
                    user = make_user(role)
                    sign_in(client, user)
                    existing_id = user.id
                    if api:
                        headers["Authorization"] = f"Bearer {_token(app, user)}"
                url = _url(app, rule, existing_id)
                response = client.open(url, method=method, headers=headers)
                response.close()
                checked += 1
                outcome = _judge_api(response, allowed, role) if api else _judge(response, allowed, role)
                if outcome:
                    failures.append(f"{method} {url} as {role or 'anonymous'}: {outcome}")
    scorecard("routes × roles checked", checked)
    assert checked > 50
    assert failures == []


def _judge(response, allowed, role):
    """What is wrong with the response, or None when it is as the table says."""
    if allowed == ANYONE or (role is not None and role in allowed):
        if response.status_code == 403 or _is_login_redirect(response):
            return f"refused ({response.status_code}) but should be allowed"
        if response.status_code >= 500:
            return f"server error {response.status_code}"
        return None
    if role is None:
        return None if _is_login_redirect(response) else f"anonymous got {response.status_code}, not the login page"
    return None if response.status_code == 403 else f"got {response.status_code}, expected 403"


def _token(app, user):
    with app.app_context(), session_scope(app) as session:
        _, secret = create_token(session, user=user, name="matrix", scope="write",
                                 expires_on=date.today() + timedelta(days=1), today=date.today())
    return secret


def _judge_api(response, allowed, role):
    """As _judge, for the API: refusals are 401 without a token and 403 with one, never a redirect."""
    if allowed == ANYONE or (role is not None and role in allowed):
        if response.status_code in (401, 403) or response.status_code >= 500:
            return f"got {response.status_code} but should be allowed"
        return None
    expected = 401 if role is None else 403
    return None if response.status_code == expected else f"got {response.status_code}, expected {expected}"
