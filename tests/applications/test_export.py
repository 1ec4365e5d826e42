"""Exports of the list as CSV and XLSX: exactly the filtered rows, the shared columns, no live formulas."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from portfolio.applications.columns import COLUMNS, HEADERS
from portfolio.applications.export import csv_chunks, write_xlsx
from portfolio.applications.models import Application
from portfolio.core.db import get_engine
from tests.applications.helpers import listed

TRIGGERS = ("=", "+", "-", "@", "|", "%", "\t", "\r")


def fetch(client, url, **query):
    """The response, read and closed, as a WSGI server closes it (send_file's temporary file with it)."""
    with client.get(url, query_string=query or None) as response:
        response.get_data()
    return response


def read_csv(response):
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM, so that Excel reads UTF-8
    return list(csv.reader(io.StringIO(body[3:].decode("utf-8"), newline=""), delimiter=";"))


def read_xlsx(response):
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    return [list(row) for row in sheet.iter_rows()]


def values(cells):
    return [["" if cell.value is None else cell.value for cell in row] for row in cells]


def export(client, extension, **query):
    response = fetch(client, f"/applications/export.{extension}", **query)
    assert response.status_code == 200
    return read_csv(response) if extension == "csv" else values(read_xlsx(response))


@pytest.fixture
def register(make_application, make_supplier, make_contract, archive_record):
    pink = make_supplier("PinkRoccade")
    burgerzaken = make_application(
        name="Burgerzaken", supplier=pink, product="iBurgerzaken", lifecycle_status="production", time_verdict="invest",
        hosting="outsourced", hosting_party="Amstelland", confidentiality="high", supplier_support_ends=date(2030, 12, 31),
        description="Basisregistratie personen; reisdocumenten",
    )
    make_contract(burgerzaken, ends_on=date(2031, 5, 31), notice_months=15)
    make_application(name="Centric Key", domain="Financiën", lifecycle_status="phasing_out")
    make_application(name="GBOR", domain="Beheer Openbare Ruimte", lifecycle_status="production")
    archive_record(make_application(name="Oud systeem"))
    return burgerzaken


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "query",
    [{}, {"status": "production"}, {"q": "centric"}, {"archived": "y", "sort": "name", "order": "desc"},
     {"action_within": "60"}, {"status": "retired"}],
)
def test_the_export_has_exactly_the_rows_of_the_list(viewer, register, extension, query):
    rows = export(viewer, extension, **query)
    assert tuple(rows[0]) == HEADERS
    assert [row[HEADERS.index("Naam")] for row in rows[1:]] == listed(viewer.get("/applications/", query_string=query))
    assert all(len(row) == len(HEADERS) for row in rows)


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_a_row_follows_the_shared_columns_in_dutch(viewer, register, extension):
    header, row = export(viewer, extension, q="burgerzaken")
    cells = dict(zip(header, (str(value) for value in row), strict=True))
    assert cells == cells | {
        "ID": str(register.id), "Naam": "Burgerzaken", "Leverancier": "PinkRoccade", "Product": "iBurgerzaken",
        "Domein": "Burgerzaken", "Omschrijving": "Basisregistratie personen; reisdocumenten",
        "Levenscyclus": "in productie", "TIME-oordeel": "investeren", "Hosting": "uitbesteed",
        "Uitgevoerd door": "Amstelland", "Vertrouwelijkheid": "hoog", "Beschikbaarheid": "",
        "Einde ondersteuning leverancier": "2030-12-31", "Gearchiveerd": "nee",
        "Actie nodig vóór": "2030-02-28",  # 31 May 2031 minus 15 months' notice
    }


def test_the_csv_is_semicolon_separated_and_named_after_the_day(viewer, register, today):
    response = fetch(viewer, "/applications/export.csv")
    first_line = response.get_data().decode("utf-8").splitlines()[0]
    assert first_line == "\ufeff" + ";".join(HEADERS)
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="applicaties-{today.isoformat()}.csv"' in response.headers["Content-Disposition"]


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
@pytest.mark.parametrize("query", ["action_within=abc", "page=0", "domain=99999", "sort=evil"])
def test_invalid_filter_input_gets_400_not_500(viewer, extension, query):
    response = fetch(viewer, f"/applications/export.{extension}?{query}")
    assert response.status_code == 400
    assert "Ongeldig verzoek" in response.get_data(as_text=True)


@pytest.fixture
def dangerous(make_application, db):
    """Applications whose name (or, for leading whitespace the forms strip, product) starts with a trigger."""
    names = []
    for trigger in TRIGGERS:
        name = f"{trigger}cmd|' /C calc'!A0"
        application = make_application(name=f"Gevaar {len(names)}", description="=1+1")
        with db() as session:  # what an import or an old database may hold: the forms would strip it
            session.get(Application, application.id).product = name
        names.append(name)
    return names


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_formula_triggers_are_neutralised(viewer, dangerous, extension):
    rows = export(viewer, extension)
    products = sorted(row[HEADERS.index("Product")] for row in rows[1:])
    if extension == "xlsx":  # XML reads a raw CR back as a line feed
        dangerous = [name.replace("\r", "\n") for name in dangerous]
    assert products == sorted("'" + name for name in dangerous)
    assert {row[HEADERS.index("Omschrijving")] for row in rows[1:]} == {"'=1+1"}


def test_no_xlsx_cell_is_a_formula(viewer, dangerous):
    cells = [cell for row in read_xlsx(fetch(viewer, "/applications/export.xlsx")) for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert not [text for text in texts if text.startswith(TRIGGERS)]


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_stored_control_characters_do_not_break_the_export(viewer, make_application, db, extension):
    application = make_application(name="Burgerzaken")
    with db() as session:
        session.get(Application, application.id).description = "bel\x07l en \x1b[31mkleur"
    assert export(viewer, extension)[1][HEADERS.index("Omschrijving")] == "bell en [31mkleur"


def _in_memory(**fields):
    """An application's values as the exporter reads them (COLUMNS order), without a database
    (PostgreSQL cannot even store a NUL)."""
    stored = {"id": 1, "domain": "Burgerzaken", "supplier": "Leverancier", "name": "X",
              "lifecycle_status": "production", **fields}
    return tuple(stored.get(column.field) if column.field else None for column in COLUMNS)


@pytest.mark.parametrize("value", ["\0=cmd", "a\0b", "bel\x07l", "\x1b[31m"])
def test_nul_and_other_control_characters_are_not_written_raw(app, value):
    rows = [_in_memory(description=value)]
    with app.app_context():
        text = "".join(csv_chunks(iter(rows)))
        with write_xlsx(iter(rows)) as handle:
            sheet = load_workbook(handle).active
    description = [row[HEADERS.index("Omschrijving")] for row in csv.reader(io.StringIO(text[1:]), delimiter=";")][1]
    assert "\0" not in text and "\x07" not in text and "\x1b" not in text
    assert description == sheet.cell(row=2, column=HEADERS.index("Omschrijving") + 1).value
    assert not description.startswith(("=", "\0"))


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_an_export_gives_its_database_connection_back(app, viewer, register, extension):
    """A streamed body is read after the request's teardown: it must not hold a connection (and on
    PostgreSQL an open transaction, with its locks) once the download is done."""
    export(viewer, extension)
    assert get_engine(app).pool.checkedout() == 0
