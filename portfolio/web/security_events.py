"""Security events as structured log lines: one JSON object per line on the `portfolio.security`
logger, for a log collector or SIEM to read.

Every line has ``event``, ``time`` (UTC, ISO 8601), ``outcome``, ``user_id`` and ``email`` (when
known), ``remote_addr``, ``method``, ``path`` and ``endpoint``, plus the event's own details.
Never passed in: passwords, token secrets (only a token's id), session ids or cookies; ``path``
is the path without its query string.
"""

import json
import logging
from datetime import UTC, datetime

from flask import has_request_context, request
from flask_login import current_user

LOGGER_NAME = "portfolio.security"
logger = logging.getLogger(LOGGER_NAME)

LOGIN_SUCCESS = "login_success"
LOGIN_FAILURE = "login_failure"
LOCKOUT = "lockout"
PERMISSION_DENIED = "permission_denied"
TOKEN_CREATED = "token_created"
TOKEN_USED = "token_used"
TOKEN_REJECTED = "token_rejected"
TOKEN_REVOKED = "token_revoked"
PERSONAL_DATA_EXPORT = "personal_data_export"

CURRENT = object()  # record()'s default: whoever is signed in


def init_app(app):
    """Write the lines to stderr as they are, unless logging was set up for this logger already
    (a deployment's logging config) or the app is under test (the tests capture the records)."""
    logger.setLevel(logging.INFO)
    if app.testing or logger.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.propagate = False


def record(event, *, outcome, user=CURRENT, email=None, level=logging.INFO, **details):
    """Log one event. user defaults to the signed-in user (or the API token's user); pass None
    where nobody is (yet), as while a token or a login is being checked. email is for a login
    attempt, where only the submitted address is known."""
    if user is CURRENT:
        signed_in = has_request_context() and current_user and current_user.is_authenticated
        user = current_user if signed_in else None
    fields = {
        "event": event,
        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "outcome": outcome,
        "user_id": getattr(user, "id", None),
        "email": getattr(user, "email", None) or email,
    }
    in_request = has_request_context()  # outside one (the CLI), the request's fields are null
    fields |= {"remote_addr": request.remote_addr if in_request else None,
               "method": request.method if in_request else None,
               "path": request.path if in_request else None,
               "endpoint": request.endpoint if in_request else None}
    fields |= details
    logger.log(level, json.dumps(fields, ensure_ascii=False, default=str), extra={"security_event": fields})
