"""Unit tests of the timeline: which phases are reached, which are late and by how much, and when one is behind."""

from datetime import date
from types import SimpleNamespace

import pytest

from portfolio.procurements.enums import PHASE_ORDER
from portfolio.procurements.timeline import is_behind, timeline

TODAY = date(2022, 6, 15)


def procurement(phase, **dates):
    """A stand-in with phase and phase dates: dates maps phase to (planned_on, actual_on)."""
    rows = [SimpleNamespace(phase=name, planned_on=planned, actual_on=actual)
            for name, (planned, actual) in dates.items()]
    return SimpleNamespace(phase=phase, phase_dates=rows)


def row(rows, phase):
    [found] = [item for item in rows if item.phase == phase]
    return found


@pytest.mark.parametrize(
    ("planned", "actual", "late", "days"),
    [
        (date(2022, 2, 1), date(2022, 2, 5), True, 4),
        (date(2022, 2, 1), date(2022, 2, 2), True, 1),
        (date(2022, 2, 1), date(2022, 2, 1), False, 0),
        (date(2022, 2, 1), date(2022, 1, 20), False, 0),
        (None, date(2022, 2, 5), False, 0),
    ],
    ids=["four-days-late", "one-day-late", "on-the-day", "early", "not-planned"],
)
def test_a_begun_phase_is_late_when_it_began_after_its_planned_date(planned, actual, late, days):
    rows = timeline(procurement("tender", requirements=(planned, actual), tender=(None, date(2022, 3, 1))), TODAY)
    assert (row(rows, "requirements").late, row(rows, "requirements").days_late) == (late, days)


@pytest.mark.parametrize(
    ("planned", "late", "days"),
    [(date(2022, 6, 1), True, 14), (date(2022, 6, 14), True, 1), (TODAY, False, 0), (date(2022, 7, 1), False, 0),
     (None, False, 0)],
    ids=["two-weeks-ago", "yesterday", "today", "next-month", "not-planned"],
)
def test_a_phase_not_begun_is_late_once_its_planned_date_has_passed(planned, late, days):
    rows = timeline(procurement("tender", tender=(None, date(2022, 3, 1)), award=(planned, None)), TODAY)
    assert (row(rows, "award").late, row(rows, "award").days_late) == (late, days)
    assert not row(rows, "award").reached


def test_the_timeline_has_every_phase_in_order_with_reached_and_current():
    rows = timeline(procurement("tender"), TODAY)
    assert [item.phase.value for item in rows] == [phase.value for phase in PHASE_ORDER]
    assert [item.reached for item in rows] == [True, True, True, False, False, False, False, False]
    assert [item.current for item in rows] == [False, False, True, False, False, False, False, False]
    assert not any(item.late for item in rows)


def test_the_current_phase_without_a_recorded_start_is_not_counted_late():
    rows = timeline(procurement("exploration", exploration=(date(2022, 1, 1), None)), TODAY)
    assert not row(rows, "exploration").late


def test_a_stopped_procurement_ends_at_stopped_and_nothing_after_it_is_late():
    stopped = procurement("stopped", tender=(date(2022, 3, 1), date(2022, 3, 1)), award=(date(2022, 4, 1), None),
                          stopped=(None, date(2022, 5, 1)))
    rows = timeline(stopped, TODAY)
    assert [item.phase.value for item in rows][-2:] == ["completed", "stopped"]
    assert row(rows, "stopped").current and row(rows, "stopped").actual_on == date(2022, 5, 1)
    assert row(rows, "tender").reached and not row(rows, "award").reached
    assert not any(item.late for item in rows)
    assert not is_behind(stopped, TODAY)


@pytest.mark.parametrize(
    ("phase", "dates", "behind"),
    [
        ("tender", {"tender": (None, date(2022, 3, 1)), "award": (date(2022, 6, 1), None)}, True),
        ("tender", {"tender": (date(2022, 3, 1), date(2022, 3, 11))}, True),
        ("tender", {"tender": (date(2022, 3, 1), date(2022, 3, 1)), "award": (date(2022, 7, 1), None)}, False),
        ("requirements", {"exploration": (date(2022, 1, 1), date(2022, 1, 20)),
                          "requirements": (date(2022, 2, 1), date(2022, 2, 1))}, False),
        ("implementation", {"completed": (date(2022, 6, 14), None)}, True),
        ("exploration", {}, False),
        ("completed", {"evaluation": (date(2022, 1, 1), date(2022, 2, 1))}, False),
    ],
    ids=["next-phase-overdue", "current-began-late", "on-schedule", "only-an-earlier-phase-was-late",
         "a-later-phase-overdue", "nothing-planned", "completed"],
)
def test_is_behind_when_a_phase_due_has_not_begun_or_the_current_one_began_late(phase, dates, behind):
    assert is_behind(procurement(phase, **dates), TODAY) is behind
