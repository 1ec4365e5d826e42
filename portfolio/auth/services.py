"""Signing in and out, the lock after repeated failures, and changing one's own password."""

import secrets
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlmodel import func, select

from portfolio.auth.models import LoginAttempt, User, new_session_token
from portfolio.auth.passwords import check_new_password, hash_password, needs_rehash, verify_password
from portfolio.core.dates import utcnow
from portfolio.core.exceptions import FieldErrors, ServiceError

# Verified against when the e-mail is unknown, so both cases cost the same time; one per set of
# Argon2 parameters, so that it costs what a stored hash of this configuration costs.
_UNKNOWN_USER_HASHES = {}


class InvalidCredentials(ServiceError):
    """``locked_until`` is set when this failure started a lock on the address."""

    status = 401

    def __init__(self, message, locked_until=None):
        super().__init__(message)
        self.locked_until = locked_until


class AccountLocked(ServiceError):
    status = 429

    def __init__(self, message, locked_until):
        super().__init__(message)
        self.locked_until = locked_until


def normalise_email(email):
    return (email or "").strip().lower()


def authenticate(session, *, email, password):
    """Return the active user with these credentials and record the attempt.

    Raises AccountLocked while the address has had too many recent failures (that attempt is
    not counted and the password not checked), InvalidCredentials otherwise on any mismatch.
    """
    email = normalise_email(email)
    locked_until = lock_ends_at(session, email)
    if locked_until is not None:
        raise AccountLocked(
            ngettext(
                "Te veel mislukte inlogpogingen. Probeer het over %(num)d minuut opnieuw.",
                "Te veel mislukte inlogpogingen. Probeer het over %(num)d minuten opnieuw.",
                _minutes_left(locked_until),
            ),
            locked_until,
        )
    user = session.exec(select(User).where(User.email == email)).first()
    # One verification whatever the account's state, so the time does not tell which it is.
    matches = verify_password(user.password_hash if user is not None else _dummy_hash(), password)
    if user is None or not user.active or not matches:
        session.add(LoginAttempt(email=email, succeeded=False))
        session.flush()
        raise InvalidCredentials(_("Onbekend e-mailadres of onjuist wachtwoord."), lock_ends_at(session, email))
    session.add(LoginAttempt(email=email, succeeded=True))
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.flush()
    return user


def lock_ends_at(session, email):
    """When the lock on email ends, or None when it is not locked.

    Failures since the last successful login within the lock window count; reaching the maximum
    locks the address until the window has passed since the latest of them.
    """
    config = current_app.config
    window = timedelta(minutes=config["LOGIN_LOCK_MINUTES"])
    now = utcnow()
    last_success = session.exec(
        select(func.max(LoginAttempt.at)).where(
            LoginAttempt.email == email, LoginAttempt.succeeded.is_(True)
        )
    ).one()
    since = now - window if last_success is None else max(now - window, last_success)
    count, latest = session.exec(
        select(func.count(), func.max(LoginAttempt.at)).where(
            LoginAttempt.email == email,
            LoginAttempt.succeeded.is_(False),
            LoginAttempt.at > since,
        )
    ).one()
    if count < config["LOGIN_MAX_FAILURES"]:
        return None
    return latest + window


def _minutes_left(locked_until):
    seconds = (locked_until - utcnow()).total_seconds()
    return max(1, int(-(-seconds // 60)))


def _dummy_hash():
    key = tuple(sorted(current_app.config["ARGON2"].items()))
    if key not in _UNKNOWN_USER_HASHES:
        _UNKNOWN_USER_HASHES[key] = hash_password(secrets.token_urlsafe(16))
    return _UNKNOWN_USER_HASHES[key]


def end_all_sessions(user):
    """Invalidate every session cookie of user, on the server side."""
    user.session_token = new_session_token()


def change_password(session, user, *, current_password, new_password):
    """Set a new password after checking the current one; ends all other sessions.

    Raises FieldErrors when the current password is wrong, the new one equals it, or the new one
    is too short, too long or common.
    """
    if not verify_password(user.password_hash, current_password):
        raise FieldErrors({"current_password": [_("Het huidige wachtwoord is onjuist.")]})
    if current_password == new_password:
        raise FieldErrors({"new_password": [_("Kies een ander wachtwoord dan het huidige.")]})
    check_new_password(new_password, "new_password")
    user.password_hash = hash_password(new_password)
    end_all_sessions(user)
    session.flush()
    return user
