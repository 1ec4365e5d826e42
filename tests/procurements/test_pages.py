"""The board and list at /procurements/, a procurement's page (timeline, costs, links, log, history), query counts."""

import html
import re
from datetime import date, timedelta

import pytest

from portfolio.budget.models import Allocation, FundingSource
from portfolio.procurements.enums import Phase
from tests.applications.helpers import text
from tests.procurements.conftest import ASSESSED

COLUMNS = ["exploration", "requirements", "tender", "award", "implementation", "production", "evaluation",
           "completed", "stopped"]
LABELS = ["verkenning", "programma van eisen", "aanbesteding", "gunning", "implementatie", "in productie",
          "evaluatie", "afgerond", "gestopt"]
# Statements per page, whatever the number of procurements: the signed-in user, the procurements,
# their phase dates, their delivered applications, the funded sums (SQLite's BEGIN not counted).
BOARD_QUERIES = LIST_QUERIES = 5


def board(response):
    """{phase: (heading, [titles])} for each column of the board, in page order."""
    return {
        phase: (" ".join(re.sub(r"<[^>]+>", " ", heading).split()),
                [html.unescape(title) for title in re.findall(r'href="/procurements/\d+">([^<]*)</a>', body)])
        for phase, heading, body in re.findall(
            r'aria-labelledby="fase-(\w+)">\s*<h2[^>]*>(.*?)</h2>(.*?)</section>', response.text, re.S
        )
    }


def list_rows(response):
    """The list's rows as plain text cells."""
    body = response.text.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    def plain(cell):
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split())

    return [[plain(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


@pytest.fixture
def fund(db):
    """fund(procurement, *amounts_in_cents) -> allocations of the ideaalcomplex to the procurement."""

    def allocate(procurement, *amounts):
        with db() as session:
            source = FundingSource(name=f"Ideaalcomplex {procurement.id}", year=2022, available_cents=7_500_000)
            session.add(source)
            session.flush()
            for amount in amounts:
                session.add(Allocation(funding_source_id=source.id, procurement_id=procurement.id, amount_cents=amount))

    return allocate


@pytest.fixture
def pipeline(make_procurement, archive_procurement, stop_procurement):
    """Procurements in exploration (two), tender, production and stopped; one archived."""

    made = {
        "Intranet": make_procurement(title="Intranet", estimated_cost_cents=2_500_000, budget_year=2022),
        "Archief": make_procurement(title="Archief", budget_year=2021),
        "Omgevingsplannen": make_procurement(title="Omgevingsplannen", phase=Phase.TENDER, budget_year=2022,
                                             estimated_cost_cents=5_000_000),
        "VTH": make_procurement(title="VTH", phase=Phase.PRODUCTION, domain="Vergunningen, Toezicht en Handhaving",
                                **ASSESSED),
        "Raadsinformatie": make_procurement(title="Raadsinformatie", phase=Phase.AWARD),
        "Oud plan": make_procurement(title="Oud plan"),
    }
    stop_procurement(made["Raadsinformatie"])
    archive_procurement(made["Oud plan"])
    return made


def test_the_board_shows_a_column_per_phase_with_its_procurements(viewer, pipeline):
    response = viewer.get("/procurements/")
    assert response.status_code == 200
    columns = board(response)
    assert list(columns) == COLUMNS
    assert [heading.rsplit(" (", 1)[0] for heading, _ in columns.values()] == LABELS
    assert {phase: titles for phase, (_, titles) in columns.items() if titles} == {
        "exploration": ["Archief", "Intranet"],
        "tender": ["Omgevingsplannen"],
        "production": ["VTH"],
        "stopped": ["Raadsinformatie"],
    }
    assert columns["exploration"][0] == "verkenning (2)" and columns["award"][0] == "gunning (0)"
    assert "<script" not in response.text  # plain HTML: the board needs no JavaScript
    assert "€ 25.000 · 2022" in text(response)


def test_the_list_shows_every_procurement_with_phase_year_cost_and_funding(viewer, pipeline, fund):
    fund(pipeline["Intranet"], 1_000_000, 500_000)
    response = viewer.get("/procurements/?view=list")
    assert response.status_code == 200
    assert list_rows(response) == [
        ["Archief", "verkenning", "2021", "", "€ 0", "op schema"],
        ["Intranet", "verkenning", "2022", "€ 25.000", "€ 15.000", "op schema"],
        ["Omgevingsplannen", "aanbesteding", "2022", "€ 50.000", "€ 0", "op schema"],
        ["Raadsinformatie", "gestopt", "", "", "€ 0", "op schema"],
        ["VTH", "in productie", "", "", "€ 0", "op schema"],
    ]
    assert "Oud plan" in text(viewer.get("/procurements/?view=list&archived=1"))


@pytest.mark.parametrize("view", ["kanban", "LIST", "board ", "lijst"])
def test_an_unknown_view_is_400(viewer, view):
    assert viewer.get("/procurements/", query_string={"view": view}).status_code == 400


def test_an_empty_pipeline_says_so(viewer):
    assert "Nog geen aanbestedingen." in text(viewer.get("/procurements/?view=list"))
    assert board(viewer.get("/procurements/"))["exploration"] == ("verkenning (0)", [])


@pytest.fixture
def late(make_procurement, today):
    """A procurement in tender: exploration began 2 days late, requirements on time, tender 10 days late;
    award is planned in the future, implementation planned 5 days ago and not begun."""
    return make_procurement(
        title="Intranet", phase=Phase.TENDER, started_on=date(2022, 1, 12),
        planned={"exploration": date(2022, 1, 10), "requirements": date(2022, 2, 1), "tender": date(2022, 3, 1),
                 "award": today + timedelta(days=30), "implementation": today - timedelta(days=5)},
        moved_on={"requirements": date(2022, 2, 1), "tender": date(2022, 3, 11)},
    )


def timeline_rows(response):
    """{phase label: row text} of the timeline."""
    items = re.findall(r'<li class="portfolio-timeline__item[^"]*">(.*?)</li>', response.text, re.S)
    rows = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", item)).split()) for item in items]
    return {row.split(" huidige fase")[0].split(" gepland")[0]: row for row in rows}


def test_the_timeline_shows_planned_against_actual_and_marks_late_phases(viewer, late, today):
    rows = timeline_rows(viewer.get(f"/procurements/{late.id}"))
    assert list(rows) == LABELS[:-1]
    assert rows["verkenning"].endswith("gepland: 10 jan 2022 · werkelijk: 12 jan 2022 2 dagen te laat")
    assert rows["programma van eisen"].endswith("gepland: 1 feb 2022 · werkelijk: 1 feb 2022")
    assert rows["aanbesteding"] == (
        "aanbesteding huidige fase gepland: 1 mrt 2022 · werkelijk: 11 mrt 2022 10 dagen te laat")
    assert "te laat" not in rows["gunning"] and "werkelijk: –" in rows["gunning"]
    assert rows["implementatie"].endswith("werkelijk: – 5 dagen te laat")
    assert rows["in productie"] == "in productie gepland: – · werkelijk: –"
    assert "achter op planning" in text(viewer.get("/procurements/"))


def test_a_stopped_procurement_shows_its_stop_on_the_timeline(viewer, make_procurement, stop_procurement):
    procurement = stop_procurement(make_procurement(phase=Phase.TENDER, planned={"award": date(2022, 4, 1)}))
    rows = timeline_rows(viewer.get(f"/procurements/{procurement.id}"))
    assert list(rows) == LABELS
    assert rows["gestopt"] == "gestopt huidige fase gepland: – · werkelijk: 1 mei 2022"
    assert "te laat" not in rows["gunning"]


@pytest.mark.parametrize(
    ("estimated", "actual", "allocations", "expected"),
    [
        (10_000_000, None, (7_500_000,), ["€ 100.000", "–", "€ 75.000", "€ 25.000"]),
        (10_000_000, 12_000_000, (5_000_000, 2_500_000), ["€ 100.000", "€ 120.000", "€ 75.000", "€ 45.000"]),
        (2_500_000, None, (2_500_000,), ["€ 25.000", "–", "€ 25.000", "€ 0"]),
        (None, None, (), ["–", "–", "€ 0", "€ 0"]),
    ],
)
def test_the_costs_show_estimated_actual_funded_and_unfunded(viewer, make_procurement, fund, estimated, actual,
                                                             allocations, expected):
    procurement = make_procurement(estimated_cost_cents=estimated, actual_cost_cents=actual, budget_year=2022)
    if allocations:
        fund(procurement, *allocations)
    page = text(viewer.get(f"/procurements/{procurement.id}"))
    costs = page.split("Kosten en dekking", 1)[1].split("Gegevens", 1)[0]
    assert costs.split() == (
        f"Geschatte implementatiekosten {expected[0]} Werkelijke implementatiekosten {expected[1]} "
        f"Gedekt {expected[2]} Niet gedekt {expected[3]} Begrotingsjaar 2022"
    ).split()


def test_the_page_shows_what_it_replaces_and_delivers_its_notes_and_its_history(editor, make_procurement,
                                                                              make_application):
    old, portal = make_application(name="Oud intranet"), make_application(name="Oude portal")
    delivered = make_application(name="SharePoint", lifecycle_status="planned")
    procurement = make_procurement(title="Intranet", replaces=[old, portal], delivered_application_id=delivered.id,
                                   external_expertise_needed=True)
    editor.post(f"/procurements/{procurement.id}/notes", data={"text": "Gunning voorbereid."})
    response = editor.get(f"/procurements/{procurement.id}")
    page = text(response)
    assert f'href="/applications/{delivered.id}">SharePoint</a>' in response.text
    assert f'href="/applications/{old.id}">Oud intranet</a>, ' in response.text
    assert f'href="/applications/{portal.id}">Oude portal</a>' in response.text
    assert "Externe inhuur nodig materiedeskundigheid" in page
    assert f"{editor.user.name} Gunning voorbereid." in page.split("Voortgang", 1)[1]
    history = page.split("Geschiedenis", 1)[1]
    assert editor.user.email in history and "system" in history


@pytest.mark.parametrize("view", ["board", "list"])
def test_board_and_list_run_a_fixed_number_of_queries(viewer, make_procurement, make_application, fund,
                                                      count_queries, view):
    def add(number):
        for _ in range(number):
            procurement = make_procurement(
                phase=Phase.REQUIREMENTS, replaces=[make_application()], planned={"tender": date(2022, 1, 1)},
                delivered_application_id=make_application().id,
            )
            fund(procurement, 100_000)

    def statements_for_page(shown):
        with count_queries() as statements:
            response = viewer.get("/procurements/", query_string={"view": view})
        assert response.status_code == 200
        assert len(re.findall(r'href="/procurements/\d+"', response.text)) == shown
        return len([statement for statement in statements if not statement.startswith("BEGIN")])

    add(3)
    at_3 = statements_for_page(3)
    add(27)
    assert (at_3, statements_for_page(30)) == (BOARD_QUERIES if view == "board" else LIST_QUERIES,) * 2
