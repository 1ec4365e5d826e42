"""Demo budget from the source document: the 2022 figures it states, loaded once, nothing invented."""

import pytest
from sqlmodel import func, select

from portfolio.applications.demo import load_demo_applications
from portfolio.core.audit.models import AuditEntry
from portfolio.budget.demo import load_demo_budget
from portfolio.budget.models import Allocation, BudgetLine, FundingSource, OrganisationShare
from portfolio.budget.overview import budget_overview
from portfolio.procurements.demo import load_demo_procurements
from tests.budget.helpers import facts, text

# What the document says (shared/seed), in cents: title -> (kind, amount in 2022).
DOCUMENT_LINES = {
    "Thuiswerkomgeving ICT": ("structural", 16_000_000),
    "Werkpleklicenties raadsleden en -ondersteuners (MS Teams)": ("structural", 2_500_000),
    "Aanbesteding/implementatie ICT-pakketten": ("incidental", 10_000_000),
    "Inrichten Informatieveiligheid binnen I&A Duo+": ("incidental", 5_000_000),
    "Post met kosten inclusief opleiding (titel valt buiten het fragment)": ("incidental", 6_500_000),
}


@pytest.fixture
def load(db):
    """load() -> how many budget records the demo added, after the applications and procurements it builds on."""

    def run():
        with db() as session:
            load_demo_applications(session)
            load_demo_procurements(session)
            return load_demo_budget(session)

    return run


def counts(db):
    with db() as session:
        return {model.__name__: session.exec(select(func.count()).select_from(model)).one()
                for model in (FundingSource, BudgetLine, Allocation, OrganisationShare, AuditEntry)}


def test_the_document_s_lines_and_funding_are_loaded(load, db):
    assert load() == 6
    with db() as session:
        lines = {line.title: line for line in session.exec(select(BudgetLine)).all()}
        assert {title: (line.kind, [a.amount_cents for a in line.amounts if a.year == 2022][0])
                for title, line in lines.items()} == DOCUMENT_LINES
        assert all(len(line.amounts) == 1 and line.status == "requested" and line.category is None
                   for line in lines.values())
        home = lines["Thuiswerkomgeving ICT"]
        assert (home.original_cents, home.revised_cents) == (18_000_000, 16_000_000)
        assert "autoscaling" in home.revision_reason and home.application.name == "Thuiswerkomgeving"
        [source] = session.exec(select(FundingSource)).all()
        assert (source.name, source.year, source.available_cents) == ("Ideaalcomplex", 2022, 7_500_000)
    # The document gives no split and does not say how the ideaalcomplex is divided.
    assert counts(db)["OrganisationShare"] == 0 and counts(db)["Allocation"] == 0


def test_loading_twice_changes_nothing(load, db):
    load()
    before = counts(db)
    assert load() == 0
    assert counts(db) == before


def test_the_demo_overview_for_2022_shows_the_document_s_figures(load, db):
    load()
    with db() as session:
        overview = budget_overview(session, 2022)
        assert (overview.structural_cents, overview.incidental_cents) == (18_500_000, 21_500_000)
        assert overview.total_cents == overview.requested_cents == 40_000_000
        assert overview.unsplit.total_cents == 40_000_000
        assert (overview.available_cents, overview.allocated_cents, overview.unallocated_cents) == (7_500_000, 0, 7_500_000)
        assert {f.procurement.title: f.cost_cents for f in overview.procurements} == {
            "Intranet": 2_500_000, "Omgevingsplannen": 5_000_000, "Vergunningen, Toezicht & Handhaving (VTH)": 10_000_000}
        assert (overview.implementation_cents, overview.gap_cents) == (17_500_000, 10_000_000)


def test_the_demo_overview_page_reads_as_the_document(load, viewer):
    load()
    page = viewer.get("/budget/?year=2022")
    assert facts(page, "samenvatting") == {
        "Structureel": "€ 185.000", "Incidenteel": "€ 215.000", "Totaal": "€ 400.000", "Waarvan aangevraagd": "€ 400.000",
        "Waarvan toegekend": "€ 0", "Dekking beschikbaar": "€ 75.000", "Implementatiekosten": "€ 175.000",
        "Tekort implementatiekosten": "€ 100.000",
    }
    assert facts(page, "implementatie") == {
        "Implementatiekosten": "€ 175.000", "Gedekt door toewijzingen": "€ 0", "Nog niet toegewezen dekking 2022": "€ 75.000",
        "Tekort": "€ 100.000",
    }
    shown = text(page)
    assert "Ideaalcomplex € 75.000 € 0 € 75.000" in shown
    assert "Thuiswerkomgeving ICT bijgesteld van € 180.000 naar € 160.000" in shown
    assert "Niet verdeeld € 185.000 € 215.000 € 400.000" in shown
