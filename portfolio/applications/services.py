"""Rules of the application register: create, change, archive and restore, bulk changes."""

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlmodel import func, select

from portfolio.applications.enums import CostPeriod, LifecycleStatus, TimeVerdict
from portfolio.applications.models import Application, Contract, Integration, Usage
from portfolio.core.records import accept_fields, check_version
from portfolio.core.exceptions import FieldErrors
from portfolio.reference.models import Domain
from portfolio.suppliers.models import Supplier

APPLICATION_FIELDS = (
    "name", "supplier_id", "product", "product_version", "domain_id", "description",
    "gemma_component", "lifecycle_status", "time_verdict", "hosting", "hosting_party",
    "process_owner", "functional_admin", "technical_admin", "availability", "integrity",
    "confidentiality", "personal_data", "supplier_support_ends",
)
BULK_FIELDS = {"lifecycle_status": LifecycleStatus, "time_verdict": TimeVerdict}


def get_application(session, application_id):
    """The application with everything its page shows, loaded up front; None when unknown."""
    return session.exec(
        select(Application)
        .where(Application.id == application_id)
        .options(
            selectinload(Application.supplier),
            selectinload(Application.domain),
            selectinload(Application.usages).selectinload(Usage.organisation),
            selectinload(Application.contracts).selectinload(Contract.supplier),
        )
    ).first()


def integrations_of(session, application):
    """(outgoing, incoming) integrations of application, with the other side loaded."""
    rows = session.exec(
        select(Integration)
        .where(
            (Integration.source_application_id == application.id)
            | (Integration.target_application_id == application.id)
        )
        .options(selectinload(Integration.source), selectinload(Integration.target))
        .order_by(Integration.id)
    ).all()
    outgoing = [row for row in rows if row.source_application_id == application.id]
    incoming = [row for row in rows if row.source_application_id != application.id]
    return outgoing, incoming


def _check_rules(session, values, *, current_id=None):
    errors = {}
    if values.get("domain_id") is not None and session.get(Domain, values["domain_id"]) is None:
        errors["domain_id"] = [_("Kies een bestaand domein.")]
    supplier_id = values.get("supplier_id")
    if supplier_id is not None and session.get(Supplier, supplier_id) is None:
        errors["supplier_id"] = [_("Kies een bestaande leverancier.")]
    name = values.get("name")
    if name:
        same_name = select(Application.id).where(
            func.lower(Application.name) == name.lower(),
            Application.supplier_id.is_(None) if supplier_id is None else Application.supplier_id == supplier_id,
        )
        if current_id is not None:
            same_name = same_name.where(Application.id != current_id)
        if session.exec(same_name).first() is not None:
            errors["name"] = [_("Deze leverancier heeft al een applicatie met deze naam.")]
    if errors:
        raise FieldErrors(errors)


def create_application(session, *, data):
    """Add an application. Raises FieldErrors on an unknown domain or supplier or a name the
    supplier already has."""
    values = accept_fields(data, APPLICATION_FIELDS)
    _check_rules(session, values)
    application = Application(**values)
    session.add(application)
    session.flush()
    return application


def update_application(session, application, *, data, loaded_version):
    """Change the listed fields. Raises VersionConflict when it changed since loaded_version."""
    check_version(application, loaded_version, _("Iemand anders heeft deze applicatie intussen gewijzigd."))
    values = accept_fields(data, APPLICATION_FIELDS)
    merged = {field: getattr(application, field) for field in APPLICATION_FIELDS} | values
    _check_rules(session, merged, current_id=application.id)
    for field, value in values.items():
        setattr(application, field, value)
    session.flush()
    return application


def bulk_update(session, *, application_ids, changes, may_change):
    """Set lifecycle status and/or TIME verdict on many applications in one audited action.

    may_change(application) is asked per row; rows it refuses, archived rows and unknown ids are
    left alone and returned as refused. Returns (changed applications, refused ids).
    Raises FieldErrors for a field or value outside BULK_FIELDS.
    """
    values = {}
    for field, value in changes.items():
        if field not in BULK_FIELDS:
            raise FieldErrors({field: [_("Dit kan niet voor meerdere applicaties tegelijk.")]})
        try:
            values[field] = BULK_FIELDS[field](value).value
        except ValueError:
            raise FieldErrors({field: [_("Kies een geldige waarde.")]}) from None
    applications = session.exec(select(Application).where(Application.id.in_(application_ids))).all()
    found = {application.id for application in applications}
    refused = [application_id for application_id in application_ids if application_id not in found]
    changed = []
    for application in applications:
        if application.archived or not may_change(application):
            refused.append(application.id)
            continue
        differs = {field: value for field, value in values.items() if getattr(application, field) != value}
        for field, value in differs.items():
            setattr(application, field, value)
        if differs:
            changed.append(application)
    session.flush()
    return changed, refused


def yearly_structural_cost(contracts):
    """Cents a year over the current contracts with a monthly or yearly cost (one-off costs excluded)."""
    total = 0
    for contract in contracts:
        if contract.archived or contract.cost_cents is None:
            continue
        if contract.cost_period == CostPeriod.YEARLY:
            total += contract.cost_cents
        elif contract.cost_period == CostPeriod.MONTHLY:
            total += contract.cost_cents * 12
    return total
