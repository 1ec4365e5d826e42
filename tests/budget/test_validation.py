"""Every budget form refuses bad input with a Dutch message next to the field, a 400, and nothing written."""

import pytest

from portfolio.budget.models import Allocation, BudgetLine, FundingSource, OrganisationShare, YearAmount
from tests.budget.helpers import field_errors, text

REQUIRED = "Dit veld is verplicht."
NOT_AN_AMOUNT = "Vul een bedrag in euro's in, zoals 12.500 of 12500,50."
NEGATIVE = "Een bedrag kan niet negatief zijn."
YEAR_RANGE = "Vul een jaar in van 2000 tot en met 2100."
TOO_LARGE = "Vul een bedrag tot € 20.000.000 in."
INVALID_CHOICE = "Ongeldige keuze."


@pytest.fixture
def line_form(organisations):
    """line_form(**overrides) -> the budget-line form as a browser posts it; share names as keys like 'Diemen'."""

    def build(**overrides):
        data = {"title": "Thuiswerkomgeving ICT", "kind": "structural", "status": "requested", "category": "",
                "description": "", "original": "", "revised": "", "revision_reason": "", "application_id": "",
                "procurement_id": "", "years-0-year": "2022", "years-0-amount": "160.000"}
        for row in range(1, 6):
            data |= {f"years-{row}-year": "", f"years-{row}-amount": ""}
        data |= {f"share_{organisation_id}": "" for organisation_id in organisations.values()}
        for key, value in overrides.items():
            data[f"share_{organisations[key]}" if key in organisations else key] = str(value)
        return data

    return build


@pytest.fixture
def nothing_written(rows, audit_count):
    """nothing_written() -> check(): asserts that no budget row and no audit entry was added since."""

    def snapshot():
        before = audit_count()
        models = (FundingSource, Allocation, BudgetLine, YearAmount, OrganisationShare)
        counts = {model: len(rows(model)) for model in models}

        def check():
            assert {model: len(rows(model)) for model in models} == counts
            assert audit_count() == before

        return check

    return snapshot


@pytest.mark.parametrize(
    ("overrides", "messages"),
    [
        ({"title": ""}, [REQUIRED]),
        ({"title": "t" * 201}, ["Gebruik hoogstens 200 tekens."]),
        ({"kind": "eenmalig"}, [INVALID_CHOICE]),
        ({"status": ""}, [REQUIRED]),
        ({"category": "c" * 121}, ["Gebruik hoogstens 120 tekens."]),
        ({"original": "-180.000"}, [NEGATIVE]),
        ({"original": "tachtigduizend"}, [NOT_AN_AMOUNT]),
        ({"original": "180,000,00"}, [NOT_AN_AMOUNT]),
        ({"original": "30.000.000"}, [TOO_LARGE]),
        ({"original": "180.000", "revised": "160.000"}, ["Geef de reden van de bijstelling op."]),
        ({"revised": "-1", "revision_reason": "autoscaling"}, [NEGATIVE]),
        ({"application_id": "9999"}, [INVALID_CHOICE]),
        ({"years-0-amount": "-160.000"}, [NEGATIVE]),
        ({"years-0-amount": "€ -5"}, [NEGATIVE]),
        ({"years-0-amount": "veel"}, [NOT_AN_AMOUNT]),
        ({"years-0-year": "1999"}, [YEAR_RANGE]),
        ({"years-0-year": "2101"}, [YEAR_RANGE]),
        ({"years-0-year": "tw22"}, [YEAR_RANGE]),
        ({"years-0-year": ""}, ["Vul het jaar bij dit bedrag in."]),
        ({"years-0-amount": ""}, ["Vul het bedrag voor dit jaar in."]),
        ({"years-0-year": "", "years-0-amount": ""}, ["Vul voor minstens één jaar een bedrag in."]),
        ({"years-2-year": "2022", "years-2-amount": "1"}, ["Elk jaar mag maar één keer voorkomen.", "Dit jaar staat er al."]),
        ({"Diemen": "50", "Duo+": "40"}, ["De percentages tellen op tot 90%; samen moet dat precies 100% zijn."]),
        ({"Diemen": "33,33", "Ouder-Amstel": "33,33", "Uithoorn": "33,33"},
         ["De percentages tellen op tot 99,99%; samen moet dat precies 100% zijn."]),
        ({"Diemen": "100", "Duo+": "0,01"}, ["De percentages tellen op tot 100,01%; samen moet dat precies 100% zijn."]),
        ({"Diemen": "0"}, ["De percentages tellen op tot 0%; samen moet dat precies 100% zijn."]),
        ({"Diemen": "33,333", "Duo+": "66,667"}, ["Vul een percentage in met hoogstens twee decimalen, zoals 33,33."] * 2),
        ({"Diemen": "veel"}, ["Vul een percentage in met hoogstens twee decimalen, zoals 33,33."]),
        ({"Diemen": "-10", "Duo+": "110"}, ["Een percentage kan niet negatief zijn.", "Een percentage ligt tussen 0 en 100."]),
    ],
)
def test_the_budget_line_form_refuses_bad_input(editor, line_form, nothing_written, overrides, messages):
    check = nothing_written()
    response = editor.post("/budget/lines/new", data=line_form(**overrides))
    assert response.status_code == 400
    assert field_errors(response) == messages
    check()


def test_an_edit_with_bad_input_changes_nothing(editor, make_line, line_form, stored_line, nothing_written):
    line = make_line(title="Ongewijzigd", amounts={2022: 500})
    check = nothing_written()
    response = editor.post(f"/budget/lines/{line.id}/edit",
                           data=line_form(version=1, title="Nieuw", **{"years-0-amount": "-1", "Diemen": "99"}))
    assert response.status_code == 400
    assert field_errors(response) == [NEGATIVE, "De percentages tellen op tot 99%; samen moet dat precies 100% zijn."]
    saved, amounts, shares = stored_line(line.id)
    assert (saved.title, saved.version, amounts, shares) == ("Ongewijzigd", 1, {2022: 500}, {})
    check()


def test_an_edit_without_the_version_is_refused(editor, make_line, line_form):
    line = make_line()
    response = editor.post(f"/budget/lines/{line.id}/edit", data=line_form())
    assert response.status_code == 400
    assert "Het formulier is onvolledig; laad de pagina opnieuw." in text(response)


@pytest.mark.parametrize(
    ("overrides", "messages"),
    [
        ({"name": ""}, [REQUIRED]),
        ({"name": "n" * 121}, ["Gebruik hoogstens 120 tekens."]),
        ({"year": ""}, [REQUIRED]),
        ({"year": "1999"}, [YEAR_RANGE]),
        ({"year": "22"}, [YEAR_RANGE]),
        ({"available": ""}, [REQUIRED]),
        ({"available": "-75.000"}, [NEGATIVE]),
        ({"available": "75 duizend"}, [NOT_AN_AMOUNT]),
        ({"available": "21.474.837"}, [TOO_LARGE]),
        ({"notes": "n" * 2001}, ["Gebruik hoogstens 2000 tekens."]),
    ],
)
def test_the_funding_form_refuses_bad_input(editor, nothing_written, overrides, messages):
    check = nothing_written()
    data = {"name": "Ideaalcomplex", "year": "2022", "available": "75.000", "notes": ""} | overrides
    response = editor.post("/budget/funding/new", data=data)
    assert response.status_code == 400
    assert field_errors(response) == messages
    check()


def test_a_second_source_of_the_same_name_in_a_year_is_refused(editor, make_source, nothing_written):
    make_source("Ideaalcomplex", year=2022)
    check = nothing_written()
    response = editor.post("/budget/funding/new", data={"name": "ideaalcomplex", "year": "2022", "available": "1"})
    assert response.status_code == 400
    assert field_errors(response) == ["Er is al een dekking met deze naam in 2022."]
    check()


@pytest.mark.parametrize(
    ("targets", "amount", "messages"),
    [
        ({}, "10.000", ["Kies een aanbesteding of een begrotingspost."]),
        ({"procurement_id": "p", "budget_line_id": "l"}, "10.000", ["Kies een aanbesteding óf een begrotingspost, niet beide."]),
        ({"procurement_id": "9999"}, "10.000", [INVALID_CHOICE]),
        ({"budget_line_id": "abc"}, "10.000",
         ["Kies een aanbesteding of een begrotingspost.", "Ongeldige keuze: kon niet omgezet worden."]),
        ({"procurement_id": "p"}, "", [REQUIRED]),
        ({"procurement_id": "p"}, "0", ["Een toewijzing moet groter zijn dan € 0."]),
        ({"procurement_id": "p"}, "-10.000", [NEGATIVE]),
        ({"procurement_id": "p"}, "tienduizend", [NOT_AN_AMOUNT]),
    ],
)
def test_the_allocation_form_refuses_bad_input(editor, make_source, make_procurement, make_line, nothing_written,
                                               targets, amount, messages):
    source = make_source()
    known = {"p": str(make_procurement().id), "l": str(make_line().id)}
    check = nothing_written()
    data = {"procurement_id": "", "budget_line_id": "", "amount": amount, "notes": ""}
    data |= {key: known.get(value, value) for key, value in targets.items()}
    response = editor.post(f"/budget/funding/{source.id}/allocations/new", data=data)
    assert response.status_code == 400
    assert field_errors(response) == messages
    check()


@pytest.mark.parametrize("year", ["twintig", "1999", "2101", "-2022", "2022.5"])
def test_a_bad_year_in_the_overview_is_a_dutch_400(viewer, year):
    for url in ("/budget/", "/budget/export.xlsx"):
        response = viewer.get(url, query_string={"year": year})
        assert response.status_code == 400
        assert "Kies een jaar van 2000 tot en met 2100" in text(response)
