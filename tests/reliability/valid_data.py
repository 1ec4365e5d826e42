"""Valid data for every write form: a generic filler, and per form what its rules between fields ask.

The generic filler fills each required empty field, picks the first choice of an empty select and
changes one text; a form whose rules it cannot satisfy (one target, not both; an amount in euros;
a usage for an organisation that has none yet) gets its own entry in FORM_DATA. An entry gives
overrides on top of the generic ones: None leaves a field out, bytes is uploaded as a file.
"""

import io
import itertools
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from portfolio.applications.models import Usage
from portfolio.core.db import get_engine
from portfolio.reference.models import Organisation
from tests.applications.import_helpers import exported_csv, set_cell, to_csv
from tests.conftest import PASSWORD
from tests.reliability.test_hostile_input import form_data

CATALOGUE = Path(__file__).parents[2] / "portfolio" / "security" / "catalogues" / "voorbeeld-catalogus.csv"
counter = itertools.count(1)


@dataclass
class Filling:
    """What a form's valid data may depend on: the app (to read the database) and the admin client."""

    app: Flask
    client: object


def unused_organisation(app, application_id):
    """The id of an organisation that does not use the application yet (a usage is unique per pair)."""
    with get_engine(app).connect() as connection:
        used = select(Usage.__table__.c.organisation_id).where(Usage.__table__.c.application_id == int(application_id))
        return connection.execute(select(Organisation.__table__.c.id).where(
            Organisation.__table__.c.id.not_in(used)).order_by(Organisation.__table__.c.id)).scalars().first()


def changed_export(filling):
    """The applications export as CSV with one cell changed: an import that changes one record."""
    header, rows = exported_csv(filling.client)
    set_cell(header, rows[0], "Proceseigenaar", f"Audit {next(counter)}")
    return to_csv(header, rows)


def _other_status(form):
    current = next(f.value for f in form.fields if f.name == "status")
    return next(s for s in ("in_progress", "implemented") if s != current)


def _text():
    return f"Audit {next(counter)}"


FORM_DATA = {
    "applications.usage_create": lambda form, filling: {
        "organisation_id": str(unused_organisation(filling.app, form.action.split("/")[2]))},
    "applications.import_file": lambda form, filling: {"file": changed_export(filling)},
    "budget.allocation_create": lambda form, filling: {"budget_line_id": "", "amount": "1.250"},
    "budget.allocation_edit": lambda form, filling: {"budget_line_id": "", "amount": f"{next(counter)}00"},
    "budget.funding_create": lambda form, filling: {"available": "50.000"},
    "budget.line_create": lambda form, filling: {"years-0-year": "2027", "years-0-amount": "12.500"},
    "privacy.processing_create": lambda form, filling: {"dpia_required": "no", "dpia_reason": _text()},
    "privacy.agreement_edit": lambda form, filling: {"sub_processors": _text()},
    "procurements.create": lambda form, filling: {"replaces": None},
    "procurements.edit": lambda form, filling: {"replaces": None},
    "procurements.advance": lambda form, filling: {"override_reason": "Audit: zonder beoordeling door"},
    "security.evidence_add": lambda form, filling: {"kind": "text", "description": _text(), "file": None},
    "security.framework_import": lambda form, filling: {
        "file": CATALOGUE.read_bytes(), "code": f"AUDIT-{next(counter)}", "name": _text()},
    "security.measure_status": lambda form, filling: {"status": _other_status(form), "status_reason": _text()},
}


def valid_value(field):
    """A value the form accepts for an empty field of this kind."""
    n = next(counter)
    return {
        "email": f"audit{n}@example.org", "password": f"Audit-wachtwoord-{n}-lang!", "number": "1",
        "date": "2026-03-02", "time": "10:00", "url": "https://example.org", "datetime-local": "2026-03-02T10:00",
    }.get(field.kind, f"Audit {n}")


def generic(form):
    """Overrides that fill the required fields and change one text of the form."""
    overrides = {}
    for field in form.fields:
        if field.name in ("current_password",):
            overrides[field.name] = PASSWORD
        elif field.name in ("new_password", "confirm_password"):
            overrides[field.name] = "Een-nieuw-lang-wachtwoord-2026"
        elif field.kind == "select" and not field.value and field.options:
            overrides[field.name] = next((o for o in field.options if o), "")
        elif field.kind == "checkbox" and field.name == "selected":
            overrides[field.name] = field.options[0]
        elif field.required and not (field.value or "").strip():
            overrides[field.name] = valid_value(field)
    changeable = [f for f in form.fields if f.kind in ("text", "textarea") and (f.value or "").strip()
                  and f.name not in overrides and not any(c.isdigit() for c in f.value)]
    if changeable:
        overrides[changeable[0].name] = changeable[0].value.strip() + " (gewijzigd)"
    return overrides


def valid_data(form, filling):
    """The form's data as a person who fills it in correctly would send it (a MultiDict)."""
    overrides = generic(form)
    if form.endpoint in FORM_DATA:
        overrides.update(FORM_DATA[form.endpoint](form, filling))
    files = {name: value for name, value in overrides.items() if isinstance(value, bytes)}
    left_out = {name for name, value in overrides.items() if value is None} | set(files)
    data = form_data(form, {k: v for k, v in overrides.items() if k not in left_out}, drop=left_out)
    for name, content in files.items():
        data.add(name, (io.BytesIO(content), f"audit-{next(counter)}.csv"))
    return MultiDict(data)
