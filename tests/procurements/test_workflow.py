"""The phase workflow through the web UI: one step forward at a time, dated and audited; stale, finished and stopped."""

from datetime import date

import pytest

from portfolio.procurements.enums import PHASE_ORDER, Phase
from tests.applications.helpers import field_errors, flashes, text
from tests.procurements.conftest import ASSESSED

STALE = "Iemand anders heeft deze aanbesteding intussen gewijzigd."
LABELS = ("verkenning", "programma van eisen", "aanbesteding", "gunning", "implementatie", "in productie",
          "evaluatie", "afgerond")
STEPS = [(PHASE_ORDER[i], PHASE_ORDER[i + 1], LABELS[i + 1]) for i in range(len(PHASE_ORDER) - 1)]


def advance(client, procurement, on="2022-06-15", **fields):
    data = {"version": procurement.version, "on": on, "override_reason": "", **fields}
    return client.post(f"/procurements/{procurement.id}/advance", data=data)


def test_a_new_procurement_starts_in_exploration_from_today(editor, procurement_form, procurement_now, today):
    response = editor.post("/procurements/new", data=procurement_form(title="Intranet"))
    assert response.status_code == 302
    page = editor.get(response.headers["Location"])
    assert "Aanbesteding Intranet aangemaakt." in flashes(page)
    assert "Fase: verkenning" in text(page)
    procurement_id = int(response.headers["Location"].rsplit("/", 1)[1])
    phase, dates, version = procurement_now(procurement_id)
    assert (phase, version) == ("exploration", 1)
    assert {key: value for key, value in dates.items() if value != (None, None)} == {"exploration": (None, today)}


def test_the_phases_follow_the_documented_order():
    assert [phase.value for phase in PHASE_ORDER] == [
        "exploration", "requirements", "tender", "award", "implementation", "production", "evaluation", "completed",
    ]


@pytest.mark.parametrize(("current", "target", "label"), STEPS, ids=[step[0].value for step in STEPS])
def test_advance_moves_exactly_one_phase_records_the_date_and_audits_it(
    editor, make_procurement, procurement_now, history, current, target, label
):
    procurement = make_procurement(phase=current, domain="Bedrijfsvoering", **ASSESSED)
    response = advance(editor, procurement, on="2022-06-15")
    assert response.status_code == 302
    assert f"{procurement.title} is nu in de fase {label}." in flashes(editor.get(response.headers["Location"]))

    phase, dates, _ = procurement_now(procurement)
    assert phase == target.value
    assert dates[target.value][1] == date(2022, 6, 15)
    latest = history(procurement)[0]
    assert latest.changes["phase"] == [current.value, target.value]
    assert latest.actor_label == editor.user.email


def test_advancing_twice_with_the_same_form_is_a_conflict_not_two_steps(editor, make_procurement, procurement_now):
    procurement = make_procurement()
    assert advance(editor, procurement).status_code == 302
    response = advance(editor, procurement)
    assert response.status_code == 409
    assert STALE in text(response)
    assert procurement_now(procurement)[0] == "requirements"


def test_a_stale_version_changes_nothing(editor, make_procurement, snapshot):
    procurement = make_procurement(phase=Phase.TENDER)
    before = snapshot()
    response = advance(editor, procurement, version=procurement.version - 1)
    assert response.status_code == 409
    assert STALE in text(response)
    assert snapshot() == before


@pytest.mark.parametrize("on", ["", "15-06-2022", "2022-02-30", "morgen"])
def test_a_bad_date_is_refused_with_400(editor, make_procurement, snapshot, on):
    procurement = make_procurement()
    before = snapshot()
    response = advance(editor, procurement, on=on)
    assert response.status_code == 400
    assert field_errors(response) == ["Dit veld is verplicht." if on == "" else "Ongeldige datum."]
    assert snapshot() == before


def test_a_missing_version_is_refused(editor, make_procurement, snapshot):
    procurement = make_procurement()
    before = snapshot()
    response = editor.post(f"/procurements/{procurement.id}/advance", data={"on": "2022-06-15"})
    assert response.status_code == 400
    assert "Het formulier is onvolledig; laad de pagina opnieuw." in text(response)
    assert snapshot() == before


@pytest.fixture
def finished(make_procurement, stop_procurement):
    """finished(phase) -> a procurement that is completed, or stopped (in the tender phase)."""

    def make(phase):
        if phase == Phase.COMPLETED:
            return make_procurement(phase=Phase.COMPLETED, domain="Bedrijfsvoering", **ASSESSED)
        return stop_procurement(make_procurement(phase=Phase.TENDER))

    return make


@pytest.mark.parametrize("phase", [Phase.COMPLETED, Phase.STOPPED])
def test_a_finished_procurement_has_no_next_phase(editor, finished, snapshot, phase):
    procurement = finished(phase)
    page = editor.get(f"/procurements/{procurement.id}")
    assert "Naar de volgende fase" not in text(page)
    before = snapshot()
    response = advance(editor, procurement)
    assert response.status_code == 400
    assert "Deze aanbesteding heeft geen volgende fase." in text(response)
    assert snapshot() == before


def test_stop_with_a_reason_ends_the_procurement_and_audits_the_reason(editor, make_procurement, procurement_now,
                                                                       history):
    procurement = make_procurement(phase=Phase.AWARD)
    form = editor.get(f"/procurements/{procurement.id}/stop")
    assert form.status_code == 200 and "Reden" in text(form)

    response = editor.post(f"/procurements/{procurement.id}/stop", data={
        "version": procurement.version, "on": "2022-07-01", "reason": "Geen geschikte inschrijvingen",
    })
    assert response.status_code == 302
    page = editor.get(response.headers["Location"])
    assert "Aanbesteding gestopt." in flashes(page)
    assert "Fase: gestopt" in text(page)
    phase, dates, _ = procurement_now(procurement)
    assert phase == "stopped" and dates["stopped"] == (None, date(2022, 7, 1))
    latest = history(procurement)[0]
    assert latest.changes["phase"] == ["award", "stopped"]
    assert latest.reason == "Geen geschikte inschrijvingen"
    assert "Geen geschikte inschrijvingen" in text(page).split("Geschiedenis", 1)[1]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"reason": ""}, "Dit veld is verplicht."),
        ({"reason": "   "}, "Dit veld is verplicht."),
        ({"on": "1-7-2022"}, "Ongeldige datum."),
        ({"reason": "x" * 1001}, "Gebruik hoogstens 1000 tekens."),
    ],
)
def test_stop_refuses_bad_input_and_writes_nothing(editor, make_procurement, snapshot, fields, message):
    procurement = make_procurement()
    before = snapshot()
    data = {"version": procurement.version, "on": "2022-07-01", "reason": "te duur"} | fields
    response = editor.post(f"/procurements/{procurement.id}/stop", data=data)
    assert response.status_code == 400
    assert message in field_errors(response)
    assert snapshot() == before


def test_stop_with_a_stale_version_is_a_conflict(editor, make_procurement, snapshot):
    procurement = make_procurement(phase=Phase.REQUIREMENTS)
    before = snapshot()
    response = editor.post(f"/procurements/{procurement.id}/stop", data={
        "version": procurement.version - 1, "on": "2022-07-01", "reason": "te duur",
    })
    assert response.status_code == 409
    assert snapshot() == before


@pytest.mark.parametrize("phase", [Phase.COMPLETED, Phase.STOPPED])
def test_a_finished_procurement_cannot_be_stopped_again(editor, finished, snapshot, phase):
    procurement = finished(phase)
    before = snapshot()
    response = editor.post(f"/procurements/{procurement.id}/stop", data={
        "version": procurement.version, "on": "2022-07-01", "reason": "nogmaals",
    })
    assert response.status_code == 400
    assert "Deze aanbesteding is al afgesloten." in text(response)
    assert snapshot() == before
