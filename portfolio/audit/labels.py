"""How the history shows a change in the user's language: the kind of record, each field's
label and each stored value as the screens show it. A field not listed shows its own name."""

from datetime import datetime

from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portfolio.applications import enums
from portfolio.budget.labels import kind_label, status_label
from portfolio.money import format_euros
from portfolio.privacy.enums import BreachRisk, DpiaRequired, LegalBasis, SpecialCategoryGround
from portfolio.procurements import phases  # noqa: F401  (registers the phase labels)
from portfolio.procurements.models import Phase
from portfolio.security.enums import EvidenceKind, MeasureStatus, Overseer, Priority
from portfolio.users.forms import ROLE_LABELS

# Bookkeeping that says nothing to a reader.
HIDDEN_FIELDS = {"version", "id"}

ENTITY_LABELS = {
    "application": _l("applicatie"), "usage": _l("gebruik"), "contract": _l("contract"),
    "integration": _l("koppeling"), "supplier": _l("leverancier"), "user_account": _l("account"),
    "organisation": _l("organisatie"), "domain": _l("domein"), "procurement": _l("aanbestedingstraject"),
    "procurement_phase_date": _l("fasedatum"), "procurement_note": _l("notitie"),
    "procurement_replacement": _l("vervangen applicatie"), "budget_line": _l("begrotingspost"),
    "budget_line_amount": _l("jaarbedrag"), "budget_line_share": _l("verdeelsleutel"),
    "funding_source": _l("dekkingsbron"), "allocation": _l("toewijzing"),
    "processing_activity": _l("verwerking"), "processing_application": _l("applicatie van een verwerking"),
    "processing_processor": _l("verwerker van een verwerking"), "processor_agreement": _l("verwerkersovereenkomst"),
    "agreement_application": _l("applicatie van een verwerkersovereenkomst"), "data_breach": _l("datalek"),
    "breach_application": _l("applicatie van een datalek"),
    "framework": _l("normenkader"), "requirement": _l("norm"), "measure": _l("maatregel"),
    "measure_requirement": _l("norm van een maatregel"), "measure_application": _l("applicatie van een maatregel"),
    "measure_organisation": _l("organisatie van een maatregel"), "evidence": _l("bewijs"),
    "api_token": _l("API-token"),
}

FIELD_LABELS = {
    "name": _l("Naam"), "title": _l("Titel"), "description": _l("Omschrijving"), "notes": _l("Opmerkingen"),
    "status": _l("Status"), "kind": _l("Soort"), "category": _l("Categorie"), "year": _l("Jaar"),
    "archived": _l("Gearchiveerd"), "archived_reason": _l("Reden van archiveren"), "archived_at": _l("Gearchiveerd op"),
    "supplier_id": _l("Leverancier"), "domain_id": _l("Domein"), "organisation_id": _l("Organisatie"),
    "application_id": _l("Applicatie"), "procurement_id": _l("Aanbesteding"), "budget_line_id": _l("Begrotingspost"),
    "funding_source_id": _l("Dekkingsbron"), "source_application_id": _l("Van applicatie"),
    "target_application_id": _l("Naar applicatie"), "delivered_application_id": _l("Levert applicatie"),
    "product": _l("Product"), "product_version": _l("Versie"), "gemma_component": _l("GEMMA-referentiecomponent"),
    "lifecycle_status": _l("Levenscyclus"), "time_verdict": _l("TIME-oordeel"), "hosting": _l("Hosting"),
    "hosting_party": _l("Uitgevoerd door"), "process_owner": _l("Proceseigenaar"),
    "functional_admin": _l("Functioneel beheerder"), "technical_admin": _l("Technisch beheerder"),
    "availability": _l("Beschikbaarheid"), "integrity": _l("Integriteit"), "confidentiality": _l("Vertrouwelijkheid"),
    "personal_data": _l("Persoonsgegevens"), "supplier_support_ends": _l("Einde ondersteuning leverancier"),
    "since": _l("In gebruik sinds"), "local_process_owner": _l("Lokale proceseigenaar"),
    "ensia_subjects": _l("ENSIA-onderwerpen"), "number": _l("Contractnummer"), "contract_type": _l("Soort contract"),
    "starts_on": _l("Ingangsdatum"), "ends_on": _l("Einddatum"), "notice_months": _l("Opzegtermijn in maanden"),
    "renewal_terms": _l("Verlengingsvoorwaarden"), "cost_cents": _l("Kosten"), "cost_period": _l("Kosten per"),
    "external_target": _l("Externe dienst"), "direction": _l("Richting"), "standard": _l("Standaard"),
    "via_esb": _l("Via de ESB"), "website": _l("Website"), "contact": _l("Contactpersoon of -adres"),
    "phase": _l("Fase"), "procedure": _l("Procedure"), "estimated_cost_cents": _l("Geschatte kosten"),
    "actual_cost_cents": _l("Werkelijke kosten"), "budget_year": _l("Begrotingsjaar"), "project_lead": _l("Projectleider"),
    "external_project_lead_needed": _l("Externe projectleider nodig"),
    "external_expertise_needed": _l("Externe expertise nodig"), "risk_assessment_on": _l("Risicoanalyse op"),
    "risk_assessment_reference": _l("Risicoanalyse, document"), "dpia_on": _l("DPIA op"),
    "dpia_reference": _l("DPIA, document"), "gate_override_reason": _l("Reden om de poort te passeren"),
    "planned_on": _l("Gepland op"), "actual_on": _l("Werkelijk op"), "author": _l("Auteur"), "text": _l("Tekst"),
    "written_at": _l("Geschreven op"), "available_cents": _l("Beschikbaar"), "amount_cents": _l("Bedrag"),
    "original_cents": _l("Oorspronkelijk bedrag"), "revised_cents": _l("Bijgesteld bedrag"),
    "revision_reason": _l("Reden van de bijstelling"), "basis_points": _l("Aandeel"), "email": _l("E-mailadres"),
    "role": _l("Rol"), "active": _l("Actief"), "password_hash": _l("Wachtwoord"),
    "session_token": _l("Sessiesleutel"), "created_at": _l("Aangemaakt op"),
    # privacy register
    "processing_id": _l("Verwerking"), "agreement_id": _l("Verwerkersovereenkomst"), "breach_id": _l("Datalek"),
    "purpose": _l("Doel van de verwerking"), "legal_basis": _l("Rechtsgrond (art. 6 lid 1 AVG)"),
    "special_category_ground": _l("Uitzondering voor bijzondere persoonsgegevens (art. 9 lid 2 AVG)"),
    "data_subjects": _l("Categorieën betrokkenen"), "data_categories": _l("Categorieën persoonsgegevens"),
    "special_categories": _l("Bijzondere persoonsgegevens"), "bsn": _l("Burgerservicenummer (BSN)"),
    "recipients": _l("Categorieën ontvangers"), "third_country_transfers": _l("Doorgifte buiten de EER"),
    "transfer_safeguards": _l("Waarborgen bij doorgifte"), "retention_period": _l("Bewaartermijn"),
    "security_measures": _l("Beveiligingsmaatregelen (algemene beschrijving)"), "dpia_required": _l("DPIA nodig"),
    "dpia_reason": _l("Reden van dit besluit"), "dpia_done_on": _l("DPIA uitgevoerd op"),
    "dpia_outcome": _l("Uitkomst van de DPIA"), "dpia_next_review": _l("Volgende herbeoordeling"),
    "signed_on": _l("Ondertekend op"), "model_version": _l("Versie of gebruikt model"),
    "sub_processors": _l("Subverwerkers"), "document_reference": _l("Documentverwijzing"),
    "discovered_at": _l("Ontdekt op"), "affected_categories": _l("Categorieën betrokkenen"),
    "people_affected": _l("Aantal betrokkenen"), "risk": _l("Risico voor betrokkenen"),
    "risk_assessment": _l("Risicobeoordeling"), "notified_at": _l("Gemeld bij de Autoriteit Persoonsgegevens op"),
    "notification_reference": _l("Meldingsnummer AP"), "people_informed_on": _l("Betrokkenen geïnformeerd op"),
    "measures": _l("Genomen maatregelen"), "closed_on": _l("Gesloten op"),
    # security register
    "code": _l("Code van het normenkader"), "catalogue_version": _l("Versie van de catalogus"),
    "imported_at": _l("Ingelezen op"), "framework_id": _l("Normenkader"), "reference": _l("Normcode"),
    "chapter": _l("Hoofdstuk"), "tags": _l("Labels"), "position": _l("Volgorde"), "withdrawn": _l("Ingetrokken"),
    "measure_id": _l("Maatregel"), "requirement_id": _l("Norm"), "overseer": _l("Toezichthouder"),
    "team": _l("Uitvoerend team"), "assignee_id": _l("Uitvoerder"), "status_reason": _l("Reden"),
    "postponed_until": _l("Uitgesteld tot"), "priority": _l("Prioriteit"), "due_on": _l("Gereed op"),
    "review_interval_months": _l("Herbeoordelen elke (maanden)"), "next_review_on": _l("Volgende herbeoordeling"),
    "applies_to_all": _l("Geldt voor alle applicaties"), "min_availability": _l("Vanaf beschikbaarheid"),
    "min_integrity": _l("Vanaf integriteit"), "min_confidentiality": _l("Vanaf vertrouwelijkheid"),
    "url": _l("Link"), "filename": _l("Bestand"), "content_hash": _l("Controlegetal (SHA-256)"),
    "content_type": _l("Bestandstype"), "size_bytes": _l("Grootte in bytes"), "dated_on": _l("Datum van het bewijs"),
    "expires_on": _l("Verloopt op"), "added_by_id": _l("Toegevoegd door"),
}


def _enum(enum):
    return lambda value: enums.label(enum, value)


VALUE_FORMATS = {
    "lifecycle_status": _enum(enums.LifecycleStatus), "time_verdict": _enum(enums.TimeVerdict),
    "hosting": _enum(enums.Hosting), "availability": _enum(enums.BivLevel), "integrity": _enum(enums.BivLevel),
    "confidentiality": _enum(enums.BivLevel), "personal_data": _enum(enums.PersonalData),
    "contract_type": _enum(enums.ContractType), "cost_period": _enum(enums.CostPeriod),
    "direction": _enum(enums.Direction), "phase": _enum(Phase), "basis_points": lambda value: f"{value / 100:g} %".replace(".", ","),
}
ENTITY_VALUE_FORMATS = {
    ("usage", "status"): _enum(enums.UsageStatus),
    ("budget_line", "status"): status_label,
    ("budget_line", "kind"): kind_label,
    ("user_account", "role"): lambda value: ROLE_LABELS.get(value, value),
    ("processing_activity", "legal_basis"): _enum(LegalBasis),
    ("processing_activity", "special_category_ground"): _enum(SpecialCategoryGround),
    ("processing_activity", "dpia_required"): _enum(DpiaRequired),
    ("data_breach", "risk"): _enum(BreachRisk),
    ("measure", "status"): _enum(MeasureStatus),
    ("measure", "overseer"): _enum(Overseer),
    ("measure", "priority"): _enum(Priority),
    ("measure", "min_availability"): _enum(enums.BivLevel),
    ("measure", "min_integrity"): _enum(enums.BivLevel),
    ("measure", "min_confidentiality"): _enum(enums.BivLevel),
    ("evidence", "kind"): _enum(EvidenceKind),
}


def entity_label(entity_type):
    return str(ENTITY_LABELS.get(entity_type, entity_type))


def visible_changes(entity_type, changes):
    """(label, old text, new text) of each field a reader cares about, in label order."""
    shown = [
        (str(FIELD_LABELS.get(field, field)), value_text(entity_type, field, old), value_text(entity_type, field, new))
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
    formatter = ENTITY_VALUE_FORMATS.get((entity_type, field)) or VALUE_FORMATS.get(field)
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
