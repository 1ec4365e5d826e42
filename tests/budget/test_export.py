"""The overview as XLSX: the same figures as the page, amounts as numbers, text as text, never a formula."""

import io

from openpyxl import load_workbook


def fetch(client, url, **query):
    """The response, read and closed, as a WSGI server closes it (send_file's temporary file with it)."""
    with client.get(url, query_string=query or None) as response:
        response.get_data()
    return response


def workbook(response):
    return load_workbook(io.BytesIO(response.get_data()))


def sheet_rows(book, name):
    return [[cell.value for cell in row] for row in book[name].iter_rows()]


def test_the_export_holds_the_overview_s_figures(viewer, make_line, make_source, make_allocation, make_procurement):
    make_line(title="Thuiswerkomgeving ICT", kind="structural", amounts={2022: 16_000_000, 2023: 1},
              shares={"Diemen": 5_000, "Duo+": 5_000}, original_cents=18_000_000, revised_cents=16_000_000,
              revision_reason="autoscaling", category="Werkplek")
    make_line(title="Informatieveiligheid", kind="incidental", amounts={2022: 5_000_050})
    source = make_source("Ideaalcomplex", available_cents=7_500_000)
    make_allocation(source, 8_000_000, procurement=make_procurement("VTH", estimated_cost_cents=10_000_000))

    response = fetch(viewer, "/budget/export.xlsx", year="2022")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == "attachment; filename=begroting-2022.xlsx"
    book = workbook(response)
    assert book.sheetnames == ["Samenvatting", "Begrotingsposten", "Per categorie", "Per organisatie", "Dekking",
                               "Implementatiekosten"]
    summary = {row[0]: row[1] for row in sheet_rows(book, "Samenvatting")}
    assert (summary["Structureel"], summary["Incidenteel"], summary["Totaal"]) == (160_000, 50_000.5, 210_000.5)
    assert summary["Overschreden: Ideaalcomplex"] == 5_000 and summary["Tekort implementatiekosten"] == 20_000
    assert sheet_rows(book, "Begrotingsposten")[1] == [
        "Thuiswerkomgeving ICT", "structureel", "aangevraagd", "Werkplek", 160_000, 180_000, 160_000, "autoscaling", None, None,
    ]
    assert sheet_rows(book, "Per organisatie") == [
        ["Organisatie", "Structureel", "Incidenteel", "Totaal"],
        ["Diemen", 80_000, 0, 80_000], ["Ouder-Amstel", 0, 0, 0], ["Uithoorn", 0, 0, 0], ["Duo+", 80_000, 0, 80_000],
        ["Niet verdeeld", 0, 50_000.5, 50_000.5], ["Totaal", 160_000, 50_000.5, 210_000.5],
    ]
    assert sheet_rows(book, "Dekking")[1] == ["Ideaalcomplex", 75_000, 80_000, -5_000, 5_000]
    assert sheet_rows(book, "Implementatiekosten")[1] == ["VTH (raming)", 100_000, 80_000, 20_000]


def test_no_cell_is_a_formula_whatever_the_titles_say(viewer, make_line, make_source):
    make_line(title="=HYPERLINK(\"http://example.org\",\"klik\")", category="+1+1", amounts={2022: 100})
    make_source("@SUM(A1:A2)")
    book = workbook(fetch(viewer, "/budget/export.xlsx", year="2022"))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert cells and all(cell.data_type != "f" for cell in cells)
    assert sheet_rows(book, "Begrotingsposten")[1][:4] == ["=HYPERLINK(\"http://example.org\",\"klik\")", "structureel",
                                                           "aangevraagd", "+1+1"]
    assert sheet_rows(book, "Dekking")[1][0] == "@SUM(A1:A2)"


def test_amount_cells_are_numbers_in_euros(viewer, make_line):
    make_line(amounts={2022: 12_345_67})
    book = workbook(fetch(viewer, "/budget/export.xlsx", year="2022"))
    cell = book["Begrotingsposten"]["E2"]
    assert cell.data_type == "n" and cell.value == 12_345.67 and "€" in cell.number_format
