"""The CISO's and the privacy officer's journeys: a measure assigned and carried out with
evidence, and a data breach registered against its 72-hour deadline."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_the_ciso_assigns_a_measure_and_the_assignee_reports_it_done_with_evidence(
    browser, server, log_in, make_user, tmp_path
):
    assignee = make_user("editor", name="Ilse Jansen")
    ciso, colleague = browser.new_page(), browser.new_page()
    log_in(ciso, "ciso")
    ciso.goto(f"{server}/security/measures/new")
    ciso.get_by_role("textbox", name="Titel").fill("Back-ups van InProces maandelijks terugzetten")
    ciso.get_by_role("combobox", name="Toezichthouder").select_option(label="CISO")
    ciso.get_by_role("combobox", name="Uitvoerder").select_option(label="Ilse Jansen")
    ciso.get_by_role("combobox", name="Prioriteit").select_option(label="hoog")
    ciso.get_by_role("combobox", name="Status").select_option(label="niet gestart")
    ciso.get_by_role("textbox", name="Gereed op").fill("2027-03-31")
    ciso.get_by_role("button", name="Opslaan").click()
    expect(ciso.get_by_role("heading", name="Back-ups van InProces maandelijks terugzetten")).to_be_visible()
    measure_url = ciso.url

    log_in(colleague, "editor", user=assignee)
    colleague.goto(measure_url)
    expect(colleague.get_by_role("link", name="Wijzigen", exact=True)).to_have_count(0)
    colleague.get_by_role("link", name="Status bijwerken").click()
    colleague.get_by_role("combobox", name="Status").select_option(label="geïmplementeerd")
    colleague.get_by_role("button", name="Opslaan").click()
    expect(colleague.locator("main")).to_contain_text("geïmplementeerd")

    report = tmp_path / "hersteltest-2026-11.pdf"
    report.write_bytes(PDF)
    colleague.get_by_role("link", name="Bewijs toevoegen").click()
    colleague.get_by_role("combobox", name="Soort bewijs").select_option(label="bestand")
    colleague.get_by_label("Bestand").set_input_files(report)
    colleague.get_by_role("textbox", name="Datum van het bewijs").fill("2026-11-27")
    colleague.get_by_role("button", name="Toevoegen").click()

    evidence = colleague.get_by_role("link", name="hersteltest-2026-11.pdf")
    expect(evidence).to_be_visible()
    with colleague.expect_download() as download:
        evidence.click()
    assert download.value.path().read_bytes() == PDF
    assert_accessible(colleague)
    ciso.close()
    colleague.close()


def test_the_privacy_officer_registers_a_breach_and_sees_the_time_left_to_notify(page, server, log_in):
    discovered = (datetime.now(AMSTERDAM) - timedelta(hours=10)).replace(second=0, microsecond=0)
    log_in(page, "privacy")
    page.goto(f"{server}/privacy/breaches/")
    page.get_by_role("link", name="Datalek vastleggen").click()
    page.get_by_role("combobox", name="Organisatie").select_option(label="Uithoorn")
    page.get_by_role("textbox", name="Ontdekt op (datum)").fill(discovered.strftime("%Y-%m-%d"))
    page.get_by_label("Ontdekt om (tijd)").fill(discovered.strftime("%H:%M"))
    page.get_by_role("textbox", name="Omschrijving").fill("Uitkeringsbrief met BSN naar een verkeerd adres gestuurd.")
    page.get_by_role("button", name="Opslaan").click()

    facts = page.locator("#deadline")
    deadline = discovered + timedelta(hours=72)
    expect(facts).to_contain_text(deadline.strftime("%d-%m-%Y"))
    expect(facts).to_contain_text(deadline.strftime("%H:%M"))
    expect(facts).to_contain_text(re.compile(r"nog 61 uur"))
    assert_accessible(page)
