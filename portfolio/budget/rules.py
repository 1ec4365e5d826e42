"""What every budget record shares: the limits of years and amounts with their messages, writing
accepted values, percentages written the Dutch way, and choices that keep a record's current link."""

from flask_babel import gettext as _
from sqlmodel import func, select

from portfolio.core.money import format_euros
from portfolio.procurements.models import Procurement

MIN_YEAR, MAX_YEAR = 2000, 2100
# The amount columns are 32-bit integers of cents (at most € 21.474.836,47); a round limit below.
MAX_CENTS = 2_000_000_000
FULL_SPLIT = 10_000  # basis points: 100,00 %
# Service field -> the form field its message belongs to.
_AMOUNT_FIELDS = {
    "available_cents": "available", "amount_cents": "amount", "original_cents": "original",
    "revised_cents": "revised",
}


def check_amount(errors, values, field, *, needed=False, positive=False):
    """Put the message for a missing, negative, zero (when positive) or too large amount under its form field."""
    cents = values.get(field)
    key = _AMOUNT_FIELDS[field]
    if cents is None:
        if needed:
            errors[key] = [_("Dit veld is verplicht.")]
    elif cents < 0:
        errors[key] = [_("Een bedrag kan niet negatief zijn.")]
    elif positive and cents == 0:
        errors[key] = [_("Een toewijzing moet groter zijn dan € 0.")]
    elif cents > MAX_CENTS:
        errors[key] = [_("Vul een bedrag tot %(maximum)s in.", maximum=format_euros(MAX_CENTS))]


def year_error(year):
    """The message for a year outside MIN_YEAR–MAX_YEAR; None for a good one."""
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return _("Vul een jaar in van %(first)d tot en met %(last)d.", first=MIN_YEAR, last=MAX_YEAR)
    return None


def apply_values(session, record, values):
    """Set accepted values on record and flush."""
    for field, value in values.items():
        setattr(record, field, value)
    session.flush()
    return record


def format_percentage(basis_points):
    """'33,33', '25', '12,5': a share in hundredths of a percent, written the Dutch way."""
    whole, rest = divmod(basis_points, 100)
    return f"{whole},{rest:02d}".rstrip("0").rstrip(",") if rest else str(whole)


def current_or_active(model, current_id):
    """Records not archived, and the one with current_id even when it is."""
    active = model.archived.is_(False)
    return active if current_id is None else (active | (model.id == current_id))


def procurements_for_choice(session, current_id=None):
    return session.exec(
        select(Procurement).where(current_or_active(Procurement, current_id)).order_by(func.lower(Procurement.title))
    ).all()
