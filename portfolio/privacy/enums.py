"""The fixed lists of the privacy register, with their Dutch labels (translated in the UI).

The labels are registered in core.labels, so that ``label(enum, value)`` and ``choices(enum)``
work for these enumerations as for every other.
"""

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from portfolio.core.labels import register_choices


class LegalBasis(StrEnum):
    """The six lawful bases of AVG art. 6(1)."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTERESTS = "legitimate_interests"


class SpecialCategoryGround(StrEnum):
    """The exceptions of AVG art. 9(2) that allow processing special categories."""

    EXPLICIT_CONSENT = "a_consent"
    EMPLOYMENT_SOCIAL_SECURITY = "b_employment"
    VITAL_INTERESTS = "c_vital"
    NOT_FOR_PROFIT = "d_foundation"
    MADE_PUBLIC = "e_public"
    LEGAL_CLAIMS = "f_claims"
    SUBSTANTIAL_PUBLIC_INTEREST = "g_interest"
    HEALTH_CARE = "h_care"
    PUBLIC_HEALTH = "i_health"
    ARCHIVING_RESEARCH = "j_archiving"


class DpiaRequired(StrEnum):
    YES = "yes"
    NO = "no"
    UNDECIDED = "undecided"


class DpiaStatus(StrEnum):
    """An application's DPIA status as the application page shows it to everyone."""

    DONE = "done"
    NOT_DONE = "not_done"
    NOT_REQUIRED = "not_required"
    UNDECIDED = "undecided"


class BreachRisk(StrEnum):
    NONE = "none"
    RISK = "risk"
    HIGH = "high"


register_choices(LegalBasis, {
    LegalBasis.CONSENT: _l("toestemming (art. 6 lid 1 sub a)"),
    LegalBasis.CONTRACT: _l("uitvoering van een overeenkomst (art. 6 lid 1 sub b)"),
    LegalBasis.LEGAL_OBLIGATION: _l("wettelijke verplichting (art. 6 lid 1 sub c)"),
    LegalBasis.VITAL_INTERESTS: _l("vitaal belang (art. 6 lid 1 sub d)"),
    LegalBasis.PUBLIC_TASK: _l("taak van algemeen belang of openbaar gezag (art. 6 lid 1 sub e)"),
    LegalBasis.LEGITIMATE_INTERESTS: _l("gerechtvaardigd belang (art. 6 lid 1 sub f)"),
})
register_choices(SpecialCategoryGround, {
    SpecialCategoryGround.EXPLICIT_CONSENT: _l("uitdrukkelijke toestemming (art. 9 lid 2 sub a)"),
    SpecialCategoryGround.EMPLOYMENT_SOCIAL_SECURITY: _l("arbeidsrecht, sociale zekerheid en sociale bescherming (art. 9 lid 2 sub b)"),
    SpecialCategoryGround.VITAL_INTERESTS: _l("vitaal belang (art. 9 lid 2 sub c)"),
    SpecialCategoryGround.NOT_FOR_PROFIT: _l("stichting, vereniging of ander orgaan zonder winstoogmerk (art. 9 lid 2 sub d)"),
    SpecialCategoryGround.MADE_PUBLIC: _l("kennelijk openbaar gemaakt door de betrokkene (art. 9 lid 2 sub e)"),
    SpecialCategoryGround.LEGAL_CLAIMS: _l("rechtsvordering (art. 9 lid 2 sub f)"),
    SpecialCategoryGround.SUBSTANTIAL_PUBLIC_INTEREST: _l("zwaarwegend algemeen belang (art. 9 lid 2 sub g)"),
    SpecialCategoryGround.HEALTH_CARE: _l("gezondheidszorg en sociale diensten (art. 9 lid 2 sub h)"),
    SpecialCategoryGround.PUBLIC_HEALTH: _l("volksgezondheid (art. 9 lid 2 sub i)"),
    SpecialCategoryGround.ARCHIVING_RESEARCH: _l("archivering, onderzoek of statistiek (art. 9 lid 2 sub j)"),
})
register_choices(DpiaRequired, {
    DpiaRequired.YES: _l("ja"),
    DpiaRequired.NO: _l("nee"),
    DpiaRequired.UNDECIDED: _l("nog te bepalen"),
})
register_choices(DpiaStatus, {
    DpiaStatus.DONE: _l("ja"),
    DpiaStatus.NOT_DONE: _l("nee"),
    DpiaStatus.NOT_REQUIRED: _l("niet nodig"),
    DpiaStatus.UNDECIDED: _l("nog te bepalen"),
})
register_choices(BreachRisk, {
    BreachRisk.NONE: _l("waarschijnlijk geen risico"),
    BreachRisk.RISK: _l("risico"),
    BreachRisk.HIGH: _l("hoog risico"),
})
