"""The action-needed-by date on its edges: month ends, leap years, notice periods, lead time."""

from datetime import date, timedelta

import pytest

from portfolio.applications.deadlines import action_needed_by, contract_deadline, notice_deadline
from portfolio.core.dates import months_before
from portfolio.applications.models import Application, Contract
from tests.applications.helpers import listed

D = date.fromisoformat


def contract(ends_on=None, notice_months=0, archived=False):
    return Contract(
        contract_type="license", ends_on=D(ends_on) if ends_on else None, notice_months=notice_months, archived=archived
    )


def application(support_ends=None):
    return Application(name="X", domain_id=1, lifecycle_status="production",
                       supplier_support_ends=D(support_ends) if support_ends else None)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2025-05-31", 3, "2025-02-28"),  # month end, ordinary year
        ("2024-05-31", 3, "2024-02-29"),  # month end, leap year
        ("2024-12-31", 12, "2023-12-31"),  # a whole year back over the year boundary
        ("2025-01-15", 1, "2024-12-15"),
        ("2024-02-29", 12, "2023-02-28"),  # leap day to a year without one
        ("2028-02-29", 48, "2024-02-29"),  # leap day to leap day
        ("2025-03-31", 1, "2025-02-28"),
        ("2025-07-31", 1, "2025-06-30"),  # 31 to a 30-day month
        ("2025-08-31", 18, "2024-02-29"),
        ("2025-06-30", 0, "2025-06-30"),
        ("2025-01-31", -1, "2025-02-28"),  # forward, as the list's horizon uses it
        ("2000-03-31", 1, "2000-02-29"),  # 2000 is a leap year
        ("2100-03-31", 1, "2100-02-28"),  # 2100 is not
    ],
)
def test_months_before_clamps_to_the_last_day_of_the_month(day, months, expected):
    assert months_before(D(day), months) == D(expected)


@pytest.mark.parametrize(
    ("ends_on", "notice", "expected"),
    [
        ("2025-05-31", 3, "2025-02-28"),
        ("2024-05-31", 3, "2024-02-29"),
        ("2024-12-31", 12, "2023-12-31"),
        ("2026-06-30", 0, "2026-06-30"),  # no notice period: the end itself
        ("2026-06-30", 36, "2023-06-30"),
        (None, 6, None),  # no end date: nothing to give notice for
    ],
)
def test_the_notice_deadline_is_the_end_minus_the_notice_period(ends_on, notice, expected):
    assert notice_deadline(contract(ends_on, notice)) == (D(expected) if expected else None)


@pytest.mark.parametrize(
    ("ends_on", "notice", "lead", "expected"),
    [
        ("2026-05-31", 3, 12, "2025-05-31"),  # lead time earlier than the notice deadline
        ("2026-05-31", 15, 12, "2025-02-28"),  # notice period longer than the lead time
        ("2025-05-31", 15, 12, "2024-02-29"),
        ("2025-05-31", 0, 3, "2025-02-28"),
        ("2026-05-31", 0, 0, "2026-05-31"),  # no lead time, no notice: the end
        (None, 3, 12, None),
    ],
)
def test_a_contract_needs_action_at_the_earlier_of_notice_and_lead_time(ends_on, notice, lead, expected):
    assert contract_deadline(contract(ends_on, notice), lead) == (D(expected) if expected else None)


@pytest.mark.parametrize(
    ("support_ends", "contracts", "expected"),
    [
        (None, [], None),  # no contract, no support date
        (None, [contract(None, 3)], None),  # contract without end date
        ("2027-01-31", [contract(None, 3)], "2027-01-31"),
        (None, [contract("2020-03-31", 1)], "2019-03-31"),  # expired: the past date, not hidden
        (None, [contract("2030-06-30", 0), contract("2029-12-31", 0)], "2028-12-31"),  # earliest contract
        (None, [contract("2027-06-30", 0), contract("2026-01-31", 3, archived=True)], "2026-06-30"),  # archived ignored
        (None, [contract("2026-01-31", 3, archived=True)], None),
        ("2026-02-28", [contract("2030-06-30", 6)], "2026-02-28"),  # support ends before the contract deadline
        ("2031-01-01", [contract("2030-06-30", 6)], "2029-06-30"),  # and after it
    ],
)
def test_action_needed_by_is_the_earliest_deadline(support_ends, contracts, expected):
    result = action_needed_by(application(support_ends), contracts)
    assert result == (D(expected) if expected else None)


def test_the_lead_time_defaults_to_twelve_months():
    contracts = [contract("2030-06-30", 0)]
    assert action_needed_by(application(), contracts) == D("2029-06-30")
    assert action_needed_by(application(), contracts, lead_months=6) == D("2029-12-30")


def _action_on_page(client, application_id):
    body = client.get(f"/applications/{application_id}").get_data(as_text=True)
    marker = body.split("Actie nodig vóór</dt><dd>", 1)[1]
    return marker.split('<time datetime="', 1)[1][:10] if marker.startswith("<time") else None


@pytest.mark.parametrize(("app_config", "expected"), [({}, "2029-06-30"), ({"PROCUREMENT_LEAD_MONTHS": 6}, "2029-12-30")])
def test_the_lead_time_is_configurable(app_config, expected, viewer, make_application, make_contract, today):
    """PROCUREMENT_LEAD_MONTHS moves the date on the application's page and the list's filter."""
    app = make_application(name="Zaaksysteem")
    make_contract(app, ends_on=D("2030-06-30"), notice_months=0)
    assert _action_on_page(viewer, app.id) == expected

    # The smallest "within N months" whose horizon reaches the date shows it; one month less does not.
    months = next(n for n in range(121) if months_before(today, -n) >= D(expected))
    assert listed(viewer.get(f"/applications/?action_within={months}")) == ["Zaaksysteem"]
    assert listed(viewer.get(f"/applications/?action_within={months - 1}")) == []


def test_an_expired_deadline_is_shown_as_passed(viewer, make_application, make_contract, today):
    app = make_application()
    make_contract(app, ends_on=today - timedelta(days=400), notice_months=0)
    body = viewer.get(f"/applications/{app.id}").get_data(as_text=True)
    assert "(verstreken)" in body
