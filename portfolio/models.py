"""Every feature's table models, imported in one place for Alembic and for the app."""

from portfolio.applications.models import Application, Contract, Integration, Usage
from portfolio.audit.models import AuditEntry
from portfolio.auth.models import LoginAttempt, User
from portfolio.budget.models import Allocation, BudgetLine, FundingSource, OrganisationShare, YearAmount
from portfolio.procurements.models import PhaseDate, Procurement, ProcurementNote, Replacement
from portfolio.reference.models import Domain, Organisation
from portfolio.security.models import (
    Evidence, Framework, Measure, MeasureApplication, MeasureOrganisation, MeasureRequirement, Requirement,
)
from portfolio.suppliers.models import Supplier

__all__ = [
    "Allocation", "Application", "AuditEntry", "BudgetLine", "Contract", "Domain", "Evidence", "Framework",
    "FundingSource", "Measure", "MeasureApplication", "MeasureOrganisation", "MeasureRequirement", "Requirement",
    "Integration", "LoginAttempt", "Organisation", "OrganisationShare", "PhaseDate", "Procurement",
    "ProcurementNote", "Replacement", "Supplier", "Usage", "User", "YearAmount",
]
