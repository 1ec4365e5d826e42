"""Labels of the procurement phases, registered with the shared label lookup."""

from flask_babel import lazy_gettext as _l

from portfolio.applications.enums import LABELS
from portfolio.procurements.models import Phase

LABELS[Phase] = {
    Phase.EXPLORATION: _l("verkenning"),
    Phase.REQUIREMENTS: _l("programma van eisen"),
    Phase.TENDER: _l("aanbesteding"),
    Phase.AWARD: _l("gunning"),
    Phase.IMPLEMENTATION: _l("implementatie"),
    Phase.PRODUCTION: _l("in productie"),
    Phase.EVALUATION: _l("evaluatie"),
    Phase.COMPLETED: _l("afgerond"),
    Phase.STOPPED: _l("gestopt"),
}
