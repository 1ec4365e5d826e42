"""Every write the application offers leaves an audit entry naming the user, the record and the
changed fields; the list of writes is derived from the app, so a new route cannot be forgotten.
Each is done once with valid data (tests/reliability/valid_data.py) and must succeed."""

import json
import re

from sqlalchemy import func, select

from portfolio.core.audit.models import AuditEntry
from portfolio.core.audit.history import verify_chain
from portfolio.core.db import get_engine, session_scope
from tests.e2e.pages import page_paths
from tests.reliability.discovery import WRITE_METHODS, Form, discover_api_writes, discover_forms, endpoint_of, parse_forms
from tests.reliability.test_hostile_input import ApiSweep, refresh
from tests.reliability.valid_data import Filling, counter, unused_organisation, valid_data

# Write routes that change no audited register record, each with the reason.
NOT_AUDITED = {
    "auth.login": "records a login_attempt, itself the security log (not audited by design)",
    "auth.logout": "ends the session; the session token it rotates is not register data",
    "i18n.set_language": "stores the language in the session cookie only",
    "applications.import_file": "only reads the file and shows a preview; import_confirm writes",
}
# Forms that answer with a page instead of a redirect when they succeed, each with the reason.
ANSWER_WITH_PAGE = {
    "tokens.index": "shows the new token's secret once, in the page it answers with",
    "applications.import_file": "shows the preview, whose form goes on to import_confirm",
}
# The messages of a refused form: the alert's first line and each field's message.
ERROR_TEXT = re.compile(r'(?s)utrecht-alert--error.*?<p[^>]*>([^<]*)|utrecht-form-field-error-message[^>]*>([^<]*)')
# One-way writes, done last and in this order: a procurement advances before it is stopped.
LAST = ("advance", "stop", "archive", "delete", "revoke", "restore")


def last_rank(path):
    return next((i + 1 for i, word in enumerate(LAST) if word in path), 0)


def new_entries(app, after_id):
    with get_engine(app).connect() as connection:
        return connection.execute(select(AuditEntry.__table__).where(AuditEntry.id > after_id)
                                  .order_by(AuditEntry.id)).all()


def last_id(app):
    with get_engine(app).connect() as connection:
        return connection.execute(select(func.max(AuditEntry.__table__.c.id))).scalar() or 0


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
    check = Check(app, admin.user.id)
    write_rules = {rule.endpoint for rule in app.url_map.iter_rules()
                   if rule.methods & WRITE_METHODS and not rule.endpoint.startswith("api.")}
    wanted = write_rules - set(NOT_AUDITED)

    # The API first: the forms end by revoking tokens, this test's own among them.
    api = ApiRecords(app.test_client(), secret)
    operations = discover_api_writes(app, admin.get("/api/v1/openapi.json").get_json())
    for op in sorted(operations, key=lambda o: last_rank(o.path)):
        before = last_id(app)
        response = send_valid(api, op, app)
        check(op.endpoint, response, before, response.status_code < 300)

    forms = [f for f in discover_forms(app, clients, page_paths(app, ids)) if f.method == "POST" and f.role == "admin"
             and (f.endpoint in wanted or f.endpoint in ANSWER_WITH_PAGE)]
    queue = sorted(forms, key=lambda f: last_rank(f.endpoint))
    rescanned = False
    while queue or not rescanned:
        if not queue:  # forms offered only after a change, such as a restore after an archive
            queue, rescanned = offered_forms(app, admin, ids, wanted - check.tried), True
            continue
        form = queue.pop(0)
        if form.endpoint in check.tried:
            continue
        refresh(admin, form)
        before = last_id(app)
        response = admin.post(form.action, data=valid_data(form, Filling(app, admin)))
        succeeded = response.status_code == 200 if form.endpoint in ANSWER_WITH_PAGE else response.status_code in (302, 303)
        if not check(form.endpoint, response, before, succeeded):
            continue
        page_path = response.headers.get("Location", form.action)
        page = response if response.status_code == 200 else admin.get(page_path)
        for method, action, enctype, fields, _id in parse_forms(page.get_data(as_text=True), page_path):
            target = endpoint_of(app, method, action)
            if method == "POST" and target in wanted - check.tried:
                queue.append(Form("follow-up", page_path, method, action, target, enctype, fields))

    unaccounted = write_rules - check.exercised - set(NOT_AUDITED)
    with app.app_context(), session_scope(app) as session:
        report = verify_chain(session)
    scorecard("write operations", len(check.exercised))
    scorecard("write operations without audit entry", len(check.missing))
    scorecard("audit chains verified", int(report.first_broken_id is None))
    print(f"\naudit completeness: {len(check.exercised)} write operations, {len(check.missing)} without a proper "
          f"entry, chain of {report.checked} entries {'intact' if report.first_broken_id is None else 'broken'}")
    assert not check.missing, "\n".join(check.missing)
    assert not unaccounted, f"write routes neither exercised nor excluded: {sorted(unaccounted)}"
    assert report.first_broken_id is None, report.problem


class Check:
    """Judges each write: it succeeded and left entries naming the admin, a record and changed fields;
    a preview (NOT_AUDITED) must have written none."""

    def __init__(self, app, user_id):
        self.app, self.user_id, self.exercised, self.tried, self.missing = app, user_id, set(), set(), []

    def __call__(self, endpoint, response, before, succeeded):
        """True when the write succeeded; what is wrong is kept in self.missing."""
        self.tried.add(endpoint)
        if not succeeded:
            self.missing.append(f"{endpoint}: answered {response.status_code} {refusal(response)}")
            return False
        entries = new_entries(self.app, before)
        if endpoint in NOT_AUDITED:
            problem = f"{len(entries)} audit entries from a request that should change nothing" if entries else ""
        else:
            self.exercised.add(endpoint)
            problem = judge(entries, self.user_id)
        if problem:
            self.missing.append(f"{endpoint}: {problem}")
        return True


def refusal(response):
    """What a refused write said: the JSON problem, or the page's error messages."""
    if response.is_json:
        return json.dumps(response.get_json())[:300]
    found = ERROR_TEXT.findall(response.get_data(as_text=True))
    return " | ".join(text.strip() for pair in found for text in pair if text.strip()) or "(no message)"


def offered_forms(app, client, ids, endpoints):
    """The forms to these endpoints that the pages offer the client now, one per endpoint."""
    found = {}
    for _endpoint, path in page_paths(app, ids):
        response = client.get(path)
        if response.status_code != 200:
            continue
        for method, action, enctype, fields, _id in parse_forms(response.get_data(as_text=True), path):
            target = endpoint_of(app, method, action)
            if method == "POST" and target in endpoints:
                found.setdefault(target, Form("offered", path, method, action, target, enctype, fields))
    return list(found.values())


class ApiRecords(ApiSweep):
    """The API with the admin's token; a one-way operation (archive, stop, ...) works on the page's
    record with the highest id, the others on its first, so that the forms still find the record of
    tests/e2e/pages.py (the lowest id) as the pages show it."""

    def record_path(self, op):
        collection = op.path.split("/{record_id}")[0]
        record_id = self.record_ids(collection)[1 if last_rank(op.path) else 0]
        return op.path.replace("{record_id}", str(record_id)), f"{collection}/{record_id}"


TEXT_PROPERTIES = ("name", "title", "description", "notes", "reason", "override_reason", "status_reason", "text",
                   "number", "local_process_owner", "model_version", "renewal_terms", "document_reference")


def send_valid(api, op, app):
    """The operation with valid data: an existing record's values for a create (made unique), one
    changed text for an update, a date for a phase change, a reason where one is asked."""
    headers = dict(api.headers)
    properties = (op.body or {}).get("properties", {})
    path = op.path
    if "{record_id}" in op.path:
        path, record = api.record_path(op)
        read = api.client.get(record, headers=api.headers)
        headers["If-Match"] = read.headers.get("ETag", "")
        record = read.get_json()
    else:
        first = api.record_path(type(op)("GET", op.path + "/{record_id}", "", None, False))[1]
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
    if op.endpoint == "api.usages_create":
        body["organisation_id"] = unused_organisation(app, body["application_id"])
    return api.client.open(path, method=op.method, headers=headers, data=json.dumps(body),
                           content_type="application/json")
