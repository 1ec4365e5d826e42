"""Moments and days: now in UTC, today where the installation is, and month arithmetic."""

import calendar
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def utcnow():
    """The current moment as an aware UTC datetime (what every timestamp column stores)."""
    return datetime.now(UTC)


def local_today():
    """Today's date where the installation is (BABEL_DEFAULT_TIMEZONE): deadlines count in local days."""
    return datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()


def months_before(day, months):
    """day minus a whole number of months, clamped to the last day of the target month."""
    if day is None:
        return None
    month_index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
