"""The privacy register's kinds of record and fields, as the history shows them."""

from flask_babel import lazy_gettext as _l

from portfolio.privacy.enums import BreachRisk, DpiaRequired, LegalBasis, SpecialCategoryGround


ENTITIES = {
    "processing_activity": _l("verwerking"),
    "processing_application": _l("applicatie van een verwerking"),
    "processing_processor": _l("verwerker van een verwerking"),
    "processor_agreement": _l("verwerkersovereenkomst"),
    "agreement_application": _l("applicatie van een verwerkersovereenkomst"),
    "data_breach": _l("datalek"),
    "breach_application": _l("applicatie van een datalek"),
}

FIELDS = {
    "processing_id": _l("Verwerking"),
    "agreement_id": _l("Verwerkersovereenkomst"),
    "breach_id": _l("Datalek"),
    "purpose": _l("Doel van de verwerking"),
    "legal_basis": _l("Rechtsgrond (art. 6 lid 1 AVG)"),
    "special_category_ground": _l("Uitzondering voor bijzondere persoonsgegevens (art. 9 lid 2 AVG)"),
    "data_subjects": _l("Categorieën betrokkenen"),
    "data_categories": _l("Categorieën persoonsgegevens"),
    "special_categories": _l("Bijzondere persoonsgegevens"),
    "bsn": _l("Burgerservicenummer (BSN)"),
    "recipients": _l("Categorieën ontvangers"),
    "third_country_transfers": _l("Doorgifte buiten de EER"),
    "transfer_safeguards": _l("Waarborgen bij doorgifte"),
    "retention_period": _l("Bewaartermijn"),
    "security_measures": _l("Beveiligingsmaatregelen (algemene beschrijving)"),
    "dpia_required": _l("DPIA nodig"),
    "dpia_reason": _l("Reden van dit besluit"),
    "dpia_done_on": _l("DPIA uitgevoerd op"),
    "dpia_outcome": _l("Uitkomst van de DPIA"),
    "dpia_next_review": _l("Volgende herbeoordeling"),
    "signed_on": _l("Ondertekend op"),
    "model_version": _l("Versie of gebruikt model"),
    "sub_processors": _l("Subverwerkers"),
    "document_reference": _l("Documentverwijzing"),
    "discovered_at": _l("Ontdekt op"),
    "affected_categories": _l("Categorieën betrokkenen"),
    "people_affected": _l("Aantal betrokkenen"),
    "risk": _l("Risico voor betrokkenen"),
    "risk_assessment": _l("Risicobeoordeling"),
    "notified_at": _l("Gemeld bij de Autoriteit Persoonsgegevens op"),
    "notification_reference": _l("Meldingsnummer AP"),
    "people_informed_on": _l("Betrokkenen geïnformeerd op"),
    "measures": _l("Genomen maatregelen"),
    "closed_on": _l("Gesloten op"),
}

VALUE_FORMATS = {
    ("processing_activity", "legal_basis"): LegalBasis,
    ("processing_activity", "special_category_ground"): SpecialCategoryGround,
    ("processing_activity", "dpia_required"): DpiaRequired,
    ("data_breach", "risk"): BreachRisk,
}
