"""Every feature's table models in one place: for Alembic's autogenerate, and so that the app
configures every mapper at start (a relationship to a missing model fails there, not mid-request)."""

from portfolio.applications.models import Application, Contract, Integration, Usage
from sqlalchemy.orm import configure_mappers

from portfolio.core.audit.models import AuditEntry
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


def configure():
    """Configure every mapper now; raises when a relationship names a model that does not exist."""
    configure_mappers()
