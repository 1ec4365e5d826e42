"""Rules of the privacy register: create and change processing activities, processor agreements
and data breaches, with the applications and processors they name. Services flush, never commit."""

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlmodel import func, select

from portfolio.applications.models import Application
from portfolio.core.exceptions import FieldErrors
from portfolio.privacy.models import (
    AgreementApplication, BreachApplication, DataBreach, ProcessingActivity, ProcessingApplication,
    ProcessingProcessor, ProcessorAgreement,
)
from portfolio.core.records import accept_fields, check_version
from portfolio.reference.models import Organisation
from portfolio.suppliers.models import Supplier

PROCESSING_FIELDS = (
    "organisation_id", "name", "purpose", "legal_basis", "special_category_ground", "data_subjects",
    "data_categories", "special_categories", "bsn", "recipients", "third_country_transfers",
    "transfer_safeguards", "retention_period", "security_measures", "dpia_required", "dpia_reason",
    "dpia_done_on", "dpia_outcome", "dpia_next_review",
)
AGREEMENT_FIELDS = (
    "supplier_id", "organisation_id", "signed_on", "model_version", "ends_on", "sub_processors",
    "document_reference",
)
BREACH_FIELDS = (
    "organisation_id", "discovered_at", "description", "affected_categories", "people_affected", "risk",
    "risk_assessment", "notified_at", "notification_reference", "people_informed_on", "measures", "closed_on",
)


def _check_organisation(session, values, errors):
    if values.get("organisation_id") is not None and session.get(Organisation, values["organisation_id"]) is None:
        errors["organisation_id"] = [_("Kies een bestaande organisatie.")]


def _check_ids(session, model, ids, field, message, errors):
    wanted = set(ids)
    if wanted and set(session.exec(select(model.id).where(model.id.in_(wanted))).all()) != wanted:
        errors[field] = [message]


def _set_links(session, link_model, owner_field, owner_id, target_field, wanted):
    """Make the links of owner exactly wanted: rows added and removed, so the audit sees each."""
    current = {
        getattr(link, target_field): link
        for link in session.exec(select(link_model).where(getattr(link_model, owner_field) == owner_id)).all()
    }
    for target_id in set(wanted) - current.keys():
        session.add(link_model(**{owner_field: owner_id, target_field: target_id}))
    for target_id in current.keys() - set(wanted):
        session.delete(current[target_id])


# Processing activities ----------------------------------------------------------------------

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
    _check_organisation(session, values, errors)
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
    _check_ids(session, Application, application_ids, "application_ids", _("Kies bestaande applicaties."), errors)
    _check_ids(session, Supplier, processor_ids, "processor_ids", _("Kies bestaande leveranciers."), errors)
    if errors:
        raise FieldErrors(errors)


def create_processing(session, *, data, application_ids=(), processor_ids=()):
    """Add a processing activity. Raises FieldErrors on a broken rule (see _check_processing)."""
    values = accept_fields(data, PROCESSING_FIELDS)
    _check_processing(session, values, application_ids, processor_ids)
    processing = ProcessingActivity(**values)
    session.add(processing)
    session.flush()
    _set_links(session, ProcessingApplication, "processing_id", processing.id, "application_id", application_ids)
    _set_links(session, ProcessingProcessor, "processing_id", processing.id, "supplier_id", processor_ids)
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
        _set_links(session, ProcessingApplication, "processing_id", processing.id, "application_id", application_ids)
    if processor_ids is not None:
        _set_links(session, ProcessingProcessor, "processing_id", processing.id, "supplier_id", processor_ids)
    session.flush()
    session.expire(processing, ["application_links", "processor_links"])
    return processing


# Processor agreements -----------------------------------------------------------------------

def get_agreement(session, agreement_id):
    return session.exec(
        select(ProcessorAgreement)
        .where(ProcessorAgreement.id == agreement_id)
        .options(
            selectinload(ProcessorAgreement.supplier),
            selectinload(ProcessorAgreement.organisation),
            selectinload(ProcessorAgreement.application_links).selectinload(AgreementApplication.application),
        )
    ).first()


def _check_agreement(session, values, application_ids):
    errors = {}
    _check_organisation(session, values, errors)
    if values.get("supplier_id") is not None and session.get(Supplier, values["supplier_id"]) is None:
        errors["supplier_id"] = [_("Kies een bestaande leverancier.")]
    signed_on, ends_on = values.get("signed_on"), values.get("ends_on")
    if signed_on and ends_on and ends_on < signed_on:
        errors["ends_on"] = [_("De einddatum kan niet voor de datum van ondertekening liggen.")]
    _check_ids(session, Application, application_ids, "application_ids", _("Kies bestaande applicaties."), errors)
    if errors:
        raise FieldErrors(errors)


def create_agreement(session, *, data, application_ids=()):
    values = accept_fields(data, AGREEMENT_FIELDS)
    _check_agreement(session, values, application_ids)
    agreement = ProcessorAgreement(**values)
    session.add(agreement)
    session.flush()
    _set_links(session, AgreementApplication, "agreement_id", agreement.id, "application_id", application_ids)
    session.flush()
    return agreement


def update_agreement(session, agreement, *, data, loaded_version, application_ids=None):
    check_version(agreement, loaded_version, _("Iemand anders heeft deze verwerkersovereenkomst intussen gewijzigd."))
    values = accept_fields(data, AGREEMENT_FIELDS)
    merged = {field: getattr(agreement, field) for field in AGREEMENT_FIELDS} | values
    _check_agreement(session, merged, application_ids or ())
    for field, value in values.items():
        setattr(agreement, field, value)
    if application_ids is not None:
        _set_links(session, AgreementApplication, "agreement_id", agreement.id, "application_id", application_ids)
    session.flush()
    session.expire(agreement, ["application_links"])
    return agreement


# Data breaches ------------------------------------------------------------------------------

def get_breach(session, breach_id):
    return session.exec(
        select(DataBreach)
        .where(DataBreach.id == breach_id)
        .options(
            selectinload(DataBreach.organisation),
            selectinload(DataBreach.application_links).selectinload(BreachApplication.application),
        )
    ).first()


def _check_breach(session, values, application_ids):
    errors = {}
    _check_organisation(session, values, errors)
    discovered_at, notified_at = values.get("discovered_at"), values.get("notified_at")
    if discovered_at and notified_at and notified_at < discovered_at:
        errors["notified_on"] = [_("De melding kan niet voor de ontdekking liggen.")]
    closed_on = values.get("closed_on")
    if discovered_at and closed_on and closed_on < discovered_at.date():
        errors["closed_on"] = [_("Het datalek kan niet gesloten zijn voordat het ontdekt is.")]
    people = values.get("people_affected")
    if people is not None and people < 0:
        errors["people_affected"] = [_("Vul een aantal van 0 of meer in.")]
    _check_ids(session, Application, application_ids, "application_ids", _("Kies bestaande applicaties."), errors)
    if errors:
        raise FieldErrors(errors)


def create_breach(session, *, data, application_ids=()):
    values = accept_fields(data, BREACH_FIELDS)
    _check_breach(session, values, application_ids)
    breach = DataBreach(**values)
    session.add(breach)
    session.flush()
    _set_links(session, BreachApplication, "breach_id", breach.id, "application_id", application_ids)
    session.flush()
    return breach


def update_breach(session, breach, *, data, loaded_version, application_ids=None):
    check_version(breach, loaded_version, _("Iemand anders heeft dit datalek intussen gewijzigd."))
    values = accept_fields(data, BREACH_FIELDS)
    merged = {field: getattr(breach, field) for field in BREACH_FIELDS} | values
    _check_breach(session, merged, application_ids or ())
    for field, value in values.items():
        setattr(breach, field, value)
    if application_ids is not None:
        _set_links(session, BreachApplication, "breach_id", breach.id, "application_id", application_ids)
    session.flush()
    session.expire(breach, ["application_links"])
    return breach
