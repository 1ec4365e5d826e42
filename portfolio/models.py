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
from portfolio.reminders.models import ReminderSent
from portfolio.security.models import (
    Evidence, Framework, Measure, MeasureApplication, MeasureOrganisation, MeasureRequirement, Requirement,
)
from portfolio.suppliers.models import Supplier
from portfolio.tokens.models import ApiToken

__all__ = [
    "AgreementApplication", "Allocation", "ApiToken", "Application", "AuditEntry", "BreachApplication",
    "BudgetLine", "Contract", "DataBreach", "Domain", "Evidence", "Framework", "FundingSource",
    "Integration", "LoginAttempt", "Measure", "MeasureApplication", "MeasureOrganisation",
    "MeasureRequirement", "Organisation", "OrganisationShare", "PhaseDate", "ProcessingActivity",
    "ProcessingApplication", "ProcessingProcessor", "ProcessorAgreement", "Procurement",
    "ProcurementNote", "ReminderSent", "Replacement", "Requirement", "Supplier", "Usage", "User", "YearAmount",
]
