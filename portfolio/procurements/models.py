"""Procurements (aanbesteding en implementatie) of new packages, from first idea to production."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel

from portfolio.core.db import UTCDateTime
from portfolio.core.dates import utcnow
from portfolio.core.records import ArchivableBase, version_column


_procurement_version = version_column()


class Procurement(ArchivableBase, table=True):
    __tablename__ = "procurement"
    __table_args__ = (
        CheckConstraint("estimated_cost_cents IS NULL OR estimated_cost_cents >= 0", name="estimate_not_negative"),
        CheckConstraint("actual_cost_cents IS NULL OR actual_cost_cents >= 0", name="actual_not_negative"),
    )
    __mapper_args__ = {"version_id_col": _procurement_version}

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200, unique=True)
    domain_id: int | None = Field(default=None, foreign_key="domain.id", index=True)
    phase: str = Field(max_length=20, index=True)
    procedure: str | None = Field(default=None, max_length=120)
    description: str | None = Field(default=None, max_length=4000)
    estimated_cost_cents: int | None = Field(default=None)
    actual_cost_cents: int | None = Field(default=None)
    budget_year: int | None = Field(default=None, index=True)
    project_lead: str | None = Field(default=None, max_length=120)
    external_project_lead_needed: bool = Field(default=False)
    external_expertise_needed: bool = Field(default=False)
    personal_data: str | None = Field(default=None, max_length=10)
    delivered_application_id: int | None = Field(default=None, foreign_key="application.id", index=True)
    risk_assessment_on: date | None = Field(default=None)
    risk_assessment_reference: str | None = Field(default=None, max_length=200)
    dpia_on: date | None = Field(default=None)
    dpia_reference: str | None = Field(default=None, max_length=200)
    gate_override_reason: str | None = Field(default=None, max_length=1000)
    version: int | None = Field(default=None, sa_column=_procurement_version)

    domain: "Domain" = Relationship()  # noqa: F821
    delivered_application: "Application" = Relationship()  # noqa: F821
    phase_dates: list["PhaseDate"] = Relationship(back_populates="procurement")
    notes: list["ProcurementNote"] = Relationship(back_populates="procurement")
    replacements: list["Replacement"] = Relationship(back_populates="procurement")


class PhaseDate(SQLModel, table=True):
    """When a phase was planned to start and when it did."""

    __tablename__ = "procurement_phase_date"
    __table_args__ = (UniqueConstraint("procurement_id", "phase", name="uq_procurement_phase_date_phase"),)

    id: int | None = Field(default=None, primary_key=True)
    procurement_id: int = Field(foreign_key="procurement.id", index=True)
    phase: str = Field(max_length=20)
    planned_on: date | None = Field(default=None)
    actual_on: date | None = Field(default=None)

    procurement: Procurement = Relationship(back_populates="phase_dates")


class ProcurementNote(SQLModel, table=True):
    """One dated progress note; the log only grows."""

    __tablename__ = "procurement_note"

    id: int | None = Field(default=None, primary_key=True)
    procurement_id: int = Field(foreign_key="procurement.id", index=True)
    written_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    author: str = Field(max_length=254)
    text: str = Field(max_length=4000)

    procurement: Procurement = Relationship(back_populates="notes")


class Replacement(SQLModel, table=True):
    """An application the procurement's result replaces."""

    __tablename__ = "procurement_replacement"
    __table_args__ = (UniqueConstraint("procurement_id", "application_id", name="uq_procurement_replacement_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    procurement_id: int = Field(foreign_key="procurement.id", index=True)
    application_id: int = Field(foreign_key="application.id", index=True)

    procurement: Procurement = Relationship(back_populates="replacements")
    application: "Application" = Relationship()  # noqa: F821
