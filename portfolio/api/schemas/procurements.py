"""Schemas of procurements."""

from datetime import date

from pydantic import Field

from portfolio.api.schemas.common import Archived, Cents, Id, Input, ListQuery, Text, partial
from portfolio.applications.enums import PersonalData
from portfolio.procurements.enums import Phase


class ProcurementCreate(Input):
    title: Text(200, 1)
    domain_id: Id | None = None
    procedure: Text(120) | None = None
    description: Text(4000) | None = None
    estimated_cost_cents: Cents | None = None
    actual_cost_cents: Cents | None = None
    budget_year: int | None = Field(default=None, ge=2000, le=2100)
    project_lead: Text(120) | None = None
    external_project_lead_needed: bool = False
    external_expertise_needed: bool = False
    personal_data: PersonalData | None = None
    delivered_application_id: Id | None = None
    risk_assessment_on: date | None = None
    risk_assessment_reference: Text(200) | None = None
    dpia_on: date | None = None
    dpia_reference: Text(200) | None = None
    replaces: list[Id] = Field(default_factory=list, max_length=100, description="ids of the applications it replaces")


ProcurementUpdate = partial(ProcurementCreate, "ProcurementUpdate")


class ProcurementRead(Archived):
    id: int
    version: int
    title: str
    domain_id: int | None
    phase: Phase
    procedure: str | None
    description: str | None
    estimated_cost_cents: int | None
    actual_cost_cents: int | None
    budget_year: int | None
    project_lead: str | None
    external_project_lead_needed: bool
    external_expertise_needed: bool
    personal_data: PersonalData | None
    delivered_application_id: int | None
    risk_assessment_on: date | None
    risk_assessment_reference: str | None
    dpia_on: date | None
    dpia_reference: str | None
    gate_override_reason: str | None
    replaces: list[int]


class ProcurementQuery(ListQuery):
    """As the procurement overview: by phase, domain and budget year; archived ones on request."""

    phase: Phase | None = None
    domain_id: Id | None = None
    budget_year: int | None = Field(default=None, ge=2000, le=2100)
    include_archived: bool = False


class AdvanceRequest(Input):
    on: date = Field(description="the day the next phase started")
    override_reason: Text(1000) | None = Field(
        default=None, description="admin only: go to production without the missing assessments, with this reason")


class StopRequest(Input):
    on: date
    reason: Text(1000, 1)


class NoteCreate(Input):
    text: Text(4000, 1)
