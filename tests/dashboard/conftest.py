"""A small, hand-counted data set over all registers, dated relative to today (Europe/Amsterdam).

The figures each test expects are worked out by hand in `EXPECTED` below, not by the code.
"""

from datetime import datetime, timedelta, UTC
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from portfolio.budget.lines import create_budget_line
from portfolio.privacy.breaches.services import create_breach
from portfolio.security import services as security_services
from tests.applications.conftest import (  # noqa: F401  (the register's factories)
    archive_record, make_application, make_contract, make_supplier, make_usage, reference,
)
from tests.procurements.conftest import make_procurement  # noqa: F401


def amsterdam_today():
    return datetime.now(ZoneInfo("Europe/Amsterdam")).date()


@pytest.fixture
def day():
    return amsterdam_today()


@pytest.fixture
def data_set(db, day, reference, make_application, make_contract, make_procurement, archive_record, make_user):
    """Applications: 2 in production, 1 planned, 1 phasing out (+1 archived, not counted);
    Burgerzaken 2, Financiën 2. Contracts: one ends in 200 days (its action-needed-by date has
    passed: within 6 months), one in 3 years; an archived one in 100 days is not counted.
    Procurements: exploration € 100.000 (a planned date passed: behind), tender € 60.000 actual
    (estimate € 50.000), stopped € 20.000. Budget this year: structural € 160.000, incidental
    € 40.000 (a rejected € 99.000 is not counted); next year structural € 170.000.
    Measures: implemented (all organisations, review due), overdue (Diemen only, editor's),
    not applicable, due in 10 days (editor's) — Diemen 1 of 3 = 33 %, the others 1 of 2 = 50 %.
    Breaches: one open and not notified (discovered 30 hours ago), one notified."""
    editor = make_user("editor", name="Ingrid Editor")
    zaak = make_application(name="Zaaksysteem", domain="Burgerzaken")
    make_application(name="Financieel pakket", domain="Financiën")
    make_application(name="Nieuw pakket", domain="Financiën", lifecycle_status="planned")
    oud = make_application(name="Oud pakket", domain="Burgerzaken", lifecycle_status="phasing_out")
    gone = make_application(name="Weg", domain="Burgerzaken")
    archive_record(gone)
    contract = make_contract(zaak, ends_on=day + timedelta(days=200), notice_months=3)
    make_contract(oud, ends_on=day + timedelta(days=3 * 365))
    make_contract(zaak, ends_on=day + timedelta(days=100), archived=True)

    late = make_procurement(title="Intranet", estimated_cost_cents=100_000_00, budget_year=day.year,
                            planned={"requirements": day - timedelta(days=10)}, started_on=day - timedelta(days=40))
    make_procurement(title="VTH", phase="tender", estimated_cost_cents=50_000_00, actual_cost_cents=60_000_00,
                     budget_year=day.year)
    stopped = make_procurement(title="Omgevingsplannen", estimated_cost_cents=20_000_00, budget_year=day.year)
    with db() as session:
        from portfolio.procurements import services as procurement_services
        from portfolio.procurements.models import Procurement

        record = session.get(Procurement, stopped.id)
        procurement_services.stop(session, record, loaded_version=record.version, reason="geen budget", on=day)
        create_budget_line(session, data={"title": "Thuiswerkomgeving", "kind": "structural", "status": "granted"},
                           amounts=[(day.year, 160_000_00), (day.year + 1, 170_000_00)], shares={})
        create_budget_line(session, data={"title": "Migratie", "kind": "incidental", "status": "requested"},
                           amounts=[(day.year, 40_000_00)], shares={})
        create_budget_line(session, data={"title": "Afgewezen", "kind": "incidental", "status": "rejected"},
                           amounts=[(day.year, 99_000_00)], shares={})

        def measure(**fields):
            data = {"overseer": "ciso", "priority": "medium", **fields}
            organisations = data.pop("organisations", [])
            return security_services.create_measure(
                session, data=data, links={"requirement_ids": [], "application_ids": [], "organisation_ids": organisations},
                today=day - timedelta(days=400),
            )

        implemented = measure(title="Back-up getest", status="implemented", assignee_id=editor.id,
                              next_review_on=day - timedelta(days=1))
        overdue = measure(title="Wachtwoordbeleid", status="not_started", assignee_id=editor.id,
                          due_on=day - timedelta(days=5), organisations=[reference.organisations["Diemen"]])
        measure(title="Niet nodig", status="not_applicable", status_reason="geen gebruik")
        soon = measure(title="Logging", status="in_progress", assignee_id=editor.id, due_on=day + timedelta(days=10))
        now = datetime.now(UTC)
        breach = create_breach(session, data={"organisation_id": reference.organisations["Diemen"],
                                              "description": "Brief naar verkeerd adres",
                                              "discovered_at": now - timedelta(hours=30)}, application_ids=[])
        create_breach(session, data={"organisation_id": reference.organisations["Uithoorn"],
                                     "description": "Gemelde USB-stick", "discovered_at": now - timedelta(hours=100),
                                     "notified_at": now - timedelta(hours=90)}, application_ids=[])
        session.flush()
        ids = SimpleNamespace(implemented=implemented.id, overdue=overdue.id, soon=soon.id, breach=breach.id)
    return SimpleNamespace(editor=editor, zaak=zaak, contract=contract, late=late, measures=ids, reference=reference)
