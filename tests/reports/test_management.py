"""The management report: its sections and totals in HTML and in the PDF (text read back with pypdf)."""

import io
import re

import pytest
from pypdf import PdfReader


def _pdf_text(response):
    reader = PdfReader(io.BytesIO(response.data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def _squeeze(text):
    return re.sub(r"\s+", " ", text)


SECTIONS = ("Managementrapportage", "1. Het applicatieportfolio", "2. Aanbestedingen en implementatie",
            "3. Begroting per jaar", "4. Informatieveiligheid per organisatie", "Applicaties die actie vragen")


def test_the_html_report_has_every_section_and_a_print_stylesheet(data_set, viewer, day):
    response = viewer.get("/reports/management")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    for heading in SECTIONS:
        assert heading in html
    assert 'media="print" href="/static/css/report-print.css"' in html
    assert "Duo+" in html and str(day.year) in html
    assert "5. Privacy per organisatie" not in html  # a viewer may not read the privacy register


def test_the_pdf_is_dated_and_has_the_sections_and_totals(data_set, client_as, day):
    response = client_as("privacy").get("/reports/management.pdf")

    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == f'attachment; filename="managementrapportage-{day.isoformat()}.pdf"'
    reader, text = _pdf_text(response)
    text = _squeeze(text)
    for heading in (*SECTIONS, "5. Privacy per organisatie"):
        assert heading in text, heading
    # portfolio: 4 applications, 3 procurements
    assert "4 applicaties in het register, 3 aanbestedingen." in text
    # procurements of this year: Intranet € 100.000 (estimate), VTH € 60.000; stopped is left out
    assert "Implementatiekosten € 160.000" in text
    assert "Dekkingstekort € 160.000" in text  # nothing allocated, no funding
    assert "Omgevingsplannen" not in text
    # all procurements per phase with their costs; the stopped one's € 20.000 not in the total
    assert "3 aanbestedingen, samen € 160.000 aan implementatiekosten." in text
    assert "gestopt 1 € 20.000" in text
    # budget per year
    assert f"Dit jaar ({day.year}) € 160.000 structureel en € 40.000 incidenteel." in text
    # security per organisation
    assert "Diemen 1 3 33%" in text
    # privacy: breach counts per organisation for the privacy role (one open in Diemen, not notified)
    assert "Open datalekken" in text
    # the applications needing action, and the page numbers
    assert "Zaaksysteem" in text
    assert "1 / " in text and f"/ {len(reader.pages)}" in text


@pytest.mark.parametrize("role, privacy, breaches", [("viewer", False, False), ("ciso", True, False),
                                                     ("privacy", True, True), ("admin", True, True)])
def test_privacy_counts_follow_the_registers_visibility(data_set, client_as, role, privacy, breaches):
    html = client_as(role).get("/reports/management").get_data(as_text=True)
    assert ("5. Privacy per organisatie" in html) == privacy
    assert ("Open datalekken" in html) == breaches
    assert "Brief naar verkeerd adres" not in html  # never a breach's details, only counts
