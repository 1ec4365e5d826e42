"""The budget arithmetic: totals per year, multi-year lines, the split per organisation, funding and the gap."""

import pytest

from portfolio.budget.overview import budget_overview, split_cents


@pytest.fixture
def overview(db):
    """overview(year) -> the BudgetOverview of year, read in its own session (its records detached)."""

    def read(year):
        with db() as session:
            result = budget_overview(session, year)
            session.expunge_all()
            return result

    return read


def by_name(rows):
    return {row.name: (row.structural_cents, row.incidental_cents) for row in rows}


def test_structural_and_incidental_totals_of_a_year(make_line, overview):
    make_line(kind="structural", amounts={2022: 16_000_000})
    make_line(kind="structural", amounts={2022: 2_500_000})
    make_line(kind="incidental", amounts={2022: 10_000_000})
    result = overview(2022)
    assert (result.structural_cents, result.incidental_cents, result.total_cents) == (18_500_000, 10_000_000, 28_500_000)


def test_a_multi_year_line_counts_only_in_its_years(make_line, overview):
    make_line(title="Meerjarig", kind="structural", amounts={2022: 100_000, 2023: 200_000, 2025: 300_000})
    assert overview(2022).structural_cents == 100_000
    assert overview(2023).structural_cents == 200_000
    assert overview(2024).total_cents == 0 and overview(2024).lines == []
    assert overview(2025).structural_cents == 300_000
    assert [figure.line.title for figure in overview(2023).lines] == ["Meerjarig"]


def test_requested_and_granted_are_shown_and_rejected_lines_are_not_counted(make_line, overview):
    make_line(status="requested", kind="incidental", amounts={2022: 50_000})
    make_line(status="granted", kind="structural", amounts={2022: 70_000})
    make_line(status="rejected", kind="structural", amounts={2022: 999_900}, title="Afgewezen post")
    result = overview(2022)
    assert (result.requested_cents, result.granted_cents, result.total_cents) == (50_000, 70_000, 120_000)
    assert result.rejected_cents == 999_900 and [f.line.title for f in result.rejected] == ["Afgewezen post"]


def test_archived_lines_are_left_out(make_line, overview, db):
    from portfolio.core import archiving
    from portfolio.budget.models import BudgetLine

    line = make_line(amounts={2022: 40_000})
    make_line(amounts={2022: 10_000})
    with db() as session:
        stored = session.get(BudgetLine, line.id)
        archiving.archive(session, stored, reason="dubbel ingevoerd", loaded_version=stored.version)
    assert overview(2022).total_cents == 10_000


def test_totals_per_category_with_the_uncategorised_last(make_line, overview):
    make_line(category="Werkplek", kind="structural", amounts={2022: 100_000})
    make_line(category="Werkplek", kind="incidental", amounts={2022: 30_000})
    make_line(category="Applicaties", kind="incidental", amounts={2022: 20_000})
    make_line(kind="structural", amounts={2022: 5_000})
    result = overview(2022)
    assert [row.name for row in result.categories] == ["Applicaties", "Werkplek", None]
    assert by_name(result.categories) == {"Applicaties": (0, 20_000), "Werkplek": (100_000, 30_000), None: (5_000, 0)}


def test_split_per_organisation_follows_the_shares(make_line, overview):
    make_line(kind="structural", amounts={2022: 100_000},
              shares={"Diemen": 4_000, "Ouder-Amstel": 2_500, "Uithoorn": 2_500, "Duo+": 1_000})
    make_line(kind="incidental", amounts={2022: 50_000}, shares={"Duo+": 10_000})
    result = overview(2022)
    assert by_name(result.organisations) == {
        "Diemen": (40_000, 0), "Ouder-Amstel": (25_000, 0), "Uithoorn": (25_000, 0), "Duo+": (10_000, 50_000),
    }
    assert result.unsplit.total_cents == 0


def test_rounding_of_the_split_adds_up_to_the_line_exactly(make_line, overview):
    # A third each of € 1.000,00 (in cents) leaves a cent that the largest remainder gets.
    make_line(kind="structural", amounts={2022: 100_000},
              shares={"Diemen": 3_333, "Ouder-Amstel": 3_333, "Uithoorn": 3_334})
    make_line(kind="structural", amounts={2022: 1}, shares={"Diemen": 5_000, "Uithoorn": 5_000})
    result = overview(2022)
    parts = {row.name: row.structural_cents for row in result.organisations}
    assert parts == {"Diemen": 33_331, "Ouder-Amstel": 33_330, "Uithoorn": 33_340, "Duo+": 0}
    assert sum(parts.values()) == result.structural_cents == 100_001


@pytest.mark.parametrize(
    ("cents", "shares", "parts"),
    [
        (100, {1: 3_333, 2: 3_333, 3: 3_334}, {1: 33, 2: 33, 3: 34}),
        (101, {1: 3_333, 2: 3_333, 3: 3_334}, {1: 34, 2: 33, 3: 34}),
        (1, {1: 5_000, 2: 5_000}, {1: 1, 2: 0}),
        (2, {1: 2_500, 2: 2_500, 3: 2_500, 4: 2_500}, {1: 1, 2: 1, 3: 0, 4: 0}),
        (16_000_000, {1: 10_000}, {1: 16_000_000}),
        (0, {1: 5_000, 2: 5_000}, {1: 0, 2: 0}),
        (5, {}, {}),
    ],
)
def test_largest_remainder_split(cents, shares, parts):
    assert split_cents(cents, shares) == parts
    assert sum(parts.values()) == (cents if shares else 0)


def test_lines_without_a_split_are_not_divided(make_line, overview):
    make_line(kind="structural", amounts={2022: 16_000_000})
    make_line(kind="incidental", amounts={2022: 5_000_000})
    make_line(kind="incidental", amounts={2022: 1_000}, shares={"Diemen": 10_000})
    result = overview(2022)
    assert (result.unsplit.structural_cents, result.unsplit.incidental_cents) == (16_000_000, 5_000_000)
    assert by_name(result.organisations)["Diemen"] == (0, 1_000)


def test_funding_shows_available_allocated_and_remaining(make_source, make_allocation, make_procurement, make_line, overview):
    source = make_source("Ideaalcomplex", available_cents=7_500_000)
    make_allocation(source, 2_500_000, procurement=make_procurement("Intranet", estimated_cost_cents=2_500_000))
    make_allocation(source, 1_000_000, line=make_line())
    make_source("Elders", year=2023, available_cents=1)
    [figure] = overview(2022).funding
    assert (figure.available_cents, figure.allocated_cents, figure.remaining_cents) == (7_500_000, 3_500_000, 4_000_000)
    assert figure.over_allocated_cents == 0 and overview(2022).over_allocated == []


def test_over_allocation_is_shown_with_its_amount(make_source, make_allocation, make_procurement, overview):
    source = make_source("Ideaalcomplex", available_cents=7_500_000)
    make_allocation(source, 5_000_000, procurement=make_procurement("Omgevingsplannen"))
    make_allocation(source, 3_000_000, procurement=make_procurement("Intranet"))
    result = overview(2022)
    [figure] = result.over_allocated
    assert (figure.remaining_cents, figure.over_allocated_cents) == (-500_000, 500_000)
    assert result.unallocated_cents == 0  # an over-allocated source leaves nothing to spend, not less


def test_implementation_costs_against_their_funding_and_the_gap(make_procurement, make_source, overview):
    make_procurement("Intranet", estimated_cost_cents=2_500_000)
    make_procurement("Omgevingsplannen", estimated_cost_cents=5_000_000)
    make_procurement("VTH", estimated_cost_cents=10_000_000)
    make_procurement("Volgend jaar", estimated_cost_cents=9_900_000, budget_year=2023)
    make_source("Ideaalcomplex", available_cents=7_500_000)
    result = overview(2022)
    assert [f.procurement.title for f in result.procurements] == ["Intranet", "Omgevingsplannen", "VTH"]
    assert (result.implementation_cents, result.unallocated_cents, result.gap_cents) == (17_500_000, 7_500_000, 10_000_000)


def test_allocations_to_procurements_count_once_in_the_gap(make_procurement, make_source, make_allocation, overview):
    intranet = make_procurement("Intranet", estimated_cost_cents=2_500_000, actual_cost_cents=3_000_000)
    make_procurement("VTH", estimated_cost_cents=10_000_000)
    source = make_source("Ideaalcomplex", available_cents=7_500_000)
    make_allocation(source, 2_000_000, procurement=intranet)
    result = overview(2022)
    figures = {f.procurement.title: f for f in result.procurements}
    assert (figures["Intranet"].cost_cents, figures["Intranet"].cost_is_actual) == (3_000_000, True)
    assert (figures["Intranet"].funded_cents, figures["Intranet"].unfunded_cents) == (2_000_000, 1_000_000)
    # 13.000.000 of costs − 2.000.000 allocated − 5.500.000 still unallocated = 5.500.000
    assert (result.implementation_cents, result.implementation_funded_cents) == (13_000_000, 2_000_000)
    assert (result.unallocated_cents, result.gap_cents) == (5_500_000, 5_500_000)


def test_the_gap_is_never_below_zero(make_procurement, make_source, overview):
    make_procurement("Intranet", estimated_cost_cents=2_500_000)
    make_source("Ideaalcomplex", available_cents=7_500_000)
    assert overview(2022).gap_cents == 0


def test_stopped_and_archived_procurements_cost_nothing(make_procurement, overview):
    make_procurement("Gestopt", estimated_cost_cents=1_000, phase="stopped")
    make_procurement("Gearchiveerd", estimated_cost_cents=2_000, archived=True)
    make_procurement("Zonder raming")
    result = overview(2022)
    assert [f.procurement.title for f in result.procurements] == ["Zonder raming"]
    assert result.implementation_cents == 0 and result.procurements[0].cost_cents is None


def test_years_offered_are_those_with_data(make_line, make_source, make_procurement, overview):
    make_line(amounts={2022: 1, 2024: 1})
    make_source(year=2021)
    make_procurement(budget_year=2026)
    assert overview(2022).years == [2021, 2022, 2024, 2026]


def test_the_overview_takes_a_fixed_number_of_queries(app, make_line, make_source, make_allocation, make_procurement,
                                                      count_queries, overview):
    def grow(number):
        source = make_source(available_cents=1_000)
        for index in range(number):
            line = make_line(amounts={2022: 1_000, 2023: 5}, shares={"Diemen": 5_000, "Duo+": 5_000},
                             category=f"Categorie {index}")
            procurement = make_procurement(estimated_cost_cents=500)
            make_allocation(source, 100, line=line)
            make_allocation(source, 100, procurement=procurement)

    grow(1)
    with count_queries() as few:
        overview(2022)
    grow(10)
    with count_queries() as many:
        assert len(overview(2022).lines) == 11
    assert len(many) == len(few) <= 12
