"""The 72-hour notification deadline of a data breach (AVG art. 33), and local times.

A breach's moment of discovery is stored in UTC. The deadline is an absolute duration: 72 hours
after discovery, counted in UTC. Across a daylight-saving change the Dutch clock time of the
deadline therefore differs by an hour from the clock time of discovery (discovered Friday 10:00
before the March change, the deadline is Monday 11:00 local time). Users enter and read times in
Europe/Amsterdam.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta, UTC
from zoneinfo import ZoneInfo

NOTIFICATION_PERIOD = timedelta(hours=72)
LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


class NonexistentLocalTime(ValueError):
    """The local clock skipped this time (the hour lost when summer time starts)."""


def to_utc(day, clock, zone=LOCAL_ZONE):
    """The UTC moment of a local date and clock time.

    Raises NonexistentLocalTime for a time in the hour that summer time skips. A time that occurs
    twice (the hour repeated when summer time ends) is read as the first occurrence (summer time).
    """
    local = datetime.combine(day, clock).replace(tzinfo=zone, fold=0)
    moment = local.astimezone(UTC)
    if moment.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise NonexistentLocalTime(local.isoformat())
    return moment


def to_local(moment, zone=LOCAL_ZONE):
    """moment (aware) as local time; None stays None."""
    return moment.astimezone(zone) if moment is not None else None


def notification_deadline(discovered_at):
    """The moment by which the Autoriteit Persoonsgegevens must be notified (UTC)."""
    return discovered_at.astimezone(UTC) + NOTIFICATION_PERIOD


@dataclass(frozen=True)
class DeadlineState:
    deadline: datetime  # aware, UTC
    notified_at: datetime | None
    time_left: timedelta | None  # only while not notified and not overdue

    @property
    def notified(self):
        return self.notified_at is not None

    @property
    def overdue(self):
        """Not notified and the deadline has passed."""
        return not self.notified and self.time_left is None

    @property
    def on_time(self):
        """Notified at or before the deadline; None while not notified."""
        return None if not self.notified else self.notified_at <= self.deadline

    @property
    def hours_left(self):
        """Whole hours left, rounded down (so '0 hours' in the last hour); None when none left."""
        return None if self.time_left is None else int(self.time_left.total_seconds() // 3600)

    @property
    def minutes_left(self):
        return None if self.time_left is None else int(self.time_left.total_seconds() // 60)


def deadline_state(discovered_at, notified_at, now):
    """Where a breach stands against its deadline at now (all aware datetimes)."""
    deadline = notification_deadline(discovered_at)
    time_left = None
    if notified_at is None and now < deadline:
        time_left = deadline - now
    return DeadlineState(deadline=deadline, notified_at=notified_at, time_left=time_left)
