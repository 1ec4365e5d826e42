"""The budget pages: create, edit, archive and restore lines; funding and allocations; roles and audit."""

import re

import pytest
from sqlmodel import select

from portfolio.core.audit.models import AuditEntry
from portfolio.budget.models import Allocation, BudgetLine, FundingSource
from tests.budget.helpers import facts, field_errors, flashes, text


@pytest.fixture
def line_form(organisations):
    """line_form(years={2022: "160.000"}, shares={"Diemen": "25"}, **fields) -> the form as a browser posts it."""

    def build(*, years=None, shares=None, **fields):
        data = {"title": "Thuiswerkomgeving ICT", "kind": "structural", "status": "requested", "category": "",
                "description": "", "original": "", "revised": "", "revision_reason": "", "application_id": "",
                "procurement_id": ""}
        for row, (year, amount) in enumerate(list((years or {2022: "160.000"}).items()) + [("", "")] * 2):
            data |= {f"years-{row}-year": str(year), f"years-{row}-amount": amount}
        data |= {f"share_{organisation_id}": "" for organisation_id in organisations.values()}
        data |= {f"share_{organisations[name]}": value for name, value in (shares or {}).items()}
        return data | {key: str(value) for key, value in fields.items()}

    return build


def entries(db, entity_type):
    with db() as session:
        found = session.exec(select(AuditEntry).where(AuditEntry.entity_type == entity_type).order_by(AuditEntry.id)).all()
        return [(entry.action, entry.actor_label, entry.changes) for entry in found]


def test_an_editor_creates_a_multi_year_split_line_and_its_history_says_who(editor, line_form, organisations, rows,
                                                                            stored_line, db):
    response = editor.post("/budget/lines/new", data=line_form(
        years={2022: "160.000", 2023: "150.000,50"}, shares={"Diemen": "33,33", "Ouder-Amstel": "33.33", "Uithoorn": "33,34"},
        original="180.000", revised="160.000", revision_reason="Autoscaling", category="  Werkplek  ",
    ))
    assert response.status_code == 302
    [line] = rows(BudgetLine)
    assert response.headers["Location"].endswith(f"/budget/lines/{line.id}")
    saved, amounts, shares = stored_line(line.id)
    assert (saved.original_cents, saved.revised_cents, saved.category) == (18_000_000, 16_000_000, "Werkplek")
    assert amounts == {2022: 16_000_000, 2023: 15_000_050}
    assert shares == {organisations["Diemen"]: 3_333, organisations["Ouder-Amstel"]: 3_333, organisations["Uithoorn"]: 3_334}
    assert [(action, who) for action, who, _ in entries(db, "budget_line")] == [("insert", editor.user.email)]
    assert len(entries(db, "budget_line_amount")) == 2 and len(entries(db, "budget_line_share")) == 3

    page = editor.get(response.headers["Location"])
    assert "Begrotingspost Thuiswerkomgeving ICT aangemaakt." in flashes(page)
    shown = text(page)
    assert "2022 € 160.000" in shown and "2023 € 150.000,50" in shown
    assert "Diemen 33,33%" in shown and "Uithoorn 33,34%" in shown and "Duo+ 0%" in shown
    assert editor.user.email in shown.split("Geschiedenis", 1)[1]


def test_an_editor_changes_years_and_split_and_the_overview_follows(editor, make_line, line_form, stored_line, db):
    line = make_line(title="Licenties", kind="incidental", amounts={2022: 100_000, 2023: 100_000})
    response = editor.post(f"/budget/lines/{line.id}/edit", data=line_form(
        title="Licenties", kind="incidental", years={2023: "1.500", 2024: "2.000"}, shares={"Duo+": "100"}, version=1,
    ))
    assert response.status_code == 302
    saved, amounts, shares = stored_line(line.id)
    assert amounts == {2023: 150_000, 2024: 200_000} and saved.version == 2 and list(shares.values()) == [10_000]
    assert [action for action, _, _ in entries(db, "budget_line_amount")] == ["insert", "insert", "insert", "update", "delete"]
    assert "Geen begrotingsposten in dit jaar." in text(editor.get("/budget/?year=2022"))
    per_organisation = text(editor.get("/budget/?year=2024")).split("Per organisatie", 2)[2]
    assert "Duo+ € 0 € 2.000 € 2.000" in per_organisation


def test_a_stale_edit_is_a_conflict_and_keeps_what_was_stored(editor, make_line, line_form, stored_line):
    line = make_line(title="Oud", amounts={2022: 100})
    assert editor.post(f"/budget/lines/{line.id}/edit", data=line_form(title="Eerste", version=1)).status_code == 302
    response = editor.post(f"/budget/lines/{line.id}/edit", data=line_form(title="Tweede", version=1))
    assert response.status_code == 409
    assert "Iemand anders heeft dit intussen gewijzigd" in text(response)
    assert stored_line(line.id)[0].title == "Eerste"


def test_a_line_is_archived_with_a_reason_and_restored(editor, make_line, stored, db):
    line = make_line(title="Dubbel", amounts={2022: 100})
    refused = editor.post(f"/budget/lines/{line.id}/archive", data={"reason": "", "version": 1})
    assert refused.status_code == 400 and "Dit veld is verplicht." in field_errors(refused)
    assert editor.post(f"/budget/lines/{line.id}/archive", data={"reason": "Dubbel ingevoerd", "version": 1}).status_code == 302
    assert stored(BudgetLine, line.id).archived
    assert "Nog geen begrotingsposten." in text(editor.get("/budget/lines"))
    assert "Dubbel gearchiveerd structureel" in text(editor.get("/budget/lines?archived=1"))
    assert "Geen begrotingsposten in dit jaar." in text(editor.get("/budget/?year=2022"))
    assert editor.post(f"/budget/lines/{line.id}/restore", data={"version": 2}).status_code == 302
    assert not stored(BudgetLine, line.id).archived
    assert [entry[0] for entry in entries(db, "budget_line")] == ["insert", "update", "update"]


def test_funding_is_created_edited_and_audited(editor, rows, db):
    response = editor.post("/budget/funding/new", data={"name": "Ideaalcomplex", "year": "2022", "available": "75.000"})
    assert response.status_code == 302
    [source] = rows(FundingSource)
    assert (source.name, source.year, source.available_cents) == ("Ideaalcomplex", 2022, 7_500_000)
    response = editor.post(f"/budget/funding/{source.id}/edit",
                           data={"name": "Ideaalcomplex", "year": "2022", "available": "80.000", "version": 1})
    assert response.status_code == 302 and rows(FundingSource)[0].available_cents == 8_000_000
    assert [(action, who) for action, who, _ in entries(db, "funding_source")] == [
        ("insert", editor.user.email), ("update", editor.user.email)]
    assert "Beschikbaar € 80.000" in text(editor.get(f"/budget/funding/{source.id}"))


def test_allocations_are_made_changed_and_deleted_with_a_trace(editor, make_source, make_procurement, make_line, rows, db):
    source = make_source("Ideaalcomplex", available_cents=7_500_000)
    intranet, line = make_procurement("Intranet", estimated_cost_cents=2_500_000), make_line(title="Informatieveiligheid")
    base = f"/budget/funding/{source.id}/allocations"
    response = editor.post(f"{base}/new", data={"procurement_id": intranet.id, "amount": "25.000"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/budget/funding/{source.id}")
    [allocation] = rows(Allocation)
    response = editor.post(f"{base}/{allocation.id}", data={"budget_line_id": line.id, "procurement_id": "",
                                                            "amount": "20.000", "version": 1})
    assert response.status_code == 302
    [allocation] = rows(Allocation)
    assert (allocation.procurement_id, allocation.budget_line_id, allocation.amount_cents) == (None, line.id, 2_000_000)
    assert "Informatieveiligheid" in text(editor.get(f"/budget/lines/{line.id}")).split("Dekking", 1)[1]
    assert editor.post(f"{base}/{allocation.id}/delete", data={"version": 2}).status_code == 302
    assert rows(Allocation) == []
    assert [action for action, _, _ in entries(db, "allocation")] == ["insert", "update", "delete"]
    history = text(editor.get(f"/budget/funding/{source.id}")).split("Geschiedenis", 1)[1]
    assert history.count(editor.user.email) == 3


def test_over_allocation_is_saved_with_a_warning_and_shown_in_red(editor, make_source, make_procurement, make_allocation):
    source = make_source("Ideaalcomplex", available_cents=7_500_000)
    make_allocation(source, 5_000_000, procurement=make_procurement("Omgevingsplannen", estimated_cost_cents=5_000_000))
    vth = make_procurement("VTH", estimated_cost_cents=10_000_000)
    response = editor.post(f"/budget/funding/{source.id}/allocations/new", data={"procurement_id": vth.id, "amount": "40.000"},
                           follow_redirects=True)
    assert "Let op: Ideaalcomplex 2022 is overschreden met € 15.000." in flashes(response)
    assert "Toewijzing opgeslagen." in flashes(response)
    assert re.search(r'portfolio-budget-negative">€ -15.000 \(overschreden met € 15.000\)', response.get_data(as_text=True))

    overview = editor.get("/budget/?year=2022")
    assert "Dekking Ideaalcomplex is overschreden met € 15.000" in text(overview)
    assert re.search(r'portfolio-budget-negative">€ -15.000</span><br><span class="portfolio-budget-negative">overschreden met € 15.000',
                     overview.get_data(as_text=True))


def test_lowering_funding_below_its_allocations_warns(editor, make_source, make_line, make_allocation):
    source = make_source("Ideaalcomplex", available_cents=7_500_000)
    make_allocation(source, 7_500_000, line=make_line())
    response = editor.post(f"/budget/funding/{source.id}/edit", follow_redirects=True,
                           data={"name": "Ideaalcomplex", "year": "2022", "available": "70.000", "version": 1})
    assert "Let op: Ideaalcomplex 2022 is overschreden met € 5.000." in flashes(response)


def test_the_overview_defaults_to_this_year_and_offers_the_years_with_data(viewer, make_line):
    from datetime import date

    make_line(amounts={2022: 100})
    page = viewer.get("/budget/")
    assert page.status_code == 200
    this_year = date.today().year
    assert f"Begroting {this_year}" in text(page)
    assert re.findall(r'<option value="(\d+)"', page.get_data(as_text=True)) == [str(y) for y in sorted({2022, this_year})]


def test_viewers_read_but_do_not_get_write_links(viewer, make_line, make_source):
    line, source = make_line(title="Licenties"), make_source("Ideaalcomplex")
    for url in ("/budget/?year=2022", "/budget/lines", f"/budget/lines/{line.id}", f"/budget/funding/{source.id}"):
        page = viewer.get(url)
        assert page.status_code == 200
        assert not re.search(r'href="[^"]*/(new|edit|archive)"', page.get_data(as_text=True)), url
        assert "verwijderen" not in text(page)


def test_viewers_cannot_write(viewer, make_line, make_source, make_line_allocation, rows, audit_count):
    line, source = make_line(), make_source()
    allocation = make_line_allocation(source, line)
    before = audit_count()
    for url in ("/budget/lines/new", f"/budget/lines/{line.id}/edit", f"/budget/lines/{line.id}/archive",
                f"/budget/lines/{line.id}/restore", "/budget/funding/new", f"/budget/funding/{source.id}/edit",
                f"/budget/funding/{source.id}/allocations/new", f"/budget/funding/{source.id}/allocations/{allocation.id}",
                f"/budget/funding/{source.id}/allocations/{allocation.id}/delete"):
        assert viewer.post(url, data={"version": 1, "title": "x", "reason": "x"}).status_code == 403, url
    assert len(rows(Allocation)) == 1 and audit_count() == before


@pytest.fixture
def make_line_allocation(make_allocation):
    return lambda source, line: make_allocation(source, 100, line=line)


def test_unknown_records_are_404(editor, make_source, make_line_allocation, make_line):
    source, other = make_source(), make_source()
    allocation = make_line_allocation(other, make_line())
    for url in ("/budget/lines/999", "/budget/lines/999/edit", "/budget/funding/999", "/budget/funding/999/allocations/new",
                f"/budget/funding/{source.id}/allocations/{allocation.id}"):
        assert editor.get(url).status_code == 404, url
    assert editor.post(f"/budget/funding/{source.id}/allocations/{allocation.id}/delete", data={"version": 1}).status_code == 404


def test_the_line_page_shows_revision_and_links(editor, make_line, db):
    from portfolio.applications.demo import load_demo_applications

    with db() as session:
        load_demo_applications(session)
        from portfolio.applications.models import Application

        application_id = session.exec(select(Application.id).where(Application.name == "Thuiswerkomgeving")).one()
    line = make_line(title="Thuiswerkomgeving ICT", original_cents=18_000_000, revised_cents=16_000_000,
                     revision_reason="autoscaling", application_id=application_id)
    shown = facts(editor.get(f"/budget/lines/{line.id}"), "algemeen")
    assert (shown["Oorspronkelijk bedrag"], shown["Bijgesteld bedrag"]) == ("€ 180.000", "€ 160.000")
    assert shown["Reden van de bijstelling"] == "autoscaling" and shown["Applicatie"] == "Thuiswerkomgeving"


def test_the_pages_load_in_a_fixed_number_of_queries(viewer, make_line, make_source, make_allocation, make_procurement,
                                                     count_queries):
    source = make_source()

    def grow(number):
        for index in range(number):
            line = make_line(amounts={2022: 1_000, 2023: 5}, shares={"Diemen": 5_000, "Duo+": 5_000}, category=f"C{index}")
            make_allocation(source, 100, line=line)
            make_allocation(source, 100, procurement=make_procurement(estimated_cost_cents=500))

    def queries(url):
        with count_queries() as statements:
            assert viewer.get(url).status_code == 200
        return len(statements)

    grow(1)
    few = {url: queries(url) for url in ("/budget/?year=2022", "/budget/lines", f"/budget/funding/{source.id}")}
    grow(8)
    assert {url: queries(url) for url in few} == few


def test_a_stale_delete_is_a_conflict_and_deletes_nothing(editor, make_source, make_line_allocation, make_line, rows):
    source = make_source()
    allocation = make_line_allocation(source, make_line())
    response = editor.post(f"/budget/funding/{source.id}/allocations/{allocation.id}/delete", data={"version": 7})
    assert response.status_code == 409
    assert "Iemand anders heeft deze toewijzing intussen gewijzigd." in text(response)
    assert len(rows(Allocation)) == 1


def test_a_record_linked_to_something_archived_since_can_still_be_saved(editor, make_source, make_line, make_allocation,
                                                                       make_procurement, line_form, rows):
    archived = make_procurement("Gearchiveerd", archived=True)
    line = make_line(title="Post", procurement_id=archived.id, amounts={2022: 100})
    response = editor.post(f"/budget/lines/{line.id}/edit", data=line_form(title="Post", procurement_id=archived.id,
                                                                            years={2022: "2"}, version=1))
    assert response.status_code == 302
    source = make_source()
    allocation = make_allocation(source, 100, procurement=archived)
    response = editor.post(f"/budget/funding/{source.id}/allocations/{allocation.id}",
                           data={"procurement_id": archived.id, "budget_line_id": "", "amount": "3", "version": 1})
    assert response.status_code == 302 and rows(Allocation)[0].amount_cents == 300
    new_form = editor.get(f"/budget/funding/{source.id}/allocations/new").get_data(as_text=True)
    assert ">Gearchiveerd</option>" not in new_form  # not offered for a new allocation
