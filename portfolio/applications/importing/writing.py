"""Writing a checked import through the application services, in the caller's transaction."""

from flask_babel import gettext as _
from sqlmodel import select

from portfolio.applications import services
from portfolio.applications.importing.preview import BY_FIELD, SERVICE_FIELD
from portfolio.applications.importing.reading import RowError
from portfolio.applications.models import Application
from portfolio.core.audit.capture import set_reason
from portfolio.core.exceptions import FieldErrors, ServiceError
from portfolio.reference.models import Domain
from portfolio.suppliers.models import Supplier
from portfolio.suppliers.services import find_or_create_supplier

class ImportInvalid(ServiceError):
    """Rows broke a rule while being written; ``errors`` lists them. The caller must roll back."""

    def __init__(self, errors):
        super().__init__(_("Er is niets opgeslagen: niet alle rijen zijn geldig."))
        self.errors = errors



def apply(session, preview, *, reason=None):
    """Write a valid preview through the services, in the caller's transaction (audited by the
    capture below them). Returns (created, changed) applications. Raises ImportInvalid when the
    preview has errors or a service refuses a row, VersionConflict when a row changed meanwhile;
    the caller must then roll back."""
    if not preview.is_valid:
        raise ImportInvalid(preview.errors)
    previous_reason = session.info.get("audit_reason")
    set_reason(session, reason or previous_reason)
    suppliers, created, changed = {}, [], []
    planned = None
    # Held for the loop: the identity map is weak, and the services look each row's domain and
    # supplier up by id; without these references that is two queries per row.
    references = session.exec(select(Domain)).all() + session.exec(select(Supplier)).all()  # noqa: F841
    try:
        for planned in sorted(preview.creates + preview.updates, key=lambda row: row.row):
            data = dict(planned.data)
            if planned.new_supplier is not None:
                key = planned.new_supplier.lower()
                if key not in suppliers:
                    suppliers[key] = find_or_create_supplier(session, planned.new_supplier)
                data["supplier_id"] = suppliers[key].id
            if planned.application_id is None:
                application = services.create_application(session, data=data)
                created.append(application)
            else:
                application = services.update_application(
                    session, session.get(Application, planned.application_id), data=data,
                    loaded_version=planned.loaded_version,
                )
                changed.append(application)
            # Written and audited: out of the identity map, which every later flush would scan.
            session.expunge(application)
    except FieldErrors as error:
        fields = {value: key for key, value in SERVICE_FIELD.items()}
        raise ImportInvalid([
            RowError(planned.row, BY_FIELD.get(fields.get(name, name), BY_FIELD["name"]).header, message)
            for name, messages in error.errors.items() for message in messages
        ]) from None
    finally:
        set_reason(session, previous_reason)
    return created, changed
