"""Schemas of what hangs off an application: usages, contracts, integrations."""

from datetime import date

from pydantic import Field

from portfolio.api.schemas.common import Archived, Cents, Id, Input, ListQuery, Text, partial
from portfolio.applications.enums import BivLevel, ContractType, CostPeriod, Direction, EnsiaSubject, UsageStatus


class RelatedQuery(ListQuery):
    application_id: Id | None = Field(default=None, description="only those of this application")
    include_archived: bool = False


class UsageFields(Input):
    organisation_id: Id
    status: UsageStatus
    since: date | None = None
    local_process_owner: Text(120) | None = None
    availability: BivLevel | None = None
    integrity: BivLevel | None = None
    confidentiality: BivLevel | None = None
    ensia_subjects: list[EnsiaSubject] = Field(default_factory=list, max_length=len(EnsiaSubject))


class UsageCreate(UsageFields):
    application_id: Id


UsageUpdate = partial(UsageFields, "UsageUpdate")


class UsageRead(Archived):
    id: int
    version: int
    application_id: int
    organisation_id: int
    status: UsageStatus
    since: date | None
    local_process_owner: str | None
    availability: BivLevel | None
    integrity: BivLevel | None
    confidentiality: BivLevel | None
    ensia_subjects: list[EnsiaSubject]


class UsageQuery(RelatedQuery):
    organisation_id: Id | None = None


class ContractFields(Input):
    supplier_id: Id | None = None
    number: Text(60) | None = None
    contract_type: ContractType
    starts_on: date | None = None
    ends_on: date | None = None
    notice_months: int = Field(default=0, ge=0, le=36)
    renewal_terms: Text(1000) | None = None
    cost_cents: Cents | None = Field(default=None, description="whole euro cents")
    cost_period: CostPeriod | None = None


class ContractCreate(ContractFields):
    application_id: Id


ContractUpdate = partial(ContractFields, "ContractUpdate")


class ContractRead(Archived):
    id: int
    version: int
    application_id: int
    supplier_id: int | None
    number: str | None
    contract_type: ContractType
    starts_on: date | None
    ends_on: date | None
    notice_months: int
    renewal_terms: str | None
    cost_cents: int | None
    cost_period: CostPeriod | None


class ContractQuery(RelatedQuery):
    supplier_id: Id | None = None


class IntegrationFields(Input):
    target_application_id: Id | None = None
    external_target: Text(120) | None = None
    direction: Direction
    standard: Text(60) | None = None
    via_esb: bool = False
    description: Text(1000) | None = None


class IntegrationCreate(IntegrationFields):
    source_application_id: Id


IntegrationUpdate = partial(IntegrationFields, "IntegrationUpdate")


class IntegrationRead(Archived):
    id: int
    version: int
    source_application_id: int
    target_application_id: int | None
    external_target: str | None
    direction: Direction
    standard: str | None
    via_esb: bool
    description: str | None


class IntegrationQuery(ListQuery):
    application_id: Id | None = Field(default=None, description="from or to this application")
    include_archived: bool = False
