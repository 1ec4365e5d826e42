"""Password hashing with Argon2id (cost parameters from config, lower in tests), and the rules a
new password must meet: a length, and not on the shipped list of common passwords."""

import gzip
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import gettext as _

from portfolio.core.exceptions import FieldErrors

MIN_LENGTH = 12
MAX_LENGTH = 128
COMMON_PASSWORDS_FILE = "common_passwords.txt.gz"  # source and licence: COMMON_PASSWORDS.md


def _hasher():
    return PasswordHasher(**current_app.config["ARGON2"])


def hash_password(password):
    return _hasher().hash(password)


def verify_password(password_hash, password):
    """True when password matches; a malformed stored hash counts as no match."""
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash):
    return _hasher().check_needs_rehash(password_hash)


@cache
def common_passwords():
    """The shipped list, lowercased, read once on first use (about 50,000 entries)."""
    data = resources.files("portfolio.auth").joinpath(COMMON_PASSWORDS_FILE).read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").splitlines())


def is_common(password):
    return (password or "").lower() in common_passwords()


def check_new_password(password, field="password"):
    """Raise FieldErrors (under field) unless password may be set: MIN_LENGTH to MAX_LENGTH
    characters and not on the list of common passwords."""
    if not MIN_LENGTH <= len(password or "") <= MAX_LENGTH:
        raise FieldErrors({field: [_("Gebruik %(min)d tot %(max)d tekens.", min=MIN_LENGTH, max=MAX_LENGTH)]})
    if is_common(password):
        raise FieldErrors({field: [_("Dit wachtwoord staat op een lijst van veelgebruikte wachtwoorden; kies een ander.")]})
