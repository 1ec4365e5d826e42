"""One module per resource; each describes itself as a crud.Resource."""

from portfolio.api import crud


def register_all(bp):
    from portfolio.api.resources import applications, budget, privacy, procurements, related, security, suppliers

    for resource in (
        applications.RESOURCE, suppliers.RESOURCE, related.USAGES, related.CONTRACTS, related.INTEGRATIONS,
        procurements.RESOURCE, budget.FUNDING_SOURCES, budget.BUDGET_LINES,
        privacy.PROCESSING, privacy.AGREEMENTS, privacy.BREACHES,
        security.FRAMEWORKS, security.REQUIREMENTS, security.MEASURES, security.AUDIT_LOG,
    ):
        crud.register(bp, resource)
    security.register_status_change(bp)
    procurements.register_actions(bp)
