"""Hostile input everywhere: every form and every API write, found from the app itself, sent
the big list of naughty strings and our own injections; nothing answers 5xx, nothing comes back
as live markup, and what is refused changes nothing in the database."""

import io
import json
import time
from collections import Counter

from sqlmodel import select
from werkzeug.datastructures import MultiDict

from portfolio import create_app
from portfolio.auth.models import User
from portfolio.core.db import get_engine, session_scope
from tests.conftest import base_config, sign_in
from tests.e2e.pages import page_paths
from tests.reliability.checks import ERROR_SHOWN, changed_tables, snapshot, unescaped_echoes
from tests.reliability.corpus import naughty_strings, own_strings, spread
from tests.reliability.discovery import discover_api_writes, discover_forms, parse_forms

# Lower bounds of what discovery must find, so that a discovery broken by a template change fails.
MIN_FORMS = 55
MIN_API_WRITES = 45
MIN_STRINGS = 500
# Forms not sent hostile values: logging out would end the sweeping session (it has no input).
NOT_SWEPT = {"auth.logout"}
# Sent last, once each: they change the state of the record the other forms edit.
ONE_WAY = ("archive", "stop", "advance", "delete", "revoke", "restore")
WRONG_TYPES_PER_OPERATION = 4
WRONG_TYPES = [[], {}, ["<script>"], {"$ne": None}, True, False, 2**70, -(2**63), 1.5, "x", None]


class Sweep:
    """Sends submissions and keeps the counts; every response is checked the same way."""

    def __init__(self, app):
        self.app, self.counts, self.problems = app, Counter(), []
        self.state = snapshot(app)

    def check(self, label, response, values, markers, *, read_only=False):
        """Classify one response; return True when the submission was accepted. A read_only request
        (a search form) counts as refused: it must change nothing whatever it answers."""
        self.counts["hostile submissions"] += 1
        body = response.get_data()
        if response.status_code >= 500:
            self.counts["server errors"] += 1
            self.problems.append(f"{label}: {response.status_code}")
        for echo in unescaped_echoes(response, values, markers):
            self.counts["unescaped echoes"] += 1
            self.problems.append(f"{label}: {echo}")
        refused_page = response.mimetype == "text/html" and ERROR_SHOWN.search(body)
        accepted = response.status_code < 400 and not refused_page and not read_only
        after = snapshot(self.app)
        if not accepted:
            self.counts["refused submissions"] += 1
            changed = changed_tables(self.state, after)
            if changed:
                self.counts["refused submissions that changed data"] += 1
                self.problems.append(f"{label}: refused ({response.status_code}) but changed {changed}")
        self.state = after
        return accepted


def form_data(form, overrides=(), *, drop=(), repeat=None):
    """The form as a browser would send it untouched, with some fields replaced."""
    data = MultiDict()
    overrides = dict(overrides)
    for field in form.fields:
        if field.name in drop:
            continue
        if field.name in overrides:
            value = overrides[field.name]
            if field.kind == "file":
                value = (io.BytesIO(value.encode("utf-8", "replace")), f"{value[:40]}.csv")
            data.add(field.name, value)
            if repeat == field.name:
                data.add(field.name, value)
        elif field.kind == "file":
            data.add(field.name, (io.BytesIO(b"name\nSweep\n"), "sweep.csv"))
        elif field.value is not None:
            data.add(field.name, field.value.strip("\r\n") if field.kind == "textarea" else field.value)
    return data


def submit_form(client, form, data):
    if form.method == "GET":
        return client.get(form.action, query_string=data)
    return client.post(form.action, data=data, content_type="multipart/form-data" if any(
        isinstance(v, tuple) for v in data.values()) else None)


def refresh(client, form):
    """The form as its page renders it now (a fresh version after an accepted edit)."""
    response = client.get(form.page_path)
    for method, action, _enctype, fields, _id in parse_forms(response.get_data(as_text=True), form.page_path):
        if method == form.method and action == form.action:
            form.fields = fields
            return


def test_every_form_and_api_operation_survives_hostile_input(app, world, scorecard):
    ids, clients, secret = world
    started = time.perf_counter()
    forms = discover_forms(app, clients, page_paths(app, ids))
    api = discover_api_writes(app, clients["admin"].get("/api/v1/openapi.json").get_json())
    assert len(forms) >= MIN_FORMS, f"only {len(forms)} forms found"
    assert len(api) >= MIN_API_WRITES, f"only {len(api)} API writes found"

    naughty = naughty_strings()
    own = [own_strings(f"zq{i:04d}x")[i % len(own_strings("m"))] for i in range(2 * len(own_strings("m")))]
    values = naughty + own
    assert len(naughty) + len(own) >= MIN_STRINGS
    swept = [f for f in forms if f.endpoint not in NOT_SWEPT]
    swept.sort(key=lambda f: any(word in f.endpoint for word in ONE_WAY))
    form_slots = [(f, name) for f in swept for name in dict.fromkeys(x.name for x in f.fields) if name != "csrf_token"]
    api_slots = [(op, name) for op in api for name in (op.body or {}).get("properties", {})]
    dealt = spread(values, form_slots + api_slots)

    sweep = Sweep(app)
    # The API first: the forms end by revoking tokens, the sweep's own among them.
    api_client = ApiSweep(app.test_client(), secret)
    for op in sorted(api, key=lambda o: any(word in o.path for word in ONE_WAY)):
        names = list((op.body or {}).get("properties", {}))
        for name in names:
            for value in dealt.get((op, name), []):
                api_client.send(sweep, op, {name: value}, [value])
        for index, name in enumerate(names[:WRONG_TYPES_PER_OPERATION]):
            wrong = WRONG_TYPES[(index + len(name)) % len(WRONG_TYPES)]
            api_client.send(sweep, op, {name: wrong}, [])
        api_client.send(sweep, op, None, [], raw="{}")
        if names:
            api_client.send(sweep, op, None, [own[1]],
                            raw=f'{{"{names[0]}": "x", "{names[0]}": {json.dumps(own[1])}}}')

    for form in swept:
        client = clients[form.role]
        for field_name in [name for f, name in form_slots if f is form]:
            for value in dealt.get((form, field_name), []):
                send_form_value(sweep, client, form, field_name, value)
        send_form_value(sweep, client, form, None, None, drop={f.name for f in form.fields})
        if form.text_fields:
            send_form_value(sweep, client, form, form.text_fields[0].name, own[0], repeat=True)

    csrf_refusals = check_csrf(app, ids, swept, sweep)

    figures = {
        "forms": len(forms), "API operations": len(api), "hostile submissions": sweep.counts["hostile submissions"],
        "server errors": sweep.counts["server errors"], "unescaped echoes": sweep.counts["unescaped echoes"],
        "refused submissions that changed data": sweep.counts["refused submissions that changed data"],
        "naughty strings used": len(naughty), "CSRF refusals checked": csrf_refusals,
    }
    for name, amount in figures.items():
        scorecard(name, amount)
    print(f"\nhostile-input sweep in {time.perf_counter() - started:.0f} s: "
          + ", ".join(f"{amount} {name}" for name, amount in figures.items())
          + f"; {sweep.counts['refused submissions']} refused")
    assert not sweep.problems, "\n".join(sweep.problems[:40])


def send_form_value(sweep, client, form, field_name, value, *, drop=(), repeat=False):
    overrides = {field_name: value} if field_name else {}
    data = form_data(form, overrides, drop=drop, repeat=field_name if repeat else None)
    markers = [m for m in _markers(value)]
    label = f"{form.method} {form.action} [{field_name}]"
    response = submit_form(client, form, data)
    accepted = sweep.check(label, response, [value], markers, read_only=form.method == "GET")
    if accepted and form.method == "POST":
        if response.status_code in (302, 303):
            shown = client.get(response.headers["Location"])
            sweep.counts["server errors"] += shown.status_code >= 500
            for echo in unescaped_echoes(shown, [value], markers):
                sweep.counts["unescaped echoes"] += 1
                sweep.problems.append(f"{label} then {response.headers['Location']}: {echo}")
        refresh(client, form)


def _markers(value):
    if not isinstance(value, str):
        return []
    return [word for word in value.replace("'", " ").replace('"', " ").replace(")", " ").split()
            if word.startswith("zq") and word.endswith("x") and len(word) == 7]


class ApiSweep:
    """Sends API writes with the admin's token, an If-Match from a fresh read where needed."""

    def __init__(self, client, secret):
        self.client, self.headers = client, {"Authorization": f"Bearer {secret}"}
        self.ids = {}

    def record_ids(self, collection):
        """(first id, highest id) of the collection's first page, read once."""
        if collection not in self.ids:
            listing = self.client.get(collection, headers=self.headers).get_json()
            items = listing.get("items", listing) if isinstance(listing, dict) else listing
            self.ids[collection] = (items[0]["id"], max(item["id"] for item in items))
        return self.ids[collection]

    def record_path(self, op):
        collection = op.path.split("/{record_id}")[0]
        return op.path.replace("{record_id}", str(self.record_ids(collection)[0])), collection

    def send(self, sweep, op, body, values, *, raw=None):
        headers = dict(self.headers)
        path = op.path
        if "{record_id}" in op.path:
            path, collection = self.record_path(op)
            read = self.client.get(f"{collection}/{self.record_ids(collection)[0]}", headers=self.headers)
            headers["If-Match"] = read.headers.get("ETag", '"0"')
        payload = raw if raw is not None else json.dumps(body)
        response = self.client.open(path, method=op.method, headers=headers, data=payload,
                                    content_type="application/json")
        markers = [m for v in values for m in _markers(v)]
        sweep.check(f"{op.method} {path} {str(body)[:60]}", response, values, markers)
        if response.status_code < 300 and response.status_code != 204 and response.is_json:
            record = response.get_json()
            if isinstance(record, dict) and "id" in record:
                shown = self.client.get(f"{op.path.split('/{record_id}')[0]}/{record['id']}", headers=self.headers)
                sweep.counts["server errors"] += shown.status_code >= 500


def check_csrf(app, ids, forms, sweep):
    """With CSRF protection on, every POST form without a token or with another session's token
    is refused with 400 and changes nothing. Returns how many were sent."""
    protected = create_app(base_config(app.config["DATABASE_URL"], WTF_CSRF_ENABLED=True),
                           instance_path=app.instance_path)
    try:
        admin = sign_in(protected.test_client(), _admin(protected))
        other = sign_in(protected.test_client(), _admin(protected))
        page = other.get("/applications/new").get_data(as_text=True)
        stale = next(f.value for *_, fields, _id in parse_forms(page, "/") for f in fields if f.name == "csrf_token")
        sent = 0
        for form in [f for f in forms if f.method == "POST"]:
            for token in (None, stale):
                data = form_data(form, drop={"csrf_token"})
                if token:
                    data["csrf_token"] = token
                before = snapshot(protected)
                response = admin.post(form.action, data=data)
                sent += 1
                changed = changed_tables(before, snapshot(protected))
                if response.status_code != 400 or changed:
                    sweep.problems.append(f"CSRF {'stale' if token else 'missing'} {form.action}: "
                                          f"{response.status_code}, changed {changed}")
        return sent
    finally:
        get_engine(protected).dispose()


def _admin(app):
    with app.app_context(), session_scope(app) as session:
        user = session.exec(select(User).where(User.role == "admin", User.active.is_(True)).order_by(User.id)).first()
        session.expunge(user)
    return user
