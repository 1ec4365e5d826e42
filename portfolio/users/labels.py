"""Accounts: the role names people read, and the record and field labels the history shows."""

from flask_babel import lazy_gettext as _l

from portfolio.web.permissions import Role

ROLE_LABELS = {
    Role.ADMIN: _l("Beheerder"),
    Role.EDITOR: _l("Medewerker I&A"),
    Role.CISO: _l("CISO"),
    Role.PRIVACY: _l("FG / privacy officer"),
    Role.VIEWER: _l("Lezer (management)"),
}


def role_label(value):
    """The name of a stored role; the stored value itself when it is no longer a role."""
    try:
        return ROLE_LABELS[Role(value)]
    except ValueError:
        return value


ENTITIES = {
    "user_account": _l("account"),
}

FIELDS = {
    "email": _l("E-mailadres"),
    "role": _l("Rol"),
    "active": _l("Actief"),
    "password_hash": _l("Wachtwoord"),
    "session_token": _l("Sessiesleutel"),
}

VALUE_FORMATS = {("user_account", "role"): role_label}
