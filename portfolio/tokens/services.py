"""Create, revoke and authenticate personal API tokens; count their use per minute.

A token is ``pf_`` followed by 32 random bytes (``secrets.token_urlsafe``). It is stored as its
SHA-256 hex digest: a secret with 256 bits of entropy cannot be guessed or brute-forced from its
hash, so the slow, salted hash a password needs would only cost time on every API call. The
unique index on the hash makes the lookup one indexed query.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import case, select, update
from sqlmodel import select as sqlmodel_select

from portfolio.web import security_events
from portfolio.core.dates import utcnow
from portfolio.core.exceptions import FieldErrors, ServiceError
from portfolio.tokens.models import ApiToken, TokenScope

TOKEN_PREFIX = "pf_"
MAX_VALIDITY_DAYS = 365
WINDOW = timedelta(minutes=1)


def hash_secret(secret):
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def tokens_of(session, user):
    """The user's tokens, newest first (revoked and expired ones too, for the record)."""
    return session.exec(
        sqlmodel_select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    ).all()


def create_token(session, *, user, name, scope, expires_on, today):
    """Make a token for user; returns (token, secret). The secret is shown once and not stored.

    Raises FieldErrors for an empty name, an unknown scope, or an expiry date that is not after
    today or more than MAX_VALIDITY_DAYS ahead.
    """
    errors = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = [_("Dit veld is verplicht.")]
    if scope not in set(TokenScope):
        errors["scope"] = [_("Kies een geldige waarde.")]
    if expires_on is None or expires_on <= today:
        errors["expires_on"] = [_("Kies een datum na vandaag.")]
    elif expires_on > today + timedelta(days=MAX_VALIDITY_DAYS):
        errors["expires_on"] = [_("Een token is hoogstens een jaar geldig.")]
    if errors:
        raise FieldErrors(errors)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id, name=name, token_hash=hash_secret(secret), prefix=secret[:10],
        scope=str(scope), expires_on=expires_on,
    )
    session.add(token)
    session.flush()
    security_events.record(security_events.TOKEN_CREATED, outcome="success", user=user, token_id=token.id,
                           scope=token.scope, expires_on=token.expires_on.isoformat())
    return token, secret


def revoke_token(session, token, *, user):
    """Revoke one of user's own tokens. Raises ServiceError (404) for somebody else's token and
    (400) for one that is revoked already."""
    if token is None or token.user_id != user.id:
        error = ServiceError(_("Dit token bestaat niet."))
        error.status = 404
        raise error
    if token.revoked_at is not None:
        raise ServiceError(_("Dit token is al ingetrokken."))
    token.revoked_at = utcnow()
    session.flush()
    security_events.record(security_events.TOKEN_REVOKED, outcome="success", user=user, token_id=token.id)
    return token


@dataclass(frozen=True)
class TokenUse:
    """The outcome of presenting a token: whose it is, its scope, and the rate-limit state."""

    token_id: int
    user_id: int
    scope: str
    count: int
    retry_after: int  # seconds until this minute's window ends


def authenticate(connection, secret, *, now, today):
    """Look up a presented secret and count this request against its minute.

    Returns TokenUse, or None for an unknown, revoked or expired token. Runs on its own
    connection (the caller commits), so that the count holds whatever the request answers and
    on every gunicorn worker alike. The writes are Core ``update()`` statements on purpose: the
    audit trail listens to ORM flushes only, and a use is not a change worth an audit entry per
    request (creating and revoking are, and are ORM writes).
    """
    if not secret or not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    table = ApiToken.__table__
    row = connection.execute(
        select(table.c.id, table.c.user_id, table.c.scope, table.c.expires_on, table.c.revoked_at)
        .where(table.c.token_hash == hash_secret(secret))
    ).first()
    if row is None or row.revoked_at is not None or row.expires_on < today:
        return None
    window = now.replace(second=0, microsecond=0)
    same_window = table.c.rate_window == window
    connection.execute(
        update(table)
        .where(table.c.id == row.id)
        .values(
            last_used_at=now,
            rate_count=case((same_window, table.c.rate_count + 1), else_=1),
            rate_window=window,
        )
    )
    count = connection.execute(select(table.c.rate_count).where(table.c.id == row.id)).scalar_one()
    retry_after = max(1, int((window + WINDOW - now).total_seconds() + 0.999))
    return TokenUse(token_id=row.id, user_id=row.user_id, scope=row.scope, count=count, retry_after=retry_after)
