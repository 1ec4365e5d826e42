"""Every feature's table models, imported in one place for Alembic and for the app."""

from portfolio.applications.models import Application, Contract, Integration, Usage
from portfolio.audit.models import AuditEntry
from portfolio.auth.models import LoginAttempt, User
from portfolio.budget.models import Allocation, BudgetLine, FundingSource, OrganisationShare, YearAmount
from portfolio.privacy.models import (
    AgreementApplication, BreachApplication, DataBreach, ProcessingActivity, ProcessingApplication,
    ProcessingProcessor, ProcessorAgreement,
)
from portfolio.procurements.models import PhaseDate, Procurement, ProcurementNote, Replacement
from portfolio.reference.models import Domain, Organisation
from portfolio.suppliers.models import Supplier

__all__ = [
    "AgreementApplication", "Allocation", "Application", "AuditEntry", "BreachApplication",
    "BudgetLine", "Contract", "DataBreach", "Domain", "FundingSource", "Integration",
    "LoginAttempt", "Organisation", "OrganisationShare", "PhaseDate", "ProcessingActivity",
    "ProcessingApplication", "ProcessingProcessor", "ProcessorAgreement", "Procurement",
    "ProcurementNote", "Replacement", "Supplier", "Usage", "User", "YearAmount",
]
