"""The management report for the board of Duo+: the registers' status on paper (HTML and PDF).

Built from the registers' own rules: the key figures of the dashboard, the budget overview of the
year (procurement costs, funding and the gap), compliance per organisation, the FG's chain per
organisation, and the applications whose action-needed-by date falls within 6 months. Privacy is
shown as counts only, and only to readers of the privacy register; data breaches only to those who
may manage them (MANAGE_BREACHES), as the registers' own pages do.
"""

from dataclasses import dataclass

from sqlmodel import func, select

from portfolio.applications import listing
from portfolio.applications.listing import ApplicationFilter
from portfolio.web.permissions import Permission, can
from portfolio.budget.overview import budget_overview
from portfolio.dashboard.actions import ACTION_WITHIN_MONTHS
from portfolio.dashboard.figures import key_figures
from portfolio.privacy import chain
from portfolio.privacy.models import DataBreach, ProcessingActivity
from portfolio.reference.models import Organisation


@dataclass(frozen=True)
class PrivacyRow:
    organisation: str
    activities: int
    missing_dpia: int
    open_breaches: int | None = None  # None: the reader may not see breaches
    overdue_breaches: int | None = None


@dataclass
class ManagementReport:
    day: object
    organisation: str
    figures: object  # dashboard.figures.KeyFigures
    budget: object  # budget.overview.BudgetOverview of today's year
    privacy: list | None  # PrivacyRow per organisation; None for readers without privacy rights
    applications: list  # (Application, action-needed-by) within ACTION_WITHIN_MONTHS, soonest first
    action_within_months: int = ACTION_WITHIN_MONTHS


def _per_organisation(session, statement, column):
    subquery = statement.subquery()
    return dict(session.exec(
        select(getattr(subquery.c, column), func.count()).group_by(getattr(subquery.c, column))
    ).all())


def privacy_rows(session, *, now, with_breaches):
    """Counts per organisation: processing activities, missing DPIAs, and (when with_breaches)
    open breaches and breaches past their notification deadline."""
    organisations = session.exec(select(Organisation).order_by(Organisation.position)).all()
    activities = _per_organisation(
        session, select(ProcessingActivity).where(ProcessingActivity.archived.is_(False)), "organisation_id")
    missing = _per_organisation(session, chain.missing_dpia(), "organisation_id")
    open_breaches = overdue = {}
    if with_breaches:
        open_breaches = _per_organisation(session, select(DataBreach).where(chain.open_breaches()), "organisation_id")
        overdue = _per_organisation(session, select(DataBreach).where(*chain.overdue_breaches(now)), "organisation_id")
    return [
        PrivacyRow(
            organisation.name, activities.get(organisation.id, 0), missing.get(organisation.id, 0),
            open_breaches.get(organisation.id, 0) if with_breaches else None,
            overdue.get(organisation.id, 0) if with_breaches else None,
        )
        for organisation in organisations
    ]


def management_report(session, user, *, today, now, lead_months, organisation):
    """Everything the report shows, as user may see it."""
    applications = list(listing.iter_filtered(
        session, ApplicationFilter(action_within_months=ACTION_WITHIN_MONTHS, sort="action"),
        today=today, lead_months=lead_months,
    ))
    privacy = None
    if can(user, Permission.READ_PRIVACY):
        privacy = privacy_rows(session, now=now, with_breaches=can(user, Permission.MANAGE_BREACHES))
    return ManagementReport(
        day=today, organisation=organisation, figures=key_figures(session, today),
        budget=budget_overview(session, today.year), privacy=privacy, applications=applications,
    )
