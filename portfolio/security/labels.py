"""The security register's kinds of record and fields, as the history shows them."""

from flask_babel import lazy_gettext as _l

from portfolio.applications.enums import BivLevel
from portfolio.security.enums import EvidenceKind, MeasureStatus, Overseer, Priority


ENTITIES = {
    "framework": _l("normenkader"),
    "requirement": _l("norm"),
    "measure": _l("maatregel"),
    "measure_requirement": _l("norm van een maatregel"),
    "measure_application": _l("applicatie van een maatregel"),
    "measure_organisation": _l("organisatie van een maatregel"),
    "evidence": _l("bewijs"),
}

FIELDS = {
    "code": _l("Code van het normenkader"),
    "catalogue_version": _l("Versie van de catalogus"),
    "imported_at": _l("Ingelezen op"),
    "framework_id": _l("Normenkader"),
    "reference": _l("Normcode"),
    "chapter": _l("Hoofdstuk"),
    "tags": _l("Labels"),
    "position": _l("Volgorde"),
    "withdrawn": _l("Ingetrokken"),
    "measure_id": _l("Maatregel"),
    "requirement_id": _l("Norm"),
    "overseer": _l("Toezichthouder"),
    "team": _l("Uitvoerend team"),
    "assignee_id": _l("Uitvoerder"),
    "status_reason": _l("Reden"),
    "postponed_until": _l("Uitgesteld tot"),
    "priority": _l("Prioriteit"),
    "due_on": _l("Gereed op"),
    "review_interval_months": _l("Herbeoordelen elke (maanden)"),
    "next_review_on": _l("Volgende herbeoordeling"),
    "applies_to_all": _l("Geldt voor alle applicaties"),
    "min_availability": _l("Vanaf beschikbaarheid"),
    "min_integrity": _l("Vanaf integriteit"),
    "min_confidentiality": _l("Vanaf vertrouwelijkheid"),
    "url": _l("Link"),
    "filename": _l("Bestand"),
    "content_hash": _l("Controlegetal (SHA-256)"),
    "content_type": _l("Bestandstype"),
    "size_bytes": _l("Grootte in bytes"),
    "dated_on": _l("Datum van het bewijs"),
    "expires_on": _l("Verloopt op"),
    "added_by_id": _l("Toegevoegd door"),
}

VALUE_FORMATS = {
    ("measure", "status"): MeasureStatus,
    ("measure", "overseer"): Overseer,
    ("measure", "priority"): Priority,
    ("measure", "min_availability"): BivLevel,
    ("measure", "min_integrity"): BivLevel,
    ("measure", "min_confidentiality"): BivLevel,
    ("evidence", "kind"): EvidenceKind,
}
