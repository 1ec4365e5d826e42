"""The FG's chain on a small data set: each figure counts exactly what its definition says, and
links to a list of the same records."""

from datetime import date, datetime, timedelta, UTC

import pytest

from portfolio.privacy import chain
from portfolio.privacy.enums import DpiaStatus
from tests.applications.helpers import text


@pytest.fixture
def chain_data(make_application, make_supplier, make_contract, make_processing, make_agreement, make_breach, archive_record, today):
    """A small register where every figure has members and non-members."""
    s = {name: make_supplier(name) for name in (
        "Gedekt BV", "Verlopen BV", "Ongetekend BV", "Contractpartij BV", "Verwerker BV", "Geen PG BV", "Toekomst BV",
    )}
    a = {
        "geregistreerd": make_application(name="Geregistreerd", personal_data="bsn", supplier=s["Gedekt BV"]),
        "los": make_application(name="Los", personal_data="special", supplier=s["Verlopen BV"]),
        "gewoon": make_application(name="Gewoon", personal_data="regular", supplier=s["Ongetekend BV"]),
        "geen": make_application(name="Geen", personal_data="none", supplier=s["Geen PG BV"]),
        "onbekend": make_application(name="Onbekend"),  # personal data not filled in
        "uitgefaseerd": make_application(name="Uitgefaseerd", personal_data="bsn", lifecycle_status="retired"),
        "gearchiveerd": make_application(name="Gearchiveerd", personal_data="bsn"),
        "via_archief": make_application(name="Via archief", personal_data="regular", supplier=s["Toekomst BV"]),
    }
    archive_record(a["gearchiveerd"])
    make_contract(a["gewoon"], supplier_id=s["Contractpartij BV"].id)
    make_processing(name="Registratie", applications=[a["geregistreerd"]], processors=[s["Verwerker BV"]],
                    dpia_required="yes", dpia_reason="BSN op grote schaal", dpia_done_on=date(2026, 1, 5))
    make_processing(name="Zonder besluit", applications=[a["gewoon"]])
    make_processing(name="Nog te bepalen", applications=[a["gewoon"]], dpia_required="undecided")
    make_processing(name="DPIA ontbreekt", dpia_required="yes", dpia_reason="profilering")
    make_processing(name="Geen DPIA nodig", dpia_required="no", dpia_reason="kleinschalig")
    archive_record(make_processing(name="Oud zonder besluit", applications=[a["via_archief"]]))
    make_agreement(s["Gedekt BV"], signed_on=today - timedelta(days=400), ends_on=today)
    make_agreement(s["Verlopen BV"], signed_on=today - timedelta(days=400), ends_on=today - timedelta(days=1))
    make_agreement(s["Ongetekend BV"])
    make_agreement(s["Toekomst BV"], signed_on=today + timedelta(days=3))
    make_agreement(s["Verwerker BV"], signed_on=today - timedelta(days=30))
    now = datetime.now(UTC)
    make_breach(discovered_at=now - timedelta(hours=80))  # open and overdue
    make_breach(discovered_at=now - timedelta(hours=10))  # open, in time
    make_breach(discovered_at=now - timedelta(hours=90), notified_at=now - timedelta(hours=50), closed_on=today)
    return a, s


def names(db, statement):
    with db() as session:
        return [record.name for record in session.exec(statement).all()]


def test_applications_with_personal_data_in_no_current_processing(db, chain_data):
    # Not: registered, no or unknown personal data, retired, archived. "Via archief" is only in an archived activity.
    assert names(db, chain.unregistered_applications()) == ["Los", "Via archief"]


def test_processing_without_a_dpia_decision(db, chain_data):
    assert names(db, chain.undecided_dpia()) == ["Nog te bepalen", "Zonder besluit"]


def test_processing_with_a_dpia_required_and_not_done(db, chain_data):
    assert names(db, chain.missing_dpia()) == ["DPIA ontbreekt"]


def test_suppliers_of_personal_data_without_a_current_agreement(db, chain_data, today):
    # Gedekt BV: ends today, still current. Verlopen BV: ended yesterday. Ongetekend BV: not signed.
    # Toekomst BV: signed only in three days, and its application is in an archived activity only.
    # Contractpartij BV: party to a contract of a personal-data application. Verwerker BV: covered.
    # Geen PG BV: its application processes no personal data.
    assert names(db, chain.uncovered_suppliers(today)) == [
        "Contractpartij BV", "Ongetekend BV", "Toekomst BV", "Verlopen BV",
    ]


def test_a_processor_named_in_a_processing_counts_as_processing_personal_data(db, make_supplier, make_processing, today):
    make_processing(processors=[make_supplier("Alleen verwerker")])
    assert names(db, chain.uncovered_suppliers(today)) == ["Alleen verwerker"]


def test_the_overview_counts_and_links_each_figure(privacy, chain_data):
    response = privacy.get("/privacy/")
    page = text(response)
    assert "2 applicaties met persoonsgegevens zonder verwerking" in page
    assert "2 verwerkingen zonder DPIA-besluit" in page
    assert "1 verwerkingen waarvoor een DPIA nodig is die nog niet is uitgevoerd" in page
    assert "4 leveranciers met persoonsgegevens zonder geldige verwerkersovereenkomst" in page
    assert "2 open datalekken" in page
    assert "1 datalekken over de meldtermijn zonder melding" in page
    body = response.get_data(as_text=True)
    for href in ("/privacy/chain/unregistered_applications", "/privacy/chain/undecided_dpia", "/privacy/chain/missing_dpia",
                 "/privacy/chain/uncovered_suppliers", "/privacy/breaches/?show=open", "/privacy/breaches/?show=overdue"):
        assert f'href="{href}"' in body


def test_each_figure_list_shows_the_counted_records(privacy, chain_data):
    assert "Los" in text(privacy.get("/privacy/chain/unregistered_applications"))
    suppliers = text(privacy.get("/privacy/chain/uncovered_suppliers"))
    assert "Verlopen BV" in suppliers and "Gedekt BV" not in suppliers
    assert "DPIA ontbreekt" in text(privacy.get("/privacy/chain/missing_dpia"))
    assert privacy.get("/privacy/chain/onbekend").status_code == 404


def test_the_breach_lists_behind_the_figures(privacy, chain_data):
    assert text(privacy.get("/privacy/breaches/?show=overdue")).count("termijn verstreken") == 1
    open_page = text(privacy.get("/privacy/breaches/?show=open"))
    assert "nog " in open_page and "op tijd gemeld" not in open_page
    assert privacy.get("/privacy/breaches/?show=onzin").status_code == 400


def test_expiring_agreements_are_listed(privacy, make_supplier, make_agreement, today, app):
    make_agreement(make_supplier("Bijna af BV"), signed_on=today - timedelta(days=300), ends_on=today + timedelta(days=89))
    make_agreement(make_supplier("Nog lang BV"), signed_on=today - timedelta(days=300), ends_on=today + timedelta(days=91))
    expiring = text(privacy.get("/privacy/")).split("aflopen", 1)[1]
    assert "Bijna af BV" in expiring and "Nog lang BV" not in expiring
    rows = text(privacy.get("/privacy/agreements/")).split("Bijna af BV", 1)[1]
    soon, later = rows.split("Nog lang BV", 1)
    assert "loopt binnenkort af" in soon
    assert "geldig" in later and "loopt binnenkort af" not in later


@pytest.mark.parametrize(("decisions", "processes", "expected"), [
    ([], False, DpiaStatus.NOT_REQUIRED),
    ([], True, DpiaStatus.UNDECIDED),
    ([("no", None)], True, DpiaStatus.NOT_REQUIRED),
    ([("yes", date(2026, 1, 1)), ("no", None)], True, DpiaStatus.DONE),
    ([("yes", date(2026, 1, 1)), ("yes", None)], True, DpiaStatus.NOT_DONE),
    ([("yes", date(2026, 1, 1)), (None, None)], True, DpiaStatus.UNDECIDED),
    ([("undecided", None), ("yes", None)], True, DpiaStatus.NOT_DONE),
])
def test_the_dpia_status_of_an_application(decisions, processes, expected):
    from types import SimpleNamespace

    activities = [SimpleNamespace(dpia_required=required, dpia_done_on=done) for required, done in decisions]
    assert chain.dpia_status(processes, activities) == expected
