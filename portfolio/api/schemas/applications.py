"""Schemas of applications."""

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from portfolio.api.schemas.common import Archived, Id, Input, ListQuery, Text, partial
from portfolio.applications.enums import BivLevel, Hosting, LifecycleStatus, PersonalData, TimeVerdict
from portfolio.applications.listing import SORTS


class ApplicationCreate(Input):
    name: Text(120, 1)
    supplier_id: Id | None = None
    product: Text(120) | None = None
    product_version: Text(60) | None = None
    domain_id: Id
    description: Text(4000) | None = None
    gemma_component: Text(120) | None = None
    lifecycle_status: LifecycleStatus
    time_verdict: TimeVerdict | None = None
    hosting: Hosting | None = None
    hosting_party: Text(120) | None = None
    process_owner: Text(120) | None = None
    functional_admin: Text(120) | None = None
    technical_admin: Text(120) | None = None
    availability: BivLevel | None = None
    integrity: BivLevel | None = None
    confidentiality: BivLevel | None = None
    personal_data: PersonalData | None = None
    supplier_support_ends: date | None = None


ApplicationUpdate = partial(ApplicationCreate, "ApplicationUpdate")


class ApplicationRead(Archived):
    id: int
    version: int
    name: str
    supplier_id: int | None
    product: str | None
    product_version: str | None
    domain_id: int
    description: str | None
    gemma_component: str | None
    lifecycle_status: LifecycleStatus
    time_verdict: TimeVerdict | None
    hosting: Hosting | None
    hosting_party: str | None
    process_owner: str | None
    functional_admin: str | None
    technical_admin: str | None
    availability: BivLevel | None
    integrity: BivLevel | None
    confidentiality: BivLevel | None
    personal_data: PersonalData | None
    supplier_support_ends: date | None
    created_at: datetime


class ApplicationQuery(ListQuery):
    """The filters of the application list page."""

    q: Text(200) | None = Field(default=None, description="text in name, supplier, product or description")
    domain_id: Id | None = None
    lifecycle_status: LifecycleStatus | None = None
    supplier_id: Id | None = None
    organisation_id: Id | None = Field(default=None, description="used (not ended) by this organisation")
    hosting: Hosting | None = None
    biv: BivLevel | None = Field(default=None, description="highest BIV level")
    time_verdict: TimeVerdict | None = None
    action_within_months: int | None = Field(default=None, ge=0, le=120)
    include_archived: bool = False
    sort: Literal[SORTS] = "name"  # type: ignore[valid-type]
    order: Literal["asc", "desc"] = "asc"
