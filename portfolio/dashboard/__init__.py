"""The start page: what needs the signed-in user's action, and the key figures."""

from portfolio.web.routing import feature_blueprint


def init_app(app):
    """The feature's pages."""
    from portfolio.dashboard import views

    app.register_blueprint(feature_blueprint("dashboard", __name__, views.routes))
