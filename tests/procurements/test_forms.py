"""Creating and editing a procurement: what is stored, every refusal with its Dutch message, and the edit conflict."""

from datetime import date

import pytest
from sqlmodel import select

from portfolio.procurements.models import Procurement, Replacement
from tests.applications.helpers import field_errors, flashes, text

REQUIRED = "Dit veld is verplicht."
MONEY = "Vul een bedrag in euro's in, zoals 25.000 of 25000,50."
YEAR = "Vul een jaar tussen 2000 en 2100 in."
TAKEN = "Er is al een aanbesteding met deze titel."
ITSELF = "De opgeleverde applicatie kan zichzelf niet vervangen."


@pytest.fixture
def read(db):
    """read(title) -> (Procurement, [replaced application ids], {phase: planned_on}) as stored, or None."""

    def get(title):
        with db() as session:
            procurement = session.exec(select(Procurement).where(Procurement.title == title)).first()
            if procurement is None:
                return None
            replaced = sorted(link.application_id for link in session.exec(
                select(Replacement).where(Replacement.procurement_id == procurement.id)))
            planned = {row.phase: row.planned_on for row in procurement.phase_dates if row.planned_on}
            session.expunge(procurement)
            return procurement, replaced, planned

    return get


def test_an_editor_creates_a_procurement_with_every_field(editor, procurement_form, make_application, read, reference,
                                                           history):
    old, new = make_application(name="Oud intranet"), make_application(name="SharePoint", lifecycle_status="planned")
    response = editor.post("/procurements/new", data=procurement_form(
        title="  Intranet  ", domain_id=reference.domains["Bedrijfsvoering"], procedure="Meervoudig onderhands",
        estimated_cost="25.000", actual_cost="€ 12.500,50", budget_year=2022, project_lead="J. de Vries",
        external_project_lead_needed="y", personal_data="regular", delivered_application_id=new.id,
        replaces=[str(old.id)], risk_assessment_on="2022-05-01", risk_assessment_reference="BRA-7",
        planned_exploration="2022-01-10", planned_tender="2022-04-01", planned_production="2022-11-01",
    ))
    assert response.status_code == 302
    procurement, replaced, planned = read("Intranet")
    assert (procurement.estimated_cost_cents, procurement.actual_cost_cents) == (2_500_000, 1_250_050)
    assert (procurement.domain_id, procurement.budget_year, procurement.phase) == (
        reference.domains["Bedrijfsvoering"], 2022, "exploration")
    assert (procurement.external_project_lead_needed, procurement.external_expertise_needed) == (True, False)
    assert (procurement.personal_data, procurement.delivered_application_id) == ("regular", new.id)
    assert (procurement.risk_assessment_on, procurement.risk_assessment_reference) == (date(2022, 5, 1), "BRA-7")
    assert replaced == [old.id]
    assert planned == {"exploration": date(2022, 1, 10), "tender": date(2022, 4, 1), "production": date(2022, 11, 1)}
    assert history(procurement)[-1].actor_label == editor.user.email

    edit = editor.get(f"/procurements/{procurement.id}/edit").text
    assert 'value="25.000"' in edit and 'value="12.500,50"' in edit


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", REQUIRED),
        ({"title": "   "}, "title", REQUIRED),
        ({"title": "x" * 201}, "title", "Gebruik hoogstens 200 tekens."),
        ({"title": "intranet"}, "title", TAKEN),
        ({"title": " INTRANET "}, "title", TAKEN),
        ({"estimated_cost": "-5"}, "estimated_cost", MONEY),
        ({"estimated_cost": "-25.000"}, "estimated_cost", MONEY),
        ({"estimated_cost": "25,000.00"}, "estimated_cost", MONEY),
        ({"estimated_cost": "vijfentwintig"}, "estimated_cost", MONEY),
        ({"actual_cost": "1.00.000"}, "actual_cost", MONEY),
        ({"actual_cost": "-1"}, "actual_cost", MONEY),
        ({"budget_year": "1999"}, "budget_year", YEAR),
        ({"budget_year": "2101"}, "budget_year", YEAR),
        ({"budget_year": "volgend jaar"}, "budget_year", "Ongeldig getal."),
        ({"planned_requirements": "2022-04-01", "planned_tender": "2022-03-01"}, "planned_tender",
         "Deze fase kan niet eerder beginnen dan een fase ervoor (2022-04-01)."),
        ({"planned_exploration": "2022-06-01", "planned_production": "2022-05-31"}, "planned_production",
         "Deze fase kan niet eerder beginnen dan een fase ervoor (2022-06-01)."),
        ({"planned_award": "2022-13-01"}, "planned_award", "Ongeldige datum."),
        ({"risk_assessment_on": "gisteren"}, "risk_assessment_on", "Ongeldige datum."),
        ({"procedure": "p" * 121}, "procedure", "Gebruik hoogstens 120 tekens."),
        ({"risk_assessment_reference": "r" * 201}, "risk_assessment_reference", "Gebruik hoogstens 200 tekens."),
        ({"personal_data": "veel"}, "personal_data", "Ongeldige keuze."),
        ({"domain_id": "999999"}, "domain_id", "Ongeldige keuze."),
        ({"replaces": "delivered"}, "replaces", ITSELF),
    ],
)
def test_create_refuses_bad_input_with_a_dutch_message_and_writes_nothing(
    editor, procurement_form, make_procurement, make_application, snapshot, overrides, field, message
):
    make_procurement(title="Intranet")
    delivered = make_application(name="SharePoint")
    if overrides.get("replaces") == "delivered":
        overrides = {"delivered_application_id": delivered.id, "replaces": [str(delivered.id)]}
    before = snapshot()
    response = editor.post("/procurements/new", data=procurement_form(**overrides))
    assert response.status_code == 400
    assert message in field_errors(response)
    assert f'id="{field}-error"' in response.text
    assert snapshot() == before


def test_planned_dates_may_skip_phases_and_share_a_day(editor, procurement_form, read):
    response = editor.post("/procurements/new", data=procurement_form(
        planned_exploration="2022-01-10", planned_award="2022-01-10", planned_completed="2023-01-01",
    ))
    assert response.status_code == 302
    assert read("Zaaksysteem")[2] == {
        "exploration": date(2022, 1, 10), "award": date(2022, 1, 10), "completed": date(2023, 1, 1),
    }


@pytest.fixture
def edit_form(procurement_form):
    """edit_form(procurement, **overrides) -> the edit form as posted, at the procurement's version."""

    def build(procurement, **overrides):
        return procurement_form(**{"title": procurement.title, "version": procurement.version, **overrides})

    return build


def test_an_editor_changes_a_procurement_and_the_change_is_audited(
    editor, make_procurement, make_application, edit_form, read, history
):
    first, second = make_application(name="Oud 1"), make_application(name="Oud 2")
    procurement = make_procurement(title="Intranet", replaces=[first], estimated_cost_cents=2_500_000,
                                   planned={"tender": date(2022, 4, 1)})
    response = editor.post(f"/procurements/{procurement.id}/edit", data=edit_form(
        procurement, title="INTRANET", estimated_cost="30.000", replaces=[str(second.id)],
        planned_tender="2022-05-01", planned_award="2022-06-01",
    ))
    assert response.status_code == 302
    assert "Aanbesteding opgeslagen." in flashes(editor.get(response.headers["Location"]))
    changed, replaced, planned = read("INTRANET")
    assert (changed.estimated_cost_cents, changed.version) == (3_000_000, procurement.version + 1)
    assert replaced == [second.id]
    assert planned == {"tender": date(2022, 5, 1), "award": date(2022, 6, 1)}
    latest = [entry for entry in history(changed) if entry.action == "update"][0]
    assert latest.changes["estimated_cost_cents"] == [2_500_000, 3_000_000]
    assert latest.actor_label == editor.user.email


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "omgevingsplannen"}, TAKEN),
        ({"title": ""}, REQUIRED),
        ({"actual_cost": "-10"}, MONEY),
        ({"budget_year": "1899"}, YEAR),
        ({"planned_implementation": "2022-02-01", "planned_award": "2022-03-01"},
         "Deze fase kan niet eerder beginnen dan een fase ervoor (2022-03-01)."),
        ({"version": ""}, "Het formulier is onvolledig; laad de pagina opnieuw."),
    ],
)
def test_edit_refuses_bad_input_and_writes_nothing(editor, make_procurement, edit_form, snapshot, overrides, message):
    make_procurement(title="Omgevingsplannen")
    procurement = make_procurement(title="Intranet")
    before = snapshot()
    response = editor.post(f"/procurements/{procurement.id}/edit", data=edit_form(procurement, **overrides))
    assert response.status_code == 400
    assert message in text(response)
    assert snapshot() == before


def test_edit_refuses_the_delivered_application_as_replaced_too(editor, make_procurement, make_application,
                                                                  edit_form, snapshot):
    delivered = make_application(name="SharePoint")
    procurement = make_procurement(title="Intranet", delivered_application_id=delivered.id)
    before = snapshot()
    response = editor.post(f"/procurements/{procurement.id}/edit", data=edit_form(
        procurement, delivered_application_id=delivered.id, replaces=[str(delivered.id)],
    ))
    assert response.status_code == 400
    assert ITSELF in field_errors(response)
    assert snapshot() == before


def test_a_stale_edit_is_a_conflict_that_shows_the_other_change_and_keeps_the_input(
    editor, client_as, make_procurement, edit_form, snapshot
):
    procurement = make_procurement(title="Intranet", estimated_cost_cents=2_500_000)
    colleague = client_as("editor")
    assert colleague.post(f"/procurements/{procurement.id}/edit",
                          data=edit_form(procurement, estimated_cost="40.000")).status_code == 302
    before = snapshot()

    response = editor.post(f"/procurements/{procurement.id}/edit",
                           data=edit_form(procurement, project_lead="Mijn eigen invoer", estimated_cost="35.000"))
    assert response.status_code == 409
    page = text(response)
    assert "Iemand anders heeft dit intussen gewijzigd" in page
    assert f"{colleague.user.email} op" in page
    assert "Geschatte kosten: € 25.000 → € 40.000" in page
    assert 'value="Mijn eigen invoer"' in response.text and 'value="35.000"' in response.text
    assert f'name="version" type="hidden" value="{procurement.version + 1}"' in response.text
    assert snapshot() == before


@pytest.mark.parametrize("path", ["/procurements/999999", "/procurements/999999/edit"])
def test_an_unknown_procurement_is_404(editor, path):
    assert editor.get(path).status_code == 404
