"""The art. 30 register of one organisation as XLSX: the article's columns in its order, then
the register's own; text that looks like a formula stays text."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from portfolio.privacy.export import HEADERS

ARTICLE_30_ORDER = [
    "Naam en contactgegevens van de verwerkingsverantwoordelijke",
    "Contactgegevens van de functionaris voor gegevensbescherming",
    "Verwerking",
    "Doeleinden van de verwerking",
    "Categorieën van betrokkenen",
    "Categorieën van persoonsgegevens",
    "Categorieën van ontvangers",
    "Doorgifte naar derde landen of internationale organisaties",
    "Passende waarborgen bij doorgifte",
    "Bewaartermijnen",
    "Algemene beschrijving van de technische en organisatorische beveiligingsmaatregelen",
    "Rechtsgrond (art. 6 lid 1)",
    "Bijzondere persoonsgegevens",
    "Uitzondering (art. 9 lid 2)",
    "BSN",
    "Applicaties",
    "Verwerkers",
    "DPIA nodig",
    "Reden DPIA-besluit",
    "DPIA uitgevoerd op",
    "Uitkomst DPIA",
    "Volgende herbeoordeling",
]


@pytest.fixture
def app_config():
    return {"PRIVACY_CONTACTS": {"Diemen": {"controller": "Raadhuisplein 1, Diemen", "dpo": "fg@example.org"}}}


def fetch(client, url):
    """The response, read and closed, as a WSGI server closes it (send_file's temporary file with it)."""
    with client.get(url) as response:
        response.get_data()
    return response


def sheet(response):
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(io.BytesIO(response.data))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def test_the_header_row_follows_article_30(privacy, reference):
    rows = sheet(fetch(privacy, f"/privacy/processing/export.xlsx?organisation={reference.organisations['Diemen']}"))
    assert rows[0] == ARTICLE_30_ORDER
    assert list(HEADERS) == ARTICLE_30_ORDER


def test_a_row_per_processing_of_that_organisation_only(privacy, reference, make_processing, make_application, make_supplier, archive_record):
    application, supplier = make_application(name="Burgerzaken"), make_supplier("PinkRoccade")
    make_processing(name="BRP", applications=[application], processors=[supplier], bsn=True, recipients="Afnemers",
                    special_categories=True, special_category_ground="g_interest", security_measures="BIO",
                    third_country_transfers="VS", transfer_safeguards="Modelcontractbepalingen",
                    dpia_required="yes", dpia_reason="BSN", dpia_done_on=date(2026, 2, 1))
    make_processing(name="Elders", organisation="Uithoorn")
    archive_record(make_processing(name="Gearchiveerd"))
    rows = sheet(fetch(privacy, f"/privacy/processing/export.xlsx?organisation={reference.organisations['Diemen']}"))
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Naam en contactgegevens van de verwerkingsverantwoordelijke"] == "Diemen – Raadhuisplein 1, Diemen"
    assert row["Contactgegevens van de functionaris voor gegevensbescherming"] == "fg@example.org"
    assert row["Verwerking"] == "BRP" and row["Doeleinden van de verwerking"] == "Een doel"
    assert row["Doorgifte naar derde landen of internationale organisaties"] == "VS"
    assert row["Passende waarborgen bij doorgifte"] == "Modelcontractbepalingen"
    assert row["Rechtsgrond (art. 6 lid 1)"] == "taak van algemeen belang of openbaar gezag (art. 6 lid 1 sub e)"
    assert row["Uitzondering (art. 9 lid 2)"] == "zwaarwegend algemeen belang (art. 9 lid 2 sub g)"
    assert row["BSN"] == "ja" and row["Bijzondere persoonsgegevens"] == "ja"
    assert row["Applicaties"] == "Burgerzaken" and row["Verwerkers"] == "PinkRoccade"
    assert row["DPIA nodig"] == "ja" and row["DPIA uitgevoerd op"] == "2026-02-01"


def test_the_export_is_dutch_whatever_the_ui_language(privacy, reference, make_processing):
    make_processing(name="BRP")
    privacy.post("/language", data={"language": "en", "next": "/"})
    rows = sheet(fetch(privacy, f"/privacy/processing/export.xlsx?organisation={reference.organisations['Diemen']}"))
    assert rows[0] == ARTICLE_30_ORDER
    assert rows[1][ARTICLE_30_ORDER.index("Rechtsgrond (art. 6 lid 1)")].startswith("taak van algemeen belang")


def test_text_that_looks_like_a_formula_stays_text(privacy, reference, make_processing):
    make_processing(name="=HYPERLINK(\"http://x\")", purpose="+31 20 1234567", data_subjects="@iedereen")
    response = fetch(privacy, f"/privacy/processing/export.xlsx?organisation={reference.organisations['Diemen']}")
    workbook = load_workbook(io.BytesIO(response.data))
    cells = [cell for cell in next(workbook.active.iter_rows(min_row=2, max_row=2))]
    assert all(cell.data_type == "s" for cell in cells if cell.value is not None)
    values = [cell.value for cell in cells]
    assert "'=HYPERLINK(\"http://x\")" in values and "'+31 20 1234567" in values and "'@iedereen" in values


@pytest.mark.parametrize("query", ["", "?organisation=", "?organisation=abc", "?organisation=999"])
def test_the_export_needs_a_known_organisation(privacy, query):
    assert privacy.get(f"/privacy/processing/export.xlsx{query}").status_code == 400


def test_the_ciso_may_export_but_a_viewer_not(client_as, reference):
    url = f"/privacy/processing/export.xlsx?organisation={reference.organisations['Diemen']}"
    assert fetch(client_as("ciso"), url).status_code == 200
    assert client_as("viewer").get(url).status_code == 403
