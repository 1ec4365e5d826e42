"""The privacy register: processing activities (AVG art. 30), processor agreements, data breaches.

Categories of data subjects, of personal data and of recipients are validated free text (the
lists differ per processing and change with the law); whether special categories (art. 9) or the
BSN are processed is kept in boolean columns so that the register can be queried on them.
"""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel

from portfolio.core.db import UTCDateTime
from portfolio.core.dates import utcnow
from portfolio.core.records import ArchivableBase, version_column

# Tables whose audit entries only breach managers may read (the audit log hides them from the CISO).
BREACH_ENTITY_TYPES = frozenset({"data_breach", "breach_application"})

_processing_version = version_column()
_agreement_version = version_column()
_breach_version = version_column()


class ProcessingActivity(ArchivableBase, table=True):
    """One processing activity of one controller (organisation)."""

    __tablename__ = "processing_activity"
    __table_args__ = (
        UniqueConstraint("organisation_id", "name", name="uq_processing_activity_organisation_name"),
    )
    __mapper_args__ = {"version_id_col": _processing_version}

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    name: str = Field(max_length=200)
    purpose: str = Field(max_length=2000)
    legal_basis: str = Field(max_length=30)
    special_category_ground: str | None = Field(default=None, max_length=30)
    data_subjects: str = Field(max_length=1000)
    data_categories: str = Field(max_length=1000)
    special_categories: bool = Field(default=False, index=True)
    bsn: bool = Field(default=False, index=True)
    recipients: str | None = Field(default=None, max_length=1000)
    third_country_transfers: str | None = Field(default=None, max_length=1000)
    transfer_safeguards: str | None = Field(default=None, max_length=1000)
    retention_period: str = Field(max_length=500)
    security_measures: str | None = Field(default=None, max_length=4000)
    dpia_required: str | None = Field(default=None, max_length=10, index=True)
    dpia_reason: str | None = Field(default=None, max_length=1000)
    dpia_done_on: date | None = Field(default=None)
    dpia_outcome: str | None = Field(default=None, max_length=2000)
    dpia_next_review: date | None = Field(default=None)
    version: int | None = Field(default=None, sa_column=_processing_version)

    organisation: "Organisation" = Relationship()  # noqa: F821
    application_links: list["ProcessingApplication"] = Relationship(back_populates="processing")
    processor_links: list["ProcessingProcessor"] = Relationship(back_populates="processing")


class ProcessingApplication(SQLModel, table=True):
    """An application used for a processing activity."""

    __tablename__ = "processing_application"
    __table_args__ = (UniqueConstraint("processing_id", "application_id", name="uq_processing_application_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    processing_id: int = Field(foreign_key="processing_activity.id", index=True)
    application_id: int = Field(foreign_key="application.id", index=True)

    processing: ProcessingActivity = Relationship(back_populates="application_links")
    application: "Application" = Relationship()  # noqa: F821


class ProcessingProcessor(SQLModel, table=True):
    """A supplier that processes personal data for a processing activity (a processor)."""

    __tablename__ = "processing_processor"
    __table_args__ = (UniqueConstraint("processing_id", "supplier_id", name="uq_processing_processor_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    processing_id: int = Field(foreign_key="processing_activity.id", index=True)
    supplier_id: int = Field(foreign_key="supplier.id", index=True)

    processing: ProcessingActivity = Relationship(back_populates="processor_links")
    supplier: "Supplier" = Relationship()  # noqa: F821


class ProcessorAgreement(ArchivableBase, table=True):
    """A processor agreement (verwerkersovereenkomst) of one organisation with one supplier."""

    __tablename__ = "processor_agreement"
    __table_args__ = (
        CheckConstraint("ends_on IS NULL OR signed_on IS NULL OR ends_on >= signed_on", name="ends_after_signed"),
    )
    __mapper_args__ = {"version_id_col": _agreement_version}

    id: int | None = Field(default=None, primary_key=True)
    supplier_id: int = Field(foreign_key="supplier.id", index=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    signed_on: date | None = Field(default=None)
    model_version: str | None = Field(default=None, max_length=200)
    ends_on: date | None = Field(default=None, index=True)
    sub_processors: str | None = Field(default=None, max_length=2000)
    document_reference: str | None = Field(default=None, max_length=200)
    version: int | None = Field(default=None, sa_column=_agreement_version)

    supplier: "Supplier" = Relationship()  # noqa: F821
    organisation: "Organisation" = Relationship()  # noqa: F821
    application_links: list["AgreementApplication"] = Relationship(back_populates="agreement")


class AgreementApplication(SQLModel, table=True):
    """An application a processor agreement covers."""

    __tablename__ = "agreement_application"
    __table_args__ = (UniqueConstraint("agreement_id", "application_id", name="uq_agreement_application_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    agreement_id: int = Field(foreign_key="processor_agreement.id", index=True)
    application_id: int = Field(foreign_key="application.id", index=True)

    agreement: ProcessorAgreement = Relationship(back_populates="application_links")
    application: "Application" = Relationship()  # noqa: F821


class DataBreach(SQLModel, table=True):
    """A data breach (datalek). Never archived or deleted: it is closed, and stays in the register."""

    __tablename__ = "data_breach"
    __table_args__ = (
        CheckConstraint("people_affected IS NULL OR people_affected >= 0", name="people_not_negative"),
    )
    __mapper_args__ = {"version_id_col": _breach_version}

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    discovered_at: datetime = Field(sa_type=UTCDateTime, index=True)
    description: str = Field(max_length=4000)
    affected_categories: str | None = Field(default=None, max_length=1000)
    people_affected: int | None = Field(default=None)
    risk: str | None = Field(default=None, max_length=10)
    risk_assessment: str | None = Field(default=None, max_length=4000)
    notified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    notification_reference: str | None = Field(default=None, max_length=100)
    people_informed_on: date | None = Field(default=None)
    measures: str | None = Field(default=None, max_length=4000)
    closed_on: date | None = Field(default=None, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int | None = Field(default=None, sa_column=_breach_version)

    organisation: "Organisation" = Relationship()  # noqa: F821
    application_links: list["BreachApplication"] = Relationship(back_populates="breach")


class BreachApplication(SQLModel, table=True):
    """An application involved in a data breach."""

    __tablename__ = "breach_application"
    __table_args__ = (UniqueConstraint("breach_id", "application_id", name="uq_breach_application_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    breach_id: int = Field(foreign_key="data_breach.id", index=True)
    application_id: int = Field(foreign_key="application.id", index=True)

    breach: DataBreach = Relationship(back_populates="application_links")
    application: "Application" = Relationship()  # noqa: F821
