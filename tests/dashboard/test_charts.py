"""The SVG charts: valid XML, labelled for screen readers, and their numbers as a table on the page."""

import re
from xml.etree import ElementTree as ET

from portfolio.reports.charts import Chart, Row

SVG = "{http://www.w3.org/2000/svg}"


def _chart(**overrides):
    values = dict(key="chart-x", title="Applicaties <per> status & domein", summary="Samenvatting",
                  label_header="Status", series=("Aantal",),
                  rows=[Row("in productie", (2,), "/a"), Row("R&D <test>", (1,)), Row("leeg", (None,))])
    values.update(overrides)
    return Chart(**values)


def test_the_svg_is_valid_xml_with_an_accessible_name():
    root = ET.fromstring(str(_chart().svg))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-x-title"
    assert root.get("aria-describedby") == "chart-x-summary"
    assert root.find(f"{SVG}title").text == "Applicaties <per> status & domein"
    assert "style" not in str(_chart().svg)  # the CSP forbids inline style


def test_the_bars_are_proportional_and_labelled():
    root = ET.fromstring(str(_chart().svg))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"in productie", "R&D <test>", "leeg", "2", "1", "–"} <= set(texts)
    widths = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1] and widths[2] == 0


def test_two_series_get_a_legend_and_a_picture_may_draw_fewer_series_than_the_table():
    two = _chart(series=("structureel", "incidenteel"), rows=[Row("2026", (3, 1))])
    texts = [t.text for t in ET.fromstring(str(two.svg)).iter(f"{SVG}text")]
    assert "structureel" in texts and "incidenteel" in texts
    one = _chart(series=("Aantal", "Kosten"), rows=[Row("x", (3, 500))], drawn=1, formats=(str, lambda v: f"€ {v}"))
    texts = [t.text for t in ET.fromstring(str(one.svg)).iter(f"{SVG}text")]
    assert "€ 500" not in texts and one.text(500, 1) == "€ 500"


def test_columns_for_a_timeline():
    chart = _chart(kind="columns", rows=[Row(f"m{i}", (i % 3,)) for i in range(24)])
    root = ET.fromstring(str(chart.svg))
    assert len(list(root.iter(f"{SVG}rect"))) == 24
    assert [t.text for t in root.iter(f"{SVG}text") if t.text.startswith("m")] == [f"m{i}" for i in range(0, 24, 3)]


def test_the_dashboard_shows_each_chart_with_caption_summary_and_table(app, data_set, viewer):
    html = viewer.get("/").get_data(as_text=True)
    for key, title in [
        ("chart-status", "Applicaties per levenscyclusstatus"), ("chart-domain", "Applicaties per domein"),
        ("chart-phase", "Aanbestedingen per fase"), ("chart-budget", "Begroting per jaar: structureel en incidenteel"),
        ("chart-compliance-organisation", "Compliance per organisatie"),
        ("chart-contracts", "Aflopende contracten in de komende 24 maanden"),
    ]:
        assert f'<figcaption class="portfolio-chart__title" id="{key}-title">{title}</figcaption>' in html
        assert f'id="{key}-summary"' in html
        assert re.search(rf'<svg [^>]*aria-labelledby="{key}-title"', html)
        figure = html.split(f'id="{key}-title"')[1].split("</figure>")[0]
        assert "<table" in figure and '<th class="utrecht-table__header-cell" scope="row">' in figure
    for svg in re.findall(r"<svg .*?</svg>", html, flags=re.S):
        ET.fromstring(svg)
    assert "Applicaties met een contract dat in de maand afloopt; de meeste in" in html


def test_compliance_per_framework_chapter_links_to_the_chapters_measures(app, db, data_set, viewer, day):
    from portfolio.security import services
    from portfolio.security.catalogues import services as catalogue_import
    from portfolio.security.models import Requirement
    from sqlmodel import select

    catalogue = ("reference;chapter;title;text;tags\nVB-1;5 Organisatie;Beleid;t;\nVB-2;8 Techniek;Back-ups;t;\n"
                 "VB-3;8 Techniek;Logging;t;\n")
    with db() as session:
        report = catalogue_import.import_catalogue(session, catalogue.encode(), "c.csv", code="VB", name="Voorbeeld")
        requirements = {r.reference: r.id for r in session.exec(select(Requirement)).all()}
        framework_id = report.framework.id
        for status, reference_code in (("implemented", "VB-2"), ("not_started", "VB-3"), ("implemented", "VB-1")):
            services.create_measure(session, data={"title": f"M {reference_code}", "overseer": "ciso",
                                                   "priority": "low", "status": status},
                                    links={"requirement_ids": [requirements[reference_code]], "application_ids": [],
                                           "organisation_ids": []}, today=day)

    html = viewer.get("/").get_data(as_text=True)

    assert 'id="chart-chapter-0-title">Compliance per hoofdstuk van Voorbeeld</figcaption>' in html
    assert re.search(rf'/security/measures/\?framework={framework_id}&amp;chapter=8\+Techniek">8 Techniek</a></th>\s*<td[^>]*>50%</td>', html)
    assert re.search(rf'/security/measures/\?framework={framework_id}&amp;chapter=5\+Organisatie">5 Organisatie</a></th>\s*<td[^>]*>100%</td>', html)


def test_each_month_of_the_contract_timeline_links_to_its_applications(data_set, viewer, day):
    from datetime import timedelta

    ending = day + timedelta(days=200)
    month = f"{ending.year}-{ending.month:02d}"
    html = viewer.get("/").get_data(as_text=True)
    assert re.search(rf'/applications/\?contract_ends={month}">[^<]+</a></th>\s*<td[^>]*>1</td>', html)

    listed = viewer.get(f"/applications/?contract_ends={month}").get_data(as_text=True)
    assert "Zaaksysteem" in listed and "Oud pakket" not in listed and "Financieel pakket" not in listed
    assert "1 applicatie gevonden" in listed
