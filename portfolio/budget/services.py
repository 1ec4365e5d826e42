"""Rules of the budget: funding sources and their allocations, budget lines with their years and split.

Over-allocation of a funding source is allowed and shown, never silent: an allocation that takes
a source past its available amount is saved (the available amount can also be lowered after the
allocations were made, so the state has to be shown in any case), and over_allocation_cents()
says by how much; the pages then flash a warning with that amount, and the overview and the
source's page show it in red. Every write flushes only; the request commits, the audit is automatic.
"""

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlmodel import func, select

from portfolio.applications.models import Application
from portfolio.budget.models import (
    Allocation, BudgetLine, FundingSource, LineKind, LineStatus, OrganisationShare, YearAmount,
)
from portfolio.core.records import accept_fields, check_version
from portfolio.core.exceptions import FieldErrors
from portfolio.core.money import format_euros
from portfolio.procurements.models import Procurement
from portfolio.reference.models import Organisation

MIN_YEAR, MAX_YEAR = 2000, 2100
# The amount columns are 32-bit integers of cents (at most € 21.474.836,47); a round limit below.
MAX_CENTS = 2_000_000_000
FULL_SPLIT = 10_000  # basis points: 100,00 %

FUNDING_FIELDS = ("name", "year", "available_cents", "notes")
ALLOCATION_FIELDS = ("procurement_id", "budget_line_id", "amount_cents", "notes")
LINE_FIELDS = (
    "title", "kind", "category", "status", "description", "original_cents", "revised_cents",
    "revision_reason", "application_id", "procurement_id",
)
# Service field -> the form field its message belongs to.
_AMOUNT_FIELDS = {
    "available_cents": "available", "amount_cents": "amount", "original_cents": "original",
    "revised_cents": "revised",
}


def _check_amount(errors, values, field, *, needed=False, positive=False):
    cents = values.get(field)
    key = _AMOUNT_FIELDS[field]
    if cents is None:
        if needed:
            errors[key] = [_("Dit veld is verplicht.")]
    elif cents < 0:
        errors[key] = [_("Een bedrag kan niet negatief zijn.")]
    elif positive and cents == 0:
        errors[key] = [_("Een toewijzing moet groter zijn dan € 0.")]
    elif cents > MAX_CENTS:
        errors[key] = [_("Vul een bedrag tot %(maximum)s in.", maximum=format_euros(MAX_CENTS))]


def _year_error(year):
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return _("Vul een jaar in van %(first)d tot en met %(last)d.", first=MIN_YEAR, last=MAX_YEAR)
    return None


def _apply(session, record, values):
    for field, value in values.items():
        setattr(record, field, value)
    session.flush()
    return record


# --- funding sources ------------------------------------------------------------------------


def get_funding_source(session, source_id):
    """The source with its allocations and their targets loaded up front; None when unknown."""
    return session.exec(
        select(FundingSource)
        .where(FundingSource.id == source_id)
        .options(
            selectinload(FundingSource.allocations).selectinload(Allocation.procurement),
            selectinload(FundingSource.allocations).selectinload(Allocation.budget_line),
        )
    ).first()


def _check_funding(session, values, current_id=None):
    errors = {}
    if not values.get("name"):
        errors["name"] = [_("Dit veld is verplicht.")]
    year_error = _year_error(values.get("year"))
    if year_error:
        errors["year"] = [year_error]
    _check_amount(errors, values, "available_cents", needed=True)
    if not errors:
        same = select(FundingSource.id).where(
            func.lower(FundingSource.name) == values["name"].lower(), FundingSource.year == values["year"]
        )
        if current_id is not None:
            same = same.where(FundingSource.id != current_id)
        if session.exec(same).first() is not None:
            errors["name"] = [_("Er is al een dekking met deze naam in %(year)d.", year=values["year"])]
    if errors:
        raise FieldErrors(errors)


def create_funding_source(session, *, data):
    """Add a source of money for a year. Raises FieldErrors without a name, for a year outside
    2000–2100, a missing, negative or too large amount, or a name the year already has."""
    values = accept_fields(data, FUNDING_FIELDS)
    _check_funding(session, values)
    source = FundingSource(**values)
    session.add(source)
    session.flush()
    return source


def update_funding_source(session, source, *, data, loaded_version):
    """Change the source; lowering it below what is allocated is allowed and then shown as
    over-allocation. Raises VersionConflict, or FieldErrors as create_funding_source does."""
    check_version(source, loaded_version, _("Iemand anders heeft deze dekking intussen gewijzigd."))
    values = accept_fields(data, FUNDING_FIELDS)
    _check_funding(session, {field: getattr(source, field) for field in FUNDING_FIELDS} | values, source.id)
    return _apply(session, source, values)


def allocated_cents(session, source):
    """Cents allocated from source, as stored (pending changes flushed first)."""
    return session.exec(
        select(func.coalesce(func.sum(Allocation.amount_cents), 0)).where(Allocation.funding_source_id == source.id)
    ).one()


def over_allocation_cents(session, source):
    """By how many cents the allocations exceed what source has available; 0 when they do not."""
    return max(0, allocated_cents(session, source) - source.available_cents)


# --- allocations ----------------------------------------------------------------------------


def _check_allocation(session, values):
    errors = {}
    procurement_id, line_id = values.get("procurement_id"), values.get("budget_line_id")
    if procurement_id is None and line_id is None:
        errors["procurement_id"] = [_("Kies een aanbesteding of een begrotingspost.")]
    elif procurement_id is not None and line_id is not None:
        errors["procurement_id"] = [_("Kies een aanbesteding óf een begrotingspost, niet beide.")]
    elif procurement_id is not None and session.get(Procurement, procurement_id) is None:
        errors["procurement_id"] = [_("Kies een bestaande aanbesteding.")]
    elif line_id is not None and session.get(BudgetLine, line_id) is None:
        errors["budget_line_id"] = [_("Kies een bestaande begrotingspost.")]
    _check_amount(errors, values, "amount_cents", needed=True, positive=True)
    if errors:
        raise FieldErrors(errors)


def create_allocation(session, source, *, data):
    """Assign part of source to one procurement or one budget line; see the module on
    over-allocation. Raises FieldErrors for no target, two targets, an unknown target, or an
    amount that is missing, not above zero or too large."""
    values = accept_fields(data, ALLOCATION_FIELDS)
    _check_allocation(session, values)
    allocation = Allocation(funding_source_id=source.id, **values)
    session.add(allocation)
    session.flush()
    return allocation


def update_allocation(session, allocation, *, data, loaded_version):
    """Change target, amount or notes (not the source). Raises VersionConflict, or FieldErrors as
    create_allocation does."""
    check_version(allocation, loaded_version, _("Iemand anders heeft deze toewijzing intussen gewijzigd."))
    values = accept_fields(data, ALLOCATION_FIELDS)
    _check_allocation(session, {field: getattr(allocation, field) for field in ALLOCATION_FIELDS} | values)
    return _apply(session, allocation, values)


def delete_allocation(session, allocation, *, loaded_version):
    """Remove an allocation; the audit keeps a delete entry with its last values. Raises VersionConflict."""
    check_version(allocation, loaded_version, _("Iemand anders heeft deze toewijzing intussen gewijzigd."))
    session.delete(allocation)
    session.flush()


# --- budget lines ---------------------------------------------------------------------------


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
    _check_amount(errors, values, "original_cents")
    _check_amount(errors, values, "revised_cents")
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
        if _year_error(year):
            return [_year_error(year)]
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


def format_percentage(basis_points):
    """'33,33', '25', '12,5': a share in hundredths of a percent, written the Dutch way."""
    whole, rest = divmod(basis_points, 100)
    return f"{whole},{rest:02d}".rstrip("0").rstrip(",") if rest else str(whole)


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
        select(Application).where(_current_or_active(Application, line and line.application_id))
        .order_by(func.lower(Application.name))
    ).all()
    return applications, procurements_for_choice(session, line and line.procurement_id)


def procurements_for_choice(session, current_id=None):
    return session.exec(
        select(Procurement).where(_current_or_active(Procurement, current_id)).order_by(func.lower(Procurement.title))
    ).all()


def lines_for_choice(session, current_id=None):
    return session.exec(
        select(BudgetLine).where(_current_or_active(BudgetLine, current_id)).order_by(func.lower(BudgetLine.title))
    ).all()


def _current_or_active(model, current_id):
    active = model.archived.is_(False)
    return active if current_id is None else (active | (model.id == current_id))
