"""One module per resource; each describes itself as a crud.Resource."""

from portfolio.api import crud


def register_all(bp):
    from portfolio.api.resources import applications

    for module in (applications,):
        crud.register(bp, module.RESOURCE)
