"""The lists of the privacy register: filters, paging, and a fixed number of queries."""

from datetime import date, datetime, timedelta, UTC

import pytest

from tests.applications.helpers import text


def test_the_processing_list_filters_by_organisation_and_text(privacy, make_processing, reference):
    make_processing(name="Basisregistratie personen")
    make_processing(name="Parkeervergunningen", organisation="Uithoorn")
    page = text(privacy.get(f"/privacy/processing/?organisation={reference.organisations['Uithoorn']}"))
    assert "Parkeervergunningen" in page and "Basisregistratie" not in page
    page = text(privacy.get("/privacy/processing/?q=basis"))
    assert "Basisregistratie personen" in page and "Parkeervergunningen" not in page


def test_archived_processing_is_listed_only_on_request(privacy, make_processing, archive_record):
    archive_record(make_processing(name="Vervallen"))
    assert "Vervallen" not in text(privacy.get("/privacy/processing/"))
    assert "Vervallen gearchiveerd" in text(privacy.get("/privacy/processing/?archived=y"))


def test_the_processing_list_pages(privacy, make_processing, monkeypatch):
    from portfolio.privacy import listing

    monkeypatch.setattr(listing, "PAGE_SIZE", 2)
    for number in range(3):
        make_processing(name=f"Verwerking {number:02d}")
    first, second = text(privacy.get("/privacy/processing/")), text(privacy.get("/privacy/processing/?page=2"))
    assert "3 verwerkingen" in first and "Verwerking 00" in first and "Verwerking 02" not in first
    assert "Verwerking 02" in second


def _queries(client, url, count_queries):
    client.get(url)
    with count_queries() as statements:
        assert client.get(url).status_code == 200
    return len(statements)


@pytest.mark.parametrize("url", ["/privacy/processing/", "/privacy/agreements/", "/privacy/breaches/", "/privacy/"])
def test_lists_need_the_same_queries_for_few_and_many_rows(
    privacy, url, make_processing, make_application, make_supplier, make_agreement, make_breach, count_queries,
):
    def add(number):
        for _ in range(number):
            application, supplier = make_application(personal_data="bsn"), make_supplier()
            make_processing(applications=[application], processors=[supplier])
            make_agreement(supplier, applications=[application], signed_on=date(2026, 1, 1), ends_on=date.today() + timedelta(days=10))
            make_breach(discovered_at=datetime.now(UTC) - timedelta(hours=5), applications=[application])

    add(1)
    few = _queries(privacy, url, count_queries)
    add(8)
    assert _queries(privacy, url, count_queries) == few
