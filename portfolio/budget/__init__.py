"""The budget: funding sources, budget lines and their split over the organisations."""

from portfolio.core.labels import register_record_labels
from portfolio.budget import labels
from portfolio.web.routing import feature_blueprint


def init_app(app):
    """Register the feature's labels and its pages."""
    from portfolio.budget import views

    app.register_blueprint(feature_blueprint("budget", __name__, views.routes, url_prefix="/budget"))
    register_record_labels(entities=labels.ENTITIES, fields=labels.FIELDS, value_formats=labels.VALUE_FORMATS)
