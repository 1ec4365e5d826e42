"""One module per resource; each describes itself as a crud.Resource."""

from portfolio.api import crud


def register_all(bp):
    from portfolio.api.resources import applications, related, suppliers

    for resource in (
        applications.RESOURCE, suppliers.RESOURCE, related.USAGES, related.CONTRACTS, related.INTEGRATIONS,
    ):
        crud.register(bp, resource)
