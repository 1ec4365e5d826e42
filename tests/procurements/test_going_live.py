"""Going live in one transaction: the delivered application in production, the replaced ones phasing out, or nothing."""

import pytest
from sqlmodel import select

from portfolio.applications.models import Application
from portfolio.core.audit.models import AuditEntry
from portfolio.core.exceptions import FieldErrors
from portfolio.procurements import services
from portfolio.procurements.enums import Phase
from portfolio.procurements.models import Procurement
from tests.applications.helpers import text
from tests.procurements.conftest import ASSESSED

NO_DOMAIN = "Kies een domein: daarmee wordt de applicatie aangemaakt."


@pytest.fixture
def replaced(make_application):
    """Three applications a procurement replaces: in production, in implementation, already retired."""
    return [
        make_application(name="Oud intranet", lifecycle_status="production"),
        make_application(name="Oude portal", lifecycle_status="implementation"),
        make_application(name="Heel oud intranet", lifecycle_status="retired"),
    ]


@pytest.fixture
def applications(db):
    """applications() -> {name: (lifecycle status, domain id, personal data)} as stored now."""

    def read():
        with db() as session:
            rows = session.exec(select(Application))
            return {a.name: (a.lifecycle_status, a.domain_id, a.personal_data) for a in rows}

    return read


def go_live(client, procurement, reason=""):
    return client.post(f"/procurements/{procurement.id}/advance", data={
        "version": procurement.version, "on": "2022-09-01", "override_reason": reason,
    })


def test_going_live_creates_the_delivered_application_and_phases_out_the_replaced_ones(
    editor, make_procurement, replaced, applications, stored, reference, db
):
    procurement = make_procurement(phase=Phase.IMPLEMENTATION, title="Intranet", domain="Bedrijfsvoering",
                                   personal_data="regular", replaces=replaced, **ASSESSED,
                                   dpia_on=ASSESSED["risk_assessment_on"], dpia_reference="DPIA-7")
    response = go_live(editor, procurement)
    assert response.status_code == 302

    assert applications() == {
        "Intranet": ("production", reference.domains["Bedrijfsvoering"], "regular"),
        "Oud intranet": ("phasing_out", reference.domains["Burgerzaken"], None),
        "Oude portal": ("phasing_out", reference.domains["Burgerzaken"], None),
        "Heel oud intranet": ("retired", reference.domains["Burgerzaken"], None),
    }
    delivered_id = stored(Procurement, procurement.id).delivered_application_id
    page = editor.get(f"/procurements/{procurement.id}")
    assert f'href="/applications/{delivered_id}">Intranet</a>' in page.text
    with db() as session:
        actors = set(session.exec(select(AuditEntry.actor_label).where(
            AuditEntry.entity_type == "application", AuditEntry.action.in_(("insert", "update")),
            AuditEntry.entity_id.in_([str(delivered_id), str(replaced[0].id), str(replaced[1].id)]),
        )))
    assert editor.user.email in actors


def test_going_live_puts_the_linked_application_in_production_without_making_another(
    editor, make_procurement, make_application, replaced, applications
):
    delivered = make_application(name="Omgevingsplannen NL", lifecycle_status="implementation")
    procurement = make_procurement(phase=Phase.IMPLEMENTATION, title="Omgevingsplannen",
                                   delivered_application_id=delivered.id, replaces=replaced[:1], **ASSESSED)
    assert go_live(editor, procurement).status_code == 302
    now = applications()
    assert set(now) == {"Omgevingsplannen NL", *(application.name for application in replaced)}
    assert now["Omgevingsplannen NL"][0] == "production"
    assert now["Oud intranet"][0] == "phasing_out"
    assert now["Oude portal"][0] == "implementation"


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_without_a_domain_or_a_linked_application_nothing_at_all_changes(
    client_as, make_procurement, replaced, snapshot, role
):
    client = client_as(role)
    fields = {} if role == "admin" else ASSESSED  # the admin also overrides the gate: that must not stick either
    procurement = make_procurement(phase=Phase.IMPLEMENTATION, replaces=replaced, **fields)
    before = snapshot()
    response = go_live(client, procurement, reason="spoed")
    assert response.status_code == 400
    assert NO_DOMAIN in text(response)
    assert snapshot() == before
    assert "In productie genomen zonder volledige beoordeling" not in text(response)
    assert "Fase: implementatie" in text(response)


def test_a_failure_after_the_application_is_made_rolls_back_the_whole_request(
    editor, make_procurement, replaced, snapshot, monkeypatch
):
    procurement = make_procurement(phase=Phase.IMPLEMENTATION, title="Intranet", domain="Bedrijfsvoering",
                                   replaces=replaced, **ASSESSED)

    def fail(session, record, phase):
        session.flush()  # the new application and the phased-out ones are written by now
        raise FieldErrors({"on": ["Zomaar mislukt."]})

    monkeypatch.setattr(services, "_phase_date", fail)
    before = snapshot()
    response = go_live(editor, procurement)
    assert response.status_code == 400
    assert "Zomaar mislukt." in text(response)
    assert snapshot() == before
    assert "Levert applicatie nog niet gekoppeld" in text(response)


@pytest.mark.parametrize("existing", ["Intranet", "INTRANET"])
def test_an_application_of_that_name_is_refused_with_a_clear_message(
    editor, make_procurement, make_application, replaced, snapshot, existing
):
    make_application(name=existing, lifecycle_status="planned")
    procurement = make_procurement(phase=Phase.IMPLEMENTATION, title="Intranet", domain="Bedrijfsvoering",
                                   replaces=replaced, **ASSESSED)
    before = snapshot()
    response = go_live(editor, procurement)
    assert response.status_code == 400
    assert ("Er is al een applicatie met de naam Intranet. Koppel die via Wijzigen als opgeleverde applicatie, "
            "of kies een andere titel.") in text(response)
    assert snapshot() == before


def test_a_title_too_long_for_an_application_name_is_refused_not_a_500(editor, make_procurement, snapshot):
    procurement = make_procurement(phase=Phase.IMPLEMENTATION, title="Implementatie " + "x" * 120,
                                   domain="Bedrijfsvoering", **ASSESSED)
    before = snapshot()
    response = go_live(editor, procurement)
    assert response.status_code == 400
    assert "De titel is te lang voor een applicatienaam (hoogstens 120 tekens)" in text(response)
    assert snapshot() == before
