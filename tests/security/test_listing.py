"""The measure list: filters in the URL, sorting, paging, a fixed number of queries, exports."""

import csv
import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook


def _titles(response):
    import re

    assert response.status_code == 200, response.status_code
    return re.findall(r'href="/security/measures/\d+">([^<]+)</a>', response.get_data(as_text=True))


def test_filters_on_every_field(viewer, example_catalogue, requirement_ids, make_measure, make_application, make_user, reference):
    ids = requirement_ids(example_catalogue)
    assignee = make_user("editor", name="Ada")
    application = make_application(name="Burgerzaken")
    today = date.today()
    make_measure(title="Alfa", overseer="fg", team="I&A", assignee_id=assignee.id, priority="high",
                 requirements=[ids["VB-8.5"]], ensia_subjects=["DigiD"], min_integrity="high",
                 organisations=[reference.organisations["Diemen"]], due_on=today - timedelta(days=3))
    make_measure(title="Beta", overseer="ciso", team="Staf", status="implemented", applications=[application],
                 applies_to_all=True, requirements=[ids["VB-5.1"]], next_review_on=today - timedelta(days=1))
    make_measure(title="Gamma", overseer="privacy_officer", priority="low", description="Over back-ups",
                 organisations=[reference.organisations["Uithoorn"]], due_on=today + timedelta(days=40))
    # Postponed: due by its new date (in 10 days), not by the original one that has passed.
    make_measure(title="Delta", status="postponed", status_reason="wacht", due_on=today - timedelta(days=30),
                 postponed_until=today + timedelta(days=10), today=today, priority="low", team="Staf")
    cases = {
        "q=back-ups": ["Gamma"],
        "status=postponed": ["Delta"],
        f"framework={example_catalogue.id}&chapter=8+Techniek": ["Alfa"],
        "requirement=VB-5.1": ["Beta"],
        "overseer=fg": ["Alfa"],
        "team=Staf": ["Beta", "Delta"],
        f"assignee={assignee.id}": ["Alfa"],
        "status=implemented": ["Beta"],
        "priority=low": ["Delta", "Gamma"],
        "due=overdue": ["Alfa"],
        "due=soon": ["Delta"],
        "review=1": ["Beta"],
        "evidence=missing": ["Alfa", "Beta", "Delta", "Gamma"],
        f"application={application.id}": ["Beta"],
        f"organisation={reference.organisations['Diemen']}": ["Alfa", "Beta", "Delta"],
        "ensia=DigiD": ["Alfa"],
        "biv=integrity": ["Alfa"],
        "all_applications=y": ["Beta"],
        "sort=due&order=desc": ["Gamma", "Alfa", "Delta", "Beta"],
        "sort=priority": ["Alfa", "Beta", "Delta", "Gamma"],
    }
    for arguments, expected in cases.items():
        assert _titles(viewer.get(f"/security/measures/?{arguments}")) == expected, arguments


@pytest.mark.parametrize("arguments", ["status=bogus", "page=0", "assignee=abc", "q=" + "x" * 201])
def test_bad_filters_answer_400_with_a_message(viewer, arguments):
    response = viewer.get(f"/security/measures/?{arguments}")
    assert response.status_code == 400
    assert "utrecht-alert--error" in response.get_data(as_text=True)
    export = viewer.get(f"/security/measures/export.csv?{arguments}")
    assert export.status_code == 400


def test_paging_keeps_the_filters(viewer, make_measure, app):
    for number in range(55):
        make_measure(title=f"Maatregel {number:02d}", priority="high")
    first = viewer.get("/security/measures/?priority=high")
    assert len(_titles(first)) == 50
    assert "priority=high&amp;page=2" in first.get_data(as_text=True)
    assert _titles(viewer.get("/security/measures/?priority=high&page=2")) == [f"Maatregel {n}" for n in range(50, 55)]


def test_the_list_runs_a_fixed_number_of_queries(viewer, make_measure, make_application, example_catalogue,
                                                 requirement_ids, reference, count_queries, db):
    from portfolio.security.models import Evidence

    ids = list(requirement_ids(example_catalogue).values())
    application = make_application()

    def add(count):
        for _ in range(count):
            measure = make_measure(requirements=ids[:2], applications=[application],
                                   organisations=[reference.organisations["Diemen"]])
            with db() as session:
                session.add(Evidence(measure_id=measure.id, kind="text", description="x", dated_on=date.today()))

    def queries():
        with count_queries() as statements:
            response = viewer.get("/security/measures/")
        assert response.status_code == 200
        return len(statements)

    add(3)
    few = queries()
    add(17)
    assert queries() == few


def test_csv_and_xlsx_export_the_filtered_list(viewer, make_measure, make_user):
    ada = make_user("editor", name="Ada")
    make_measure(title="=cmd|' /C calc'!A0", status="implemented", assignee_id=ada.id, ensia_subjects=["BIO"])
    make_measure(title="Tweede", status="not_applicable", status_reason="geen servers")
    response = viewer.get("/security/measures/export.csv?status=implemented")
    assert response.status_code == 200 and response.headers["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["ID", "Titel", "Status"]
    assert len(rows) == 2
    assert rows[1][1] == "'=cmd|' /C calc'!A0" and rows[1][2] == "geïmplementeerd" and rows[1][8] == "Ada"
    response = viewer.get("/security/measures/export.xlsx?status=not_applicable")
    sheet = load_workbook(io.BytesIO(response.data)).active
    response.close()
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][1:4] == ("Tweede", "niet van toepassing", "geen servers")
    assert len(rows) == 2
