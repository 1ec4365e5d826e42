"""The management report for the board, as a page and as a PDF."""

from portfolio.web.routing import feature_blueprint


def init_app(app):
    """The feature's pages."""
    from portfolio.reports import views

    app.register_blueprint(feature_blueprint("reports", __name__, views.routes, url_prefix="/reports"))
