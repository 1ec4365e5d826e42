"""The list at /applications/: filters, free text, sorting, pages, bad input, and its query count."""

import html
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest

from tests.applications.helpers import link, list_rows, listed, text

ALL = ["Belastingen", "Burgerzaken", "Centric Key", "GBOR"]


@pytest.fixture
def register(make_application, make_supplier, make_usage, make_contract, archive_record, reference, today):
    """Four current applications that differ in every filtered field, and one archived one."""
    pink, centric = make_supplier("PinkRoccade"), make_supplier("Centric")
    burgerzaken = make_application(
        name="Burgerzaken", domain="Burgerzaken", supplier=pink, product="iBurgerzaken", hosting="on_premises",
        availability="medium", confidentiality="high", time_verdict="invest",
    )
    make_usage(burgerzaken, "Diemen")
    make_usage(burgerzaken, "Uithoorn")
    make_contract(burgerzaken, ends_on=today + timedelta(days=180), notice_months=0)
    key = make_application(
        name="Centric Key", domain="Financiën", supplier=centric, product="Key", lifecycle_status="phasing_out",
        hosting="saas", availability="medium", time_verdict="tolerate", supplier_support_ends=today + timedelta(days=5 * 365),
    )
    make_usage(key, "Uithoorn")
    make_usage(key, "Diemen", status="ended")
    gbor = make_application(
        name="GBOR", domain="Beheer Openbare Ruimte", lifecycle_status="planned", hosting="private_cloud",
        integrity="low", time_verdict="migrate", description="Beheer van wegen en openbaar groen",
    )
    make_usage(gbor, "Ouder-Amstel")
    archive_record(make_usage(gbor, "Diemen"))
    make_application(name="Belastingen", domain="Belastingen", hosting="outsourced", hosting_party="Amstelland",
                     time_verdict="eliminate")
    archive_record(make_application(name="Oud systeem", domain="Burgerzaken", supplier=pink))
    return SimpleNamespace(
        domains=reference.domains, organisations=reference.organisations, pink=pink.id, centric=centric.id
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (lambda r: {}, ALL),
        (lambda r: {"archived": "y"}, ["Belastingen", "Burgerzaken", "Centric Key", "GBOR", "Oud systeem"]),
        (lambda r: {"domain": r.domains["Burgerzaken"]}, ["Burgerzaken"]),
        (lambda r: {"domain": r.domains["Burgerzaken"], "archived": "y"}, ["Burgerzaken", "Oud systeem"]),
        (lambda r: {"domain": r.domains["Sociaal Domein"]}, []),
        (lambda r: {"status": "production"}, ["Belastingen", "Burgerzaken"]),
        (lambda r: {"status": "phasing_out"}, ["Centric Key"]),
        (lambda r: {"supplier": r.pink}, ["Burgerzaken"]),
        (lambda r: {"supplier": r.centric}, ["Centric Key"]),
        # usage: an ended or archived usage does not count
        (lambda r: {"organisation": r.organisations["Diemen"]}, ["Burgerzaken"]),
        (lambda r: {"organisation": r.organisations["Uithoorn"]}, ["Burgerzaken", "Centric Key"]),
        (lambda r: {"organisation": r.organisations["Ouder-Amstel"]}, ["GBOR"]),
        (lambda r: {"organisation": r.organisations["Duo+"]}, []),
        (lambda r: {"hosting": "outsourced"}, ["Belastingen"]),
        (lambda r: {"hosting": "saas"}, ["Centric Key"]),
        # highest level: medium availability does not make a 'high' application 'medium'
        (lambda r: {"biv": "high"}, ["Burgerzaken"]),
        (lambda r: {"biv": "medium"}, ["Centric Key"]),
        (lambda r: {"biv": "low"}, ["GBOR"]),
        (lambda r: {"time": "invest"}, ["Burgerzaken"]),
        (lambda r: {"time": "eliminate"}, ["Belastingen"]),
        (lambda r: {"action_within": "0"}, ["Burgerzaken"]),
        (lambda r: {"action_within": "120"}, ["Burgerzaken", "Centric Key"]),
        (lambda r: {"q": "centric key"}, ["Centric Key"]),  # name, any case
        (lambda r: {"q": "pinkroc"}, ["Burgerzaken"]),  # supplier
        (lambda r: {"q": "iBurger"}, ["Burgerzaken"]),  # product
        (lambda r: {"q": "openbaar groen"}, ["GBOR"]),  # description
        (lambda r: {"q": "  Belasting  "}, ["Belastingen"]),
        (lambda r: {"q": "oud"}, []),
        (lambda r: {"q": "oud", "archived": "y"}, ["Oud systeem"]),
        (lambda r: {"q": "%"}, []),  # LIKE wildcards are taken literally
        (lambda r: {"q": "_"}, []),
        (lambda r: {"status": "production", "supplier": r.pink, "organisation": r.organisations["Diemen"]}, ["Burgerzaken"]),
        (lambda r: {"status": "production", "hosting": "saas"}, []),
    ],
)
def test_each_filter_narrows_the_rows(viewer, register, query, expected):
    response = viewer.get("/applications/", query_string=query(register))
    assert response.status_code == 200
    assert listed(response) == expected
    assert f"{len(expected)} applicatie" in text(response)


SORTED = {
    "name": ["Belastingen", "Burgerzaken", "Centric Key", "GBOR"],
    "domain": ["GBOR", "Belastingen", "Burgerzaken", "Centric Key"],  # Beheer…, Belastingen, Burgerzaken, Financiën
    "status": ["GBOR", "Belastingen", "Burgerzaken", "Centric Key"],  # lifecycle order, then name
}
# (ascending, descending) where some rows have no value: those come last either way, by name.
WITH_EMPTY = {
    "supplier": (["Centric Key", "Burgerzaken", "Belastingen", "GBOR"], ["Burgerzaken", "Centric Key", "Belastingen", "GBOR"]),
    "biv": (["GBOR", "Centric Key", "Burgerzaken", "Belastingen"], ["Burgerzaken", "Centric Key", "GBOR", "Belastingen"]),
    "action": (["Burgerzaken", "Centric Key", "Belastingen", "GBOR"], ["Centric Key", "Burgerzaken", "Belastingen", "GBOR"]),
}
DESCENDING_WITHOUT_EMPTY = {
    "name": ["GBOR", "Centric Key", "Burgerzaken", "Belastingen"],
    "domain": ["Centric Key", "Burgerzaken", "Belastingen", "GBOR"],
    "status": ["Centric Key", "Belastingen", "Burgerzaken", "GBOR"],  # equal status keeps name order
}
SORT_CASES = (
    [(key, "asc", order) for key, order in SORTED.items()]
    + [(key, "desc", order) for key, order in DESCENDING_WITHOUT_EMPTY.items()]
    + [(key, direction, orders[i]) for key, orders in WITH_EMPTY.items() for i, direction in enumerate(("asc", "desc"))]
)


@pytest.mark.parametrize(("sort", "order", "expected"), SORT_CASES)
def test_sorting_by_each_column_in_both_directions(viewer, register, sort, order, expected):
    response = viewer.get("/applications/", query_string={"sort": sort, "order": order})
    assert listed(response) == expected


def test_a_column_header_sorts_the_other_way_and_keeps_the_filters(viewer, register):
    response = viewer.get("/applications/", query_string={"status": "production", "sort": "name", "page": "1"})
    header = html.unescape(re.search(r'href="(/applications/\?[^"]*sort=name[^"]*)"', response.get_data(as_text=True)).group(1))
    assert "order=desc" in header and "status=production" in header and "page=" not in header
    assert listed(viewer.get(header)) == ["Burgerzaken", "Belastingen"]


@pytest.fixture
def many(make_application, make_supplier, make_usage, make_contract, today):
    """add(n): n more applications, each with its own supplier, a usage and a contract."""
    made = []

    def add(count):
        for _ in range(count):
            number = len(made) + 1
            supplier = make_supplier(f"Leverancier {number:02d}")
            application = make_application(name=f"Reeks {number:02d}", supplier=supplier)
            make_usage(application, ("Diemen", "Uithoorn", "Ouder-Amstel", "Duo+")[number % 4])
            make_contract(application, ends_on=today + timedelta(days=30 * number), notice_months=number % 7)
            made.append(application)
        return made

    return add


def test_fifty_a_page_and_the_links_keep_the_filters(viewer, many, make_application):
    many(60)
    make_application(name="Anders")
    first = viewer.get("/applications/", query_string={"q": "reeks", "sort": "name", "order": "desc"})
    assert len(list_rows(first)) == 50
    assert listed(first)[0] == "Reeks 60"
    assert "61 applicaties gevonden" not in text(first) and "60 applicaties gevonden" in text(first)
    assert "Pagina 1 van 2" in text(first)
    assert link(first, "prev") is None

    next_link = link(first, "next")
    assert "q=reeks" in next_link and "sort=name" in next_link and "order=desc" in next_link and "page=2" in next_link
    second = viewer.get(next_link)
    assert listed(second) == [f"Reeks {n:02d}" for n in range(10, 0, -1)]
    assert link(second, "next") is None
    assert "page=1" in link(second, "prev") and "q=reeks" in link(second, "prev")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("action_within=abc", "Ongeldig getal."),
        ("action_within=-1", "Vul 0 tot en met 120 maanden in."),
        ("action_within=121", "Vul 0 tot en met 120 maanden in."),
        ("page=0", "Kies een bestaande pagina."),
        ("page=abc", "Ongeldig getal."),
        ("domain=99999", "Ongeldige keuze."),
        ("domain=abc", "Ongeldige keuze: kon niet omgezet worden."),
        ("supplier=99999", "Ongeldige keuze."),
        ("organisation=99999", "Ongeldige keuze."),
        ("status=unknown", "Ongeldige keuze."),
        ("biv=extreme", "Ongeldige keuze."),
        ("sort=password", "Ongeldige keuze."),
        ("order=sideways", "Ongeldige keuze."),
        ("q=" + "x" * 201, "Gebruik hoogstens 200 tekens."),
    ],
)
def test_invalid_filter_input_is_a_400_with_a_dutch_message(viewer, register, query, message):
    response = viewer.get(f"/applications/?{query}")
    assert response.status_code == 400
    assert message in text(response)
    assert listed(response) == []


def test_the_list_needs_the_same_few_queries_for_5_and_for_60_applications(viewer, many, count_queries):
    """10 statements: the user, the filter's domains, suppliers and organisations, the register's
    state twice (figure_cache: before the supplier choices and before the page's ids), the count,
    the page's ids, its rows and their usages with organisations (SQLite adds its BEGIN)."""
    viewer.get("/applications/")  # warm up: the first request loads what every request shares
    counts = []
    for added, total in ((5, 5), (55, 60)):
        many(added)
        with count_queries() as statements:
            response = viewer.get("/applications/")
        assert len(list_rows(response)) == min(total, 50)
        counts.append(len([s for s in statements if not s.startswith("BEGIN")]))
    assert counts[0] == counts[1]
    assert counts[1] <= 10, counts


def test_filter_on_the_month_a_current_contract_ends(editor, make_application, make_contract):
    from datetime import date

    march = make_application(name="Loopt af in maart")
    make_contract(march, ends_on=date(2027, 3, 31))
    april = make_application(name="Loopt af in april")
    make_contract(april, ends_on=date(2027, 4, 1))
    archived = make_application(name="Oud contract in maart")
    make_contract(archived, ends_on=date(2027, 3, 1), archived=True)

    html = editor.get("/applications/?contract_ends=2027-03").get_data(as_text=True)
    assert "Loopt af in maart" in html
    assert "Loopt af in april" not in html and "Oud contract in maart" not in html

    response = editor.get("/applications/?contract_ends=2027-13")
    assert response.status_code == 400
    assert "Vul een maand in als jjjj-mm" in response.get_data(as_text=True)
