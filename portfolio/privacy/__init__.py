"""The privacy register: processing activities, processor agreements, data breaches."""

from portfolio.core.labels import register_record_labels
from portfolio.privacy import labels
from portfolio.privacy.models import BREACH_ENTITY_TYPES
from portfolio.web.permissions import Permission, restrict_entity_types
from portfolio.web.routing import feature_blueprint


def init_app(app):
    """Register the feature's labels, and keep data breaches out of the audit log of those who may not
    read them and its pages."""
    from portfolio.privacy import views
    from portfolio.privacy.agreements import views as agreement_views
    from portfolio.privacy.breaches import views as breach_views
    from portfolio.privacy.processing import views as processing_views

    blueprint = feature_blueprint(
        "privacy", __name__, views.routes, processing_views.routes, agreement_views.routes, breach_views.routes,
        url_prefix="/privacy",
    )
    app.register_blueprint(blueprint)
    register_record_labels(entities=labels.ENTITIES, fields=labels.FIELDS, value_formats=labels.VALUE_FORMATS)
    restrict_entity_types(Permission.MANAGE_BREACHES, BREACH_ENTITY_TYPES)
