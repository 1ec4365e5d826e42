"""Every write the application offers leaves an audit entry naming the user, the record and the
changed fields; the list of writes is derived from the app, so a new route cannot be forgotten."""

import itertools
import json

from sqlalchemy import select

from portfolio.audit.models import AuditEntry
from portfolio.audit.services import verify_chain
from portfolio.db import get_engine, session_scope
from tests.conftest import PASSWORD
from tests.e2e.pages import page_paths
from tests.reliability.discovery import WRITE_METHODS, Form, discover_api_writes, discover_forms, endpoint_of, parse_forms
from tests.reliability.test_hostile_input import ApiSweep, form_data, refresh

# Write routes that change no audited register record, each with the reason.
NOT_AUDITED = {
    "auth.login": "records a login_attempt, itself the security log (not audited by design)",
    "auth.logout": "ends the session; the session token it rotates is not register data",
    "i18n.set_language": "stores the language in the session cookie only",
    "applications.import_file": "only reads the file and shows a preview; import_confirm writes",
}
# Write routes no page offers a form for in the demo data; each says why it is left out.
NOT_REACHED = {
    "applications.import_confirm": "needs the preview's signed payload from import_file; tests/applications cover it",
    "security.framework_import": "needs a catalogue file; tests/security cover its audit entries",
}
# Not yet reached with valid data: the generic filler does not satisfy these forms' cross-field
# rules (or, for the two marked, submits no change). A follow-up under issue 11 item 6; each is
# still counted, and one that starts passing must be taken off this list.
NOT_YET_VALID = {
    "api.usages_create": "the demo organisation already uses the application (422, unique)",
    "applications.usage_create": "same: one usage per organisation", "budget.allocation_create": "needs a target",
    "budget.allocation_edit": "amount/target rules", "budget.funding_create": "money fields",
    "budget.line_create": "year amounts", "privacy.processing_create": "cross-field DPIA rules",
    "procurements.create": "money and date fields", "procurements.edit": "money fields",
    "security.evidence_add": "kind-specific fields", "security.framework_import": "needs a catalogue file",
    "tokens.index": "answers 200 with the new secret (no redirect)", "procurements.advance": "phase dates",
    "procurements.stop": "reason and date rules",
    "privacy.agreement_edit": "no change submitted",
    "privacy.agreement_restore": "the page the archive redirects to offers no restore form to follow", "security.measure_status": "no change submitted",
}
LAST = ("archive", "stop", "advance", "delete", "revoke")
counter = itertools.count(1)


def valid_value(field):
    """A value the form accepts for an empty field of this kind."""
    n = next(counter)
    return {
        "email": f"audit{n}@example.org", "password": f"Audit-wachtwoord-{n}-lang!", "number": "1",
        "date": "2026-03-02", "time": "10:00", "url": "https://example.org", "datetime-local": "2026-03-02T10:00",
    }.get(field.kind, f"Audit {n}")


def valid_data(form):
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
    return form_data(form, overrides)


def new_entries(app, after_id):
    with get_engine(app).connect() as connection:
        return connection.execute(select(AuditEntry.__table__).where(AuditEntry.id > after_id)
                                  .order_by(AuditEntry.id)).all()


def last_id(app):
    rows = new_entries(app, 0)
    return rows[-1].id if rows else 0


def judge(entries, user_id):
    """'' when the entries name the user, a record and changed fields; else what is missing."""
    if not entries:
        return "no audit entry"
    for entry in entries:
        changes = entry.changes if isinstance(entry.changes, dict) else json.loads(entry.changes)
        if entry.actor_id != user_id:
            return f"entry {entry.id} names actor {entry.actor_id}, not {user_id}"
        if not entry.entity_type or not entry.entity_id or not changes:
            return f"entry {entry.id} lacks the record or the changed fields"
    return ""


def test_every_write_leaves_an_audit_entry(app, world, scorecard):
    ids, clients, secret = world
    admin = clients["admin"]
    admin_id = admin.user.id
    write_rules = {rule.endpoint for rule in app.url_map.iter_rules()
                   if rule.methods & WRITE_METHODS and not rule.endpoint.startswith("api.")}
    forms = [f for f in discover_forms(app, clients, page_paths(app, ids))
             if f.method == "POST" and f.endpoint not in NOT_AUDITED and f.role == "admin"]
    forms.sort(key=lambda f: any(word in f.endpoint for word in LAST))

    exercised, missing = set(), []
    # The API first: the forms end by revoking tokens, this test's own among them.
    api = ApiSweep(app.test_client(), secret)
    operations = discover_api_writes(app, admin.get("/api/v1/openapi.json").get_json())
    for op in sorted(operations, key=lambda o: any(word in o.path for word in LAST) + ("restore" in o.path)):
        before = last_id(app)
        response = send_valid(api, op)
        if response.status_code >= 300:
            missing.append(f"{op.endpoint}: answered {response.status_code} {response.get_data(as_text=True)[:120]}")
            continue
        exercised.add(op.endpoint)
        problem = judge(new_entries(app, before), admin_id)
        if problem:
            missing.append(f"{op.endpoint}: {problem}")

    queue = list(forms)
    while queue:
        form = queue.pop(0)
        if form.endpoint in exercised:
            continue
        refresh(admin, form)
        before = last_id(app)
        response = admin.post(form.action, data=valid_data(form))
        if response.status_code not in (302, 303):
            missing.append(f"{form.endpoint}: answered {response.status_code}, not a redirect")
            continue
        exercised.add(form.endpoint)
        problem = judge(new_entries(app, before), admin_id)
        if problem:
            missing.append(f"{form.endpoint}: {problem}")
        page = admin.get(response.headers["Location"])
        for method, action, enctype, fields, _id in parse_forms(page.get_data(as_text=True), response.headers["Location"]):
            target = endpoint_of(app, method, action)
            if method == "POST" and target in write_rules - exercised - set(NOT_AUDITED):
                queue.append(Form("follow-up", response.headers["Location"], method, action, target, enctype, fields))

    missing = [m for m in missing if m.split(":")[0] not in NOT_YET_VALID]
    came_good = exercised & set(NOT_YET_VALID) - {m.split(":")[0] for m in missing}
    unaccounted = write_rules - exercised - set(NOT_AUDITED) - set(NOT_REACHED) - set(NOT_YET_VALID)
    with app.app_context(), session_scope(app) as session:
        report = verify_chain(session)
    scorecard("write operations", len(exercised))
    scorecard("write operations without audit entry", len(missing))
    scorecard("audit chains verified", int(report.first_broken_id is None))
    print(f"\naudit completeness: {len(exercised)} write operations, {len(missing)} without a proper entry, "
          f"chain of {report.checked} entries {'intact' if report.first_broken_id is None else 'broken'}")
    assert not missing, "\n".join(missing)
    assert not came_good - {"security.measure_status", "privacy.agreement_edit"} - {
        e for e in came_good if e.startswith("api.")}, f"take off NOT_YET_VALID: {sorted(came_good)}"
    assert not unaccounted, f"write routes neither exercised nor excluded: {sorted(unaccounted)}"
    assert report.first_broken_id is None, report.problem


TEXT_PROPERTIES = ("name", "title", "description", "notes", "reason", "override_reason", "status_reason", "text",
                   "number", "local_process_owner", "model_version", "renewal_terms", "document_reference")


def send_valid(api, op):
    """The operation with valid data: an existing record's values for a create (made unique), one
    changed text for an update, today for a phase change, a reason where one is asked."""
    headers = dict(api.headers)
    properties = (op.body or {}).get("properties", {})
    path = op.path
    if "{record_id}" in op.path:
        path, collection = api.record_path(op)
        read = api.client.get(path.split("/archive")[0].split("/restore")[0].split("/status")[0]
                              .split("/advance")[0].split("/stop")[0], headers=api.headers)
        headers["If-Match"] = read.headers.get("ETag", "")
        record = read.get_json()
    else:
        first = api.record_path(type(op)("GET", op.path + "/{record_id}", "", None, False))[0]
        record = api.client.get(first, headers=api.headers).get_json()
    n = next(counter)
    if op.method == "POST" and "{record_id}" not in op.path:
        body = {key: value for key, value in record.items() if key in properties and value is not None}
    else:
        body = {}
    for key in TEXT_PROPERTIES:
        if key in properties:
            body[key] = f"Audit {n}"
            if op.method == "PATCH":
                break
    if "on" in properties:
        body["on"] = "2026-11-29"
    if "status" in properties and op.path.endswith("/status"):
        body["status"] = "in_progress" if record.get("status") != "in_progress" else "implemented"
    return api.client.open(path, method=op.method, headers=headers, data=json.dumps(body),
                           content_type="application/json")
