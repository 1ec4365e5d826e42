"""Concurrent writers append to one unforked chain: each append waits for the one before to commit."""

import threading

from sqlmodel import func, select

from portfolio.auth.models import User
from portfolio.core.db import session_scope
from portfolio.users.services import create_user
from tests.conftest import PASSWORD
from tests.db.threads import GRACE_SECONDS, run_in_threads

THREADS = 4
USERS_PER_THREAD = 5


def add_user(app, email):
    with session_scope(app) as session:
        create_user(session, email=email, name=email, role="viewer", password=PASSWORD)


def test_concurrent_writers_leave_one_intact_chain(app, db, entries, all_entries, verify_trail):
    start = threading.Barrier(THREADS)

    def writer(number):
        def write():
            start.wait(timeout=30)
            for index in range(USERS_PER_THREAD):
                add_user(app, f"writer{number}-{index}@example.org")

        return write

    run_in_threads(app, *(writer(number) for number in range(THREADS)))

    expected = THREADS * USERS_PER_THREAD
    with db() as session:
        assert session.exec(select(func.count()).select_from(User)).one() == expected
    trail = entries()
    assert len(trail) == expected
    assert len({entry.prev_hash for entry in trail}) == expected  # no two entries claim one predecessor
    result = verify_trail()
    assert result.exit_code == 0, result.output
    assert f"Audit trail intact: {len(all_entries())} entries checked." in result.output


def test_an_appender_waits_until_the_previous_append_is_committed(app, entries, verify_trail):
    """The second writer may not read the end of the chain while the first has not committed;
    if it could, it would signal 'appended' before the first commits and both would share a predecessor."""
    first_appended, second_appended = threading.Event(), threading.Event()
    order = []

    def first():
        with session_scope(app) as session:
            create_user(session, email="first@example.org", name="First", role="viewer", password=PASSWORD)
            first_appended.set()
            second_appended.wait(timeout=GRACE_SECONDS)
            order.append("first commits")

    def second():
        assert first_appended.wait(timeout=30)
        with session_scope(app) as session:
            create_user(session, email="second@example.org", name="Second", role="viewer", password=PASSWORD)
            order.append("second appended")
            second_appended.set()

    run_in_threads(app, first, second)

    assert order == ["first commits", "second appended"]
    first_entry, second_entry = entries()
    assert second_entry.prev_hash == first_entry.hash
    assert verify_trail().exit_code == 0
