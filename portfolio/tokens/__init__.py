"""Personal API tokens: each user's scoped, expiring, revocable keys for the JSON API."""

from portfolio.core.labels import register_record_labels
from portfolio.tokens import labels
from portfolio.web.routing import feature_blueprint


def init_app(app):
    """Register the feature's labels and its pages."""
    from portfolio.tokens import views

    app.register_blueprint(feature_blueprint("tokens", __name__, views.routes, url_prefix="/account/tokens"))
    register_record_labels(entities=labels.ENTITIES)
