"""Who may do what (DESIGN.md §3): roles grant permissions, every route names the one it needs."""

import logging
from enum import StrEnum

from flask import abort, current_app, redirect, request, url_for
from flask_login import current_user

from portfolio.web import security_events
from portfolio.web.routing import is_api_request


class Role(StrEnum):
    """What a person does in the register; stored on the account."""

    ADMIN = "admin"
    EDITOR = "editor"
    CISO = "ciso"
    PRIVACY = "privacy"
    VIEWER = "viewer"


class Permission(StrEnum):
    PUBLIC = "public"  # anyone, signed in or not
    SIGNED_IN = "signed_in"  # any active account: own password, logout
    READ_REGISTER = "read_register"
    WRITE_REGISTER = "write_register"
    MANAGE_SECURITY = "manage_security"
    UPDATE_ASSIGNED_MEASURES = "update_assigned_measures"  # with the object check: the assignee
    READ_AUDIT = "read_audit"
    READ_PRIVACY = "read_privacy"
    WRITE_PRIVACY = "write_privacy"
    MANAGE_BREACHES = "manage_breaches"
    ADMINISTER = "administer"  # users, roles, reference lists
    OVERRIDE_GATES = "override_gates"  # take a procurement into production without its assessments, with a reason


_EVERYONE = {Permission.SIGNED_IN, Permission.READ_REGISTER}

ROLE_PERMISSIONS = {
    Role.VIEWER: frozenset(_EVERYONE),
    Role.EDITOR: frozenset(_EVERYONE | {Permission.WRITE_REGISTER, Permission.UPDATE_ASSIGNED_MEASURES}),
    Role.CISO: frozenset(
        _EVERYONE | {Permission.MANAGE_SECURITY, Permission.UPDATE_ASSIGNED_MEASURES, Permission.READ_AUDIT,
                     Permission.READ_PRIVACY}
    ),
    Role.PRIVACY: frozenset(
        _EVERYONE
        | {Permission.READ_PRIVACY, Permission.WRITE_PRIVACY, Permission.MANAGE_BREACHES,
           Permission.UPDATE_ASSIGNED_MEASURES}
    ),
    Role.ADMIN: frozenset(set(Permission) - {Permission.PUBLIC}),
}

# Kinds of record in the audit trail that only holders of a permission may read, as the features
# register them (restrict_entity_types): e.g. data breaches, also in the log the CISO reads.
_RESTRICTED_ENTITY_TYPES = {}

# Endpoints that Flask registers itself and so cannot carry the decorator.
BUILTIN_ENDPOINT_RULES = {"static": Permission.PUBLIC}


def can(user, permission):
    """Whether user (possibly anonymous) holds permission."""
    if permission == Permission.PUBLIC:
        return True
    if not user or not user.is_authenticated:
        return False
    return permission in ROLE_PERMISSIONS.get(user.role, frozenset())


def restrict_entity_types(permission, entity_types):
    """Only holders of permission see audit entries of these kinds of record."""
    _RESTRICTED_ENTITY_TYPES[permission] = frozenset(entity_types) | _RESTRICTED_ENTITY_TYPES.get(permission, frozenset())


def hidden_entity_types(user):
    """The kinds of record whose audit entries user may not see."""
    hidden = set()
    for permission, entity_types in _RESTRICTED_ENTITY_TYPES.items():
        if not can(user, permission):
            hidden |= entity_types
    return frozenset(hidden)


def requires(permission):
    """Mark a view with the permission it needs; enforcement happens before every request."""

    def decorate(view):
        view.permission = permission
        return view

    return decorate


def rule_for(app, endpoint):
    """The permission an endpoint needs, or None when it states none (a defect)."""
    if endpoint in BUILTIN_ENDPOINT_RULES:
        return BUILTIN_ENDPOINT_RULES[endpoint]
    view = app.view_functions.get(endpoint)
    return getattr(view, "permission", None)


def enforce_route_rule():
    """Refuse the request unless the route's rule admits the current user.

    Fails closed: a route without a rule answers 403 to everybody.
    """
    if request.endpoint is None:
        return None  # no route matched; the 404/405 handlers answer
    permission = rule_for(current_app, request.endpoint)
    if permission is None:
        current_app.logger.error("route %s has no permission rule", request.endpoint)
        _refuse(None)
    if can(current_user, permission):
        return None
    if not current_user.is_authenticated:
        if is_api_request():
            abort(401)  # a token is missing or not valid; the API never sends anyone to /login
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    _refuse(permission)


def _refuse(permission):
    """Log the refusal as a security event, then answer 403."""
    security_events.record(security_events.PERMISSION_DENIED, outcome="denied", level=logging.WARNING,
                           permission=permission and permission.value)
    abort(403)
