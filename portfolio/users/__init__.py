"""Accounts and roles, kept by administrators."""

from portfolio.core.labels import register_record_labels
from portfolio.users import labels
from portfolio.web.routing import feature_blueprint


def init_app(app):
    """Register the feature's labels and its pages."""
    from portfolio.users import views

    app.register_blueprint(feature_blueprint("users", __name__, views.routes, url_prefix="/admin/users"))
    register_record_labels(entities=labels.ENTITIES, fields=labels.FIELDS, value_formats=labels.VALUE_FORMATS)
