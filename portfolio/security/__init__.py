"""The security register: norm catalogues, measures with evidence, the statement of applicability."""

from portfolio.core.labels import register_record_labels
from portfolio.security import labels
from portfolio.web.routing import feature_blueprint


def init_app(app):
    """Register the feature's labels and its pages."""
    from portfolio.security import views
    from portfolio.security.catalogues import views as catalogue_views
    from portfolio.security.evidence import views as evidence_views
    from portfolio.security.statement import views as statement_views

    blueprint = feature_blueprint(
        "security", __name__, views.routes, catalogue_views.routes, evidence_views.routes, statement_views.routes,
        url_prefix="/security",
    )
    app.register_blueprint(blueprint)
    register_record_labels(entities=labels.ENTITIES, fields=labels.FIELDS, value_formats=labels.VALUE_FORMATS)
