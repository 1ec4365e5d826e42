"""What every page shares: the navigation, template helpers and formatting filters."""

from types import SimpleNamespace

from flask import current_app, request, url_for
from flask_babel import format_date, format_datetime, get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portfolio.core import labels
from portfolio.core.db import rollback_request
from portfolio.web.permissions import Permission, can
from portfolio.core.money import format_euros

# (label, endpoint, permission): an entry shows once its feature has registered the endpoint.
NAVIGATION = (
    (_l("Dashboard"), "dashboard.index", Permission.SIGNED_IN),
    (_l("Applicaties"), "applications.index", Permission.READ_REGISTER),
    (_l("Leveranciers"), "suppliers.index", Permission.READ_REGISTER),
    (_l("Aanbestedingen"), "procurements.index", Permission.READ_REGISTER),
    (_l("Begroting"), "budget.index", Permission.READ_REGISTER),
    (_l("Informatieveiligheid"), "security.index", Permission.READ_REGISTER),
    (_l("Privacy"), "privacy.index", Permission.READ_PRIVACY),
    (_l("Beheer"), "users.index", Permission.ADMINISTER),
    (_l("Auditlog"), "audit.index", Permission.READ_AUDIT),
)


def init_app(app):
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals.update(
        navigation=navigation_for_current_user,
        can=_current_user_can,
        current_locale=lambda: str(get_locale()),
        label=labels.label,
        enums=_enum_namespace(),
    )
    app.jinja_env.filters.update(datetime=_format_datetime, date=_format_date, euros=format_euros)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


def _enum_namespace():
    """Every enumeration a template may label, by class name (enums.Phase, enums.LifecycleStatus…)."""
    return SimpleNamespace(**labels.labelled_enums())


def navigation_for_current_user():
    """(label, url, is_current) for each section the current user may open."""
    items = []
    for label, endpoint, permission in NAVIGATION:
        if endpoint in current_app.view_functions and can(current_user, permission):
            blueprint = endpoint.partition(".")[0]
            items.append((label, url_for(endpoint), request.blueprint == blueprint))
    return items


def _current_user_can(permission):
    return can(current_user, Permission(permission))


def _format_datetime(value, format="short"):
    return format_datetime(value, format) if value else ""


def _format_date(value, format="medium"):
    return format_date(value, format) if value else ""


def refuse_form(form, error):
    """A service refused the form: undo whatever it wrote of the change (the request then commits
    nothing) and show its FieldErrors next to the form's fields (unknown fields: at the top)."""
    rollback_request()
    for name, messages in error.errors.items():
        field = getattr(form, name, None)
        if field is None:
            form.form_errors.extend(messages)
        else:
            field.errors = list(field.errors) + list(messages)
