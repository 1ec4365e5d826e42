"""Money as whole euro cents; shown and typed the Dutch way (€ 160.000, 12.500,50)."""

import re

_AMOUNT = re.compile(r"^(?:€\s*)?(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$")


def parse_euros(text):
    """Cents for a Dutch amount ('12.500', '12500,5', '€ 160.000'), or None when it is not one."""
    match = _AMOUNT.match((text or "").strip())
    if not match:
        return None
    sign, whole, fraction = match.groups()
    cents = int(whole.replace(".", "")) * 100 + int((fraction or "0").ljust(2, "0"))
    return -cents if sign else cents


def format_euros(cents, *, with_cents=False):
    """'€ 160.000' (or '€ 12.500,50' when with_cents or the amount has cents); '' for None."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    text = f"{whole:,}".replace(",", ".")
    if with_cents or rest:
        text += f",{rest:02d}"
    return f"€ {sign}{text}"
