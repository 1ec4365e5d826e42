"""The editor's journeys through the application register, in the browser."""

from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import open_menu


def test_an_editor_registers_an_application_with_supplier_usage_and_contract_and_finds_the_edit_in_its_history(
    page, server, log_in
):
    log_in(page, "editor")

    open_menu(page, "Leveranciers")
    page.get_by_role("link", name="Nieuwe leverancier").click()
    page.get_by_role("textbox", name="Naam").fill("Zaaksysteemleverancier BV")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Zaaksysteemleverancier BV")).to_be_visible()

    open_menu(page, "Applicaties")
    page.get_by_role("link", name="Nieuwe applicatie").click()
    page.get_by_role("textbox", name="Naam").fill("Zaakregistratie")
    page.get_by_role("combobox", name="Leverancier").select_option(label="Zaaksysteemleverancier BV")
    page.get_by_role("combobox", name="Domein").select_option(label="Zaak- en archiefsysteem")
    page.get_by_role("combobox", name="Levenscyclus").select_option(label="in implementatie")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Zaakregistratie", level=1)).to_be_visible()

    page.get_by_role("link", name="Gebruik toevoegen").click()
    page.get_by_role("combobox", name="Organisatie").select_option(label="Diemen")
    page.get_by_role("combobox", name="Status").select_option(label="actief")
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_role("link", name="Contract toevoegen").click()
    page.get_by_role("combobox", name="Leverancier").select_option(label="Zaaksysteemleverancier BV")
    page.get_by_role("textbox", name="Contractnummer").fill("ZR-2026-01")
    page.get_by_role("combobox", name="Soort contract").select_option(label="SaaS")
    page.get_by_role("textbox", name="Einddatum").fill("2029-12-31")
    page.get_by_role("textbox", name="Kosten in euro").fill("12.500")
    page.get_by_role("combobox", name="Kosten per").select_option(label="jaarlijks")
    page.get_by_role("button", name="Opslaan").click()

    usage = page.get_by_role("region", name="Gebruik per organisatie")
    expect(usage.get_by_role("cell", name="Diemen")).to_be_visible()
    contracts = page.get_by_role("region", name="Contracten en kosten")
    expect(contracts.get_by_role("cell", name="ZR-2026-01")).to_be_visible()
    expect(contracts).to_contain_text("€ 12.500")

    page.get_by_role("link", name="Wijzigen", exact=True).click()
    page.get_by_role("combobox", name="Levenscyclus").select_option(label="in productie")
    page.get_by_role("button", name="Opslaan").click()

    history = page.locator("section", has=page.get_by_role("heading", name="Geschiedenis"))
    expect(history.get_by_role("row").filter(has_text="applicatie gewijzigd")).to_contain_text(
        "Levenscyclus: in implementatie → in productie"
    )


def test_the_second_of_two_editors_gets_the_conflict_page_with_their_input_kept(browser, server, log_in):
    first, second = browser.new_page(), browser.new_page()  # each in a context of its own
    log_in(first, "editor")
    log_in(second, "editor")
    for page in (first, second):
        page.goto(f"{server}/applications/1/edit")

    first.get_by_role("textbox", name="Omschrijving").fill("Eerste versie van de omschrijving.")
    first.get_by_role("button", name="Opslaan").click()
    expect(first.get_by_role("region", name="Algemeen")).to_contain_text("Eerste versie")

    second.get_by_role("textbox", name="Omschrijving").fill("Tweede, gelijktijdige omschrijving.")
    second.get_by_role("button", name="Opslaan").click()

    expect(second.get_by_role("alert")).to_be_visible()
    expect(second.get_by_role("textbox", name="Omschrijving")).to_have_value("Tweede, gelijktijdige omschrijving.")
    expect(second.get_by_text("Eerste versie van de omschrijving.")).to_be_visible()
    first.close()
    second.close()


def test_an_editor_imports_a_spreadsheet_fixes_the_bad_row_and_imports_it(page, server, log_in, tmp_path):
    spreadsheet = tmp_path / "applicaties.csv"
    spreadsheet.write_text(
        "ID;Naam;Domein;Levenscyclus\n"
        ";Kassasysteem;Bedrijfsvoering;in productie\n"
        ";Parkeervergunningen;Bedrijfsvoering;bijna klaar\n",
        encoding="utf-8",
    )
    log_in(page, "editor")
    page.goto(f"{server}/applications/import")
    page.get_by_label("Bestand").set_input_files(spreadsheet)
    page.get_by_role("button", name="Controleren").click()

    expect(page.get_by_role("alert")).to_contain_text("1 fout gevonden")
    rejected = page.get_by_role("region", name="Afgekeurde rijen")
    expect(rejected.get_by_role("row").nth(1)).to_contain_text("3")
    expect(rejected.get_by_role("row").nth(1)).to_contain_text("Levenscyclus")
    expect(page.get_by_role("button", name="Import bevestigen")).to_have_count(0)
    assert_accessible(page)

    spreadsheet.write_text(spreadsheet.read_text().replace("bijna klaar", "in implementatie"), encoding="utf-8")
    page.get_by_role("link", name="Ander bestand kiezen").click()
    page.get_by_label("Bestand").set_input_files(spreadsheet)
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("status")).to_contain_text("Nieuw: 2.")
    page.get_by_role("button", name="Import bevestigen").click()

    page.goto(f"{server}/applications/?q=Parkeervergunningen")
    expect(page.get_by_role("link", name="Parkeervergunningen")).to_be_visible()
    page.goto(f"{server}/applications/?q=Kassasysteem")
    expect(page.get_by_role("link", name="Kassasysteem")).to_be_visible()
