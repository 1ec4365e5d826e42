"""Schemas of the security register: frameworks and requirements (read), measures, the audit log."""

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from portfolio.api.schemas.common import Archived, Id, Input, ListQuery, Output, Text, partial
from portfolio.applications.enums import BivLevel, EnsiaSubject
from portfolio.security.enums import MeasureStatus, Overseer, Priority
from portfolio.security.listing import SORTS


class FrameworkRead(Output):
    id: int
    version: int
    code: str
    name: str
    catalogue_version: str | None
    description: str | None
    imported_at: datetime


class RequirementRead(Output):
    id: int
    version: int
    framework_id: int
    reference: str
    chapter: str | None
    title: str
    text: str | None
    tags: list[str]
    position: int
    withdrawn: bool


class RequirementQuery(ListQuery):
    framework_id: Id | None = None
    q: Text(200) | None = Field(default=None, description="text in reference or title")
    include_withdrawn: bool = False


class MeasureCreate(Input):
    title: Text(200, 1)
    description: Text(4000) | None = None
    overseer: Overseer
    team: Text(120) | None = None
    assignee_id: Id | None = None
    status: MeasureStatus = MeasureStatus.NOT_STARTED
    status_reason: Text(1000) | None = None
    postponed_until: date | None = None
    priority: Priority = Priority.MEDIUM
    due_on: date | None = None
    review_interval_months: int | None = Field(default=None, ge=1, le=120)
    next_review_on: date | None = None
    applies_to_all: bool = False
    min_availability: BivLevel | None = None
    min_integrity: BivLevel | None = None
    min_confidentiality: BivLevel | None = None
    ensia_subjects: list[EnsiaSubject] = Field(default_factory=list, max_length=len(EnsiaSubject))
    requirement_ids: list[Id] = Field(default_factory=list, max_length=500)
    application_ids: list[Id] = Field(default_factory=list, max_length=500)
    organisation_ids: list[Id] = Field(default_factory=list, max_length=20)


MeasureUpdate = partial(MeasureCreate, "MeasureUpdate")


class MeasureStatusChange(Input):
    """What the assignee (or the CISO) may change: the status, its reason and a postponement date."""

    status: MeasureStatus
    status_reason: Text(1000) | None = None
    postponed_until: date | None = None


class MeasureRead(Archived):
    id: int
    version: int
    title: str
    description: str | None
    overseer: Overseer
    team: str | None
    assignee_id: int | None
    status: MeasureStatus
    status_reason: str | None
    postponed_until: date | None
    priority: Priority
    due_on: date | None
    review_interval_months: int | None
    next_review_on: date | None
    applies_to_all: bool
    min_availability: BivLevel | None
    min_integrity: BivLevel | None
    min_confidentiality: BivLevel | None
    ensia_subjects: list[EnsiaSubject]
    created_at: datetime
    requirement_ids: list[int]
    application_ids: list[int]
    organisation_ids: list[int]


class MeasureQuery(ListQuery):
    """The filters of the measure list page."""

    q: Text(200) | None = Field(default=None, description="text in title or description")
    framework_id: Id | None = None
    chapter: Text(300) | None = Field(default=None, description="chapter of a requirement the measure meets")
    requirement: Text(60) | None = Field(default=None, description="reference code of a requirement the measure meets")
    evidence: Literal["missing", "current"] | None = Field(default=None, description="current evidence missing or present")
    biv_axis: Literal["availability", "integrity", "confidentiality"] | None = Field(
        default=None, description="has a BIV threshold on this axis")
    applies_to_all: bool = Field(default=False, description="only measures that apply to every application")
    overseer: Overseer | None = None
    team: Text(120) | None = None
    assignee_id: Id | None = None
    status: MeasureStatus | None = None
    priority: Priority | None = None
    due: Literal["overdue", "soon"] | None = None
    review_due: bool = False
    application_id: Id | None = None
    organisation_id: Id | None = None
    ensia: EnsiaSubject | None = None
    include_archived: bool = False
    sort: Literal[SORTS] = "title"  # type: ignore[valid-type]
    order: Literal["asc", "desc"] = "asc"


class AuditEntryRead(Output):
    id: int
    at: datetime
    actor_id: int | None
    actor_label: str
    entity_type: str
    entity_id: str
    action: str
    changes: dict
    reason: str | None


class AuditQuery(ListQuery):
    """The filters of the audit log page."""

    actor_id: Id | None = None
    entity_type: Text(64) | None = None
    date_from: date | None = None
    date_to: date | None = None
