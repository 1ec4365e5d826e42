"""No lost updates: threads race to change one supplier, application and measure through the
services, the edit forms and the API. Every attempt is applied or refused as a conflict, and the
audit trail shows the applied ones as one unbroken chain, each starting from what it loaded."""

import threading
from dataclasses import dataclass
from collections.abc import Callable
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select
from werkzeug.datastructures import MultiDict

from portfolio.applications import services as applications
from portfolio.applications.models import Application
from portfolio.core.audit.models import AuditEntry
from portfolio.core.db import get_engine, session_scope
from portfolio.core.exceptions import VersionConflict
from portfolio.reference.models import Domain
from portfolio.security import services as security
from portfolio.security.models import Measure
from portfolio.suppliers import services as suppliers
from portfolio.suppliers.models import Supplier
from portfolio.tokens.services import create_token
from tests.conftest import sign_in

THREADS = 8
ROUNDS = 3
START = "start"


@dataclass
class Kind:
    """A record the threads fight over: how to make it, change it, and reach its pages."""

    model: type
    field: str  # the text field each attempt sets to a value of its own
    role: str
    create: Callable  # create(session) -> record
    update: Callable  # update(session, record, value, loaded_version) -> record
    edit_url: str
    api_url: str


def _create_application(session):
    domain_id = session.exec(select(Domain.id)).first()
    return applications.create_application(
        session, data={"name": "Zaaksysteem", "domain_id": domain_id, "lifecycle_status": "production", "description": START})


def _update_measure(session, measure, value, loaded_version):
    data = {field: getattr(measure, field) for field in security.MEASURE_FIELDS} | {"description": value}
    links = {"requirement_ids": [], "application_ids": [], "organisation_ids": []}
    return security.update_measure(session, measure, data=data, links=links, loaded_version=loaded_version,
                                   today=date.today())


KINDS = {
    "supplier": Kind(
        Supplier, "notes", "editor",
        lambda session: suppliers.create_supplier(session, data={"name": "Centric", "notes": START}),
        lambda session, record, value, version: suppliers.update_supplier(
            session, record, data={"notes": value}, loaded_version=version),
        "/suppliers/{id}/edit", "/api/v1/suppliers/{id}",
    ),
    "application": Kind(
        Application, "description", "editor", _create_application,
        lambda session, record, value, version: applications.update_application(
            session, record, data={"description": value}, loaded_version=version),
        "/applications/{id}/edit", "/api/v1/applications/{id}",
    ),
    "measure": Kind(
        Measure, "description", "ciso",
        lambda session: security.create_measure(
            session, data={"title": "Logging", "overseer": "ciso", "status": "not_started", "priority": "medium",
                           "description": START},
            links={}, today=date.today()),
        _update_measure, "/security/measures/{id}/edit", "/api/v1/measures/{id}",
    ),
}


@dataclass
class Attempt:
    loaded_version: int
    loaded_value: str | None
    value: str
    outcome: str = "not sent"  # "applied", "conflict", or what else happened


class _FormFields(HTMLParser):
    """The fields the edit form (the one with a version field) would post, as a browser sends them."""

    def __init__(self):
        super().__init__()
        self.forms, self._select, self._textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            self._select["first"] = value if self._select["first"] is None else self._select["first"]
            if "selected" in attrs:
                self._select["chosen"].append(value)
        elif tag == "form":
            self.forms.append(MultiDict())
        elif not self.forms or "name" not in attrs or "disabled" in attrs:
            return
        elif tag == "input" and attrs.get("type") not in ("submit", "button", "file", "reset"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.forms[-1].add(attrs["name"], attrs.get("value", "on" if attrs.get("type") == "checkbox" else ""))
        elif tag == "select":
            self._select = {"name": attrs["name"], "multiple": "multiple" in attrs, "first": None, "chosen": []}
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            chosen = self._select["chosen"] or ([] if self._select["multiple"] else [self._select["first"] or ""])
            for value in chosen:
                self.forms[-1].add(self._select["name"], value)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self.forms[-1].add(name, text[2:] if text.startswith("\r\n") else text.removeprefix("\n"))
            self._textarea = None


def form_fields(response):
    parser = _FormFields()
    parser.feed(response.get_data(as_text=True))
    parser.close()
    forms = [form for form in parser.forms if "version" in form]
    assert len(forms) == 1, "the edit page has one form with a version field"
    return forms[0]


def through_services(app, kind, record_id):
    """Load in one session, write in another with the version loaded, as a user's two requests do."""

    def load():
        with Session(get_engine(app)) as session:
            record = session.get(kind.model, record_id)
            return record.version, getattr(record, kind.field), None

    def save(attempt, _state):
        try:
            with app.app_context(), session_scope(app) as session:
                kind.update(session, session.get(kind.model, record_id), attempt.value, attempt.loaded_version)
        except (VersionConflict, StaleDataError):
            return "conflict"
        return "applied"

    return load, save


def through_forms(app, kind, record_id, user):
    url = kind.edit_url.format(id=record_id)

    def load():
        client = sign_in(app.test_client(), user)
        page = client.get(url)
        assert page.status_code == 200, page.status_code
        fields = form_fields(page)
        return int(fields["version"]), fields[kind.field], (client, fields)

    def save(attempt, state):
        client, fields = state
        fields[kind.field] = attempt.value
        response = client.post(url, data=fields)
        return {302: "applied", 409: "conflict"}.get(response.status_code, f"HTTP {response.status_code}")

    return load, save


def through_api(app, kind, record_id, secret):
    url, auth = kind.api_url.format(id=record_id), {"Authorization": f"Bearer {secret}"}

    def load():
        client = app.test_client()
        response = client.get(url, headers=auth)
        assert response.status_code == 200, response.status_code
        return int(response.headers["ETag"].strip('"')), response.json[kind.field], (client, response.headers["ETag"])

    def save(attempt, state):
        client, tag = state
        response = client.patch(url, json={kind.field: attempt.value}, headers={**auth, "If-Match": tag})
        return {200: "applied", 412: "conflict"}.get(response.status_code, f"HTTP {response.status_code}")

    return load, save


def race(channels):
    """Per round, every thread loads the record, all wait, then all save. Returns the attempts.

    The threads run outside an app context: inside one, a thread's requests would share ``g``
    (and with it the signed-in user of a closed session).
    """
    attempts, errors, loaded = [], [], threading.Barrier(len(channels))

    def thread(number, load, save):
        def run():
            for round_number in range(ROUNDS):
                version, value, state = load()
                attempt = Attempt(version, value, f"thread {number} round {round_number}")
                attempts.append(attempt)
                loaded.wait(timeout=60)
                try:
                    attempt.outcome = save(attempt, state)
                except Exception as error:  # kept as the outcome, so that the test names it
                    attempt.outcome = repr(error)
                loaded.wait(timeout=60)  # the next round loads after every save of this one

        def guarded():
            try:
                run()
            except Exception as error:  # re-raised in the test's thread
                errors.append(error)
                loaded.abort()

        return guarded

    threads = [threading.Thread(target=thread(number, *channel)) for number, channel in enumerate(channels)]
    for started in threads:
        started.start()
    for started in threads:
        started.join(120)
    assert not any(started.is_alive() for started in threads), "a thread did not finish"
    if errors:
        raise errors[0]
    return attempts


def lost(attempts, entries, field, initial_version):
    """The applied attempts that the audit trail (entries: the record's update diffs) does not show as a change from what they loaded,
    in one chain of versions from initial_version on."""
    shown = {changes[field][1]: changes for changes in entries if field in changes}
    missing = 0
    expected_version, expected_value = initial_version, START
    for attempt in sorted((a for a in attempts if a.outcome == "applied"), key=lambda a: a.loaded_version):
        changes = shown.get(attempt.value)
        if (changes is None or changes["version"] != [attempt.loaded_version, attempt.loaded_version + 1]
                or changes[field][0] != attempt.loaded_value
                or (attempt.loaded_version, attempt.loaded_value) != (expected_version, expected_value)):
            missing += 1
        expected_version, expected_value = attempt.loaded_version + 1, attempt.value
    return missing


@pytest.mark.parametrize("channel", ["services", "forms", "api"])
@pytest.mark.parametrize("kind_name", list(KINDS))
def test_concurrent_updates_are_applied_or_refused_never_lost(app, db, make_user, scorecard, kind_name, channel):
    kind = KINDS[kind_name]
    with db() as session:
        record = kind.create(session)
        record_id, initial_version = record.id, record.version
    channels = []
    for _ in range(THREADS):
        if channel == "services":
            channels.append(through_services(app, kind, record_id))
        elif channel == "forms":
            channels.append(through_forms(app, kind, record_id, make_user(kind.role)))
        else:
            with db() as session:
                _token, secret = create_token(session, user=make_user(kind.role), name="race", scope="write",
                                              expires_on=date.today() + timedelta(days=1), today=date.today())
            channels.append(through_api(app, kind, record_id, secret))

    attempts = race(channels)

    with db() as session:
        entries = session.exec(select(AuditEntry.changes).where(
            AuditEntry.entity_type == kind.model.__tablename__, AuditEntry.entity_id == str(record_id),
            AuditEntry.action == "update").order_by(AuditEntry.id)).all()
        final = session.get(kind.model, record_id)
        final_version, final_value = final.version, getattr(final, kind.field)
    applied = [attempt for attempt in attempts if attempt.outcome == "applied"]
    lost_updates = lost(attempts, entries, kind.field, initial_version)
    scorecard("concurrent conflicting updates", len(attempts))
    scorecard("lost updates", lost_updates)
    print(f"{kind_name} via {channel}: {len(attempts)} attempts, {len(applied)} applied, {lost_updates} lost")

    assert {attempt.outcome for attempt in attempts} <= {"applied", "conflict"}, [a.outcome for a in attempts]
    assert len(applied) == ROUNDS  # in each round all loaded one version: exactly one save can apply
    assert lost_updates == 0
    assert len(entries) == len(applied)
    last = max(applied, key=lambda attempt: attempt.loaded_version)
    assert (final_version, final_value) == (initial_version + len(applied), last.value)
