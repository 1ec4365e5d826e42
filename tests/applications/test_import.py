"""The spreadsheet import: export → edit → import round-trips, every bad row is shown and nothing is half-written."""

import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlmodel import select

from portfolio.applications.importing import reading
from portfolio.applications.columns import HEADERS
from portfolio.applications.importing.uploads import UploadStore
from portfolio.reference.models import Domain
from portfolio.suppliers.models import Supplier
from tests.applications.helpers import field_errors, flashes, text
from tests.applications.import_helpers import (
    NAME_121, application_audit, applications_by_name, confirm, counts, exported, exported_csv,
    new_row, set_cell, to_csv, token_of, upload,
)


# --- round trips --------------------------------------------------------------------------


def test_csv_round_trip_changes_one_cell_and_audits_it(editor, make_application, db):
    application = make_application(name="Key2Burgerzaken", process_owner="Teamleider Burgerzaken")
    header, rows = exported_csv(editor)
    set_cell(header, rows[0], "Levenscyclus", "uitfaseren")

    preview = upload(editor, to_csv(header, rows))
    assert preview.status_code == 200
    assert "Levenscyclus: in productie → uitfaseren" in text(preview)
    assert "Nieuw: 0. Gewijzigd: 1. Ongewijzigd: 0." in text(preview)

    response = confirm(editor, token_of(preview))
    assert response.status_code == 302
    assert applications_by_name(db)["Key2Burgerzaken"].lifecycle_status == "phasing_out"
    last = application_audit(db, application.id)[-1]
    assert last.changes["lifecycle_status"] == ["production", "phasing_out"]
    assert last.actor_label == editor.user.email
    assert last.reason == "Import uit applicaties.csv"
    assert "Import voltooid: 0 aangemaakt, 1 gewijzigd." in flashes(editor.get("/applications/"))


def test_xlsx_round_trip_creates_and_changes(editor, make_application, db):
    make_application(name="Suite4Gemeenten", domain="Financiën")
    workbook = load_workbook(io.BytesIO(exported(editor, "xlsx")))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("Proceseigenaar") + 1, value="Hoofd Financiën")
    sheet.append(new_row(header, Naam="Omgevingsloket", Leverancier="Nieuwe Leverancier BV",
                         **{"Einde ondersteuning leverancier": datetime(2030, 6, 30)}))
    handle = io.BytesIO()
    workbook.save(handle)

    preview = upload(editor, handle.getvalue(), "applicaties.xlsx")
    page = text(preview)
    assert preview.status_code == 200
    assert "Proceseigenaar: Hoofd Financiën" in page
    assert "Omgevingsloket" in page
    assert "worden bij het importeren aangemaakt: Nieuwe Leverancier BV" in page

    assert confirm(editor, token_of(preview)).status_code == 302
    applications = applications_by_name(db)
    assert applications["Suite4Gemeenten"].process_owner == "Hoofd Financiën"
    created = applications["Omgevingsloket"]
    assert created.supplier_support_ends == date(2030, 6, 30)
    assert created.lifecycle_status == "planned"
    with db() as session:
        assert session.get(Supplier, created.supplier_id).name == "Nieuwe Leverancier BV"


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_an_unedited_export_imports_as_no_changes(editor, make_application, make_supplier, db, extension):
    make_application(
        name="Centric Belastingen", domain="Belastingen", supplier=make_supplier("Centric"), product="Key2Belastingen",
        product_version="2024.1", description="=1+1", time_verdict="invest", hosting="outsourced",
        hosting_party="Amstelland", availability="high", integrity="medium", confidentiality="low",
        personal_data="bsn", supplier_support_ends=date(2027, 3, 31),
    )
    before = counts(db)
    response = upload(editor, exported(editor, extension), f"applicaties.{extension}")
    assert response.status_code == 200
    assert "Ongewijzigd: 1." in text(response)
    assert "geen wijzigingen" in text(response)
    assert token_of(response) is None
    assert counts(db) == before


def test_a_neutralised_formula_imports_back_as_typed(editor, db):
    header = list(HEADERS)
    response = upload(editor, to_csv(header, [new_row(Omschrijving="'=1+1", Proceseigenaar="'+31 20 123")]))
    assert confirm(editor, token_of(response)).status_code == 302
    application = applications_by_name(db)["Nieuwe app"]
    assert (application.description, application.process_owner) == ("=1+1", "+31 20 123")


def test_comma_separated_files_with_stored_codes_and_columns_in_any_order(editor, db):
    header = ["Levenscyclus", "Naam", "Domein", "ID", "Hosting"]
    content = to_csv(header, [["production", "Zaaksysteem", "Zaak- en archiefsysteem", "", "SaaS"]],
                     delimiter=",", encoding="utf-8")
    assert confirm(editor, token_of(upload(editor, content))).status_code == 302
    application = applications_by_name(db)["Zaaksysteem"]
    assert (application.lifecycle_status, application.hosting) == ("production", "saas")


# --- rejected rows ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("Domein", "Ruimtevaart", "Onbekend domein: Ruimtevaart. Kies een bestaand domein."),
        ("Naam", NAME_121, "Gebruik hoogstens 120 tekens."),
        ("Einde ondersteuning leverancier", "31-02-2027", "Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2027-03-31."),
        ("Levenscyclus", "in de steigers", "Onbekende waarde: in de steigers. Kies uit: gepland, in aanbesteding"),
        ("ID", "999", "Er is geen applicatie met ID 999."),
        ("Naam", "", "Dit veld is verplicht."),
    ],
)
def test_one_bad_row_is_shown_and_nothing_is_written(editor, make_application, db, column, value, reason):
    make_application(name="Bestaand")
    header, rows = exported_csv(editor)
    set_cell(header, rows[0], "Proceseigenaar", "Iemand anders")
    rows += [new_row(header, Naam="Goed"), new_row(header, **{"Naam": "Fout", column: value})]
    before = counts(db)

    response = upload(editor, to_csv(header, rows))
    assert response.status_code == 400
    assert f"4 {column} {reason}" in text(response)  # row 4: header, the existing one, the good one
    assert token_of(response) is None
    assert counts(db) == before
    assert applications_by_name(db)["Bestaand"].process_owner is None


def test_a_name_the_supplier_has_already_is_refused_in_the_file_too(editor, make_application, db):
    make_application(name="Civision")
    content = to_csv(HEADERS, [new_row(Naam="civision"), new_row(Naam="Mozard"), new_row(Naam="MOZARD")])
    page = text(upload(editor, content))
    assert "2 Naam Deze leverancier heeft al een applicatie met deze naam." in page
    assert "4 Naam Deze naam en leverancier staan ook in rij 3." in page


def test_the_other_rules_of_the_form_and_services(editor, make_application, make_supplier, archive_record, db):
    application = make_application(name="Eén")
    archive_record(make_supplier("Oud BV"))
    with db() as session:
        session.exec(select(Domain).where(Domain.name == "Belastingen")).one().active = False
    same = {"ID": str(application.id), "Naam": "Eén", "Levenscyclus": "in productie"}
    rows = [
        new_row(**same), new_row(**same), new_row(Naam="Twee", Leverancier="oud bv"),
        new_row(Naam="Drie", Domein="belastingen"), new_row(ID="abc"),
        new_row(Naam="Vier", Levenscyclus="production", **{"Einde ondersteuning leverancier": "31-3-2027"}),
    ]
    response = upload(editor, to_csv(HEADERS, rows))
    errors = re.findall(r"<td[^>]*>(\d+)</td>\s*<td[^>]*>([^<]*)</td>\s*<td[^>]*>([^<]*)</td>", response.text)
    assert errors == [
        ("3", "ID", "Deze ID staat ook in rij 2."),
        ("4", "Leverancier", "Leverancier Oud BV is gearchiveerd; zet die eerst terug."),
        ("5", "Domein", "Kies een bestaand domein."),
        ("6", "ID", "Vul de ID van een bestaande applicatie in, of laat de cel leeg voor een nieuwe."),
    ]
    assert "Einde ondersteuning leverancier: 2027-03-31" in text(response)


def test_a_forced_confirm_of_an_invalid_file_writes_nothing(app, editor, db):
    content = to_csv(HEADERS, [new_row(Naam="Goed"), new_row(Naam="Fout", Domein="Ruimtevaart")])
    token = UploadStore(Path(app.instance_path) / "imports").put(editor.user.id, "applicaties.csv", content)
    before = counts(db)
    response = confirm(editor, token)
    assert response.status_code == 400
    assert "3 Domein Onbekend domein: Ruimtevaart." in text(response)
    assert counts(db) == before


def test_confirm_validates_again_and_writes_nothing_when_the_register_changed(editor, make_application, db):
    preview = upload(editor, to_csv(HEADERS, [new_row(Naam="Decos"), new_row(Naam="JOIN")]))
    make_application(name="JOIN")  # someone else was quicker
    before = counts(db)
    response = confirm(editor, token_of(preview))
    assert response.status_code == 400
    assert "3 Naam Deze leverancier heeft al een applicatie met deze naam." in text(response)
    assert counts(db) == before


# --- refused files ------------------------------------------------------------------------


def xlsx_with_sheet_xml(sheet_xml):
    """A real workbook whose first sheet's XML is replaced by sheet_xml."""
    workbook = Workbook()
    workbook.active.append(list(HEADERS))
    source, target = io.BytesIO(), io.BytesIO()
    workbook.save(source)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as changed:
        for item in original.infolist():
            data = sheet_xml if item.filename == "xl/worksheets/sheet1.xml" else original.read(item)
            changed.writestr(item, data)
    return target.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>"""


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"ID;Naam\r\n", "applicaties.txt", "Kies een CSV- of Excelbestand (.csv of .xlsx)."),
        (b"", "applicaties.csv", "Het bestand is leeg."),
        (b"\r\n\r\n", "applicaties.csv", "Het bestand is leeg."),
        (b"ID;Naam;Omschrijving\r\n;Parkeren;x\r\n", "applicaties.csv", "Deze kolommen ontbreken: Domein, Levenscyclus."),
        (b"ID;Naam;Domein;Levenscyclus;Opmerking\r\n", "applicaties.csv", "Onbekende kolommen: Opmerking."),
        ("ID;Naam;Domein;Levenscyclus\r\n;Financiën;Financiën;gepland\r\n".encode("cp1252"), "applicaties.csv",
         "Het bestand is niet in UTF-8 opgeslagen."),
        (b"ID;Naam;Domein;Levenscyclus\r\n;" + b"x" * 200_000 + b";Financi;gepland\r\n", "applicaties.csv",
         "Het CSV-bestand is beschadigd"),
        (bytes(range(256)) * 8, "applicaties.xlsx", "Het Excelbestand is beschadigd of geen geldig .xlsx-bestand."),
        (b"PK\x05\x06" + b"\0" * 18, "applicaties.xlsx", "Het Excelbestand is beschadigd"),
        (xlsx_with_sheet_xml(BILLION_LAUGHS), "applicaties.xlsx", "Het Excelbestand is beschadigd"),
    ],
    ids=["type", "empty-file", "blank-lines", "missing-columns", "unknown-column", "cp1252", "huge-field", "random-bytes",
         "empty-zip", "xml-bomb"],
)
def test_unusable_files_get_a_message_next_to_the_field(editor, db, content, filename, message):
    before = counts(db)
    response = upload(editor, content, filename)
    assert response.status_code == 400
    assert any(message in error for error in field_errors(response)), field_errors(response)
    assert counts(db) == before


def test_an_upload_without_a_file_is_refused(editor):
    response = editor.post("/applications/import", data={}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert field_errors(response) == ["Kies een bestand."]


def test_the_xml_bomb_is_refused_by_the_service_without_expanding(app):
    with app.app_context(), pytest.raises(reading.ImportRefused):
        reading.parse(xlsx_with_sheet_xml(BILLION_LAUGHS), "bom.xlsx")


@pytest.mark.parametrize("app_config", [{"MAX_CONTENT_LENGTH": 2048}])
def test_an_oversized_upload_gets_413(editor, db):
    before = counts(db)
    response = upload(editor, to_csv(HEADERS, [new_row(Naam=f"App {n}") for n in range(100)]))
    assert response.status_code == 413
    assert "Bestand of verzoek te groot" in text(response)
    assert counts(db) == before


def test_too_many_rows_are_refused(editor, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 2)
    response = upload(editor, to_csv(HEADERS, [new_row(Naam=f"App {n}") for n in range(3)]))
    assert response.status_code == 400
    assert "Het bestand heeft meer dan 2 rijen. Splits het in kleinere bestanden." in field_errors(response)
