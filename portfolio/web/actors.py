"""Who is acting, as the audit trail records it."""

from flask import has_request_context
from flask_login import current_user


def request_actor():
    """(user id, e-mail) of the signed-in user, or (None, "anonymous")."""
    if has_request_context() and current_user and current_user.is_authenticated:
        return current_user.id, current_user.email
    return None, "anonymous"
