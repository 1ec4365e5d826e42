"""Rules of processor agreements: create and change them, with the applications they cover.
Whether an agreement is current is decided in currency.py. Services flush, never commit."""

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlmodel import select

from portfolio.applications.models import Application
from portfolio.core.exceptions import FieldErrors
from portfolio.core.records import accept_fields, check_version
from portfolio.privacy.models import AgreementApplication, ProcessorAgreement
from portfolio.privacy.services import check_ids, check_organisation, set_links
from portfolio.suppliers.models import Supplier

AGREEMENT_FIELDS = (
    "supplier_id", "organisation_id", "signed_on", "model_version", "ends_on", "sub_processors",
    "document_reference",
)


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
    check_organisation(session, values, errors)
    if values.get("supplier_id") is not None and session.get(Supplier, values["supplier_id"]) is None:
        errors["supplier_id"] = [_("Kies een bestaande leverancier.")]
    signed_on, ends_on = values.get("signed_on"), values.get("ends_on")
    if signed_on and ends_on and ends_on < signed_on:
        errors["ends_on"] = [_("De einddatum kan niet voor de datum van ondertekening liggen.")]
    check_ids(session, Application, application_ids, "application_ids", _("Kies bestaande applicaties."), errors)
    if errors:
        raise FieldErrors(errors)


def create_agreement(session, *, data, application_ids=()):
    values = accept_fields(data, AGREEMENT_FIELDS)
    _check_agreement(session, values, application_ids)
    agreement = ProcessorAgreement(**values)
    session.add(agreement)
    session.flush()
    set_links(session, AgreementApplication, "agreement_id", agreement.id, "application_id", application_ids)
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
        set_links(session, AgreementApplication, "agreement_id", agreement.id, "application_id", application_ids)
    session.flush()
    session.expire(agreement, ["application_links"])
    return agreement
