"""The list's SQL form of action-needed-by gives the dates of the Python rule, on either database."""

from datetime import date

import pytest
from sqlmodel import select

from portfolio.applications import listing
from portfolio.applications.deadlines import action_needed_by
from portfolio.core.dates import months_before
from portfolio.applications.listing import ApplicationFilter
from portfolio.applications.models import Application, Contract

D = date.fromisoformat
TODAY = D("2025-03-15")

# name: (end of supplier support, [(contract end, notice months, archived)])
EDGE_CASES = {
    "month end": (None, [("2025-05-31", 3, False)]),
    "month end, long notice": (None, [("2026-05-31", 15, False)]),
    "leap year": (None, [("2025-05-31", 15, False)]),
    "leap day": (None, [("2028-02-29", 24, False)]),
    "year end": (None, [("2024-12-31", 12, False)]),
    "31 to 30": (None, [("2026-07-31", 13, False)]),
    "no notice": (None, [("2027-06-30", 0, False)]),
    "longest notice": (None, [("2029-08-31", 36, False)]),
    "expired": (None, [("2020-01-31", 2, False)]),
    "no end date": (None, [(None, 6, False)]),
    "no end date, support": ("2026-09-30", [(None, 6, False)]),
    "no contract": (None, []),
    "support only": ("2025-04-01", []),
    "support earlier": ("2025-06-30", [("2030-12-31", 3, False)]),
    "support later": ("2032-01-01", [("2030-12-31", 3, False)]),
    "archived ignored": (None, [("2031-03-31", 0, False), ("2025-03-31", 3, True)]),
    "only archived": (None, [("2025-03-31", 3, True)]),
    "earliest of two": (None, [("2030-10-31", 1, False), ("2029-11-30", 14, False)]),
}


@pytest.fixture
def register(make_application, make_contract):
    for name, (support_ends, contracts) in EDGE_CASES.items():
        application = make_application(name=name, supplier_support_ends=D(support_ends) if support_ends else None)
        for ends_on, notice, archived in contracts:
            make_contract(application, ends_on=D(ends_on) if ends_on else None, notice_months=notice, archived=archived)


def python_dates(session, lead_months):
    """name -> the date the Python rule gives, from what is stored."""
    dates = {}
    for application in session.exec(select(Application)).all():
        contracts = session.exec(select(Contract).where(Contract.application_id == application.id)).all()
        dates[application.name] = action_needed_by(application, contracts, lead_months)
    return dates


def listed_dates(session, lead_months, **filters):
    page = listing.list_applications(
        session, ApplicationFilter(**filters), page=1, today=TODAY, lead_months=lead_months
    )
    return [(row.application.name, row.action_needed_by) for row in page.rows]


@pytest.mark.parametrize("lead_months", [12, 6, 3, 0])
@pytest.mark.usefixtures("register")
def test_the_list_gives_the_python_dates(db, lead_months):
    with db() as session:
        expected = python_dates(session, lead_months)
        assert dict(listed_dates(session, lead_months)) == expected
    assert expected["leap year"] == D("2024-02-29")  # the table does reach the edges it names


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("lead_months", [12, 3])
@pytest.mark.usefixtures("register")
def test_sorting_by_action_follows_the_python_dates_with_empty_dates_last(db, lead_months, descending):
    with db() as session:
        expected = python_dates(session, lead_months)
        shown = listed_dates(session, lead_months, sort="action", descending=descending)
    direction = -1 if descending else 1  # equal dates stay in name order in either direction
    dated = sorted((name for name, day in expected.items() if day), key=lambda n: (direction * expected[n].toordinal(), n.lower()))
    undated = sorted((name for name, day in expected.items() if day is None), key=str.lower)
    assert [name for name, _ in shown] == dated + undated
    assert [day for _, day in shown][-len(undated):] == [None] * len(undated)


@pytest.mark.parametrize("within", [0, 1, 3, 12, 15, 60])
@pytest.mark.parametrize("lead_months", [12, 0])
@pytest.mark.usefixtures("register")
def test_filtering_on_action_within_matches_the_python_dates(db, lead_months, within):
    horizon = months_before(TODAY, -within)
    with db() as session:
        expected = {name for name, day in python_dates(session, lead_months).items() if day and day <= horizon}
        shown = {name for name, _ in listed_dates(session, lead_months, action_within_months=within)}
    assert shown == expected
    assert "expired" in shown  # a deadline already passed is the most urgent, never hidden
