"""Rules of the data-breach register: record and change breaches, with the applications involved.
Services flush, never commit."""

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlmodel import select

from portfolio.applications.models import Application
from portfolio.core.exceptions import FieldErrors
from portfolio.core.records import accept_fields, check_version
from portfolio.privacy.models import BreachApplication, DataBreach
from portfolio.privacy.services import check_ids, check_organisation, set_links

BREACH_FIELDS = (
    "organisation_id", "discovered_at", "description", "affected_categories", "people_affected", "risk",
    "risk_assessment", "notified_at", "notification_reference", "people_informed_on", "measures", "closed_on",
)


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
    check_organisation(session, values, errors)
    discovered_at, notified_at = values.get("discovered_at"), values.get("notified_at")
    if discovered_at and notified_at and notified_at < discovered_at:
        errors["notified_on"] = [_("De melding kan niet voor de ontdekking liggen.")]
    closed_on = values.get("closed_on")
    if discovered_at and closed_on and closed_on < discovered_at.date():
        errors["closed_on"] = [_("Het datalek kan niet gesloten zijn voordat het ontdekt is.")]
    people = values.get("people_affected")
    if people is not None and people < 0:
        errors["people_affected"] = [_("Vul een aantal van 0 of meer in.")]
    check_ids(session, Application, application_ids, "application_ids", _("Kies bestaande applicaties."), errors)
    if errors:
        raise FieldErrors(errors)


def create_breach(session, *, data, application_ids=()):
    values = accept_fields(data, BREACH_FIELDS)
    _check_breach(session, values, application_ids)
    breach = DataBreach(**values)
    session.add(breach)
    session.flush()
    set_links(session, BreachApplication, "breach_id", breach.id, "application_id", application_ids)
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
        set_links(session, BreachApplication, "breach_id", breach.id, "application_id", application_ids)
    session.flush()
    session.expire(breach, ["application_links"])
    return breach
