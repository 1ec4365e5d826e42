"""Rules of budget lines: a line with its amount per year and its split over the organisations.
Every write flushes only; the request commits, the audit is automatic."""

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlmodel import func, select

from portfolio.applications.models import Application
from portfolio.budget.models import Allocation, BudgetLine, LineKind, LineStatus, OrganisationShare, YearAmount
from portfolio.budget.rules import (
    FULL_SPLIT, MAX_CENTS, check_amount, current_or_active, format_percentage, procurements_for_choice, year_error,
)
from portfolio.core.exceptions import FieldErrors
from portfolio.core.money import format_euros
from portfolio.core.records import accept_fields, check_version
from portfolio.procurements.models import Procurement
from portfolio.reference.models import Organisation

LINE_FIELDS = (
    "title", "kind", "category", "status", "description", "original_cents", "revised_cents",
    "revision_reason", "application_id", "procurement_id",
)


def list_budget_lines(session, *, include_archived=False):
    """Every line with its years, split and links loaded, in a fixed number of queries."""
    statement = (
        select(BudgetLine)
        .options(
            selectinload(BudgetLine.amounts), selectinload(BudgetLine.shares),
            selectinload(BudgetLine.application), selectinload(BudgetLine.procurement),
        )
        .order_by(func.lower(BudgetLine.title), BudgetLine.id)
    )
    if not include_archived:
        statement = statement.where(BudgetLine.archived.is_(False))
    return session.exec(statement).all()


def get_budget_line(session, line_id):
    """The line with what its page shows loaded up front; None when unknown."""
    return session.exec(
        select(BudgetLine)
        .where(BudgetLine.id == line_id)
        .options(
            selectinload(BudgetLine.amounts),
            selectinload(BudgetLine.shares).selectinload(OrganisationShare.organisation),
            selectinload(BudgetLine.application), selectinload(BudgetLine.procurement),
        )
    ).first()


def allocations_to_line(session, line):
    return session.exec(
        select(Allocation).where(Allocation.budget_line_id == line.id)
        .options(selectinload(Allocation.funding_source)).order_by(Allocation.id)
    ).all()


def _check_line(session, values, amounts, shares):
    errors = {}
    if not values.get("title"):
        errors["title"] = [_("Dit veld is verplicht.")]
    for field, enum in (("kind", LineKind), ("status", LineStatus)):
        if values.get(field) not in {member.value for member in enum}:
            errors[field] = [_("Kies een geldige waarde.")]
    check_amount(errors, values, "original_cents")
    check_amount(errors, values, "revised_cents")
    if values.get("revised_cents") is not None and not values.get("revision_reason"):
        errors["revision_reason"] = [_("Geef de reden van de bijstelling op.")]
    if values.get("application_id") is not None and session.get(Application, values["application_id"]) is None:
        errors["application_id"] = [_("Kies een bestaande applicatie.")]
    if values.get("procurement_id") is not None and session.get(Procurement, values["procurement_id"]) is None:
        errors["procurement_id"] = [_("Kies een bestaande aanbesteding.")]
    amount_errors = _amount_errors(amounts)
    if amount_errors:
        errors["years"] = amount_errors
    share_errors = _share_errors(session, shares)
    if share_errors:
        errors["shares"] = share_errors
    if errors:
        raise FieldErrors(errors)


def _amount_errors(amounts):
    years = [year for year, _cents in amounts]
    if not amounts:
        return [_("Vul voor minstens één jaar een bedrag in.")]
    if len(set(years)) != len(years):
        return [_("Elk jaar mag maar één keer voorkomen.")]
    for year, cents in amounts:
        if year_error(year):
            return [year_error(year)]
        if cents is None or cents < 0:
            return [_("Een bedrag kan niet negatief zijn.")]
        if cents > MAX_CENTS:
            return [_("Vul een bedrag tot %(maximum)s in.", maximum=format_euros(MAX_CENTS))]
    return []


def _share_errors(session, shares):
    if not shares:
        return []
    known = set(session.exec(select(Organisation.id).where(Organisation.id.in_(list(shares)))).all())
    if known != set(shares):
        return [_("Kies bestaande organisaties.")]
    if any(not 0 <= points <= FULL_SPLIT for points in shares.values()):
        return [_("Een percentage ligt tussen 0 en 100.")]
    total = sum(shares.values())
    if total != FULL_SPLIT:
        return [_("De percentages tellen op tot %(total)s%%; samen moet dat precies 100%% zijn.",
                  total=format_percentage(total))]
    return []


def create_budget_line(session, *, data, amounts, shares):
    """Add a budget line with its amount per year ([(year, cents)], at least one) and its split
    ({organisation id: basis points}, empty for no split). Raises FieldErrors for a missing title,
    an unknown kind or status, negative or too large amounts, a revised amount without a reason,
    unknown links, years outside 2000–2100 or given twice, or percentages that do not add up to 100."""
    values = accept_fields(data, LINE_FIELDS)
    _check_line(session, values, amounts, shares)
    line = BudgetLine(**values)
    session.add(line)
    session.flush()
    _sync_children(session, line, amounts, shares)
    return line


def update_budget_line(session, line, *, data, amounts, shares, loaded_version):
    """Change the line and replace its years and split with the ones given. A change to years or
    split alone still moves the line's version on, so that a concurrent edit is caught (the audit
    records the year and share rows that changed; the bare version step has no entry of its own).
    Raises VersionConflict, or FieldErrors as create_budget_line does."""
    check_version(line, loaded_version, _("Iemand anders heeft deze begrotingspost intussen gewijzigd."))
    values = accept_fields(data, LINE_FIELDS)
    _check_line(session, {field: getattr(line, field) for field in LINE_FIELDS} | values, amounts, shares)
    for field, value in values.items():
        setattr(line, field, value)
    if _sync_children(session, line, amounts, shares) and not session.is_modified(line, include_collections=False):
        line.version += 1  # the mapper's counter overrides this with the same next value
    session.flush()
    return line


def _sync_children(session, line, amounts, shares):
    """Make the line's YearAmount and OrganisationShare rows equal to amounts and shares, changing
    only rows that differ (so the audit shows what changed); whether anything did."""
    changed = _sync(session, {a.year: a for a in line.amounts}, dict(amounts), "amount_cents",
                    lambda year, cents: YearAmount(budget_line_id=line.id, year=year, amount_cents=cents))
    changed |= _sync(session, {s.organisation_id: s for s in line.shares},
                     {org: points for org, points in shares.items() if points > 0}, "basis_points",
                     lambda org, points: OrganisationShare(budget_line_id=line.id, organisation_id=org, basis_points=points))
    if changed:
        session.flush()
        session.expire(line, ["amounts", "shares"])
    return changed


def _sync(session, existing, wanted, attribute, build):
    changed = False
    for key, row in existing.items():
        if key not in wanted:
            session.delete(row)
            changed = True
        elif getattr(row, attribute) != wanted[key]:
            setattr(row, attribute, wanted[key])
            changed = True
    for key, value in wanted.items():
        if key not in existing:
            session.add(build(key, value))
            changed = True
    return changed


def choices_for_line(session, line=None):
    """(applications, procurements) a line can be linked to: those not archived, by name, and the
    ones line is linked to now even when archived since (so that saving it again is not refused)."""
    applications = session.exec(
        select(Application).where(current_or_active(Application, line and line.application_id))
        .order_by(func.lower(Application.name))
    ).all()
    return applications, procurements_for_choice(session, line and line.procurement_id)
