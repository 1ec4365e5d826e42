"""Authentication: Flask-Login with server-side session invalidation, and route rules."""

import hmac

from flask_babel import lazy_gettext as _l
from flask_login import LoginManager
from sqlmodel import select

from portfolio.auth.models import User
from portfolio.core.db import get_session
from portfolio.web import security_events
from portfolio.web.permissions import enforce_route_rule
from portfolio.web.routing import is_api_request
from portfolio.web.routing import feature_blueprint

login_manager = LoginManager()


def init_app(app):
    from portfolio.auth import views

    app.register_blueprint(feature_blueprint("auth", __name__, views.routes))
    security_events.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Log in om deze pagina te zien.")
    login_manager.session_protection = None  # the session token does this job, without IP checks
    app.before_request(enforce_route_rule)


@login_manager.user_loader
def load_user(session_id):
    """The active user whose current session token the cookie carries, or None; always None for
    the API, which authenticates by bearer token only (portfolio.api.auth)."""
    if is_api_request():
        return None

    user_id, _, token = session_id.partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = get_session().exec(select(User).where(User.id == int(user_id))).first()
    if user is None or not user.active or not hmac.compare_digest(user.session_token, token):
        return None
    return user
