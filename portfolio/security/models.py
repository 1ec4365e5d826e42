"""The security register: norm catalogues (frameworks, requirements), measures and their evidence.

Links between measures and requirements, applications and organisations are rows of their own,
added and removed by the services, so that the audit trail sees every change of a link.
"""

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, UniqueConstraint, and_, or_
from sqlmodel import Field, Relationship, SQLModel

from portfolio.core.db import UTCDateTime
from portfolio.core.dates import utcnow
from portfolio.core.records import ArchivableBase, version_column

_framework_version = version_column()
_requirement_version = version_column()
_measure_version = version_column()
_evidence_version = version_column()


class Framework(SQLModel, table=True):
    """A catalogue of norms (BIO2, AVG, own), identified by its code across re-imports."""

    __tablename__ = "framework"
    __mapper_args__ = {"version_id_col": _framework_version}

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=120, unique=True)
    name: str = Field(max_length=200)
    catalogue_version: str | None = Field(default=None, max_length=60)
    description: str | None = Field(default=None, max_length=4000)
    imported_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int | None = Field(default=None, sa_column=_framework_version)

    requirements: list["Requirement"] = Relationship(back_populates="framework")


class Requirement(SQLModel, table=True):
    """One norm of a framework; withdrawn ones stay (linked measures keep their links)."""

    __tablename__ = "requirement"
    __table_args__ = (UniqueConstraint("framework_id", "reference", name="uq_requirement_framework_reference"),)
    __mapper_args__ = {"version_id_col": _requirement_version}

    id: int | None = Field(default=None, primary_key=True)
    framework_id: int = Field(foreign_key="framework.id", index=True)
    reference: str = Field(max_length=60)
    chapter: str | None = Field(default=None, max_length=300)
    title: str = Field(max_length=500)
    text: str | None = Field(default=None, max_length=8000)
    tags: list[str] = Field(default_factory=list, sa_type=JSON)
    position: int = Field(default=0)
    withdrawn: bool = Field(default=False)
    version: int | None = Field(default=None, sa_column=_requirement_version)

    framework: Framework = Relationship(back_populates="requirements")


class Measure(ArchivableBase, table=True):
    """What Duo+ does to meet requirements; applicability follows from BIV thresholds, the
    applies-to-all flag, or explicit links to applications."""

    __tablename__ = "measure"
    __table_args__ = (
        CheckConstraint("review_interval_months IS NULL OR review_interval_months > 0", name="review_interval_positive"),
    )
    __mapper_args__ = {"version_id_col": _measure_version}

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200, index=True)
    description: str | None = Field(default=None, max_length=4000)
    overseer: str = Field(max_length=20)
    team: str | None = Field(default=None, max_length=120)
    assignee_id: int | None = Field(default=None, foreign_key="user_account.id", index=True)
    status: str = Field(max_length=20, index=True)
    status_reason: str | None = Field(default=None, max_length=1000)
    postponed_until: date | None = Field(default=None)
    priority: str = Field(max_length=10)
    due_on: date | None = Field(default=None)
    review_interval_months: int | None = Field(default=None)
    next_review_on: date | None = Field(default=None)
    applies_to_all: bool = Field(default=False)
    min_availability: str | None = Field(default=None, max_length=10)
    min_integrity: str | None = Field(default=None, max_length=10)
    min_confidentiality: str | None = Field(default=None, max_length=10)
    ensia_subjects: list[str] = Field(default_factory=list, sa_type=JSON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int | None = Field(default=None, sa_column=_measure_version)

    assignee: "User" = Relationship()  # noqa: F821
    requirement_links: list["MeasureRequirement"] = Relationship(back_populates="measure")
    application_links: list["MeasureApplication"] = Relationship(back_populates="measure")
    organisation_links: list["MeasureOrganisation"] = Relationship(back_populates="measure")
    evidence: list["Evidence"] = Relationship(back_populates="measure")

    def has_current_evidence(self, today):
        return any(item.is_current(today) for item in self.evidence)


class MeasureRequirement(SQLModel, table=True):
    __tablename__ = "measure_requirement"

    measure_id: int = Field(foreign_key="measure.id", primary_key=True)
    requirement_id: int = Field(foreign_key="requirement.id", primary_key=True, index=True)

    measure: Measure = Relationship(back_populates="requirement_links")
    requirement: Requirement = Relationship()


class MeasureApplication(SQLModel, table=True):
    __tablename__ = "measure_application"

    measure_id: int = Field(foreign_key="measure.id", primary_key=True)
    application_id: int = Field(foreign_key="application.id", primary_key=True, index=True)

    measure: Measure = Relationship(back_populates="application_links")
    application: "Application" = Relationship()  # noqa: F821


class MeasureOrganisation(SQLModel, table=True):
    __tablename__ = "measure_organisation"

    measure_id: int = Field(foreign_key="measure.id", primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", primary_key=True, index=True)

    measure: Measure = Relationship(back_populates="organisation_links")
    organisation: "Organisation" = Relationship()  # noqa: F821


class Evidence(ArchivableBase, table=True):
    """Proof for a measure: a text, a link or a stored file (instance/evidence/<sha256>)."""

    __tablename__ = "evidence"
    __table_args__ = (
        CheckConstraint("expires_on IS NULL OR expires_on >= dated_on", name="expires_after_date"),
    )
    __mapper_args__ = {"version_id_col": _evidence_version}

    id: int | None = Field(default=None, primary_key=True)
    measure_id: int = Field(foreign_key="measure.id", index=True)
    kind: str = Field(max_length=10)
    description: str | None = Field(default=None, max_length=4000)
    url: str | None = Field(default=None, max_length=2000)
    filename: str | None = Field(default=None, max_length=255)
    content_hash: str | None = Field(default=None, max_length=64)
    content_type: str | None = Field(default=None, max_length=120)
    size_bytes: int | None = Field(default=None)
    dated_on: date
    expires_on: date | None = Field(default=None)
    added_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int | None = Field(default=None, sa_column=_evidence_version)

    measure: Measure = Relationship(back_populates="evidence")

    def is_current(self, today):
        """Archived or expired evidence counts as missing: the rule of current_condition, for one item."""
        return not self.archived and (self.expires_on is None or self.expires_on >= today)

    @classmethod
    def current_condition(cls, today):
        """The rule of is_current as a SQL condition on Evidence (tests/security/test_evidence.py holds
        the two to the same answer)."""
        return and_(cls.archived.is_(False), or_(cls.expires_on.is_(None), cls.expires_on >= today))
