"""Bearer-token authentication for the API, the token's scope, and the per-token rate limit.

Flask-Login's request loader authenticates API requests (the cookie's user loader returns None
there), so that ``current_user`` — and with it ``enforce_route_rule``, ``@requires`` and the audit
trail's actor — is the token's user, never whoever the session cookie belongs to.
"""

import logging
from datetime import date

from flask import abort, current_app, g, request
from flask_babel import lazy_gettext as _l

from portfolio.web import security_events
from portfolio.web.routing import is_api_request
from portfolio.api.problems import RateLimited
from portfolio.auth import login_manager
from portfolio.auth.models import User
from portfolio.core.db import SAFE_METHODS, get_engine, get_session, writing_bind
from portfolio.core.dates import utcnow
from portfolio.tokens.models import TokenScope
from portfolio.tokens.services import authenticate


def init_app(app):
    login_manager.request_loader(load_token_user)


def load_token_user(req):
    """The active user of a valid bearer token, or None (the route rule then answers 401).

    Raises RateLimited (429) once the token has made more than API_RATE_LIMIT requests this
    minute. The count is committed on a connection of its own, before the request's session
    starts, so it holds whatever the request answers.
    """
    if not is_api_request():
        return None
    scheme, _, secret = req.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        return None
    with writing_bind(get_engine()).connect() as connection:
        use = authenticate(connection, secret.strip(), now=utcnow(), today=date.today())
        connection.commit()
    if use is None:
        security_events.record(security_events.TOKEN_REJECTED, outcome="failure", user=None, level=logging.WARNING)
        return None
    if use.count > current_app.config["API_RATE_LIMIT"]:
        security_events.record(security_events.TOKEN_USED, outcome="rate_limited", user=None, token_id=use.token_id,
                               level=logging.WARNING)
        raise RateLimited(use.retry_after)
    user = get_session().get(User, use.user_id)
    if user is None or not user.active:
        security_events.record(security_events.TOKEN_REJECTED, outcome="failure", user=None, token_id=use.token_id,
                               level=logging.WARNING)
        return None
    g.api_token = use
    security_events.record(security_events.TOKEN_USED, outcome="success", user=user, token_id=use.token_id,
                           scope=use.scope)
    return user


def enforce_scope():
    """A read-only token may only read (GET, HEAD); runs after the route rule, per API request."""
    use = g.get("api_token")
    if use is not None and use.scope != TokenScope.WRITE and request.method not in SAFE_METHODS:
        security_events.record(security_events.PERMISSION_DENIED, outcome="denied", level=logging.WARNING,
                               token_id=use.token_id, scope=use.scope)
        abort(403, description=_l("Dit token mag alleen lezen."))
