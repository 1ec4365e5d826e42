"""How the history shows a change in the user's language: the kind of record, each field's label
and each stored value as the screens show it, all read from the label registry that every
feature fills (core.labels). A field nobody labelled shows its own name."""

from datetime import datetime

from flask_babel import format_datetime
from flask_babel import gettext as _

from portfolio.core import labels
from portfolio.core.money import format_euros

# Bookkeeping that says nothing to a reader.
HIDDEN_FIELDS = {"version", "id"}


def entity_label(entity_type):
    return str(labels.entity_label(entity_type))


def visible_changes(entity_type, changes):
    """(label, old text, new text) of each field a reader cares about, in label order."""
    shown = [
        (str(labels.field_label(field)), value_text(entity_type, field, old), value_text(entity_type, field, new))
        for field, (old, new) in changes.items()
        if field not in HIDDEN_FIELDS
    ]
    return sorted(shown)


def value_text(entity_type, field, value):
    """A stored value as the screens show it; '–' for nothing."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    formatter = labels.value_format(entity_type, field)
    if formatter is None and field.endswith("_cents") and isinstance(value, int):
        formatter = format_euros
    if formatter is None and field.endswith("_at") and isinstance(value, str):
        formatter = _moment
    if isinstance(value, list):
        return ", ".join(str(formatter(item)) if formatter else str(item) for item in value)
    return str(formatter(value)) if formatter else str(value)


def _moment(text):
    """A stored UTC timestamp in the user's time zone; the text itself if it is not one."""
    try:
        return format_datetime(datetime.fromisoformat(text), "short")
    except ValueError:
        return text
