"""The demo procurements: the three packages of the source document with its amounts, nothing invented, loaded once."""

import pytest
from sqlmodel import func, select

from portfolio.core.audit.models import AuditEntry
from portfolio.procurements.demo import load_demo_procurements
from portfolio.procurements.models import PhaseDate, Procurement, ProcurementNote, Replacement
from portfolio.reference.models import Domain
from tests.applications.helpers import text

VTH = "Vergunningen, Toezicht & Handhaving (VTH)"
# title: (estimated cost in cents, external hire needed, domain)
DOCUMENT = {
    "Intranet": (2_500_000, False, None),
    "Omgevingsplannen": (5_000_000, False, None),
    VTH: (10_000_000, True, "Vergunningen, Toezicht en Handhaving"),
}


@pytest.fixture
def pipeline(db):
    """pipeline() -> ({title: facts as stored}, row counts of everything the pipeline and the audit hold)."""

    def read():
        with db() as session:
            stored = {
                p.title: {
                    "estimate": p.estimated_cost_cents, "year": p.budget_year, "phase": p.phase,
                    "external": (p.external_project_lead_needed, p.external_expertise_needed),
                    "domain": session.get(Domain, p.domain_id).name if p.domain_id else None,
                    "invented": [p.procedure, p.project_lead, p.actual_cost_cents, p.personal_data,
                                 p.delivered_application_id, p.risk_assessment_on, p.dpia_on],
                }
                for p in session.exec(select(Procurement))
            }
            counts = {model.__name__: session.exec(select(func.count()).select_from(model)).one()
                      for model in (Procurement, PhaseDate, ProcurementNote, Replacement, AuditEntry)}
            return stored, counts

    return read


def test_the_document_s_procurements_are_loaded_with_its_amounts_and_no_invented_dates(db, pipeline):
    with db() as session:
        assert load_demo_procurements(session) == 3
    stored, counts = pipeline()
    assert {title: (facts["estimate"], facts["external"] == (True, True), facts["domain"])
            for title, facts in stored.items()} == DOCUMENT
    for facts in stored.values():
        assert (facts["year"], facts["phase"]) == (2022, "exploration")
        assert facts["invented"] == [None] * 7
    assert (counts["PhaseDate"], counts["ProcurementNote"], counts["Replacement"]) == (0, 0, 0)


def test_loading_twice_adds_nothing(db, pipeline):
    with db() as session:
        load_demo_procurements(session)
    first = pipeline()
    with db() as session:
        assert load_demo_procurements(session) == 0
    assert pipeline() == first


def test_the_cli_loads_applications_and_procurements_once(app, pipeline, viewer):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "Demo data: 10 applications, 3 procurements, 6 budget records and 6 security measures added." in result.output
    stored, counts = pipeline()
    assert set(stored) == set(DOCUMENT)

    again = runner.invoke(args=["demo", "load"])
    assert "Demo data: 0 applications, 0 procurements, 0 budget records and 0 security measures added." in again.output
    assert pipeline() == (stored, counts)

    board = text(viewer.get("/procurements/"))
    for title, amount in (("Intranet", "€ 25.000"), ("Omgevingsplannen", "€ 50.000"), (VTH, "€ 100.000")):
        assert f"{title} {amount} · 2022" in board
