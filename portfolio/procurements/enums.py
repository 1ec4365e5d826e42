"""The phases a procurement travels, in order, with their Dutch labels (translated in the UI)."""

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from portfolio.core.labels import register_choices


class Phase(StrEnum):
    EXPLORATION = "exploration"
    REQUIREMENTS = "requirements"
    TENDER = "tender"
    AWARD = "award"
    IMPLEMENTATION = "implementation"
    PRODUCTION = "production"
    EVALUATION = "evaluation"
    COMPLETED = "completed"
    STOPPED = "stopped"


# The road a procurement travels; STOPPED can be reached from any phase and ends it.
PHASE_ORDER = (
    Phase.EXPLORATION, Phase.REQUIREMENTS, Phase.TENDER, Phase.AWARD, Phase.IMPLEMENTATION,
    Phase.PRODUCTION, Phase.EVALUATION, Phase.COMPLETED,
)

register_choices(Phase, {
    Phase.EXPLORATION: _l("verkenning"),
    Phase.REQUIREMENTS: _l("programma van eisen"),
    Phase.TENDER: _l("aanbesteding"),
    Phase.AWARD: _l("gunning"),
    Phase.IMPLEMENTATION: _l("implementatie"),
    Phase.PRODUCTION: _l("in productie"),
    Phase.EVALUATION: _l("evaluatie"),
    Phase.COMPLETED: _l("afgerond"),
    Phase.STOPPED: _l("gestopt"),
})
