"""Personal API tokens: each user's scoped, expiring, revocable keys for the JSON API."""

from portfolio.core.labels import register_record_labels
from portfolio.tokens import labels


def init_app(app):
    """Register the feature's labels (its routes: see create_app)."""
    register_record_labels(entities=labels.ENTITIES)
