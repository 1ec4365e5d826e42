"""The procurements' kinds of record and fields, as the history shows them."""

from flask_babel import lazy_gettext as _l

from portfolio.procurements.enums import Phase


ENTITIES = {
    "procurement": _l("aanbestedingstraject"),
    "procurement_phase_date": _l("fasedatum"),
    "procurement_note": _l("notitie"),
    "procurement_replacement": _l("vervangen applicatie"),
}

FIELDS = {
    "procurement_id": _l("Aanbesteding"),
    "delivered_application_id": _l("Levert applicatie"),
    "phase": _l("Fase"),
    "procedure": _l("Procedure"),
    "estimated_cost_cents": _l("Geschatte kosten"),
    "actual_cost_cents": _l("Werkelijke kosten"),
    "budget_year": _l("Begrotingsjaar"),
    "project_lead": _l("Projectleider"),
    "external_project_lead_needed": _l("Externe projectleider nodig"),
    "external_expertise_needed": _l("Externe expertise nodig"),
    "risk_assessment_on": _l("Risicoanalyse op"),
    "risk_assessment_reference": _l("Risicoanalyse, document"),
    "dpia_on": _l("DPIA op"),
    "dpia_reference": _l("DPIA, document"),
    "gate_override_reason": _l("Reden om de poort te passeren"),
    "planned_on": _l("Gepland op"),
    "actual_on": _l("Werkelijk op"),
    "author": _l("Auteur"),
    "text": _l("Tekst"),
    "written_at": _l("Geschreven op"),
}

VALUE_FORMATS = {"phase": Phase}
