"""The security register: norm catalogues, measures with evidence, the statement of applicability."""

from portfolio.core.labels import register_record_labels
from portfolio.security import labels
from portfolio.web.routing import feature_blueprint


def init_app(app):
    """Register the feature's labels and its pages."""
    from portfolio.security import views, views_catalogue, views_evidence, views_statement

    blueprint = feature_blueprint(
        "security", __name__, views.routes, views_catalogue.routes, views_evidence.routes, views_statement.routes, url_prefix="/security",
    )
    app.register_blueprint(blueprint)
    register_record_labels(entities=labels.ENTITIES, fields=labels.FIELDS, value_formats=labels.VALUE_FORMATS)
