"""The 72-hour deadline of a breach: stored in UTC, entered and shown in Europe/Amsterdam,
an absolute 72 hours also across the daylight-saving changes."""

from datetime import date, datetime, time, timedelta, UTC

import pytest

from portfolio.privacy.breaches.deadline import (
    LOCAL_ZONE, NonexistentLocalTime, deadline_state, notification_deadline, to_local, to_utc,
)
from tests.applications.helpers import field_errors, text

UTC = UTC


def local(year, month, day, hour, minute=0):
    return to_utc(date(year, month, day), time(hour, minute))


def test_a_winter_time_moment_is_stored_one_hour_behind():
    assert local(2026, 1, 15, 10) == datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


def test_a_summer_time_moment_is_stored_two_hours_behind():
    assert local(2026, 7, 15, 10) == datetime(2026, 7, 15, 8, 0, tzinfo=UTC)


def test_the_deadline_is_72_hours_later_on_the_same_clock_time_without_a_change():
    discovered = local(2026, 1, 15, 10)
    assert to_local(notification_deadline(discovered)).replace(tzinfo=None) == datetime(2026, 1, 18, 10, 0)


def test_across_the_march_change_the_local_deadline_is_an_hour_later_on_the_clock():
    # Summer time starts Sunday 29 March 2026 at 02:00 (clocks go to 03:00).
    discovered = local(2026, 3, 27, 10)  # Friday 10:00 CET = 09:00 UTC
    deadline = notification_deadline(discovered)
    assert deadline == datetime(2026, 3, 30, 9, 0, tzinfo=UTC)
    assert deadline - discovered == timedelta(hours=72)
    assert to_local(deadline).replace(tzinfo=None) == datetime(2026, 3, 30, 11, 0)  # Monday 11:00 CEST


def test_across_the_october_change_the_local_deadline_is_an_hour_earlier_on_the_clock():
    # Winter time starts Sunday 25 October 2026 at 03:00 (clocks go back to 02:00).
    discovered = local(2026, 10, 23, 10)  # Friday 10:00 CEST = 08:00 UTC
    deadline = notification_deadline(discovered)
    assert deadline == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)
    assert deadline - discovered == timedelta(hours=72)
    assert to_local(deadline).replace(tzinfo=None) == datetime(2026, 10, 26, 9, 0)  # Monday 09:00 CET


def test_a_time_in_the_skipped_hour_of_march_does_not_exist():
    with pytest.raises(NonexistentLocalTime):
        to_utc(date(2026, 3, 29), time(2, 30))


def test_a_time_in_the_repeated_hour_of_october_is_read_as_summer_time():
    assert to_utc(date(2026, 10, 25), time(2, 30)) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_time_left_counts_whole_hours_down_and_ends_at_the_deadline():
    discovered = datetime(2026, 3, 27, 9, 0, tzinfo=UTC)
    state = deadline_state(discovered, None, discovered + timedelta(hours=58, minutes=30))
    assert state.hours_left == 13 and not state.overdue
    last_minute = deadline_state(discovered, None, discovered + timedelta(hours=71, minutes=59))
    assert last_minute.hours_left == 0 and last_minute.minutes_left == 1 and not last_minute.overdue
    at_deadline = deadline_state(discovered, None, discovered + timedelta(hours=72))
    assert at_deadline.overdue and at_deadline.time_left is None


def test_notification_at_the_deadline_is_on_time_and_a_minute_later_is_late():
    discovered = datetime(2026, 10, 23, 8, 0, tzinfo=UTC)
    now = discovered + timedelta(days=10)
    on_time = deadline_state(discovered, discovered + timedelta(hours=72), now)
    late = deadline_state(discovered, discovered + timedelta(hours=72, minutes=1), now)
    assert on_time.on_time is True and not on_time.overdue
    assert late.on_time is False and not late.overdue


def test_the_zone_is_amsterdam():
    assert str(LOCAL_ZONE) == "Europe/Amsterdam"


# The pages -------------------------------------------------------------------------------

def breach_form(reference, **overrides):
    return {
        "organisation_id": str(reference.organisations["Diemen"]),
        "discovered_on": "2026-03-27", "discovered_time": "10:00",
        "description": "Mail met gegevens aan verkeerde ontvanger", **overrides,
    }


def test_a_breach_entered_in_local_time_is_stored_in_utc_and_its_deadline_shown_in_local_time(privacy, reference, rows):
    from portfolio.privacy.models import DataBreach

    response = privacy.post("/privacy/breaches/new", data=breach_form(reference))
    assert response.status_code == 302
    breach = rows(DataBreach)[0]
    assert breach.discovered_at == datetime(2026, 3, 27, 9, 0, tzinfo=UTC)
    page = text(privacy.get(f"/privacy/breaches/{breach.id}"))
    assert "Ontdekt 27-03-2026, 10:00" in page
    assert "Uiterlijk melden 30-03-2026, 11:00" in page
    assert "termijn verstreken" in page  # 2026-03-30 lies in the past


def test_an_open_breach_shows_the_hours_left(privacy, make_breach):
    breach = make_breach(discovered_at=datetime.now(UTC) - timedelta(hours=58, minutes=30))
    page = text(privacy.get(f"/privacy/breaches/{breach.id}"))
    assert "nog 13 uur" in page and "termijn verstreken" not in page
    assert "nog 13 uur" in text(privacy.get("/privacy/breaches/"))


def test_a_breach_notified_late_says_so_and_is_not_marked_overdue(privacy, make_breach):
    discovered = datetime(2026, 10, 23, 8, 0, tzinfo=UTC)
    breach = make_breach(discovered_at=discovered, notified_at=discovered + timedelta(hours=80))
    page = text(privacy.get(f"/privacy/breaches/{breach.id}"))
    assert "te laat gemeld" in page and "termijn verstreken" not in page


def test_a_breach_notified_on_time_says_so(privacy, make_breach):
    discovered = datetime(2026, 10, 23, 8, 0, tzinfo=UTC)
    breach = make_breach(discovered_at=discovered, notified_at=discovered + timedelta(hours=71))
    assert "op tijd gemeld" in text(privacy.get(f"/privacy/breaches/{breach.id}"))


def test_a_time_in_the_skipped_hour_is_refused_with_a_dutch_message(privacy, reference, rows, audit_count):
    from portfolio.privacy.models import DataBreach

    before = audit_count()
    response = privacy.post("/privacy/breaches/new", data=breach_form(reference, discovered_on="2026-03-29", discovered_time="02:30"))
    assert response.status_code == 400
    assert "Deze tijd bestaat niet in Nederland: de klok wordt die nacht een uur vooruitgezet." in field_errors(response)
    assert rows(DataBreach) == [] and audit_count() == before


def test_editing_shows_the_stored_moment_in_local_time(privacy, make_breach):
    breach = make_breach(discovered_at=datetime(2026, 10, 25, 0, 30, tzinfo=UTC))  # 02:30 CEST, the first one
    body = privacy.get(f"/privacy/breaches/{breach.id}/edit").get_data(as_text=True)
    assert 'value="2026-10-25"' in body and 'value="02:30"' in body


def test_saving_a_breach_from_the_repeated_october_hour_unchanged_keeps_its_moment(privacy, make_breach, reference, rows):
    from portfolio.privacy.models import DataBreach

    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET, the second 02:30 that night
    breach = make_breach(discovered_at=second)
    data = breach_form(reference, discovered_on="2026-10-25", discovered_time="02:30", version="1", description="Aangevuld")
    assert privacy.post(f"/privacy/breaches/{breach.id}/edit", data=data).status_code == 302
    stored = rows(DataBreach)[0]
    assert stored.description == "Aangevuld" and stored.discovered_at == second
    data.update(discovered_time="03:30", version="2")
    assert privacy.post(f"/privacy/breaches/{breach.id}/edit", data=data).status_code == 302
    assert rows(DataBreach)[0].discovered_at == datetime(2026, 10, 25, 2, 30, tzinfo=UTC)
