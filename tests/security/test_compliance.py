"""Compliance figures on a small data set computed by hand, the overview page, the statement of
applicability and the ENSIA export."""

import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from portfolio.security import compliance
from portfolio.security.models import Evidence


def test_percentage_rounds_half_up_and_is_none_without_applicable_measures():
    assert [compliance.percentage(*pair) for pair in ((1, 3), (2, 3), (1, 2), (0, 4), (3, 3), (0, 0))] == [
        33, 67, 50, 0, 100, None]


@pytest.fixture
def data_set(db, example_catalogue, requirement_ids, make_measure, reference, archive_record):
    """Five measures (and an archived one) whose figures are worked out by hand in the tests."""
    ids = requirement_ids(example_catalogue)
    org = reference.organisations
    today = date.today()
    m1 = make_measure(title="M1", status="implemented", ensia_subjects=["BIO"], requirements=[ids["VB-5.1"], ids["VB-8.15"]])
    make_measure(title="M2", status="not_started", organisations=[org["Diemen"]], ensia_subjects=["BIO"],
                 requirements=[ids["VB-5.2"]], due_on=today - timedelta(days=1))
    make_measure(title="M3", status="not_applicable", status_reason="Geen eigen servers", ensia_subjects=["BIO"],
                 requirements=[ids["VB-8.5"]])
    m4 = make_measure(title="M4", status="implemented", organisations=[org["Ouder-Amstel"]], ensia_subjects=["DigiD"],
                      requirements=[ids["VB-8.5"], ids["VB-8.13"]], next_review_on=today - timedelta(days=1))
    make_measure(title="M5", status="in_progress", requirements=[ids["VB-8.13"]], due_on=today + timedelta(days=10))
    archive_record(make_measure(title="M6", status="implemented", ensia_subjects=["BIO"], requirements=[ids["VB-5.1"]]))
    with db() as session:
        session.add(Evidence(measure_id=m4.id, kind="text", description="rapport", dated_on=today))
        session.add(Evidence(measure_id=m1.id, kind="text", description="verlopen", dated_on=today - timedelta(days=30),
                             expires_on=today - timedelta(days=1)))
    return today


def _sheet(response):
    """The rows of the XLSX in response (closed afterwards: it streams a temporary file)."""
    assert response.status_code == 200, response.status_code
    assert response.headers["Content-Disposition"].startswith("attachment;")
    rows = list(load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True))
    response.close()
    return rows


def _figures(figures):
    return {f.label: (f.implemented, f.applicable, f.percentage) for f in figures}


def test_figures_per_organisation_chapter_and_ensia_subject(db, data_set):
    with db() as session:
        result = compliance.overview(session, data_set)
        # Diemen: M1 M2 M3 M5 -> 1 of 3; Ouder-Amstel: M1 M3 M4 M5 -> 2 of 3; the others: M1 M3 M5 -> 1 of 2.
        assert _figures(result["organisations"]) == {
            "Diemen": (1, 3, 33), "Ouder-Amstel": (2, 3, 67), "Uithoorn": (1, 2, 50), "Duo+": (1, 2, 50)}
        [(_, chapters)] = result["chapters"]
        # 5 Organisatie: M1 M2 -> 1 of 2; 6 Mensen: nothing; 8 Techniek: M1 M3 M4 M5 -> 2 of 3.
        assert _figures(chapters) == {"5 Organisatie": (1, 2, 50), "6 Mensen": (0, 0, None), "8 Techniek": (2, 3, 67)}
        ensia = _figures(result["ensia"])
        # BIO: M1 M2 M3 -> 1 of 2 (M6 is archived); DigiD: M4 -> 1 of 1.
        assert (ensia["BIO"], ensia["DigiD"], ensia["BRP"]) == ((1, 2, 50), (1, 1, 100), (0, 0, None))
        counts = {name: count for name, (count, _) in result["attention"].items()}
        # Overdue: M2; due within 30 days: M5; implemented without current evidence: M1 (expired); review: M4.
        assert counts == {"overdue": 1, "due_soon": 1, "without_evidence": 1, "review_due": 1}


def test_every_figure_links_to_the_list_behind_it(client_as, data_set):
    ciso = client_as("ciso")
    page = ciso.get("/security/").get_data(as_text=True)
    assert "33 %" in page and "67 %" in page
    for arguments, expected in (("due=overdue", ["M2"]), ("due=soon", ["M5"]), ("status=implemented&evidence=missing", ["M1"]),
                                ("review=1", ["M4"]), ("ensia=BIO", ["M1", "M2", "M3"])):
        assert f"/security/measures/?{arguments.replace('&', '&amp;')}" in page
        listed = ciso.get(f"/security/measures/?{arguments}").get_data(as_text=True)
        shown = [title for title in ("M1", "M2", "M3", "M4", "M5") if f">{title}</a>" in listed]
        assert shown == expected, arguments


def test_statement_of_applicability_page_and_xlsx(client_as, viewer, data_set, example_catalogue, reference):
    diemen = reference.organisations["Diemen"]
    page = viewer.get(f"/security/statement?organisation={diemen}&framework={example_catalogue.id}")
    assert page.status_code == 200
    rows = _sheet(viewer.get(f"/security/statement.xlsx?organisation={diemen}&framework={example_catalogue.id}"))
    by_reference = {row[0]: row for row in rows[1:]}
    assert rows[0][:4] == ("Referentie", "Hoofdstuk", "Titel", "Van toepassing")
    # VB-8.5 for Diemen: only M3 (M4 is Ouder-Amstel's), not applicable -> does not apply, with M3's reason.
    assert by_reference["VB-8.5"][3:7] == ("nee", "Geen eigen servers", "M3", "niet van toepassing")
    assert by_reference["VB-5.2"][3] == "ja" and by_reference["VB-5.2"][5] == "M2"
    assert by_reference["VB-6.3"][3:5] == ("ja", "Geen maatregel vastgelegd.")
    assert viewer.get("/security/statement.xlsx?organisation=abc").status_code == 400
    assert viewer.get(f"/security/statement?organisation={diemen}").status_code == 400


def test_ensia_export_per_organisation_and_subject(viewer, data_set, reference):
    ouder_amstel = reference.organisations["Ouder-Amstel"]
    rows = _sheet(viewer.get(f"/security/ensia.xlsx?organisation={ouder_amstel}&ensia=DigiD"))
    assert [row[:3] for row in rows[1:]] == [("DigiD", "M4", "geïmplementeerd")]
    assert rows[1][7] == "ja" and "rapport" in rows[1][8]
    rows = _sheet(viewer.get(f"/security/ensia.xlsx?organisation={reference.organisations['Diemen']}"))
    assert [row[:2] for row in rows[1:]] == [("BIO", "M1"), ("BIO", "M2"), ("BIO", "M3")]
    assert "[verlopen]" in rows[1][8] and rows[1][7] == "nee"
    page = viewer.get(f"/security/ensia?organisation={ouder_amstel}&ensia=DigiD").get_data(as_text=True)
    assert ">M4</a>" in page
