"""Factories for the procurement pipeline: procurements made and moved on through the services, so audit applies."""

import itertools
from datetime import date

import pytest
from sqlmodel import select

from portfolio.core import archiving
from portfolio.applications.models import Application
from portfolio.core.audit.models import AuditEntry
from portfolio.procurements import services
from portfolio.procurements.enums import PHASE_ORDER, Phase
from portfolio.procurements.models import PhaseDate, Procurement, ProcurementNote, Replacement
from tests.applications.conftest import (  # noqa: F401  (shared fixtures of the register)
    history, make_application, reference, today,
)

_numbers = itertools.count(1)
# The date the factory records when it moves a procurement on; tests that care pass their own.
MOVED_ON = date(2022, 3, 1)
# Every field of the procurement form as a browser posts it (check boxes are left out when unticked).
FORM_FIELDS = (
    "title", "domain_id", "procedure", "description", "estimated_cost", "actual_cost", "budget_year",
    "project_lead", "personal_data", "delivered_application_id", "risk_assessment_on",
    "risk_assessment_reference", "dpia_on", "dpia_reference", *(f"planned_{phase.value}" for phase in PHASE_ORDER),
)
ASSESSED = {"risk_assessment_on": date(2022, 5, 1), "risk_assessment_reference": "BRA-2022-07"}


@pytest.fixture
def make_procurement(db, reference):
    """make_procurement(phase="exploration", domain=None, replaces=(), planned=None, started_on=None,
    moved_on=None, **fields) -> a stored Procurement (detached).

    Made by create_procurement, then advanced phase by phase to phase, each step dated
    moved_on[phase] or MOVED_ON. domain is a name, replaces a list of Applications, planned and
    moved_on map phase value to date; fields are the service's own (title, estimated_cost_cents, …).
    """

    def make(*, phase=Phase.EXPLORATION, domain=None, replaces=(), planned=None, started_on=None, moved_on=None,
             **fields):
        data = {
            "title": f"Aanbesteding {next(_numbers)}",
            "domain_id": reference.domains[domain] if domain else None,
            **fields,
        }
        with db() as session:
            procurement = services.create_procurement(
                session, data=data, replaces=[application.id for application in replaces],
                planned=planned, started_on=started_on,
            )
            while procurement.phase != Phase(phase):
                on = (moved_on or {}).get(services.next_phase(procurement).value, MOVED_ON)
                services.advance(session, procurement, loaded_version=procurement.version, on=on)
            session.flush()
            session.expunge(procurement)
        return procurement

    return make


@pytest.fixture
def snapshot(db):
    """snapshot() -> everything the pipeline can write, as plain values: compare before and after a refused request."""

    def read():
        with db() as session:
            return {
                "procurements": {
                    p.id: (p.title, p.phase, p.version, p.gate_override_reason, p.delivered_application_id, p.archived)
                    for p in session.exec(select(Procurement)).all()
                },
                "applications": {
                    a.id: (a.name, a.lifecycle_status, a.version) for a in session.exec(select(Application)).all()
                },
                "phase_dates": sorted(
                    (d.procurement_id, d.phase, d.planned_on, d.actual_on) for d in session.exec(select(PhaseDate))
                ),
                "replacements": sorted((r.procurement_id, r.application_id) for r in session.exec(select(Replacement))),
                "notes": sorted((n.procurement_id, n.text) for n in session.exec(select(ProcurementNote)).all()),
                "audit": len(session.exec(select(AuditEntry.id)).all()),
            }

    return read


@pytest.fixture
def procurement_now(db):
    """procurement_now(procurement or id) -> (phase, {phase: (planned_on, actual_on)}, version) as stored now."""

    def read(procurement):
        with db() as session:
            stored = session.get(Procurement, getattr(procurement, "id", procurement))
            dates = {row.phase: (row.planned_on, row.actual_on) for row in stored.phase_dates}
            return stored.phase, dates, stored.version

    return read


@pytest.fixture
def procurement_form(reference):
    """procurement_form(**overrides) -> the procurement form as a browser posts it, every field present."""

    def build(**overrides):
        data = {name: "" for name in FORM_FIELDS}
        data |= {"title": "Zaaksysteem", "domain_id": str(reference.domains["Zaak- en archiefsysteem"])}
        return data | {key: value if isinstance(value, list) else str(value) for key, value in overrides.items()}

    return build


def _changed(db, procurement, change):
    """Apply change(session, stored record) in its own committed transaction; return the record, detached."""
    with db() as session:
        record = session.get(Procurement, procurement.id)
        change(session, record)
        session.flush()
        session.expunge(record)
    return record


@pytest.fixture
def archive_procurement(db):
    """archive_procurement(procurement, reason="dubbel") -> the procurement archived through the archiving rules."""

    def archive(procurement, reason="dubbel"):
        return _changed(db, procurement, lambda session, record: archiving.archive(
            session, record, reason=reason, loaded_version=record.version))

    return archive


@pytest.fixture
def stop_procurement(db):
    """stop_procurement(procurement, reason="geen budget", on=2022-05-01) -> the procurement, stopped."""

    def stop(procurement, reason="geen budget", on=date(2022, 5, 1)):
        return _changed(db, procurement, lambda session, record: services.stop(
            session, record, loaded_version=record.version, reason=reason, on=on))

    return stop


@pytest.fixture
def admin(client_as):
    return client_as("admin")


@pytest.fixture
def stored(db):
    """stored(Model, id) -> the record as committed now, detached (None when absent)."""

    def read(model, record_id):
        with db() as session:
            record = session.get(model, record_id)
            if record is not None:
                session.expunge(record)
            return record

    return read
