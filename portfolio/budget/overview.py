"""The budget overview of one year: totals, the split per organisation, funding, and the implementation gap."""

from dataclasses import dataclass

from sqlalchemy import union
from sqlalchemy.orm import joinedload, subqueryload
from sqlmodel import func, select

from portfolio.budget.models import (
    Allocation, BudgetLine, FundingSource, LineKind, LineStatus, YearAmount,
)
from portfolio.procurements.enums import Phase
from portfolio.procurements.models import Procurement
from portfolio.reference.models import Organisation


@dataclass(frozen=True)
class LineFigure:
    """A budget line and what it costs in the overview's year."""

    line: BudgetLine
    cents: int


@dataclass(frozen=True)
class Totals:
    """Structural and incidental cents of one category or organisation (name None: none given)."""

    name: str | None
    structural_cents: int = 0
    incidental_cents: int = 0

    @property
    def total_cents(self):
        return self.structural_cents + self.incidental_cents


@dataclass(frozen=True)
class FundingFigure:
    source: FundingSource
    allocated_cents: int

    @property
    def available_cents(self):
        return self.source.available_cents

    @property
    def remaining_cents(self):
        """Negative when the source is over-allocated."""
        return self.source.available_cents - self.allocated_cents

    @property
    def over_allocated_cents(self):
        return max(0, -self.remaining_cents)


@dataclass(frozen=True)
class ProcurementFigure:
    """A procurement's implementation cost (the actual cost once known, else the estimate) and its funding."""

    procurement: Procurement
    cost_cents: int | None
    cost_is_actual: bool
    funded_cents: int

    @property
    def unfunded_cents(self):
        return max(0, (self.cost_cents or 0) - self.funded_cents)


@dataclass(frozen=True)
class BudgetOverview:
    year: int
    lines: list  # LineFigure of the lines that count: not archived, not rejected
    rejected: list  # LineFigure of rejected lines, shown but not counted
    categories: list  # Totals per category, the lines without one last (name None)
    organisations: list  # Totals per organisation, in the organisations' order
    unsplit: Totals  # lines without a split ("niet verdeeld")
    funding: list  # FundingFigure of the year's sources that are not archived
    procurements: list  # ProcurementFigure of the year's procurements, not archived or stopped
    years: list  # every year that has lines, funding or procurements, for the year selector

    def _sum(self, figures, kind=None, status=None):
        return sum(
            figure.cents for figure in figures
            if (kind is None or figure.line.kind == kind) and (status is None or figure.line.status == status)
        )

    @property
    def structural_cents(self):
        return self._sum(self.lines, kind=LineKind.STRUCTURAL)

    @property
    def incidental_cents(self):
        return self._sum(self.lines, kind=LineKind.INCIDENTAL)

    @property
    def total_cents(self):
        return self._sum(self.lines)

    @property
    def requested_cents(self):
        return self._sum(self.lines, status=LineStatus.REQUESTED)

    @property
    def granted_cents(self):
        return self._sum(self.lines, status=LineStatus.GRANTED)

    @property
    def rejected_cents(self):
        return self._sum(self.rejected)

    @property
    def available_cents(self):
        return sum(figure.available_cents for figure in self.funding)

    @property
    def allocated_cents(self):
        return sum(figure.allocated_cents for figure in self.funding)

    @property
    def unallocated_cents(self):
        """Funding of the year not yet allocated; an over-allocated source adds nothing (not less)."""
        return sum(max(0, figure.remaining_cents) for figure in self.funding)

    @property
    def over_allocated(self):
        return [figure for figure in self.funding if figure.over_allocated_cents]

    @property
    def implementation_cents(self):
        return sum(figure.cost_cents or 0 for figure in self.procurements)

    @property
    def implementation_funded_cents(self):
        """Allocated to the procurements, counted up to each one's cost (a surplus pays for no other)."""
        return self.implementation_cents - self.implementation_unfunded_cents

    @property
    def implementation_unfunded_cents(self):
        return sum(figure.unfunded_cents for figure in self.procurements)

    @property
    def gap_cents(self):
        """Implementation costs that neither their allocations nor the year's unallocated funding
        cover: € 175.000 of costs against € 75.000 of ideaalcomplex leaves € 100.000. Never below 0."""
        return max(0, self.implementation_unfunded_cents - self.unallocated_cents)


def split_cents(cents, shares):
    """{organisation id: cents} of cents divided by shares ({organisation id: basis points}).

    Largest remainder: every part is rounded down, and the cents left over go one each to the
    parts with the largest remainders (ties: the first in shares' order), so the parts always add
    up to cents exactly. Empty shares (or all zero) give {}: the amount is not split.
    """
    total = sum(shares.values())
    if total <= 0:
        return {}
    exact = {organisation: cents * points for organisation, points in shares.items()}
    parts = {organisation: value // total for organisation, value in exact.items()}
    left_over = cents - sum(parts.values())
    by_remainder = sorted(shares, key=lambda organisation: -(exact[organisation] % total))
    for organisation in by_remainder[:left_over]:
        parts[organisation] += 1
    return parts


def budget_overview(session, year):
    """The overview of year, read in a fixed number of queries whatever the number of rows."""
    organisations = session.exec(select(Organisation).order_by(Organisation.position, Organisation.name)).all()
    figures = [
        LineFigure(line, cents)
        for line, cents in session.exec(
            select(BudgetLine, YearAmount.amount_cents)
            .join(YearAmount, YearAmount.budget_line_id == BudgetLine.id)
            .where(YearAmount.year == year, BudgetLine.archived.is_(False))
            # subqueryload and joins: one query each however many lines (selectinload batches by 500)
            .options(subqueryload(BudgetLine.shares), joinedload(BudgetLine.application),
                     joinedload(BudgetLine.procurement))
            .order_by(BudgetLine.kind.desc(), func.lower(BudgetLine.title), BudgetLine.id)
        ).all()
    ]
    counted = [figure for figure in figures if figure.line.status != LineStatus.REJECTED]
    per_organisation, unsplit = _per_organisation(counted, organisations)
    return BudgetOverview(
        year=year,
        lines=counted,
        rejected=[figure for figure in figures if figure.line.status == LineStatus.REJECTED],
        categories=_per_category(counted),
        organisations=per_organisation,
        unsplit=unsplit,
        funding=_funding(session, year),
        procurements=_procurements(session, year),
        years=_years(session),
    )


def _add(totals, name, figure):
    current = totals.get(name, Totals(name))
    if figure.line.kind == LineKind.STRUCTURAL:
        totals[name] = Totals(name, current.structural_cents + figure.cents, current.incidental_cents)
    else:
        totals[name] = Totals(name, current.structural_cents, current.incidental_cents + figure.cents)


def _per_category(figures):
    totals = {}
    for figure in figures:
        _add(totals, figure.line.category, figure)
    return sorted(totals.values(), key=lambda row: (row.name is None, (row.name or "").lower()))


def _per_organisation(figures, organisations):
    """(Totals per organisation, Totals of what is not split)."""
    names = {organisation.id: organisation.name for organisation in organisations}
    order = {organisation.id: position for position, organisation in enumerate(organisations)}
    totals = {organisation.name: Totals(organisation.name) for organisation in organisations}
    unsplit = {}
    for figure in figures:
        shares = {share.organisation_id: share.basis_points
                  for share in sorted(figure.line.shares, key=lambda share: order.get(share.organisation_id, 0))}
        parts = split_cents(figure.cents, shares)
        if not parts:
            _add(unsplit, None, figure)
        for organisation_id, cents in parts.items():
            _add(totals, names[organisation_id], LineFigure(figure.line, cents))
    return list(totals.values()), unsplit.get(None, Totals(None))


def _funding(session, year):
    sources = session.exec(
        select(FundingSource)
        .where(FundingSource.year == year, FundingSource.archived.is_(False))
        .order_by(func.lower(FundingSource.name), FundingSource.id)
    ).all()
    allocated = dict(session.exec(
        select(Allocation.funding_source_id, func.sum(Allocation.amount_cents))
        .join(FundingSource, FundingSource.id == Allocation.funding_source_id)
        .where(FundingSource.year == year)
        .group_by(Allocation.funding_source_id)
    ).all())
    return [FundingFigure(source, allocated.get(source.id, 0)) for source in sources]


def _procurements(session, year):
    """The year's procurements that still cost money: archived and stopped ones are left out."""
    procurements = session.exec(
        select(Procurement)
        .where(Procurement.budget_year == year, Procurement.archived.is_(False), Procurement.phase != Phase.STOPPED.value)
        .order_by(func.lower(Procurement.title), Procurement.id)
    ).all()
    funded = dict(session.exec(
        select(Allocation.procurement_id, func.sum(Allocation.amount_cents))
        .join(Procurement, Procurement.id == Allocation.procurement_id)
        .where(Procurement.budget_year == year)
        .group_by(Allocation.procurement_id)
    ).all())
    return [
        ProcurementFigure(
            procurement,
            procurement.actual_cost_cents if procurement.actual_cost_cents is not None else procurement.estimated_cost_cents,
            procurement.actual_cost_cents is not None,
            funded.get(procurement.id, 0),
        )
        for procurement in procurements
    ]


def _years(session):
    years = union(
        select(YearAmount.year.label("year")),
        select(FundingSource.year.label("year")),
        select(Procurement.budget_year.label("year")).where(Procurement.budget_year.is_not(None)),
    ).subquery()
    return list(session.exec(select(years.c.year).order_by(years.c.year)).all())


def totals_per_year(session):
    """[Totals per year (name: the year)], oldest first, counted by the overview's rule: lines not
    archived and not rejected. One query, whatever the number of lines."""
    rows = session.exec(
        select(YearAmount.year, BudgetLine.kind, func.sum(YearAmount.amount_cents))
        .join(BudgetLine, BudgetLine.id == YearAmount.budget_line_id)
        .where(BudgetLine.archived.is_(False), BudgetLine.status != LineStatus.REJECTED.value)
        .group_by(YearAmount.year, BudgetLine.kind)
    ).all()
    per_year = {}
    for year, kind, cents in rows:
        current = per_year.get(year, Totals(year))
        if kind == LineKind.STRUCTURAL:
            per_year[year] = Totals(year, current.structural_cents + cents, current.incidental_cents)
        else:
            per_year[year] = Totals(year, current.structural_cents, current.incidental_cents + cents)
    return [per_year[year] for year in sorted(per_year)]
