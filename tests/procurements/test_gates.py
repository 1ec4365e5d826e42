"""The gate to production: a risk assessment always, a DPIA with personal data, or an admin's audited override."""

from datetime import date

import pytest

from portfolio.procurements.enums import Phase
from tests.applications.helpers import text
from tests.procurements.conftest import ASSESSED

MISSING_RISK = "Naar productie kan pas als de beveiligingsrisicoanalyse is vastgelegd (datum en documentverwijzing)."
MISSING_DPIA = "Naar productie kan pas als de DPIA is vastgelegd (datum en documentverwijzing)."
MISSING_BOTH = (
    "Naar productie kan pas als de beveiligingsrisicoanalyse en de DPIA zijn vastgelegd (datum en documentverwijzing)."
)
DPIA = {"dpia_on": date(2022, 5, 2), "dpia_reference": "DPIA-2022-03"}
OVERRIDE_SHOWN = "In productie genomen zonder volledige beoordeling. Reden van de beheerder:"


@pytest.fixture
def ready(make_procurement, make_application):
    """ready(application=None, **fields) -> a procurement in implementation, about to go live.

    application: fields of a delivered application to link (e.g. {"personal_data": "special"}).
    """

    def make(application=None, **fields):
        if application is not None:
            fields["delivered_application_id"] = make_application(lifecycle_status="implementation", **application).id
        return make_procurement(phase=Phase.IMPLEMENTATION, domain="Bedrijfsvoering", **fields)

    return make


def go_live(client, procurement, reason=""):
    return client.post(f"/procurements/{procurement.id}/advance", data={
        "version": procurement.version, "on": "2022-09-01", "override_reason": reason,
    })


@pytest.mark.parametrize(
    ("fields", "application", "message"),
    [
        ({}, None, MISSING_RISK),
        ({"risk_assessment_on": date(2022, 5, 1)}, None, MISSING_RISK),
        ({"risk_assessment_reference": "BRA-2022-07"}, None, MISSING_RISK),
        ({"personal_data": "regular"}, None, MISSING_BOTH),
        ({"personal_data": "special", **ASSESSED}, None, MISSING_DPIA),
        ({"personal_data": "bsn", **ASSESSED, "dpia_on": date(2022, 5, 2)}, None, MISSING_DPIA),
        ({"personal_data": "bsn", **ASSESSED, "dpia_reference": "DPIA-2022-03"}, None, MISSING_DPIA),
        ({**ASSESSED}, {"personal_data": "special"}, MISSING_DPIA),
        ({**ASSESSED}, {"personal_data": "regular"}, MISSING_DPIA),
        ({"personal_data": "bsn", **ASSESSED}, {"personal_data": None}, MISSING_DPIA),
        ({}, {"personal_data": "bsn"}, MISSING_BOTH),
    ],
    ids=[
        "nothing", "risk-date-only", "risk-reference-only", "personal-data-nothing", "special-no-dpia",
        "dpia-date-only", "dpia-reference-only", "linked-special", "linked-regular", "procurement-bsn-linked-unknown",
        "linked-bsn-nothing",
    ],
)
def test_production_without_its_assessments_is_refused_and_nothing_changes(
    editor, ready, snapshot, fields, application, message
):
    procurement = ready(application, **fields)
    before = snapshot()
    response = go_live(editor, procurement)
    assert response.status_code == 409
    assert message in text(response)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("fields", "application"),
    [
        ({**ASSESSED}, None),
        ({"personal_data": "none", **ASSESSED}, None),
        ({"personal_data": "bsn", **ASSESSED, **DPIA}, None),
        ({**ASSESSED}, {"personal_data": "none"}),
        ({**ASSESSED, **DPIA}, {"personal_data": "special"}),
    ],
    ids=["no-personal-data", "personal-data-none", "bsn-with-dpia", "linked-none", "linked-special-with-dpia"],
)
def test_with_the_assessments_recorded_it_goes_live(editor, ready, procurement_now, fields, application):
    procurement = ready(application, **fields)
    response = go_live(editor, procurement)
    assert response.status_code == 302
    assert procurement_now(procurement)[0] == "production"


def test_the_page_says_what_is_missing_and_who_may_override(editor, admin, ready):
    procurement = ready(personal_data="regular")
    for client, hint in ((editor, "Leg deze eerst vast via Wijzigen."),
                         (admin, "Als beheerder kunt u toch doorgaan met een schriftelijke reden.")):
        page = text(client.get(f"/procurements/{procurement.id}"))
        assert "Voor productie ontbreekt nog: de beveiligingsrisicoanalyse, de DPIA." in page
        assert hint in page
        assert ("Reden om zonder beoordeling door te gaan" in page) == (client is admin)


def test_an_admin_overrides_with_a_written_reason_which_is_stored_shown_and_audited(admin, ready, procurement_now,
                                                                                   stored, history):
    from portfolio.procurements.models import Procurement

    procurement = ready(personal_data="bsn")
    reason = "Wettelijke termijn; BRA en DPIA volgen binnen zes weken (besluit CISO 12-8)."
    response = go_live(admin, procurement, reason=f"  {reason}  ")
    assert response.status_code == 302
    assert procurement_now(procurement)[0] == "production"
    assert stored(Procurement, procurement.id).gate_override_reason == reason

    page = text(admin.get(f"/procurements/{procurement.id}"))
    assert f"{OVERRIDE_SHOWN} {reason}" in page
    latest = history(procurement)[0]
    assert latest.changes["phase"] == ["implementation", "production"]
    assert latest.reason == reason
    assert latest.actor_label == admin.user.email


@pytest.mark.parametrize(("role", "reason"), [("editor", "Het moet nu, echt."), ("admin", ""), ("admin", "   ")])
def test_no_override_for_an_editor_or_without_a_reason(client_as, ready, snapshot, role, reason):
    client, procurement = client_as(role), ready()
    before = snapshot()
    response = go_live(client, procurement, reason=reason)
    assert response.status_code == 409
    assert MISSING_RISK in text(response)
    assert OVERRIDE_SHOWN not in text(response)
    assert snapshot() == before


def test_a_reason_given_when_nothing_is_missing_is_not_stored_as_an_override(admin, ready, stored):
    from portfolio.procurements.models import Procurement

    procurement = ready(**ASSESSED)
    assert go_live(admin, procurement, reason="voor de zekerheid").status_code == 302
    assert stored(Procurement, procurement.id).gate_override_reason is None
    assert OVERRIDE_SHOWN not in text(admin.get(f"/procurements/{procurement.id}"))


def test_the_gate_guards_only_the_step_into_production(editor, make_procurement, procurement_now):
    procurement = make_procurement(phase=Phase.AWARD, personal_data="special")
    assert go_live(editor, procurement).status_code == 302
    assert procurement_now(procurement)[0] == "implementation"
