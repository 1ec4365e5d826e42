"""The application register: applications, their use per organisation, contracts, integrations."""

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, UniqueConstraint
from sqlmodel import Field, Relationship

from portfolio.core.db import UTCDateTime
from portfolio.core.dates import utcnow
from portfolio.core.records import ArchivableBase, version_column

_application_version = version_column()
_usage_version = version_column()
_contract_version = version_column()
_integration_version = version_column()


class Application(ArchivableBase, table=True):
    __tablename__ = "application"
    __table_args__ = (UniqueConstraint("name", "supplier_id", name="uq_application_name_supplier"),)
    __mapper_args__ = {"version_id_col": _application_version}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, index=True)
    supplier_id: int | None = Field(default=None, foreign_key="supplier.id", index=True)
    product: str | None = Field(default=None, max_length=120)
    product_version: str | None = Field(default=None, max_length=60)
    domain_id: int = Field(foreign_key="domain.id", index=True)
    description: str | None = Field(default=None, max_length=4000)
    gemma_component: str | None = Field(default=None, max_length=120)
    lifecycle_status: str = Field(max_length=20, index=True)
    time_verdict: str | None = Field(default=None, max_length=20)
    hosting: str | None = Field(default=None, max_length=20)
    hosting_party: str | None = Field(default=None, max_length=120)
    process_owner: str | None = Field(default=None, max_length=120)
    functional_admin: str | None = Field(default=None, max_length=120)
    technical_admin: str | None = Field(default=None, max_length=120)
    availability: str | None = Field(default=None, max_length=10)
    integrity: str | None = Field(default=None, max_length=10)
    confidentiality: str | None = Field(default=None, max_length=10)
    personal_data: str | None = Field(default=None, max_length=10)
    supplier_support_ends: date | None = Field(default=None)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int | None = Field(default=None, sa_column=_application_version)

    supplier: "Supplier" = Relationship()  # noqa: F821
    domain: "Domain" = Relationship()  # noqa: F821
    usages: list["Usage"] = Relationship(back_populates="application")
    contracts: list["Contract"] = Relationship(back_populates="application")


class Usage(ArchivableBase, table=True):
    """One organisation's use of an application; BIV and ENSIA subjects only where it differs."""

    __tablename__ = "usage"
    __table_args__ = (UniqueConstraint("application_id", "organisation_id", name="uq_usage_application_organisation"),)
    __mapper_args__ = {"version_id_col": _usage_version}

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    status: str = Field(max_length=20)
    since: date | None = Field(default=None)
    local_process_owner: str | None = Field(default=None, max_length=120)
    availability: str | None = Field(default=None, max_length=10)
    integrity: str | None = Field(default=None, max_length=10)
    confidentiality: str | None = Field(default=None, max_length=10)
    ensia_subjects: list[str] = Field(default_factory=list, sa_type=JSON)
    version: int | None = Field(default=None, sa_column=_usage_version)

    application: Application = Relationship(back_populates="usages")
    organisation: "Organisation" = Relationship()  # noqa: F821


class Contract(ArchivableBase, table=True):
    __tablename__ = "contract"
    __table_args__ = (
        CheckConstraint("notice_months >= 0 AND notice_months <= 36", name="notice_months_range"),
        CheckConstraint("ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="ends_after_start"),
        CheckConstraint("cost_cents IS NULL OR cost_cents >= 0", name="cost_not_negative"),
    )
    __mapper_args__ = {"version_id_col": _contract_version}

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    supplier_id: int | None = Field(default=None, foreign_key="supplier.id", index=True)
    number: str | None = Field(default=None, max_length=60)
    contract_type: str = Field(max_length=20)
    starts_on: date | None = Field(default=None)
    ends_on: date | None = Field(default=None)
    notice_months: int = Field(default=0)
    renewal_terms: str | None = Field(default=None, max_length=1000)
    cost_cents: int | None = Field(default=None)
    cost_period: str | None = Field(default=None, max_length=10)
    version: int | None = Field(default=None, sa_column=_contract_version)

    application: Application = Relationship(back_populates="contracts")
    supplier: "Supplier" = Relationship()  # noqa: F821


class Integration(ArchivableBase, table=True):
    """A link from one application to another one, or to an external service named in text."""

    __tablename__ = "integration"
    __table_args__ = (
        CheckConstraint(
            "target_application_id IS NOT NULL OR external_target IS NOT NULL", name="has_target"
        ),
        CheckConstraint(
            "target_application_id IS NULL OR target_application_id <> source_application_id",
            name="not_to_itself",
        ),
    )
    __mapper_args__ = {"version_id_col": _integration_version}

    id: int | None = Field(default=None, primary_key=True)
    source_application_id: int = Field(foreign_key="application.id", index=True)
    target_application_id: int | None = Field(default=None, foreign_key="application.id", index=True)
    external_target: str | None = Field(default=None, max_length=120)
    direction: str = Field(max_length=10)
    standard: str | None = Field(default=None, max_length=60)
    via_esb: bool = Field(default=False)
    description: str | None = Field(default=None, max_length=1000)
    version: int | None = Field(default=None, sa_column=_integration_version)

    source: Application = Relationship(
        sa_relationship_kwargs={"foreign_keys": "[Integration.source_application_id]"}
    )
    target: Application | None = Relationship(
        sa_relationship_kwargs={"foreign_keys": "[Integration.target_application_id]"}
    )
