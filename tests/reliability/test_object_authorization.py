"""Object-level authorization: guessing an id opens nothing the role may not see or change, and no
list, export or log shows rows the reader may not see. Every case goes through HTTP, on the web
(session cookie) and on the API (bearer token); each checked request counts as one case.

The rules checked: data breaches are for the privacy role and administrators only; evidence files
may be downloaded by every reader of the register (as the measure itself), but only under the
measure they belong to and never without a session; a token is revoked and listed by its owner
only; a measure's status and evidence are changed by its assignee, the CISO or an administrator.
"""

import io
import zipfile
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from portfolio.core.audit.models import AuditEntry
from portfolio.privacy.models import BREACH_ENTITY_TYPES, DataBreach
from portfolio.security.models import Evidence, Measure
from portfolio.tokens.models import ApiToken
from tests.api.conftest import TokenClient, make_token  # noqa: F401  (fixture)
from tests.conftest import sign_in
from tests.privacy.conftest import _made, make_application, make_breach, reference, today  # noqa: F401  (fixtures)
from tests.security.conftest import make_measure  # noqa: F401  (fixture)

ROLES = ("viewer", "editor", "ciso", "privacy", "admin")
BREACH_READERS = {"privacy", "admin"}
SECRET = "Geheim-lek-7f3a9"  # in the breach's description: must appear nowhere a non-reader looks
TOKEN_NAME = "Script-van-Anna-5c1e"
PDF = b"%PDF-1.4\n% test\n" + b"x" * 100


class World:
    """One of everything, and a web client and an API client per role (plus the assignee)."""

    def __init__(self, app, make_user, make_token, make_breach, make_application, make_measure):  # noqa: F811
        self.app = app
        self.users = {role: make_user(role) for role in ROLES}
        self.users["assignee"] = make_user("editor")
        self.web = {role: sign_in(app.test_client(), user) for role, user in self.users.items()}
        self.api = {role: TokenClient(app.test_client(), make_token(user), user) for role, user in self.users.items()}
        self.application = make_application(name="Burgerzaken")
        self.breach = make_breach(discovered_at=datetime(2026, 3, 1, 9, tzinfo=UTC), applications=[self.application],
                                  description=SECRET)
        self.measure = make_measure(assignee_id=self.users["assignee"].id)
        self.other_measure = make_measure()
        upload = self.web["assignee"].post(
            f"/security/measures/{self.measure.id}/evidence/new", content_type="multipart/form-data",
            data={"kind": "file", "dated_on": "2026-05-01", "file": (io.BytesIO(PDF), "rapport.pdf")},
        )
        assert upload.status_code == 302, upload.text


@pytest.fixture
def world(app, make_user, make_token, make_breach, make_application, make_measure):  # noqa: F811
    return World(app, make_user, make_token, make_breach, make_application, make_measure)


@pytest.fixture
def check(scorecard):
    """check(response, *statuses, why) asserts the status and counts the case."""

    def run(response, *statuses, why=""):
        assert response.status_code in statuses, f"{why}: {response.status_code} {response.get_data(as_text=True)[:300]}"
        scorecard("object-level cases")
        return response

    return run


def stored(db, model, record_id):
    with db() as session:
        record = session.get(model, record_id)
        session.expunge(record)
        return record


def shows(response, text):
    """Whether text is in a page, JSON or CSV body, or in any part of an XLSX file."""
    body = response.get_data()
    response.close()  # a send_file response holds its file open until closed
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            body = b"".join(archive.read(name) for name in archive.namelist())
    return text.encode() in body


# Data breaches by id ---------------------------------------------------------------------------


# One world per test, the roles in a loop: setting up a world costs more than its requests.


def test_a_breach_is_read_by_id_only_by_breach_managers(world, check):
    breach = world.breach.id
    for role in ROLES:
        allowed = role in BREACH_READERS
        for url in (f"/privacy/breaches/{breach}", f"/privacy/breaches/{breach}/edit"):
            page = check(world.web[role].get(url), 200 if allowed else 403, why=f"{role} web {url}")
            assert shows(page, SECRET) == allowed
        response = check(world.api[role].get(f"/api/v1/data-breaches/{breach}"), 200 if allowed else 403, why=role)
        assert shows(response, SECRET) == allowed


def test_a_breach_is_not_changed_by_id_by_others(world, check, db):
    breach = world.breach.id
    for role in sorted(set(ROLES) - BREACH_READERS):
        check(world.web[role].post(f"/privacy/breaches/{breach}/edit", data={"description": "Gewijzigd", "version": "1"}),
              403, why=f"{role} web edit")
        check(world.api[role].patch(f"/api/v1/data-breaches/{breach}", json={"description": "Gewijzigd"},
                                    headers={"If-Match": '"1"'}), 403, why=f"{role} api patch")
    after = stored(db, DataBreach, breach)
    assert (after.description, after.version) == (SECRET, 1)


def test_an_unknown_breach_id_is_not_found_for_a_manager(world, check):
    for channel, url in (("web", "/privacy/breaches/{}"), ("api", "/api/v1/data-breaches/{}")):
        for guess in (world.breach.id + 1, 2**31 - 1, 2**31, 10**20):
            check(getattr(world, channel)["privacy"].get(url.format(guess)), 404, why=f"{channel} {guess}")


# Evidence files --------------------------------------------------------------------------------


@pytest.fixture
def evidence(world, db):
    with db() as session:
        (item,) = session.exec(select(Evidence)).all()
        return item.id


def test_evidence_downloads_only_under_its_own_measure(world, check, evidence):
    for role in (*ROLES, "assignee"):
        evidence_under_measures(world, check, evidence, world.web[role])


def evidence_under_measures(world, check, evidence, client):
    good = check(client.get(f"/security/measures/{world.measure.id}/evidence/{evidence}/download"), 200, why="own measure")
    assert shows(good, PDF.decode())
    for measure_id in (world.other_measure.id, world.measure.id + 1000):
        check(client.get(f"/security/measures/{measure_id}/evidence/{evidence}/download"), 404, why=f"under {measure_id}")
    check(client.get(f"/security/measures/{world.measure.id}/evidence/{evidence + 1}/download"), 404, why="next id")


def test_evidence_is_not_downloaded_without_a_session(world, check, evidence):
    """A bearer token authenticates the API only: on the download address it counts for nothing."""
    url = f"/security/measures/{world.measure.id}/evidence/{evidence}/download"
    for role in (*ROLES, "assignee"):
        response = check(world.api[role].get(url), 302, why=f"{role}'s bearer on a web address")
        assert response.headers["Location"].startswith("/login") and PDF not in response.data
    check(world.app.test_client().get(url), 302, why="anonymous")


def test_evidence_is_not_added_or_archived_by_someone_not_assigned(world, check, db, evidence):
    measure = world.measure.id
    for role in ("viewer", "editor", "privacy"):
        check(world.web[role].post(f"/security/measures/{measure}/evidence/new",
                                   data={"kind": "text", "description": "nep", "dated_on": "2026-05-01"}), 403, why=role)
        check(world.web[role].post(f"/security/measures/{measure}/evidence/{evidence}/archive",
                                   data={"reason": "weg", "version": "1"}), 403, why=role)
    with db() as session:
        assert [(item.id, item.archived) for item in session.exec(select(Evidence)).all()] == [(evidence, False)]


# Measures not assigned to the user -------------------------------------------------------------


def reset_status(db, measure_id):
    """Back to not started; returns the version a client must now name."""
    with db() as session:
        measure = session.get(Measure, measure_id)
        measure.status = "not_started"
        session.flush()
        return measure.version


@pytest.mark.parametrize("channel", ["web", "api"])
def test_a_measure_status_is_changed_only_by_its_assignee_or_the_ciso(world, check, db, channel):
    measure = world.measure.id
    for role, allowed in (("viewer", False), ("editor", False), ("privacy", False),
                          ("assignee", True), ("ciso", True), ("admin", True)):
        version = reset_status(db, measure)
        if channel == "web":
            check(world.web[role].get(f"/security/measures/{measure}/status"), 200 if allowed else 403, why=role)
            response = world.web[role].post(f"/security/measures/{measure}/status",
                                            data={"status": "in_progress", "version": str(version)})
            check(response, 302 if allowed else 403, why=f"{role} web post")
        else:
            response = world.api[role].post(f"/api/v1/measures/{measure}/status", json={"status": "in_progress"},
                                            headers={"If-Match": f'"{version}"'})
            check(response, 200 if allowed else 403, why=f"{role} api post")
        assert stored(db, Measure, measure).status == ("in_progress" if allowed else "not_started"), role


# Other users' API tokens -----------------------------------------------------------------------


@pytest.fixture
def annas_token(world, db):
    """The viewer's token (made by World) renamed, so that a list that leaks it shows it."""
    with db() as session:
        token = session.exec(select(ApiToken).where(ApiToken.user_id == world.users["viewer"].id)).one()
        token.name = TOKEN_NAME
        return token.id


def test_another_users_token_is_not_revoked_or_listed(world, check, db, annas_token):
    for role in ("editor", "ciso", "privacy", "admin"):
        check(world.web[role].post(f"/account/tokens/{annas_token}/revoke"), 404, why=f"{role} web revoke")
        assert not shows(check(world.web[role].get("/account/tokens/"), 200, why=role), TOKEN_NAME)
        response = check(world.api[role].post(f"/account/tokens/{annas_token}/revoke"), 302, why=f"{role} bearer")
        assert response.headers["Location"].startswith("/login")
        check(world.api[role].get(f"/api/v1/tokens/{annas_token}"), 404, why="no API for tokens")
    assert stored(db, ApiToken, annas_token).revoked_at is None
    check(world.api["viewer"].get("/api/v1/applications"), 200, why="the token still works")


def test_the_owner_lists_and_revokes_their_token(world, check, db, annas_token):
    """The control for the case above: the same requests succeed for the owner."""
    owner = world.web["viewer"]
    assert shows(check(owner.get("/account/tokens/"), 200, why="own list"), TOKEN_NAME)
    check(owner.post(f"/account/tokens/{annas_token}/revoke"), 302, why="own revoke")
    assert stored(db, ApiToken, annas_token).revoked_at is not None
    check(world.api["viewer"].get("/api/v1/applications"), 401, why="a revoked token")


# Lists, exports, the audit log -----------------------------------------------------------------


def breach_audit_entry(db):
    with db() as session:
        return session.exec(select(AuditEntry.id).where(AuditEntry.entity_type.in_(BREACH_ENTITY_TYPES))).first()


WEB_LISTS = {
    "viewer": ["/", "/reports/management", "/applications/", "/applications/export.csv", "/applications/export.xlsx",
               "/applications/{application}", "/security/measures/", "/security/measures/export.xlsx"],
    "editor": ["/", "/reports/management", "/applications/?q=Geheim", "/applications/{application}"],
    "ciso": ["/", "/privacy/", "/privacy/processing/", "/reports/management", "/audit/", "/audit/?entity_type=data_breach",
             "/applications/{application}", "/applications/export.xlsx"],
}


@pytest.mark.parametrize("role", WEB_LISTS)
def test_web_lists_and_exports_show_no_breach_to_others(world, check, role):
    for url in WEB_LISTS[role]:
        response = check(world.web[role].get(url.format(application=world.application.id)), 200, 400, why=url)
        body = response.get_data()
        assert not shows(response, SECRET), url
        assert b"/privacy/breaches/" not in body, url


API_LISTS = (
    ("ciso", "/api/v1/audit-log?per_page=100", 200), ("ciso", "/api/v1/audit-log?entity_type=data_breach", 200),
    ("ciso", "/api/v1/audit-log/{entry}", 404), ("viewer", "/api/v1/data-breaches", 403),
    ("ciso", "/api/v1/data-breaches", 403), ("editor", "/api/v1/applications/{application}", 200),
    ("viewer", "/api/v1/applications", 200),
)


def test_api_lists_show_no_breach_to_others(world, check, db):
    entry = breach_audit_entry(db)
    for role, url, status in API_LISTS:
        response = check(world.api[role].get(url.format(application=world.application.id, entry=entry)), status, why=url)
        assert not shows(response, SECRET), url
        if status == 200 and "audit-log" in url:
            assert not {item["entity_type"] for item in response.json["items"]} & BREACH_ENTITY_TYPES


def test_an_admin_does_see_the_breach_there(world, check, db):
    """The control for the two cases above: the marker is found where it may be shown."""
    entry = breach_audit_entry(db)
    for channel, url in (("web", "/audit/"), ("web", "/privacy/breaches/"), ("api", "/api/v1/data-breaches")):
        assert shows(check(getattr(world, channel)["admin"].get(url), 200, why=url), SECRET), url
    response = check(world.api["admin"].get(f"/api/v1/audit-log/{entry}"), 200, why="audit entry")
    assert response.json["entity_type"] in BREACH_ENTITY_TYPES
