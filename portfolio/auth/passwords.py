"""Password hashing with Argon2id; the cost parameters come from config (lower in tests)."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

MIN_LENGTH = 12
MAX_LENGTH = 128


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
