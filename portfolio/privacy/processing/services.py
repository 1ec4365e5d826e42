"""Rules of processing activities (art. 30 AVG): create and change them, with the applications and
processors they name. Services flush, never commit."""

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlmodel import func, select

from portfolio.applications.models import Application
from portfolio.core.exceptions import FieldErrors
from portfolio.core.records import accept_fields, check_version
from portfolio.privacy.models import ProcessingActivity, ProcessingApplication, ProcessingProcessor
from portfolio.privacy.services import check_ids, check_organisation, set_links
from portfolio.suppliers.models import Supplier

PROCESSING_FIELDS = (
    "organisation_id", "name", "purpose", "legal_basis", "special_category_ground", "data_subjects",
    "data_categories", "special_categories", "bsn", "recipients", "third_country_transfers",
    "transfer_safeguards", "retention_period", "security_measures", "dpia_required", "dpia_reason",
    "dpia_done_on", "dpia_outcome", "dpia_next_review",
)


def get_processing(session, processing_id):
    """The processing activity with its organisation, applications and processors; None when unknown."""
    return session.exec(
        select(ProcessingActivity)
        .where(ProcessingActivity.id == processing_id)
        .options(
            selectinload(ProcessingActivity.organisation),
            selectinload(ProcessingActivity.application_links).selectinload(ProcessingApplication.application),
            selectinload(ProcessingActivity.processor_links).selectinload(ProcessingProcessor.supplier),
        )
    ).first()


def _check_processing(session, values, application_ids, processor_ids, current_id=None):
    errors = {}
    check_organisation(session, values, errors)
    if values.get("special_categories") and not values.get("special_category_ground"):
        errors["special_category_ground"] = [
            _("Kies de uitzondering van art. 9 lid 2 AVG: er worden bijzondere persoonsgegevens verwerkt.")
        ]
    if values.get("third_country_transfers") and not values.get("transfer_safeguards"):
        errors["transfer_safeguards"] = [_("Beschrijf de waarborgen bij doorgifte buiten de EER.")]
    name, organisation_id = values.get("name"), values.get("organisation_id")
    if name and organisation_id is not None:
        same = select(ProcessingActivity.id).where(
            func.lower(ProcessingActivity.name) == name.lower(), ProcessingActivity.organisation_id == organisation_id
        )
        if current_id is not None:
            same = same.where(ProcessingActivity.id != current_id)
        if session.exec(same).first() is not None:
            errors["name"] = [_("Deze organisatie heeft al een verwerking met deze naam.")]
    check_ids(session, Application, application_ids, "application_ids", _("Kies bestaande applicaties."), errors)
    check_ids(session, Supplier, processor_ids, "processor_ids", _("Kies bestaande leveranciers."), errors)
    if errors:
        raise FieldErrors(errors)


def create_processing(session, *, data, application_ids=(), processor_ids=()):
    """Add a processing activity. Raises FieldErrors on a broken rule (see _check_processing)."""
    values = accept_fields(data, PROCESSING_FIELDS)
    _check_processing(session, values, application_ids, processor_ids)
    processing = ProcessingActivity(**values)
    session.add(processing)
    session.flush()
    set_links(session, ProcessingApplication, "processing_id", processing.id, "application_id", application_ids)
    set_links(session, ProcessingProcessor, "processing_id", processing.id, "supplier_id", processor_ids)
    session.flush()
    return processing


def update_processing(session, processing, *, data, loaded_version, application_ids=None, processor_ids=None):
    """Change a processing activity. Raises VersionConflict when it changed since loaded_version."""
    check_version(processing, loaded_version, _("Iemand anders heeft deze verwerking intussen gewijzigd."))
    values = accept_fields(data, PROCESSING_FIELDS)
    merged = {field: getattr(processing, field) for field in PROCESSING_FIELDS} | values
    _check_processing(session, merged, application_ids or (), processor_ids or (), current_id=processing.id)
    for field, value in values.items():
        setattr(processing, field, value)
    if application_ids is not None:
        set_links(session, ProcessingApplication, "processing_id", processing.id, "application_id", application_ids)
    if processor_ids is not None:
        set_links(session, ProcessingProcessor, "processing_id", processing.id, "supplier_id", processor_ids)
    session.flush()
    session.expire(processing, ["application_links", "processor_links"])
    return processing
