"""Dutch labels of the budget's fixed lists (translated in the UI), kept apart from the models."""

from flask_babel import lazy_gettext as _l

from portfolio.budget.models import LineKind, LineStatus

KIND_LABELS = {
    LineKind.STRUCTURAL: _l("structureel"),
    LineKind.INCIDENTAL: _l("incidenteel"),
}

STATUS_LABELS = {
    LineStatus.REQUESTED: _l("aangevraagd"),
    LineStatus.GRANTED: _l("toegekend"),
    LineStatus.REJECTED: _l("afgewezen"),
}


def kind_label(value):
    """The label of a stored kind; the stored value itself when it is not a known one."""
    return _known(KIND_LABELS, LineKind, value)


def status_label(value):
    return _known(STATUS_LABELS, LineStatus, value)


def _known(labels, enum, value):
    if value in (None, ""):
        return ""
    try:
        return labels[enum(value)]
    except ValueError:
        return value
