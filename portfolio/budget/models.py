"""Money: funding sources and their allocations, and budget lines with their yearly amounts and split."""

from enum import StrEnum

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel

from portfolio.core.records import ArchivableBase, version_column


class LineKind(StrEnum):
    STRUCTURAL = "structural"
    INCIDENTAL = "incidental"


class LineStatus(StrEnum):
    REQUESTED = "requested"
    GRANTED = "granted"
    REJECTED = "rejected"


_funding_version = version_column()
_line_version = version_column()
_allocation_version = version_column()


class FundingSource(ArchivableBase, table=True):
    """Money available for a year, e.g. the ideaalcomplex investment reserve."""

    __tablename__ = "funding_source"
    __table_args__ = (
        UniqueConstraint("name", "year", name="uq_funding_source_name_year"),
        CheckConstraint("available_cents >= 0", name="available_not_negative"),
    )
    __mapper_args__ = {"version_id_col": _funding_version}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    year: int = Field(index=True)
    available_cents: int
    notes: str | None = Field(default=None, max_length=2000)
    version: int | None = Field(default=None, sa_column=_funding_version)

    allocations: list["Allocation"] = Relationship(back_populates="funding_source")


class BudgetLine(ArchivableBase, table=True):
    __tablename__ = "budget_line"
    __table_args__ = (
        CheckConstraint("original_cents IS NULL OR original_cents >= 0", name="original_not_negative"),
        CheckConstraint("revised_cents IS NULL OR revised_cents >= 0", name="revised_not_negative"),
    )
    __mapper_args__ = {"version_id_col": _line_version}

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    kind: str = Field(max_length=12)
    category: str | None = Field(default=None, max_length=120)
    status: str = Field(max_length=12)
    description: str | None = Field(default=None, max_length=4000)
    original_cents: int | None = Field(default=None)
    revised_cents: int | None = Field(default=None)
    revision_reason: str | None = Field(default=None, max_length=1000)
    application_id: int | None = Field(default=None, foreign_key="application.id", index=True)
    procurement_id: int | None = Field(default=None, foreign_key="procurement.id", index=True)
    version: int | None = Field(default=None, sa_column=_line_version)

    amounts: list["YearAmount"] = Relationship(back_populates="budget_line")
    shares: list["OrganisationShare"] = Relationship(back_populates="budget_line")
    application: "Application" = Relationship()  # noqa: F821
    procurement: "Procurement" = Relationship()  # noqa: F821


class YearAmount(SQLModel, table=True):
    """What a budget line costs in one year."""

    __tablename__ = "budget_line_amount"
    __table_args__ = (
        UniqueConstraint("budget_line_id", "year", name="uq_budget_line_amount_year"),
        CheckConstraint("amount_cents >= 0", name="amount_not_negative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    budget_line_id: int = Field(foreign_key="budget_line.id", index=True)
    year: int = Field(index=True)
    amount_cents: int

    budget_line: BudgetLine = Relationship(back_populates="amounts")


class OrganisationShare(SQLModel, table=True):
    """One organisation's part of a budget line (verdeelsleutel), in hundredths of a percent."""

    __tablename__ = "budget_line_share"
    __table_args__ = (
        UniqueConstraint("budget_line_id", "organisation_id", name="uq_budget_line_share_organisation"),
        CheckConstraint("basis_points >= 0 AND basis_points <= 10000", name="basis_points_range"),
    )

    id: int | None = Field(default=None, primary_key=True)
    budget_line_id: int = Field(foreign_key="budget_line.id", index=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    basis_points: int

    budget_line: BudgetLine = Relationship(back_populates="shares")
    organisation: "Organisation" = Relationship()  # noqa: F821


class Allocation(SQLModel, table=True):
    """Part of a funding source assigned to a procurement or to a budget line."""

    __tablename__ = "allocation"
    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        CheckConstraint(
            "(procurement_id IS NULL) <> (budget_line_id IS NULL)", name="one_target"
        ),
    )
    __mapper_args__ = {"version_id_col": _allocation_version}

    id: int | None = Field(default=None, primary_key=True)
    funding_source_id: int = Field(foreign_key="funding_source.id", index=True)
    procurement_id: int | None = Field(default=None, foreign_key="procurement.id", index=True)
    budget_line_id: int | None = Field(default=None, foreign_key="budget_line.id", index=True)
    amount_cents: int
    notes: str | None = Field(default=None, max_length=1000)
    version: int | None = Field(default=None, sa_column=_allocation_version)

    funding_source: FundingSource = Relationship(back_populates="allocations")
    procurement: "Procurement" = Relationship()  # noqa: F821
    budget_line: BudgetLine = Relationship()
