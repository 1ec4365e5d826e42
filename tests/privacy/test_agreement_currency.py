"""When a processor agreement is current or expiring is one rule written twice, in Python (the
agreement list's states) and in SQL (the FG's chain and the overview): both must answer the same
on the same rows, boundaries included."""

from datetime import timedelta
from itertools import product

import pytest
from sqlmodel import select

from portfolio.privacy.agreements.currency import (
    agreement_state, current_condition, expiring_condition, is_current, is_expiring,
)
from portfolio.privacy.models import ProcessorAgreement

DAYS = 30


@pytest.fixture
def agreements(make_supplier, make_agreement, archive_record, today):
    """An agreement for every signed and end date around today and the expiry window, and archived
    copies of the current ones."""
    supplier = make_supplier("Verwerker BV")
    signed = (None, today - timedelta(days=400), today, today + timedelta(days=1))
    ends = (None, today - timedelta(days=1), today, today + timedelta(days=DAYS), today + timedelta(days=DAYS + 1))
    made = []
    for signed_on, ends_on in product(signed, ends):
        if signed_on and ends_on and ends_on < signed_on:
            continue  # the services refuse an end before the signature
        made.append(make_agreement(supplier, signed_on=signed_on, ends_on=ends_on))
        if signed_on and signed_on <= today and (ends_on is None or ends_on >= today):
            made.append(archive_record(make_agreement(supplier, signed_on=signed_on, ends_on=ends_on)))
    return made


def test_the_python_and_sql_rules_agree_on_every_row(db, agreements, today):
    with db() as session:
        rows = session.exec(select(ProcessorAgreement)).all()
        assert len(rows) == len(agreements)
        for on in (today - timedelta(days=1), today, today + timedelta(days=DAYS)):
            in_sql = set(session.exec(select(ProcessorAgreement.id).where(current_condition(on))).all())
            assert in_sql == {a.id for a in rows if is_current(a, on)}
            expiring_sql = set(session.exec(select(ProcessorAgreement.id).where(expiring_condition(on, DAYS))).all())
            assert expiring_sql == {a.id for a in rows if is_expiring(a, on, DAYS)}
        assert 0 < len(in_sql) < len(rows) and 0 < len(expiring_sql) < len(in_sql)


def test_the_list_calls_exactly_the_current_agreements_current_or_expiring(db, agreements, today):
    with db() as session:
        for agreement in session.exec(select(ProcessorAgreement)).all():
            state = agreement_state(agreement, today, DAYS)
            assert (state in ("current", "expiring")) == is_current(agreement, today)
            assert (state == "expiring") == is_expiring(agreement, today, DAYS)
