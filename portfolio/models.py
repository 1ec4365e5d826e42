"""Every feature's table models, imported in one place for Alembic and for the app."""

from portfolio.applications.models import Application, Contract, Integration, Usage
from portfolio.audit.models import AuditEntry
from portfolio.auth.models import LoginAttempt, User
from portfolio.reference.models import Domain, Organisation
from portfolio.suppliers.models import Supplier

__all__ = [
    "Application", "AuditEntry", "Contract", "Domain", "Integration", "LoginAttempt",
    "Organisation", "Supplier", "Usage", "User",
]
