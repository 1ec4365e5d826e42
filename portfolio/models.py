"""Every feature's table models, imported in one place for Alembic and for the app."""

from portfolio.audit.models import AuditEntry
from portfolio.auth.models import LoginAttempt, User

__all__ = ["AuditEntry", "LoginAttempt", "User"]
