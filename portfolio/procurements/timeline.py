"""A procurement's phases on a timeline: planned against actual, late phases marked."""

from dataclasses import dataclass
from datetime import date

from portfolio.procurements.enums import PHASE_ORDER, Phase


@dataclass(frozen=True)
class PhaseRow:
    phase: Phase
    planned_on: date | None
    actual_on: date | None
    reached: bool
    current: bool
    late: bool
    days_late: int


def timeline(procurement, today):
    """One row per phase of the road, plus 'stopped' when it was stopped.

    A phase is late when it began after its planned date, or has not begun while its planned
    date has passed.
    """
    dates = {row.phase: row for row in procurement.phase_dates}
    current = Phase(procurement.phase)
    reached_index = PHASE_ORDER.index(current) if current in PHASE_ORDER else _last_reached(dates)
    rows = []
    phases = list(PHASE_ORDER) + ([Phase.STOPPED] if current == Phase.STOPPED else [])
    for index, phase in enumerate(phases):
        row = dates.get(phase.value)
        planned = row.planned_on if row else None
        actual = row.actual_on if row else None
        reached = phase == current or (phase in PHASE_ORDER and index <= reached_index)
        if actual is not None and planned is not None:
            days_late = max(0, (actual - planned).days)
        elif actual is None and planned is not None and not reached and current != Phase.STOPPED:
            days_late = max(0, (today - planned).days)
        else:
            days_late = 0
        rows.append(PhaseRow(phase, planned, actual, reached, phase == current, days_late > 0, days_late))
    return rows


def _last_reached(dates):
    reached = [index for index, phase in enumerate(PHASE_ORDER) if phase.value in dates and dates[phase.value].actual_on]
    return max(reached) if reached else 0


def is_behind(procurement, today):
    """Whether a phase that should have begun by today has not (or the current one began late)."""
    return any(row.late for row in timeline(procurement, today) if row.current or not row.reached)
