"""UTCDateTime: only aware moments go in, and aware UTC moments come out, on either database."""

from datetime import datetime, timedelta, UTC
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.exc import StatementError
from sqlmodel import select

from portfolio.auth.models import LoginAttempt

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SUMMER_MORNING = datetime(2024, 6, 1, 10, 0, 0, 123456, tzinfo=AMSTERDAM)  # 08:00 UTC


def store_attempt(db, at):
    with db() as session:
        session.add(LoginAttempt(email="x@example.org", succeeded=False, at=at))


def stored_attempts(db):
    with db() as session:
        return [attempt.at for attempt in session.exec(select(LoginAttempt)).all()]


def test_a_naive_datetime_is_refused(db):
    with pytest.raises(StatementError, match="naive datetime"):
        store_attempt(db, datetime(2024, 6, 1, 10, 0))

    assert stored_attempts(db) == []


def test_an_aware_datetime_comes_back_as_the_same_moment_in_utc(db):
    store_attempt(db, SUMMER_MORNING)

    [at] = stored_attempts(db)
    assert at == SUMMER_MORNING
    assert at.tzinfo is UTC
    assert (at.hour, at.microsecond) == (8, 123456)


def test_the_database_holds_utc_wall_time(db):
    store_attempt(db, SUMMER_MORNING)

    with db() as session:
        raw = session.execute(text("SELECT at FROM login_attempt")).scalar_one()
    assert str(raw).startswith("2024-06-01 08:00:00.123456")


def test_comparisons_take_aware_moments(db):
    store_attempt(db, SUMMER_MORNING)

    with db() as session:
        def count_from(moment):
            return len(session.exec(select(LoginAttempt).where(LoginAttempt.at >= moment)).all())

        assert count_from(SUMMER_MORNING - timedelta(microseconds=1)) == 1
        assert count_from(datetime(2024, 6, 1, 8, 0, 1, tzinfo=UTC)) == 0
        with pytest.raises(StatementError, match="naive datetime"):
            count_from(datetime(2024, 6, 1, 8, 0))
