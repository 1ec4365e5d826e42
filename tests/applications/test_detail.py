"""The application page: usage per organisation, contracts and deadlines, yearly cost, classification, links, history."""

import re
from datetime import date

import pytest

from tests.applications.helpers import text


@pytest.fixture
def burgerzaken(make_application, make_supplier, make_usage, make_contract):
    application = make_application(
        name="Burgerzaken", supplier=make_supplier("PinkRoccade"), availability="medium", integrity="high",
        confidentiality="high", personal_data="bsn",
    )
    make_usage(application, "Uithoorn", status="planned")
    make_usage(application, "Diemen", local_process_owner="Teamleider Burgerzaken", ensia_subjects=["DigiD", "BRP"])
    make_contract(application, number="C-MONTH", cost_cents=50_000, cost_period="monthly", ends_on=date(2027, 3, 31), notice_months=3)
    make_contract(application, number="C-YEAR", cost_cents=650_000, cost_period="yearly")
    make_contract(application, number="C-ONCE", cost_cents=2_000_000, cost_period="once")
    make_contract(application, number="C-OLD", cost_cents=100_000, cost_period="yearly", archived=True)
    return application


def section(page, heading, following):
    return page.split(heading, 1)[1].split(following, 1)[0]


def test_usage_is_shown_per_organisation_in_their_order(viewer, burgerzaken):
    usages = section(text(viewer.get(f"/applications/{burgerzaken.id}")), "Gebruik per organisatie", "Contracten en kosten")
    assert usages.index("Diemen") < usages.index("Uithoorn")
    assert "Teamleider Burgerzaken" in usages and "BRP, DigiD" in usages
    assert "actief" in usages and "gepland" in usages


def test_yearly_structural_cost_sums_monthly_and_yearly_and_leaves_out_one_off_and_archived(viewer, burgerzaken):
    page = text(viewer.get(f"/applications/{burgerzaken.id}"))
    # € 500 a month × 12 + € 6.500 a year; not the € 20.000 once, not the archived € 1.000
    assert "Structurele kosten per jaar: € 12.500" in page


def test_contracts_show_their_notice_deadline_and_cost(viewer, burgerzaken):
    contracts = section(text(viewer.get(f"/applications/{burgerzaken.id}")), "Contracten en kosten", "Beveiliging en privacy")
    month = contracts.split("C-MONTH", 1)[1].split("C-", 1)[0]
    assert "31 mrt 2027" in month and "31 dec 2026" in month  # ends, and notice three months before
    assert "€ 500 maandelijks" in month
    assert "€ 20.000 eenmalig" in contracts


def test_no_contracts_cost_nothing(viewer, make_application):
    application = make_application()
    assert "Structurele kosten per jaar: € 0" in text(viewer.get(f"/applications/{application.id}"))


def test_the_classification_is_shown_in_dutch(viewer, burgerzaken):
    classification = section(text(viewer.get(f"/applications/{burgerzaken.id}")), "Beveiliging en privacy", "Koppelingen")
    assert classification.split() == [
        "Beschikbaarheid", "midden", "Integriteit", "hoog", "Vertrouwelijkheid", "hoog", "Persoonsgegevens", "BSN"
    ]


def test_integrations_in_and_out_are_drawn_as_an_accessible_svg(viewer, burgerzaken, make_application, make_integration):
    zaaksysteem = make_application(name="Zaaksysteem")
    make_integration(burgerzaken, zaaksysteem, standard="ZGW API", via_esb=True)
    make_integration(burgerzaken, external_target="Landelijke BRP", direction="both")
    make_integration(zaaksysteem, burgerzaken, direction="incoming")
    body = viewer.get(f"/applications/{burgerzaken.id}").get_data(as_text=True)
    svg = re.search(r"<svg.*?</svg>", body, re.S).group(0)
    assert 'role="img"' in svg and '<title id="diagram-title">Burgerzaken</title>' in svg
    assert "1 → Burgerzaken → 2" in svg
    assert svg.count("diagram-line--esb") == 1
    assert "Zaaksysteem" in svg and "Landelijke BRP" in svg


def test_without_integrations_no_diagram_is_drawn(viewer, burgerzaken):
    assert "<svg" not in viewer.get(f"/applications/{burgerzaken.id}").get_data(as_text=True)


def test_an_archived_integration_is_left_out_of_the_diagram(viewer, burgerzaken, make_application, make_integration, archive_record):
    archive_record(make_integration(burgerzaken, make_application(name="Oud")))
    response = viewer.get(f"/applications/{burgerzaken.id}")
    assert "<svg" not in response.get_data(as_text=True)
    assert "Oud gearchiveerd" in section(text(response), "Koppelingen vanuit deze applicatie", "Koppelingen naar")


def test_a_name_with_markup_is_escaped_in_the_page_and_the_diagram(viewer, make_application, make_integration):
    evil = make_application(name='<script>alert("x")</script>')
    victim = make_application(name="Burgerzaken")
    make_integration(victim, evil)
    for application in (victim, evil):
        body = viewer.get(f"/applications/{application.id}").get_data(as_text=True)
        assert "<script>alert" not in body
        assert "&lt;script&gt;alert(" in body
    svg = re.search(r"<svg.*?</svg>", viewer.get(f"/applications/{evil.id}").get_data(as_text=True), re.S).group(0)
    assert "<title" in svg and "&lt;script&gt;" in svg.split("<title", 1)[1].split("</title>", 1)[0]


def test_a_long_name_is_shortened_in_the_diagram_but_not_in_the_table(viewer, make_application, make_integration):
    source = make_application(name="Burgerzaken")
    make_integration(source, make_application(name="Gemeentelijke Basisadministratie Persoonsgegevens"))
    body = viewer.get(f"/applications/{source.id}").get_data(as_text=True)
    svg = re.search(r"<svg.*?</svg>", body, re.S).group(0)
    assert "Gemeentelijke Basisadminist…" in svg
    assert "Gemeentelijke Basisadministratie Persoonsgegevens</a>" in body


def test_history_shows_the_changes_to_the_application_and_what_hangs_off_it(editor, burgerzaken):
    page = text(editor.get(f"/applications/{burgerzaken.id}"))
    history = page.split("Geschiedenis", 1)[1]
    assert "Naam: – → Burgerzaken" in history
    assert "Contractnummer: – → C-MONTH" in history
    assert "ENSIA-onderwerpen: – → BRP, DigiD" in history  # a list is kept as a list, not as its repr
    assert "Levenscyclus" in history and "production" not in history


def test_the_action_needed_by_date_is_shown(viewer, burgerzaken):
    facts = section(text(viewer.get(f"/applications/{burgerzaken.id}")), "Algemeen", "Gebruik per organisatie")
    # the lead time (12 months) comes before the three months' notice of C-MONTH
    assert "Actie nodig vóór 31 mrt 2026" in facts
