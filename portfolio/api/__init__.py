"""The JSON API under /api/v1: token authentication, problem+json errors, OpenAPI; it calls the
same services as the screens, so the same rules, permissions and audit trail apply."""

def init_app(app):
    """Token authentication, the blueprint (exempt from CSRF only because it authenticates by
    token, never by the session cookie) and the resources' routes."""
    from pydantic import ValidationError

    from portfolio.api import auth, problems, views
    from portfolio.web.http_security import csrf
    from portfolio.web.errors import register_api_error_handler

    auth.init_app(app)
    register_api_error_handler(app, problems.handle)
    app.register_error_handler(ValidationError, problems.handle)  # only API code validates with pydantic
    csrf.exempt(views.bp)
    app.register_blueprint(views.bp)
