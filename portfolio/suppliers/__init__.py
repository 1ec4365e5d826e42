"""Suppliers of the applications."""

from portfolio.core.labels import register_record_labels
from portfolio.suppliers import labels
from portfolio.web.routing import feature_blueprint


def init_app(app):
    """Register the feature's labels and its pages."""
    from portfolio.suppliers import views

    app.register_blueprint(feature_blueprint("suppliers", __name__, views.routes, url_prefix="/suppliers"))
    register_record_labels(entities=labels.ENTITIES, fields=labels.FIELDS)
