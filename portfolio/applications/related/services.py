"""Rules for what hangs off an application: its usages, contracts and integrations."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlmodel import select

from portfolio.applications.models import Application, Contract, Integration, Usage
from portfolio.core.records import accept_fields, check_version
from portfolio.core.exceptions import FieldErrors
from portfolio.core.figure_cache import cached
from portfolio.reference.models import Organisation
from portfolio.suppliers.models import Supplier

USAGE_FIELDS = (
    "organisation_id", "status", "since", "local_process_owner", "availability", "integrity",
    "confidentiality", "ensia_subjects",
)
CONTRACT_FIELDS = (
    "supplier_id", "number", "contract_type", "starts_on", "ends_on", "notice_months",
    "renewal_terms", "cost_cents", "cost_period",
)
INTEGRATION_FIELDS = (
    "target_application_id", "external_target", "direction", "standard", "via_esb", "description",
)


def _apply(session, record, values):
    for field, value in values.items():
        setattr(record, field, value)
    session.flush()
    return record


# --- usages -------------------------------------------------------------------------------


def _check_usage(session, application, values, current_id=None):
    organisation_id = values.get("organisation_id")
    if session.get(Organisation, organisation_id) is None:
        raise FieldErrors({"organisation_id": [_("Kies een bestaande organisatie.")]})
    duplicate = select(Usage.id).where(
        Usage.application_id == application.id, Usage.organisation_id == organisation_id
    )
    if current_id is not None:
        duplicate = duplicate.where(Usage.id != current_id)
    if session.exec(duplicate).first() is not None:
        raise FieldErrors({"organisation_id": [_("Het gebruik door deze organisatie is al vastgelegd.")]})


def create_usage(session, application, *, data):
    """Record an organisation's use. Raises FieldErrors for an unknown or already listed organisation."""
    values = accept_fields(data, USAGE_FIELDS)
    values["ensia_subjects"] = sorted(values.get("ensia_subjects") or [])
    _check_usage(session, application, values)
    usage = Usage(application_id=application.id, **values)
    session.add(usage)
    session.flush()
    return usage


def update_usage(session, usage, *, data, loaded_version):
    check_version(usage, loaded_version, _("Iemand anders heeft dit intussen gewijzigd."))
    values = accept_fields(data, USAGE_FIELDS)
    values["ensia_subjects"] = sorted(values.get("ensia_subjects") or [])
    _check_usage(session, usage.application, {**values}, current_id=usage.id)
    return _apply(session, usage, values)


# --- contracts ----------------------------------------------------------------------------


def _check_contract(session, values):
    errors = {}
    supplier_id = values.get("supplier_id")
    if supplier_id is not None and session.get(Supplier, supplier_id) is None:
        errors["supplier_id"] = [_("Kies een bestaande leverancier.")]
    starts_on, ends_on = values.get("starts_on"), values.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = [_("De einddatum ligt vóór de ingangsdatum.")]
    notice = values.get("notice_months") or 0
    if not 0 <= notice <= 36:
        errors["notice_months"] = [_("Vul 0 tot en met 36 maanden in.")]
    if values.get("cost_cents") is not None and values["cost_cents"] < 0:
        errors["cost"] = [_("Een bedrag kan niet negatief zijn.")]
    if errors:
        raise FieldErrors(errors)


def create_contract(session, application, *, data):
    """Add a contract to application. Raises FieldErrors on an end before the start, a notice
    period outside 0–36 months, a negative cost or an unknown supplier."""
    values = accept_fields(data, CONTRACT_FIELDS)
    values["notice_months"] = values.get("notice_months") or 0
    _check_contract(session, values)
    contract = Contract(application_id=application.id, **values)
    session.add(contract)
    session.flush()
    return contract


def update_contract(session, contract, *, data, loaded_version):
    check_version(contract, loaded_version, _("Iemand anders heeft dit intussen gewijzigd."))
    values = accept_fields(data, CONTRACT_FIELDS)
    values["notice_months"] = values.get("notice_months") or 0
    _check_contract(session, values)
    return _apply(session, contract, values)


# --- integrations -------------------------------------------------------------------------


def _check_integration(session, source, values):
    target_id = values.get("target_application_id")
    if target_id is None and not values.get("external_target"):
        raise FieldErrors({"target_application_id": [_("Kies een applicatie of vul een externe dienst in.")]})
    if target_id is not None:
        if target_id == source.id:
            raise FieldErrors({"target_application_id": [_("Een koppeling kan niet naar de applicatie zelf gaan.")]})
        if session.get(Application, target_id) is None:
            raise FieldErrors({"target_application_id": [_("Kies een bestaande applicatie.")]})


def create_integration(session, source, *, data):
    """Add an integration from source. Raises FieldErrors for a link to itself or to nothing."""
    values = accept_fields(data, INTEGRATION_FIELDS)
    values["via_esb"] = bool(values.get("via_esb"))
    _check_integration(session, source, values)
    integration = Integration(source_application_id=source.id, **values)
    session.add(integration)
    session.flush()
    return integration


def update_integration(session, integration, *, data, loaded_version):
    check_version(integration, loaded_version, _("Iemand anders heeft dit intussen gewijzigd."))
    values = accept_fields(data, INTEGRATION_FIELDS)
    values["via_esb"] = bool(values.get("via_esb"))
    _check_integration(session, integration.source, values)
    return _apply(session, integration, values)


@dataclass(frozen=True)
class Choice:
    id: int
    name: str


def supplier_choices(session):
    """The current suppliers by name as plain Choices, for the list's filter: read once per state
    of the register (figure_cache), since the list is shown far more often than suppliers change."""
    return cached(session, "supplier choices", lambda: [
        Choice(id_, name) for id_, name in session.exec(
            select(Supplier.id, Supplier.name).where(Supplier.archived.is_(False)).order_by(Supplier.name)
        )
    ])


def suppliers_for_choice(session, keep=None):
    """The current suppliers, plus keep: the one a record already has, even when it has been
    archived since (otherwise that record could not be saved without changing its supplier)."""
    current = Supplier.archived.is_(False)
    if keep is not None:
        current = current | (Supplier.id == keep)
    return session.exec(select(Supplier).where(current).order_by(Supplier.name)).all()
