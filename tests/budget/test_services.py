"""The budget's rules below the pages: funding, allocations, lines with their years and split, history."""

import pytest

from portfolio.budget import funding, history, lines, rules
from portfolio.budget.models import Allocation, BudgetLine, FundingSource, OrganisationShare, YearAmount
from portfolio.core.exceptions import FieldErrors, VersionConflict


@pytest.fixture
def run(db):
    """run(action) -> action(session)'s result, in a transaction that commits unless it raises."""

    def call(action):
        with db() as session:
            result = action(session)
            session.flush()
            return result

    return call


def refused(run, action):
    """The FieldErrors action raises, as {field: messages}."""
    with pytest.raises(FieldErrors) as error:
        run(action)
    return error.value.errors


def test_a_funding_source_name_is_unique_per_year_in_any_case(make_source, run):
    make_source("Ideaalcomplex", year=2022)
    errors = refused(run, lambda s: funding.create_funding_source(
        s, data={"name": "IDEAALCOMPLEX", "year": 2022, "available_cents": 1}))
    assert errors == {"name": ["Er is al een dekking met deze naam in 2022."]}
    run(lambda s: funding.create_funding_source(s, data={"name": "Ideaalcomplex", "year": 2023, "available_cents": 1}))


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"available_cents": -1}, {"available": ["Een bedrag kan niet negatief zijn."]}),
        ({"available_cents": None}, {"available": ["Dit veld is verplicht."]}),
        ({"available_cents": 2_000_000_001}, {"available": ["Vul een bedrag tot € 20.000.000 in."]}),
        ({"year": 1999}, {"year": ["Vul een jaar in van 2000 tot en met 2100."]}),
        ({"name": "  "}, {"name": ["Dit veld is verplicht."]}),
    ],
)
def test_funding_source_rules(run, rows, data, errors):
    assert refused(run, lambda s: funding.create_funding_source(
        s, data={"name": "Ideaalcomplex", "year": 2022, "available_cents": 100} | data)) == errors
    assert rows(FundingSource) == []


@pytest.mark.parametrize(
    ("targets", "errors"),
    [
        ({}, {"procurement_id": ["Kies een aanbesteding of een begrotingspost."]}),
        ({"procurement_id": "p", "budget_line_id": "l"}, {"procurement_id": ["Kies een aanbesteding óf een begrotingspost, niet beide."]}),
        ({"procurement_id": 9999}, {"procurement_id": ["Kies een bestaande aanbesteding."]}),
        ({"budget_line_id": 9999}, {"budget_line_id": ["Kies een bestaande begrotingspost."]}),
    ],
)
def test_an_allocation_needs_exactly_one_existing_target(make_source, make_procurement, make_line, run, rows, targets, errors):
    source = make_source()
    known = {"p": make_procurement().id, "l": make_line().id}
    data = {"amount_cents": 100} | {key: known.get(value, value) for key, value in targets.items()}
    assert refused(run, lambda s: funding.create_allocation(s, source, data=data)) == errors
    assert rows(Allocation) == []


@pytest.mark.parametrize("cents", [0, -100, None])
def test_an_allocation_is_more_than_nothing(make_source, make_line, run, cents):
    source, line = make_source(), make_line()
    errors = refused(run, lambda s: funding.create_allocation(s, source, data={"amount_cents": cents, "budget_line_id": line.id}))
    assert list(errors) == ["amount"]


def test_over_allocation_is_saved_and_reported_with_its_amount(make_source, make_line, make_allocation, run, stored):
    source = make_source(available_cents=7_500_000)
    make_allocation(source, 5_000_000, line=make_line())
    allocation = make_allocation(source, 3_000_000, line=make_line())
    assert stored(Allocation, allocation.id).amount_cents == 3_000_000
    assert run(lambda s: funding.over_allocation_cents(s, s.get(FundingSource, source.id))) == 500_000


def test_lowering_a_source_below_its_allocations_is_allowed_and_reported(make_source, make_line, make_allocation, run):
    source = make_source(available_cents=7_500_000)
    make_allocation(source, 5_000_000, line=make_line())

    def lower(session):
        stored = session.get(FundingSource, source.id)
        funding.update_funding_source(session, stored, data={"available_cents": 4_000_000}, loaded_version=1)
        return funding.over_allocation_cents(session, stored)

    assert run(lower) == 1_000_000


def test_a_line_s_years_and_split_are_replaced_row_by_row(make_line, organisations, run, stored_line, rows):
    line = make_line(amounts={2022: 100, 2023: 200}, shares={"Diemen": 5_000, "Duo+": 5_000})
    first_rows = {row.year: row.id for row in rows(YearAmount)}

    def change(session):
        stored = session.get(BudgetLine, line.id)
        lines.update_budget_line(
            session, stored, data={}, amounts=[(2023, 250), (2024, 300)],
            shares={organisations["Diemen"]: 2_500, organisations["Uithoorn"]: 7_500, organisations["Duo+"]: 0},
            loaded_version=1,
        )

    run(change)
    saved, amounts, shares = stored_line(line.id)
    assert amounts == {2023: 250, 2024: 300}
    assert shares == {organisations["Diemen"]: 2_500, organisations["Uithoorn"]: 7_500}
    assert {row.year: row.id for row in rows(YearAmount)}[2023] == first_rows[2023]  # changed in place
    # Only the years or split changed, and still the line's version moved on: a concurrent edit is caught.
    assert saved.version == 2
    with pytest.raises(VersionConflict):
        run(lambda s: lines.update_budget_line(s, s.get(BudgetLine, line.id), data={}, amounts=[(2022, 1)],
                                                  shares={}, loaded_version=1))


def test_saving_a_line_unchanged_writes_nothing(make_line, organisations, run, stored_line, audit_count):
    line = make_line(amounts={2022: 100}, shares={"Diemen": 10_000})
    before = audit_count()
    run(lambda s: lines.update_budget_line(s, s.get(BudgetLine, line.id), data={"title": line.title},
                                              amounts=[(2022, 100)], shares={organisations["Diemen"]: 10_000},
                                              loaded_version=1))
    assert audit_count() == before and stored_line(line.id)[0].version == 1


@pytest.mark.parametrize(
    ("amounts", "message"),
    [
        ([], "Vul voor minstens één jaar een bedrag in."),
        ([(2022, 1), (2022, 2)], "Elk jaar mag maar één keer voorkomen."),
        ([(1999, 1)], "Vul een jaar in van 2000 tot en met 2100."),
        ([(2101, 1)], "Vul een jaar in van 2000 tot en met 2100."),
        ([(2022, -1)], "Een bedrag kan niet negatief zijn."),
    ],
)
def test_a_line_s_years_are_checked(run, rows, amounts, message):
    errors = refused(run, lambda s: lines.create_budget_line(
        s, data={"title": "Post", "kind": "structural", "status": "requested"}, amounts=amounts, shares={}))
    assert errors == {"years": [message]}
    assert rows(BudgetLine) == [] and rows(YearAmount) == []


@pytest.mark.parametrize(
    ("shares", "message"),
    [
        ({"Diemen": 5_000, "Duo+": 4_999}, "De percentages tellen op tot 99,99%; samen moet dat precies 100% zijn."),
        ({"Diemen": 10_000, "Duo+": 100}, "De percentages tellen op tot 101%; samen moet dat precies 100% zijn."),
        ({"Diemen": 0}, "De percentages tellen op tot 0%; samen moet dat precies 100% zijn."),
        ({"Diemen": 10_001}, "Een percentage ligt tussen 0 en 100."),
        ({"Diemen": -1, "Duo+": 10_001}, "Een percentage ligt tussen 0 en 100."),
        ({9999: 10_000}, "Kies bestaande organisaties."),
    ],
)
def test_a_line_s_split_must_add_up_to_100(run, rows, organisations, shares, message):
    by_id = {organisations.get(name, name): points for name, points in shares.items()}
    errors = refused(run, lambda s: lines.create_budget_line(
        s, data={"title": "Post", "kind": "incidental", "status": "granted"}, amounts=[(2022, 1)], shares=by_id))
    assert errors == {"shares": [message]}
    assert rows(OrganisationShare) == []


def test_a_revised_amount_needs_its_reason(run):
    errors = refused(run, lambda s: lines.create_budget_line(
        s, data={"title": "Thuiswerkomgeving ICT", "kind": "structural", "status": "requested",
                 "original_cents": 18_000_000, "revised_cents": 16_000_000, "revision_reason": " "},
        amounts=[(2022, 16_000_000)], shares={}))
    assert errors == {"revision_reason": ["Geef de reden van de bijstelling op."]}


def test_unknown_kind_status_and_links_are_refused(run):
    errors = refused(run, lambda s: lines.create_budget_line(
        s, data={"title": "Post", "kind": "eenmalig", "status": "misschien", "application_id": 9999,
                 "procurement_id": 9999}, amounts=[(2022, 1)], shares={}))
    assert set(errors) == {"kind", "status", "application_id", "procurement_id"}


def test_fields_outside_the_list_are_not_accepted(run):
    with pytest.raises(TypeError):
        run(lambda s: lines.create_budget_line(
            s, data={"title": "Post", "kind": "structural", "status": "requested", "archived": True},
            amounts=[(2022, 1)], shares={}))


def test_a_line_s_history_includes_its_years_split_and_allocations_even_when_deleted(
    make_line, make_source, make_allocation, organisations, run
):
    line = make_line(amounts={2022: 100, 2023: 200}, shares={"Diemen": 10_000})
    other = make_line(amounts={2022: 5})
    source = make_source()
    allocation = make_allocation(source, 50, line=line)
    make_allocation(source, 60, line=other)

    def change(session):
        lines.update_budget_line(session, session.get(BudgetLine, line.id), data={}, amounts=[(2022, 100)],
                                    shares={}, loaded_version=1)
        funding.delete_allocation(session, session.get(Allocation, allocation.id), loaded_version=1)

    run(change)
    entries = run(lambda s: [(e.entity_type, e.action) for e in history.line_history(s, s.get(BudgetLine, line.id))])
    assert sorted(entries) == sorted([
        ("budget_line", "insert"),
        ("budget_line_amount", "insert"), ("budget_line_amount", "insert"), ("budget_line_amount", "delete"),
        ("budget_line_share", "insert"), ("budget_line_share", "delete"),
        ("allocation", "insert"), ("allocation", "delete"),
    ])
    source_entries = run(lambda s: [(e.entity_type, e.action) for e in history.funding_history(s, s.get(FundingSource, source.id))])
    assert sorted(source_entries) == sorted([("funding_source", "insert"), ("allocation", "insert"), ("allocation", "insert"),
                                      ("allocation", "delete")])


@pytest.mark.parametrize(("points", "text"), [(10_000, "100"), (3_333, "33,33"), (1_250, "12,5"), (5, "0,05"), (0, "0")])
def test_percentages_are_written_the_dutch_way(points, text):
    assert rules.format_percentage(points) == text
