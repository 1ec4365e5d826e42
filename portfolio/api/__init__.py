"""The JSON API under /api/v1: token authentication, problem+json errors, OpenAPI; it calls the
same services as the screens, so the same rules, permissions and audit trail apply."""

from flask import has_request_context, request

API_PREFIX = "/api/v1"


def is_api_request():
    """Whether the current request is for the API (also when no route matched)."""
    return has_request_context() and (request.path == API_PREFIX or request.path.startswith(API_PREFIX + "/"))


def init_app(app):
    """Token authentication, the blueprint (exempt from CSRF only because it authenticates by
    token, never by the session cookie) and the resources' routes."""
    from pydantic import ValidationError

    from portfolio.api import auth, problems, views
    from portfolio.http_security import csrf

    auth.init_app(app)
    app.register_error_handler(ValidationError, problems.handle)  # only API code validates with pydantic
    csrf.exempt(views.bp)
    app.register_blueprint(views.bp)
