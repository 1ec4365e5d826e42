"""Schemas of the privacy register: processing activities, processor agreements, data breaches."""

from datetime import date, datetime

from pydantic import Field

from portfolio.api.schemas.common import Archived, Id, Input, ListQuery, Moment, Output, Text, partial
from portfolio.privacy.enums import BreachRisk, DpiaRequired, LegalBasis, SpecialCategoryGround

Ids = Field(default_factory=list, max_length=100)


class ProcessingCreate(Input):
    organisation_id: Id
    name: Text(200, 1)
    purpose: Text(2000, 1)
    legal_basis: LegalBasis
    special_category_ground: SpecialCategoryGround | None = None
    data_subjects: Text(1000, 1)
    data_categories: Text(1000, 1)
    special_categories: bool = False
    bsn: bool = False
    recipients: Text(1000) | None = None
    third_country_transfers: Text(1000) | None = None
    transfer_safeguards: Text(1000) | None = None
    retention_period: Text(500, 1)
    security_measures: Text(4000) | None = None
    dpia_required: DpiaRequired | None = None
    dpia_reason: Text(1000) | None = None
    dpia_done_on: date | None = None
    dpia_outcome: Text(2000) | None = None
    dpia_next_review: date | None = None
    application_ids: list[Id] = Ids
    processor_ids: list[Id] = Field(default_factory=list, max_length=100, description="suppliers processing for it")


ProcessingUpdate = partial(ProcessingCreate, "ProcessingUpdate")


class ProcessingRead(Archived):
    id: int
    version: int
    organisation_id: int
    name: str
    purpose: str
    legal_basis: LegalBasis
    special_category_ground: SpecialCategoryGround | None
    data_subjects: str
    data_categories: str
    special_categories: bool
    bsn: bool
    recipients: str | None
    third_country_transfers: str | None
    transfer_safeguards: str | None
    retention_period: str
    security_measures: str | None
    dpia_required: DpiaRequired | None
    dpia_reason: str | None
    dpia_done_on: date | None
    dpia_outcome: str | None
    dpia_next_review: date | None
    application_ids: list[int]
    processor_ids: list[int]


class ProcessingQuery(ListQuery):
    organisation_id: Id | None = None
    q: Text(200) | None = Field(default=None, description="text in name or purpose")
    include_archived: bool = False


class AgreementCreate(Input):
    supplier_id: Id
    organisation_id: Id
    signed_on: date | None = None
    model_version: Text(200) | None = None
    ends_on: date | None = None
    sub_processors: Text(2000) | None = None
    document_reference: Text(200) | None = None
    application_ids: list[Id] = Ids


AgreementUpdate = partial(AgreementCreate, "AgreementUpdate")


class AgreementRead(Archived):
    id: int
    version: int
    supplier_id: int
    organisation_id: int
    signed_on: date | None
    model_version: str | None
    ends_on: date | None
    sub_processors: str | None
    document_reference: str | None
    application_ids: list[int]


class AgreementQuery(ListQuery):
    supplier_id: Id | None = None
    organisation_id: Id | None = None
    include_archived: bool = False


class BreachCreate(Input):
    organisation_id: Id
    discovered_at: Moment
    description: Text(4000, 1)
    affected_categories: Text(1000) | None = None
    people_affected: int | None = Field(default=None, ge=0, le=100_000_000)
    risk: BreachRisk | None = None
    risk_assessment: Text(4000) | None = None
    notified_at: Moment | None = None
    notification_reference: Text(100) | None = None
    people_informed_on: date | None = None
    measures: Text(4000) | None = None
    closed_on: date | None = None
    application_ids: list[Id] = Ids


BreachUpdate = partial(BreachCreate, "BreachUpdate")


class BreachRead(Output):
    id: int
    version: int
    organisation_id: int
    discovered_at: datetime
    description: str
    affected_categories: str | None
    people_affected: int | None
    risk: BreachRisk | None
    risk_assessment: str | None
    notified_at: datetime | None
    notification_reference: str | None
    people_informed_on: date | None
    measures: str | None
    closed_on: date | None
    created_at: datetime
    application_ids: list[int]


class BreachQuery(ListQuery):
    only_open: bool = Field(default=False, description="not closed yet")
