"""Rules the privacy register's parts share (processing activities, processor agreements, data
breaches): checks of the organisation and of linked ids, keeping link rows exact, and the choices of
applications and suppliers their forms offer. Services flush, never commit."""

from flask_babel import gettext as _
from sqlmodel import func, select

from portfolio.applications.models import Application
from portfolio.reference.models import Organisation
from portfolio.suppliers.models import Supplier


def check_organisation(session, values, errors):
    """Add an error to errors when values name an organisation that does not exist."""
    if values.get("organisation_id") is not None and session.get(Organisation, values["organisation_id"]) is None:
        errors["organisation_id"] = [_("Kies een bestaande organisatie.")]


def check_ids(session, model, ids, field, message, errors):
    """Add message under field when any of ids is not a row of model."""
    wanted = set(ids)
    if wanted and set(session.exec(select(model.id).where(model.id.in_(wanted))).all()) != wanted:
        errors[field] = [message]


def set_links(session, link_model, owner_field, owner_id, target_field, wanted):
    """Make the links of owner exactly wanted: rows added and removed, so the audit sees each."""
    current = {
        getattr(link, target_field): link
        for link in session.exec(select(link_model).where(getattr(link_model, owner_field) == owner_id)).all()
    }
    for target_id in set(wanted) - current.keys():
        session.add(link_model(**{owner_field: owner_id, target_field: target_id}))
    for target_id in current.keys() - set(wanted):
        session.delete(current[target_id])


def _for_choice(session, model, keep):
    """The unarchived rows of model by name, and the archived ones in keep (already chosen)."""
    keep = list(keep)
    condition = model.archived.is_(False)
    if keep:
        condition = condition | model.id.in_(keep)
    return session.exec(select(model).where(condition).order_by(func.lower(model.name))).all()


def applications_for_choice(session, keep=()):
    return _for_choice(session, Application, keep)


def suppliers_for_choice(session, keep=()):
    return _for_choice(session, Supplier, keep)
