"""Procurements and implementations of new packages, phase by phase."""

from portfolio.core.labels import register_record_labels
from portfolio.procurements import labels
from portfolio.web.routing import feature_blueprint


def init_app(app):
    """Register the feature's labels and its pages."""
    from portfolio.procurements import views

    app.register_blueprint(feature_blueprint("procurements", __name__, views.routes, url_prefix="/procurements"))
    register_record_labels(entities=labels.ENTITIES, fields=labels.FIELDS, value_formats=labels.VALUE_FORMATS)
