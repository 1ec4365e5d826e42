"""The fixed lists of the application register, with their Dutch labels (translated in the UI)."""

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from portfolio.core.labels import register_choices


class LifecycleStatus(StrEnum):
    PLANNED = "planned"
    PROCUREMENT = "procurement"
    IMPLEMENTATION = "implementation"
    PRODUCTION = "production"
    PHASING_OUT = "phasing_out"
    RETIRED = "retired"


class TimeVerdict(StrEnum):
    TOLERATE = "tolerate"
    INVEST = "invest"
    MIGRATE = "migrate"
    ELIMINATE = "eliminate"


class Hosting(StrEnum):
    ON_PREMISES = "on_premises"
    SAAS = "saas"
    PRIVATE_CLOUD = "private_cloud"
    OUTSOURCED = "outsourced"


class BivLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self):
        return list(BivLevel).index(self) + 1


class PersonalData(StrEnum):
    NONE = "none"
    REGULAR = "regular"
    SPECIAL = "special"
    BSN = "bsn"


class UsageStatus(StrEnum):
    ACTIVE = "active"
    PLANNED = "planned"
    ENDED = "ended"


class EnsiaSubject(StrEnum):
    BIO = "BIO"
    DIGID = "DigiD"
    SUWINET = "Suwinet"
    BRP = "BRP"
    PNIK = "PNIK"
    BAG = "BAG"
    BGT = "BGT"
    BRO = "BRO"
    WOZ = "WOZ"


class ContractType(StrEnum):
    LICENSE = "license"
    SLA = "sla"
    MAINTENANCE = "maintenance"
    SAAS = "saas"


class CostPeriod(StrEnum):
    ONCE = "once"
    MONTHLY = "monthly"
    YEARLY = "yearly"


class Direction(StrEnum):
    OUTGOING = "outgoing"
    INCOMING = "incoming"
    BOTH = "both"


register_choices(LifecycleStatus, {
    LifecycleStatus.PLANNED: _l("gepland"),
    LifecycleStatus.PROCUREMENT: _l("in aanbesteding"),
    LifecycleStatus.IMPLEMENTATION: _l("in implementatie"),
    LifecycleStatus.PRODUCTION: _l("in productie"),
    LifecycleStatus.PHASING_OUT: _l("uitfaseren"),
    LifecycleStatus.RETIRED: _l("uitgefaseerd"),
})
register_choices(TimeVerdict, {
    TimeVerdict.TOLERATE: _l("tolereren"),
    TimeVerdict.INVEST: _l("investeren"),
    TimeVerdict.MIGRATE: _l("migreren"),
    TimeVerdict.ELIMINATE: _l("elimineren"),
})
register_choices(Hosting, {
    Hosting.ON_PREMISES: _l("on-premises"),
    Hosting.SAAS: _l("SaaS"),
    Hosting.PRIVATE_CLOUD: _l("private cloud"),
    Hosting.OUTSOURCED: _l("uitbesteed"),
})
register_choices(BivLevel, {BivLevel.LOW: _l("laag"), BivLevel.MEDIUM: _l("midden"), BivLevel.HIGH: _l("hoog")})
register_choices(PersonalData, {
    PersonalData.NONE: _l("geen"),
    PersonalData.REGULAR: _l("gewone persoonsgegevens"),
    PersonalData.SPECIAL: _l("bijzondere persoonsgegevens"),
    PersonalData.BSN: _l("BSN"),
})
register_choices(UsageStatus, {
    UsageStatus.ACTIVE: _l("actief"),
    UsageStatus.PLANNED: _l("gepland"),
    UsageStatus.ENDED: _l("beëindigd"),
})
register_choices(EnsiaSubject, {subject: subject.value for subject in EnsiaSubject})
register_choices(ContractType, {
    ContractType.LICENSE: _l("licentie"),
    ContractType.SLA: _l("SLA"),
    ContractType.MAINTENANCE: _l("onderhoud"),
    ContractType.SAAS: _l("SaaS"),
})
register_choices(CostPeriod, {
    CostPeriod.ONCE: _l("eenmalig"),
    CostPeriod.MONTHLY: _l("maandelijks"),
    CostPeriod.YEARLY: _l("jaarlijks"),
})
register_choices(Direction, {
    Direction.OUTGOING: _l("uitgaand"),
    Direction.INCOMING: _l("inkomend"),
    Direction.BOTH: _l("beide richtingen"),
})
