"""Accounts as administrators manage them: create, change role, deactivate."""

from flask_babel import gettext as _
from sqlmodel import select

from portfolio.web.permissions import Role
from portfolio.auth.models import User
from portfolio.auth.passwords import check_new_password, hash_password
from portfolio.auth.services import end_all_sessions, normalise_email
from portfolio.core.exceptions import FieldErrors
from portfolio.core.records import check_version


def list_users(session):
    return session.exec(select(User).order_by(User.name, User.email)).all()


def get_user(session, user_id):
    return session.get(User, user_id)


def create_user(session, *, email, name, role, password):
    """Add an active account. Raises FieldErrors for a taken e-mail address, an unknown role, or a
    password that is too short, too long or common."""
    email = normalise_email(email)
    errors = {}
    try:
        check_new_password(password)
    except FieldErrors as error:
        errors.update(error.errors)
    if session.exec(select(User.id).where(User.email == email)).first() is not None:
        errors["email"] = [_("Er is al een account met dit e-mailadres.")]
    if role not in Role.__members__.values():
        errors["role"] = [_("Kies een bestaande rol.")]
    if errors:
        raise FieldErrors(errors)
    user = User(email=email, name=name.strip(), role=Role(role).value, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def update_user(session, user, *, name, role, active, loaded_version, acting_user):
    """Change name, role or active state; a role change or deactivation ends the user's sessions.

    Raises VersionConflict when the account changed since loaded_version, FieldErrors when an
    administrator would lock themselves out.
    """
    check_version(user, loaded_version, _("Iemand anders heeft dit account intussen gewijzigd."))
    if role not in Role.__members__.values():
        raise FieldErrors({"role": [_("Kies een bestaande rol.")]})
    if user.id == acting_user.id:
        errors = {}
        if not active:
            errors["active"] = [_("U kunt uw eigen account niet deactiveren.")]
        if role != Role.ADMIN:
            errors["role"] = [_("U kunt uw eigen beheerdersrol niet afnemen.")]
        if errors:
            raise FieldErrors(errors)
    ends_sessions = role != user.role or (user.active and not active)
    user.name = name.strip()
    user.role = Role(role).value
    user.active = active
    if ends_sessions:
        end_all_sessions(user)
    session.flush()
    return user
