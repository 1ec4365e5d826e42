"""Measures: the CISO creates and edits, the status rules, the assignee's limited rights, audit."""

from datetime import timedelta

import pytest
from sqlmodel import select

from portfolio.core.audit.models import AuditEntry
from portfolio.core.exceptions import FieldErrors
from portfolio.security import services
from portfolio.security.models import Measure, MeasureApplication, MeasureRequirement
from tests.security.conftest import TODAY


def _form(**overrides):
    data = {"title": "MFA op de werkplek", "overseer": "ciso", "priority": "high", "status": "not_started",
            "team": "I&A"}
    data.update(overrides)
    return data


def test_ciso_creates_a_measure_with_its_links_audited(client_as, example_catalogue, requirement_ids, make_application, db):
    ciso = client_as("ciso")
    application = make_application(name="Burgerzaken")
    ids = requirement_ids(example_catalogue)
    response = ciso.post("/security/measures/new", data=_form(
        requirement_ids=[ids["VB-8.5"]], application_ids=[application.id], ensia_subjects=["BIO", "DigiD"],
        min_confidentiality="high", due_on="2027-01-31",
    ))
    assert response.status_code == 302, response.get_data(as_text=True)
    with db() as session:
        measure = session.exec(select(Measure)).one()
        assert measure.ensia_subjects == ["BIO", "DigiD"] and measure.min_confidentiality == "high"
        assert [link.requirement_id for link in measure.requirement_links] == [ids["VB-8.5"]]
        audited = {(e.entity_type, e.action) for e in session.exec(select(AuditEntry)).all()}
    assert {("measure", "insert"), ("measure_requirement", "insert"), ("measure_application", "insert")} <= audited


@pytest.mark.parametrize("role", ["editor", "viewer", "privacy"])
def test_others_may_not_create_measures(client_as, role, db):
    response = client_as(role).post("/security/measures/new", data=_form())
    assert response.status_code == 403
    with db() as session:
        assert session.exec(select(Measure)).first() is None


@pytest.mark.parametrize("fields, field, message", [
    ({"status": "not_applicable"}, "status_reason", "Geef aan waarom de maatregel niet van toepassing is."),
    ({"status": "postponed"}, "postponed_until", "Geef de nieuwe datum op"),
    ({"status": "postponed", "postponed_until": TODAY}, "postponed_until", "De nieuwe datum moet na vandaag liggen."),
    ({"status": "bogus"}, "status", "Kies een bestaande status."),
])
def test_status_rules_in_the_service(db, fields, field, message):
    values = {"status": "not_started", **fields}
    with pytest.raises(FieldErrors) as raised:
        services.check_status_rules(values, today=TODAY)
    assert any(message in text for text in raised.value.errors[field])


def test_status_rules_clear_what_does_not_belong_to_the_state():
    values = {"status": "implemented", "status_reason": "oud", "postponed_until": TODAY + timedelta(days=5)}
    services.check_status_rules(values, today=TODAY)
    assert values["status_reason"] is None and values["postponed_until"] is None


@pytest.mark.parametrize("data, message", [
    ({"status": "not_applicable"}, "Geef aan waarom de maatregel niet van toepassing is."),
    ({"status": "postponed"}, "Geef de nieuwe datum op tot wanneer de maatregel is uitgesteld."),
    ({"status": "postponed", "postponed_until": "2000-01-01"}, "De nieuwe datum moet na vandaag liggen."),
    ({"status": "postponed", "postponed_until": "morgen"}, 'id="postponed_until-error"'),
])
def test_the_status_form_refuses_with_a_message(client_as, make_measure, stored_measure, data, message):
    ciso = client_as("ciso")
    measure = make_measure()
    response = ciso.post(f"/security/measures/{measure.id}/status", data={"version": measure.version, **data})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert stored_measure(measure.id).status == "not_started"


def test_the_assignee_updates_status_and_the_change_is_audited(client_as, make_measure, stored_measure, db):
    assignee = client_as("editor")
    measure = make_measure(assignee_id=assignee.user.id, review_interval_months=12)
    response = assignee.post(f"/security/measures/{measure.id}/status",
                             data={"version": measure.version, "status": "not_applicable", "status_reason": "Geen opslag"})
    assert response.status_code == 302
    stored = stored_measure(measure.id)
    assert (stored.status, stored.status_reason) == ("not_applicable", "Geen opslag")
    with db() as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.entity_type == "measure", AuditEntry.action == "update")).one()
        assert entry.actor_id == assignee.user.id and entry.changes["status"] == ["not_started", "not_applicable"]


def test_implementing_schedules_the_next_review(client_as, make_measure, stored_measure):
    assignee = client_as("editor")
    measure = make_measure(assignee_id=assignee.user.id, review_interval_months=6)
    assignee.post(f"/security/measures/{measure.id}/status", data={"version": measure.version, "status": "implemented"})
    assert stored_measure(measure.id).next_review_on is not None


def test_another_editor_may_not_touch_a_measure_not_assigned_to_them(client_as, make_measure, stored_measure, audit_count):
    assignee, other = client_as("editor"), client_as("editor")
    measure = make_measure(assignee_id=assignee.user.id)
    before = audit_count()
    for url in (f"/security/measures/{measure.id}/status", f"/security/measures/{measure.id}/evidence/new"):
        assert other.get(url).status_code == 403
    response = other.post(f"/security/measures/{measure.id}/status", data={"version": measure.version, "status": "implemented"})
    assert response.status_code == 403
    assert stored_measure(measure.id).status == "not_started" and audit_count() == before


def test_the_assignee_may_not_edit_or_archive_the_measure_itself(client_as, make_measure, stored_measure):
    assignee = client_as("editor")
    measure = make_measure(assignee_id=assignee.user.id)
    assert assignee.post(f"/security/measures/{measure.id}/edit", data=_form(version=measure.version)).status_code == 403
    assert assignee.post(f"/security/measures/{measure.id}/archive", data={"version": measure.version, "reason": "x"}).status_code == 403
    assert stored_measure(measure.id).title == measure.title


def test_the_ciso_edits_links_and_removing_a_link_is_audited(client_as, make_measure, make_application, db):
    ciso = client_as("ciso")
    first, second = make_application(), make_application()
    measure = make_measure(applications=[first])
    response = ciso.post(f"/security/measures/{measure.id}/edit", data=_form(version=measure.version, application_ids=[second.id]))
    assert response.status_code == 302
    with db() as session:
        linked = session.exec(select(MeasureApplication.application_id).where(MeasureApplication.measure_id == measure.id)).all()
        deleted = session.exec(select(AuditEntry).where(AuditEntry.entity_type == "measure_application",
                                                        AuditEntry.action == "delete")).all()
    assert linked == [second.id] and len(deleted) == 1


def test_a_stale_edit_is_a_conflict(client_as, make_measure):
    ciso = client_as("ciso")
    measure = make_measure()
    assert ciso.post(f"/security/measures/{measure.id}/edit", data=_form(version=measure.version)).status_code == 302
    assert ciso.post(f"/security/measures/{measure.id}/edit", data=_form(version=measure.version, title="Anders")).status_code == 409


def test_unknown_links_and_too_long_input_are_refused(client_as, db):
    ciso = client_as("ciso")
    response = ciso.post("/security/measures/new", data=_form(title="x" * 201, requirement_ids=["999"]))
    assert response.status_code == 400
    assert "Gebruik hoogstens 200 tekens." in response.get_data(as_text=True)
    with db() as session:
        assert session.exec(select(Measure)).first() is None
        assert session.exec(select(MeasureRequirement)).first() is None


def test_measure_page_shows_actions_by_right(client_as, make_measure, viewer):
    assignee = client_as("editor")
    measure = make_measure(assignee_id=assignee.user.id)
    own = assignee.get(f"/security/measures/{measure.id}").get_data(as_text=True)
    assert "Status bijwerken" in own and "Wijzigen" not in own
    seen = viewer.get(f"/security/measures/{measure.id}").get_data(as_text=True)
    assert "Status bijwerken" not in seen
    assert client_as("ciso").get(f"/security/measures/{measure.id}").status_code == 200


def test_a_postponed_measure_keeps_its_date_when_other_fields_change(db, make_measure):
    from datetime import date

    measure = make_measure(status="postponed", status_reason="wacht", postponed_until=date(2026, 7, 1))
    later = date(2026, 8, 1)  # the postponed date has passed meanwhile
    with db() as session:
        stored = session.get(Measure, measure.id)
        data = {key: getattr(stored, key) for key in services.MEASURE_FIELDS}
        data["title"] = "Nieuwe titel"
        links = {"requirement_ids": [], "application_ids": [], "organisation_ids": []}
        services.update_measure(session, stored, data=data, links=links, loaded_version=stored.version, today=later)
        assert stored.title == "Nieuwe titel"
        with pytest.raises(FieldErrors):
            data["postponed_until"] = date(2026, 7, 15)
            services.update_measure(session, stored, data=data, links=links, loaded_version=stored.version, today=later)
