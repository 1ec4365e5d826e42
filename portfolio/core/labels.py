"""The one registry of labels: each feature registers the labels of its enumerations, its kinds
of record and its fields; screens, exports and the audit trail read them from here.

Choice labels are registered next to their enumeration (``register_choices`` in the module that
defines it), so whoever can use the enumeration finds its labels. Record and field labels are
registered by the feature's package, which Python imports before any of its modules.
"""

from enum import Enum

from flask_babel import lazy_gettext as _l

# Per enumeration: StrEnum members hash as their value, so one flat dict would mix up
# LifecycleStatus.PLANNED and UsageStatus.PLANNED.
_CHOICES = {}
_ENTITIES = {}
_FIELDS = {}
_VALUE_FORMATS = {}


def register_choices(enum, labels):
    """Register the label of every member of enum; returns enum. Raises ValueError when a member
    has no label or the enumeration is registered twice with other labels."""
    missing = [member for member in enum if member not in labels]
    if missing:
        raise ValueError(f"{enum.__name__}: no label for {missing}")
    _register(_CHOICES, {enum: dict(labels)}, "choices")
    return enum


def label(enum, value):
    """The translated label of value (a member or its stored string) in enum; '' for none and the
    value itself when it is not a member (an old stored value)."""
    if value is None or value == "":
        return ""
    try:
        return _CHOICES[enum][enum(value)]
    except ValueError:
        return value


def choices(enum, blank=None):
    """(value, label) pairs for a select field, optionally starting with a blank choice."""
    pairs = [(member.value, _CHOICES[enum][member]) for member in enum]
    return ([("", blank)] if blank is not None else []) + pairs


def labelled_enums():
    """Every registered enumeration by class name, for templates (enums.Phase, enums.LifecycleStatus…)."""
    return {enum.__name__: enum for enum in _CHOICES}


def register_record_labels(*, entities=None, fields=None, value_formats=None):
    """A feature's labels of its kinds of record, its fields and how its stored values read (see
    register_entities, register_fields and register_value_formats)."""
    register_entities(entities or {})
    register_fields(fields or {})
    register_value_formats(value_formats or {})


def register_entities(labels):
    """{table name: label} of the feature's kinds of record, as the history names them."""
    _register(_ENTITIES, labels, "entity")


def register_fields(labels):
    """{field name: label}; a field name means the same wherever it occurs, so registering one
    name twice with another label raises ValueError."""
    _register(_FIELDS, labels, "field")


def register_value_formats(formats):
    """How a stored value reads: {field name or (table name, field name): enumeration or function}.
    An entry for (table, field) wins over one for the field name alone."""
    _register(_VALUE_FORMATS, formats, "value format")


def entity_label(entity_type):
    return _ENTITIES.get(entity_type, entity_type)


def field_label(field):
    return _FIELDS.get(field, field)


def value_format(entity_type, field):
    """A function from a stored value to its text, or None when the value reads as it is."""
    found = _VALUE_FORMATS.get((entity_type, field)) or _VALUE_FORMATS.get(field)
    if isinstance(found, type) and issubclass(found, Enum):
        enum = found
        return lambda value: label(enum, value)
    return found


def _register(registry, entries, kind):
    for key, value in entries.items():
        known = registry.get(key)
        if known is not None and _identity(known) != _identity(value):
            raise ValueError(f"{kind} {key!r} is registered twice with different labels")
        registry[key] = value


def _identity(value):
    """What a label says: lazy strings compare by their message, not by the translation."""
    if isinstance(value, dict):
        return {key: _identity(item) for key, item in value.items()}
    return getattr(value, "_args", value)


# Fields of every kind of record (core.records) and plain words many records use.
register_fields({
    "name": _l("Naam"),
    "title": _l("Titel"),
    "description": _l("Omschrijving"),
    "notes": _l("Opmerkingen"),
    "status": _l("Status"),
    "kind": _l("Soort"),
    "category": _l("Categorie"),
    "year": _l("Jaar"),
    "archived": _l("Gearchiveerd"),
    "archived_reason": _l("Reden van archiveren"),
    "archived_at": _l("Gearchiveerd op"),
    "created_at": _l("Aangemaakt op"),
})
