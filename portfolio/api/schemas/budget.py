"""Schemas of funding sources and budget lines."""

from pydantic import Field

from portfolio.api.schemas.common import Archived, Cents, Id, Input, ListQuery, Output, Text, partial
from portfolio.budget.models import LineKind, LineStatus

Year = Field(ge=2000, le=2100)


class FundingSourceCreate(Input):
    name: Text(120, 1)
    year: int = Year
    available_cents: Cents
    notes: Text(2000) | None = None


FundingSourceUpdate = partial(FundingSourceCreate, "FundingSourceUpdate")


class FundingSourceRead(Archived):
    id: int
    version: int
    name: str
    year: int
    available_cents: int
    notes: str | None
    allocated_cents: int = Field(description="allocated to procurements and budget lines; may exceed available_cents")


class FundingSourceQuery(ListQuery):
    year: int | None = Field(default=None, ge=2000, le=2100)
    include_archived: bool = False


class YearAmountItem(Input):
    year: int = Year
    amount_cents: Cents


class ShareItem(Input):
    organisation_id: Id
    basis_points: int = Field(ge=0, le=10_000, description="hundredths of a percent; together 10000")


class BudgetLineCreate(Input):
    title: Text(200, 1)
    kind: LineKind
    category: Text(120) | None = None
    status: LineStatus
    description: Text(4000) | None = None
    original_cents: Cents | None = None
    revised_cents: Cents | None = None
    revision_reason: Text(1000) | None = None
    application_id: Id | None = None
    procurement_id: Id | None = None
    amounts: list[YearAmountItem] = Field(min_length=1, max_length=101)
    shares: list[ShareItem] = Field(default_factory=list, max_length=20)


BudgetLineUpdate = partial(BudgetLineCreate, "BudgetLineUpdate")


class YearAmountRead(Output):
    year: int
    amount_cents: int


class ShareRead(Output):
    organisation_id: int
    basis_points: int


class BudgetLineRead(Archived):
    id: int
    version: int
    title: str
    kind: LineKind
    category: str | None
    status: LineStatus
    description: str | None
    original_cents: int | None
    revised_cents: int | None
    revision_reason: str | None
    application_id: int | None
    procurement_id: int | None
    amounts: list[YearAmountRead]
    shares: list[ShareRead]


class BudgetLineQuery(ListQuery):
    kind: LineKind | None = None
    status: LineStatus | None = None
    year: int | None = Field(default=None, ge=2000, le=2100, description="with an amount in this year")
    include_archived: bool = False

