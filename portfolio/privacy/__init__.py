"""The privacy register: processing activities, processor agreements, data breaches."""

from portfolio.core.labels import register_record_labels
from portfolio.privacy import labels
from portfolio.privacy.models import BREACH_ENTITY_TYPES
from portfolio.web.permissions import Permission, restrict_entity_types


def init_app(app):
    """Register the feature's labels, and keep data breaches out of the audit log of those who may not
    read them (its routes: see create_app)."""
    register_record_labels(entities=labels.ENTITIES, fields=labels.FIELDS, value_formats=labels.VALUE_FORMATS)
    restrict_entity_types(Permission.MANAGE_BREACHES, BREACH_ENTITY_TYPES)
