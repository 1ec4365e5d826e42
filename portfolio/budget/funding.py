"""Rules of the budget's funding: funding sources and their allocations to procurements and budget lines.

Over-allocation of a funding source is allowed and shown, never silent: an allocation that takes
a source past its available amount is saved (the available amount can also be lowered after the
allocations were made, so the state has to be shown in any case), and over_allocation_cents()
says by how much; the pages then flash a warning with that amount, and the overview and the
source's page show it in red. Every write flushes only; the request commits, the audit is automatic.
"""

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlmodel import func, select

from portfolio.budget.models import Allocation, BudgetLine, FundingSource
from portfolio.budget.rules import apply_values, check_amount, current_or_active, year_error
from portfolio.core.exceptions import FieldErrors
from portfolio.core.records import accept_fields, check_version
from portfolio.procurements.models import Procurement

FUNDING_FIELDS = ("name", "year", "available_cents", "notes")
ALLOCATION_FIELDS = ("procurement_id", "budget_line_id", "amount_cents", "notes")


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
    year_message = year_error(values.get("year"))
    if year_message:
        errors["year"] = [year_message]
    check_amount(errors, values, "available_cents", needed=True)
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
    return apply_values(session, source, values)


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
    check_amount(errors, values, "amount_cents", needed=True, positive=True)
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
    return apply_values(session, allocation, values)


def delete_allocation(session, allocation, *, loaded_version):
    """Remove an allocation; the audit keeps a delete entry with its last values. Raises VersionConflict."""
    check_version(allocation, loaded_version, _("Iemand anders heeft deze toewijzing intussen gewijzigd."))
    session.delete(allocation)
    session.flush()


def lines_for_choice(session, current_id=None):
    return session.exec(
        select(BudgetLine).where(current_or_active(BudgetLine, current_id)).order_by(func.lower(BudgetLine.title))
    ).all()
