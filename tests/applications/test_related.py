"""Usages, contracts and integrations through the web UI: create, edit, archive, restore, validation."""

from datetime import date

import pytest

from portfolio.applications.models import Contract, Integration, Usage
from tests.applications.helpers import field_errors, text

MODELS = {"usages": Usage, "contracts": Contract, "integrations": Integration}


@pytest.fixture
def pair(make_application):
    """(source, target): the application the records hang off, and another one to link to."""
    return make_application(name="Burgerzaken"), make_application(name="Zaaksysteem")


@pytest.fixture
def forms(reference, pair):
    """forms[kind](**overrides) -> a complete, valid form for a usage, contract or integration."""
    usage = {"organisation_id": reference.organisations["Diemen"], "status": "active", "since": "2019-01-01",
             "local_process_owner": "", "availability": "", "integrity": "", "confidentiality": ""}
    contract = {"supplier_id": "", "number": "C-2020-01", "contract_type": "license", "starts_on": "2020-01-01",
                "ends_on": "2025-12-31", "notice_months": "6", "renewal_terms": "", "cost": "12.500", "cost_period": "yearly"}
    integration = {"target_application_id": pair[1].id, "external_target": "", "direction": "outgoing",
                   "standard": "StUF", "description": ""}

    def builder(base):
        return lambda **overrides: {key: str(value) for key, value in (base | overrides).items()}

    return {"usages": builder(usage), "contracts": builder(contract), "integrations": builder(integration)}


@pytest.fixture
def records(rows):
    """records(kind) -> the stored usages, contracts or integrations, oldest first."""
    return lambda kind: rows(MODELS[kind])


# kind: (a change to make when editing, the attribute it sets, the stored value)
CHANGES = {
    "usages": ({"status": "ended"}, "status", "ended"),
    "contracts": ({"notice_months": "3", "cost": "1.000,50", "cost_period": "monthly"}, "cost_cents", 100_050),
    "integrations": ({"via_esb": "y", "standard": "ZGW API"}, "via_esb", True),
}


@pytest.mark.parametrize("kind", MODELS)
def test_create_edit_archive_and_restore_are_saved_and_audited(editor, pair, forms, records, history, kind):
    source = pair[0]
    base = f"/applications/{source.id}/{kind}"
    assert editor.post(f"{base}/new", data=forms[kind]()).status_code == 302
    [record] = records(kind)
    assert history(record)[0].actor_label == editor.user.email

    change, attribute, value = CHANGES[kind]
    assert editor.post(f"{base}/{record.id}", data=forms[kind](**change, version=1)).status_code == 302
    [record] = records(kind)
    assert getattr(record, attribute) == value and record.version == 2
    assert history(record)[0].action == "update"

    refused = editor.post(f"{base}/{record.id}/archive", data={"reason": "", "version": 2})
    assert refused.status_code == 400 and "Dit veld is verplicht." in field_errors(refused)
    assert editor.post(f"{base}/{record.id}/archive", data={"reason": "Contract beëindigd", "version": 2}).status_code == 302
    [record] = records(kind)
    assert record.archived and history(record)[0].reason == "Contract beëindigd"
    page = text(editor.get(f"/applications/{source.id}"))
    assert "gearchiveerd" in page and "(Contract beëindigd)" in page

    assert editor.post(f"{base}/{record.id}/restore", data={"version": 3}).status_code == 302
    [record] = records(kind)
    assert not record.archived and record.archived_reason is None


@pytest.mark.parametrize(
    ("kind", "overrides", "message"),
    [
        ("usages", {"organisation_id": ""}, "Dit veld is verplicht."),
        ("usages", {"status": "bogus"}, "Ongeldige keuze."),
        ("usages", {"local_process_owner": "x" * 121}, "Gebruik hoogstens 120 tekens."),
        ("usages", {"since": "1-1-2019"}, "Ongeldige datum."),
        ("contracts", {"contract_type": ""}, "Dit veld is verplicht."),
        ("contracts", {"number": "n" * 61}, "Gebruik hoogstens 60 tekens."),
        ("contracts", {"renewal_terms": "r" * 1001}, "Gebruik hoogstens 1000 tekens."),
        ("contracts", {"starts_on": "2026-01-01", "ends_on": "2025-12-31"}, "De einddatum ligt vóór de ingangsdatum."),
        ("contracts", {"notice_months": "-1"}, "Vul 0 tot en met 36 maanden in."),
        ("contracts", {"notice_months": "37"}, "Vul 0 tot en met 36 maanden in."),
        ("contracts", {"notice_months": "drie"}, "Ongeldig getal."),
        ("contracts", {"cost": "-5"}, "Een bedrag kan niet negatief zijn."),
        ("contracts", {"cost": "€ -1.000"}, "Een bedrag kan niet negatief zijn."),
        ("contracts", {"cost": "twaalfduizend"}, "Vul een bedrag in euro's in, zoals 12.500 of 12500,50."),
        ("contracts", {"cost": "12,500,00"}, "Vul een bedrag in euro's in, zoals 12.500 of 12500,50."),
        ("contracts", {"cost": "12.500", "cost_period": ""}, "Kies waarvoor de kosten gelden."),
        ("integrations", {"target_application_id": "", "external_target": ""}, "Kies een applicatie of vul een externe dienst in."),
        ("integrations", {"external_target": "BRP"}, "Kies een applicatie óf een externe dienst, niet beide."),
        ("integrations", {"direction": ""}, "Dit veld is verplicht."),
        ("integrations", {"standard": "s" * 61}, "Gebruik hoogstens 60 tekens."),
    ],
)
def test_invalid_input_is_refused_with_a_dutch_message_and_nothing_is_written(
    editor, pair, forms, records, audit_count, kind, overrides, message
):
    before = audit_count()
    response = editor.post(f"/applications/{pair[0].id}/{kind}/new", data=forms[kind](**overrides))
    assert response.status_code == 400
    assert message in field_errors(response)
    assert records(kind) == [] and audit_count() == before


def test_an_integration_to_the_application_itself_is_refused(editor, pair, forms, records):
    source = pair[0]
    response = editor.post(f"/applications/{source.id}/integrations/new", data=forms["integrations"](target_application_id=source.id))
    assert response.status_code == 400
    assert "Een koppeling kan niet naar de applicatie zelf gaan." in field_errors(response)
    assert records("integrations") == []


def test_an_integration_to_an_external_service_and_both_sides_show_it(editor, pair, forms, records, make_integration):
    source, target = pair
    data = forms["integrations"](target_application_id="", external_target="Landelijke BRP", direction="both")
    assert editor.post(f"/applications/{source.id}/integrations/new", data=data).status_code == 302
    make_integration(target, source, standard="ZGW API")
    page = text(editor.get(f"/applications/{source.id}"))
    tables = page.split("Koppelingen vanuit deze applicatie", 1)[1].split("Geschiedenis", 1)[0]
    outgoing, incoming = tables.split("Koppelingen naar deze applicatie", 1)
    assert "Landelijke BRP" in outgoing and "beide richtingen" in outgoing
    assert "Zaaksysteem" in incoming and "ZGW API" in incoming


def test_an_organisation_uses_an_application_once(editor, pair, forms, records, make_usage, reference):
    source = pair[0]
    make_usage(source, "Diemen")
    other = make_usage(source, "Uithoorn")
    response = editor.post(f"/applications/{source.id}/usages/new", data=forms["usages"]())
    assert response.status_code == 400
    assert "Het gebruik door deze organisatie is al vastgelegd." in field_errors(response)
    # nor can another usage be moved onto that organisation
    moved = editor.post(f"/applications/{source.id}/usages/{other.id}", data=forms["usages"](version=1))
    assert moved.status_code == 400
    assert "Het gebruik door deze organisatie is al vastgelegd." in field_errors(moved)
    organisations = reference.organisations
    assert [usage.organisation_id for usage in records("usages")] == [organisations["Diemen"], organisations["Uithoorn"]]


def test_the_same_organisation_may_use_another_application(editor, pair, forms, records, make_usage):
    source, target = pair
    make_usage(target, "Diemen")
    assert editor.post(f"/applications/{source.id}/usages/new", data=forms["usages"](ensia_subjects="DigiD")).status_code == 302
    assert records("usages")[-1].ensia_subjects == ["DigiD"]


def test_editing_a_contract_shows_its_cost_the_dutch_way_and_keeps_it(editor, pair, make_contract, forms, records):
    contract = make_contract(pair[0], cost_cents=1_250_050, cost_period="yearly", ends_on=date(2027, 3, 31))
    body = editor.get(f"/applications/{pair[0].id}/contracts/{contract.id}").get_data(as_text=True)
    assert 'value="12.500,50"' in body
    assert editor.post(f"/applications/{pair[0].id}/contracts/{contract.id}",
                       data=forms["contracts"](cost="12.500,50", version=1)).status_code == 302
    assert records("contracts")[0].cost_cents == 1_250_050


def test_a_stale_contract_edit_is_a_conflict(client_as, pair, make_contract, forms, records):
    contract = make_contract(pair[0], number="C-1")
    url = f"/applications/{pair[0].id}/contracts/{contract.id}"
    first, second = client_as("editor"), client_as("editor")
    assert second.post(url, data=forms["contracts"](number="C-2", version=1)).status_code == 302
    response = first.post(url, data=forms["contracts"](number="C-3", version=1))
    assert response.status_code == 409 and 'value="C-3"' in response.get_data(as_text=True)
    assert records("contracts")[0].number == "C-2"


@pytest.mark.parametrize("kind", MODELS)
def test_a_record_of_another_application_is_not_found_through_this_one(editor, pair, make_usage, make_contract, make_integration, kind):
    source, target = pair
    record = {"usages": lambda: make_usage(target), "contracts": lambda: make_contract(target),
              "integrations": lambda: make_integration(target, source)}[kind]()
    assert editor.get(f"/applications/{source.id}/{kind}/{record.id}").status_code == 404
    assert editor.post(f"/applications/{source.id}/{kind}/{record.id}/archive", data={"reason": "x", "version": 1}).status_code == 404


def test_an_unknown_kind_is_not_found(editor, pair):
    assert editor.post(f"/applications/{pair[0].id}/passwords/1/archive", data={"reason": "x"}).status_code == 404


def test_a_contract_with_an_archived_supplier_and_an_integration_with_an_archived_target_can_be_edited(
    editor, pair, forms, records, make_supplier, make_contract, make_integration, archive_record
):
    source, target = pair
    supplier = make_supplier("Oude leverancier")
    contract = make_contract(source, supplier_id=supplier.id)
    integration = make_integration(source, target)
    archive_record(supplier)
    archive_record(target)
    assert editor.post(f"/applications/{source.id}/contracts/{contract.id}",
                       data=forms["contracts"](supplier_id=supplier.id, number="C-9", version=1)).status_code == 302
    assert editor.post(f"/applications/{source.id}/integrations/{integration.id}",
                       data=forms["integrations"](standard="ZGW API", version=1)).status_code == 302
    assert records("contracts")[0].number == "C-9" and records("integrations")[0].standard == "ZGW API"
