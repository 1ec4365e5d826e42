"""The application register's kinds of record and fields, as the history shows them."""

from flask_babel import lazy_gettext as _l

from portfolio.applications import enums


ENTITIES = {
    "application": _l("applicatie"),
    "usage": _l("gebruik"),
    "contract": _l("contract"),
    "integration": _l("koppeling"),
}

FIELDS = {
    "application_id": _l("Applicatie"),
    "source_application_id": _l("Van applicatie"),
    "target_application_id": _l("Naar applicatie"),
    "product": _l("Product"),
    "product_version": _l("Versie"),
    "gemma_component": _l("GEMMA-referentiecomponent"),
    "lifecycle_status": _l("Levenscyclus"),
    "time_verdict": _l("TIME-oordeel"),
    "hosting": _l("Hosting"),
    "hosting_party": _l("Uitgevoerd door"),
    "process_owner": _l("Proceseigenaar"),
    "functional_admin": _l("Functioneel beheerder"),
    "technical_admin": _l("Technisch beheerder"),
    "availability": _l("Beschikbaarheid"),
    "integrity": _l("Integriteit"),
    "confidentiality": _l("Vertrouwelijkheid"),
    "personal_data": _l("Persoonsgegevens"),
    "supplier_support_ends": _l("Einde ondersteuning leverancier"),
    "since": _l("In gebruik sinds"),
    "local_process_owner": _l("Lokale proceseigenaar"),
    "ensia_subjects": _l("ENSIA-onderwerpen"),
    "number": _l("Contractnummer"),
    "contract_type": _l("Soort contract"),
    "starts_on": _l("Ingangsdatum"),
    "ends_on": _l("Einddatum"),
    "notice_months": _l("Opzegtermijn in maanden"),
    "renewal_terms": _l("Verlengingsvoorwaarden"),
    "cost_cents": _l("Kosten"),
    "cost_period": _l("Kosten per"),
    "external_target": _l("Externe dienst"),
    "direction": _l("Richting"),
    "standard": _l("Standaard"),
    "via_esb": _l("Via de ESB"),
}

VALUE_FORMATS = {
    "lifecycle_status": enums.LifecycleStatus, "time_verdict": enums.TimeVerdict, "hosting": enums.Hosting,
    "availability": enums.BivLevel, "integrity": enums.BivLevel, "confidentiality": enums.BivLevel,
    "personal_data": enums.PersonalData, "contract_type": enums.ContractType, "cost_period": enums.CostPeriod,
    "direction": enums.Direction, ("usage", "status"): enums.UsageStatus,
}
