"""When a processor agreement is current, and when it is about to end: each rule once, in Python
for one agreement and in SQL for a query, side by side (tests/privacy/test_agreement_currency.py
holds each pair to the same answer on the same rows).

An agreement is *current* on a day when it is not archived, was signed on or before that day, and
its end date is empty or that day or later. It is *expiring* when it is current and ends within the
given number of days (the end date at most that many days after the day).
"""

from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, or_

from portfolio.privacy.models import ProcessorAgreement


def expiry_days():
    """How many days before its end an agreement counts as expiring (PRIVACY_AGREEMENT_EXPIRY_DAYS)."""
    return current_app.config["PRIVACY_AGREEMENT_EXPIRY_DAYS"]


def is_current(agreement, on):
    """The rule of current_condition, for one agreement."""
    return (
        not agreement.archived
        and agreement.signed_on is not None
        and agreement.signed_on <= on
        and (agreement.ends_on is None or agreement.ends_on >= on)
    )


def current_condition(on):
    """The rule of is_current, as a condition on ProcessorAgreement."""
    return and_(
        ProcessorAgreement.archived.is_(False),
        ProcessorAgreement.signed_on.is_not(None),
        ProcessorAgreement.signed_on <= on,
        or_(ProcessorAgreement.ends_on.is_(None), ProcessorAgreement.ends_on >= on),
    )


def is_expiring(agreement, on, days):
    """The rule of expiring_condition, for one agreement."""
    return is_current(agreement, on) and agreement.ends_on is not None and agreement.ends_on <= on + timedelta(days=days)


def expiring_condition(on, days):
    """The rule of is_expiring, as a condition on ProcessorAgreement."""
    return and_(current_condition(on), ProcessorAgreement.ends_on <= on + timedelta(days=days))


def agreement_state(agreement, on, days):
    """'archived', 'unsigned' (not signed, or signed after on), 'ended', 'expiring' (within days) or
    'current': 'expiring' and 'current' are exactly the agreements is_current holds current."""
    if agreement.archived:
        return "archived"
    if not is_current(agreement, on):
        return "unsigned" if agreement.signed_on is None or agreement.signed_on > on else "ended"
    return "expiring" if is_expiring(agreement, on, days) else "current"
