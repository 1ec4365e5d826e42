"""The audit log and the history on record pages: the trail that core.audit captures, read back in
the user's language."""

from portfolio.audit import labels
from portfolio.web.routing import feature_blueprint


def init_app(app):
    """The log's pages, and the history helpers every record page's template uses."""
    from portfolio.audit import views

    app.register_blueprint(feature_blueprint("audit", __name__, views.routes, url_prefix="/audit"))
    app.jinja_env.globals.update(history_entity=labels.entity_label, history_changes=labels.visible_changes)
