"""A manager reads the overviews and takes the budget home as a spreadsheet; the language switch."""

from io import BytesIO

from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.conftest import open_menu


def test_a_manager_opens_the_procurement_board_and_the_budget_and_downloads_it(page, server, log_in):
    log_in(page, "viewer")

    open_menu(page, "Aanbestedingen")
    board = page.get_by_role("region", name="Aanbestedingen per fase")
    expect(board.get_by_role("heading")).not_to_have_count(0)
    expect(board.get_by_role("link").first).to_be_visible()
    expect(page.get_by_role("link", name="Nieuwe aanbesteding")).to_have_count(0)

    open_menu(page, "Begroting")
    page.get_by_label("Jaar").select_option("2022")  # the year of the source document
    page.get_by_role("button", name="Tonen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Begroting 2022")
    shown = page.get_by_role("region", name="Begrotingsposten").get_by_role("row").all_inner_texts()[1:]
    with page.expect_download() as download:
        page.get_by_role("link", name="Exporteren naar Excel").click()

    workbook = load_workbook(BytesIO(download.value.path().read_bytes()), read_only=True)
    rows = list(workbook["Begrotingsposten"].values)
    assert rows[0][:3] == ("Titel", "Soort", "Status")
    titles = [row[0] for row in rows[1:]]
    assert titles and len(titles) == len(shown)
    assert all(shown_row.startswith(title) for title, shown_row in zip(sorted(titles), sorted(shown), strict=True))


def test_the_language_switch_turns_the_pages_english_and_back(page, server, log_in):
    log_in(page, "editor")
    page.goto(f"{server}/applications/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Applicaties")

    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(f"{server}/applications/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Applications")
    open_menu(page, "Suppliers")
    expect(page.get_by_role("heading", level=1)).to_have_text("Suppliers")

    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Leveranciers")
