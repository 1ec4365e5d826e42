"""The application register: applications with their usage per organisation, contracts and integrations."""

from portfolio.core.labels import register_record_labels
from portfolio.applications import labels
from portfolio.web.routing import feature_blueprint


def init_app(app):
    """Register the feature's labels and its pages."""
    from portfolio.applications import views, views_transfer
    from portfolio.applications.importing import views as import_views
    from portfolio.applications.related import views as related_views

    blueprint = feature_blueprint(
        "applications", __name__, views.routes, import_views.routes, related_views.routes, views_transfer.routes, url_prefix="/applications",
    )
    app.register_blueprint(blueprint)
    register_record_labels(entities=labels.ENTITIES, fields=labels.FIELDS, value_formats=labels.VALUE_FORMATS)
