"""The application register: applications with their usage per organisation, contracts and integrations."""

from portfolio.core.labels import register_record_labels
from portfolio.applications import labels


def init_app(app):
    """Register the feature's labels (its routes: see create_app)."""
    register_record_labels(entities=labels.ENTITIES, fields=labels.FIELDS, value_formats=labels.VALUE_FORMATS)
