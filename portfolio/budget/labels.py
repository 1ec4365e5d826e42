"""Dutch labels of the budget: its fixed lists, its kinds of record and fields (translated in the UI)."""

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


def format_share(basis_points):
    """A share in basis points as a Dutch percentage: 2500 → '25 %'."""
    return f"{basis_points / 100:g} %".replace(".", ",")


ENTITIES = {
    "budget_line": _l("begrotingspost"),
    "budget_line_amount": _l("jaarbedrag"),
    "budget_line_share": _l("verdeelsleutel"),
    "funding_source": _l("dekkingsbron"),
    "allocation": _l("toewijzing"),
}

FIELDS = {
    "budget_line_id": _l("Begrotingspost"),
    "funding_source_id": _l("Dekkingsbron"),
    "available_cents": _l("Beschikbaar"),
    "amount_cents": _l("Bedrag"),
    "original_cents": _l("Oorspronkelijk bedrag"),
    "revised_cents": _l("Bijgesteld bedrag"),
    "revision_reason": _l("Reden van de bijstelling"),
    "basis_points": _l("Aandeel"),
}

VALUE_FORMATS = {
    "basis_points": format_share,
    ("budget_line", "status"): status_label,
    ("budget_line", "kind"): kind_label,
}
