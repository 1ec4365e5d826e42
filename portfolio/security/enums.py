"""The fixed lists of the security register, with their Dutch labels registered in core.labels."""

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from portfolio.core.labels import register_choices


class Overseer(StrEnum):
    CISO = "ciso"
    FG = "fg"
    PRIVACY_OFFICER = "privacy_officer"


class MeasureStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    IMPLEMENTED = "implemented"
    NOT_APPLICABLE = "not_applicable"
    POSTPONED = "postponed"


class Priority(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class EvidenceKind(StrEnum):
    TEXT = "text"
    LINK = "link"
    FILE = "file"


register_choices(Overseer, {
    Overseer.CISO: _l("CISO"),
    Overseer.FG: _l("FG"),
    Overseer.PRIVACY_OFFICER: _l("privacy officer"),
})
register_choices(MeasureStatus, {
    MeasureStatus.NOT_STARTED: _l("niet gestart"),
    MeasureStatus.IN_PROGRESS: _l("in uitvoering"),
    MeasureStatus.IMPLEMENTED: _l("geïmplementeerd"),
    MeasureStatus.NOT_APPLICABLE: _l("niet van toepassing"),
    MeasureStatus.POSTPONED: _l("uitgesteld"),
})
register_choices(Priority, {Priority.LOW: _l("laag"), Priority.MEDIUM: _l("midden"), Priority.HIGH: _l("hoog")})
register_choices(EvidenceKind, {
    EvidenceKind.TEXT: _l("toelichting"),
    EvidenceKind.LINK: _l("link"),
    EvidenceKind.FILE: _l("bestand"),
})
