"""Importing norm catalogues: CSV and CISO Assistant YAML, malformed files, re-imports, CLI and page."""

import io

import pytest
from sqlmodel import func, select

from portfolio.security.catalogues.services import CatalogueInvalid, parse
from portfolio.security.models import Framework, MeasureRequirement, Requirement
from tests.security.conftest import CATALOGUES

CSV = """reference;chapter;title;text;tags
A.1;1 Organisatie;Beleid;Er is beleid.;basishygiëne,BBN1
A.2;1 Organisatie;Rollen;Rollen zijn belegd.;BBN1
B.1;2 Techniek;Back-up;Er zijn back-ups.;overheidsrisico
"""

YAML = """
urn: urn:test:library:t
name: Testbibliotheek
version: 3
objects:
  framework:
    urn: urn:test:framework:t
    ref_id: TEST
    name: Testkader
    requirement_nodes:
      - {urn: 'urn:n:1', assessable: false, depth: 1, ref_id: '1', name: Organisatie}
      - {urn: 'urn:n:1a', assessable: false, depth: 2, parent_urn: 'urn:n:1', name: Beleid}
      - {urn: 'urn:n:1.1', assessable: true, depth: 3, parent_urn: 'urn:n:1a', ref_id: T-1.1, name: Beleid vastgesteld, description: Tekst een, implementation_groups: [BBN1, BBN2]}
      - {urn: 'urn:n:2', assessable: false, depth: 1, ref_id: '2', name: Techniek}
      - {urn: 'urn:n:2.1', assessable: true, depth: 2, parent_urn: 'urn:n:2', ref_id: T-2.1, description: Alleen een beschrijving}
"""


def _requirements(db, code):
    with db() as session:
        framework = session.exec(select(Framework).where(Framework.code == code)).one()
        return {r.reference: (r.chapter, r.title, r.text, r.tags, r.withdrawn)
                for r in session.exec(select(Requirement).where(Requirement.framework_id == framework.id))}


def _count(db, model):
    with db() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_csv_import_stores_requirements_with_chapter_and_tags(import_catalogue, db):
    report = import_catalogue(CSV, "bio.csv", code="EIGEN", name="Eigen kader")
    assert sorted(report.added) == ["A.1", "A.2", "B.1"]
    stored = _requirements(db, "EIGEN")
    assert stored["A.1"] == ("1 Organisatie", "Beleid", "Er is beleid.", ["basishygiëne", "BBN1"], False)
    assert stored["B.1"][3] == ["overheidsrisico"]


def test_csv_with_commas_and_default_code_from_filename(import_catalogue, db):
    report = import_catalogue('reference,chapter,title,text,tags\nX.1,H1,Titel,Tekst,"BBN1, BBN2"\n', "mijn-kader.csv")
    assert report.framework.code == "mijn-kader"
    assert _requirements(db, "mijn-kader")["X.1"][3] == ["BBN1", "BBN2"]


def test_yaml_import_derives_chapter_from_the_outermost_section(import_catalogue, db):
    report = import_catalogue(YAML, "lib.yaml")
    assert report.framework.code == "TEST" and report.framework.name == "Testkader"
    assert report.framework.catalogue_version == "3"
    stored = _requirements(db, "TEST")
    assert stored["T-1.1"] == ("1 Organisatie", "Beleid vastgesteld", "Tekst een", ["BBN1", "BBN2"], False)
    # No name: the description gives the title.
    assert stored["T-2.1"][:2] == ("2 Techniek", "Alleen een beschrijving")


def test_the_shipped_example_catalogues_import_and_say_they_are_examples(import_catalogue, db):
    import_catalogue((CATALOGUES / "voorbeeld-catalogus.yaml").read_bytes(), "voorbeeld-catalogus.yaml")
    import_catalogue((CATALOGUES / "voorbeeld-catalogus.csv").read_bytes(), "voorbeeld-catalogus.csv", code="CSV")
    for code in ("VOORBEELD", "CSV"):
        texts = [values[2] for values in _requirements(db, code).values()]
        assert texts and all(text.startswith("Voorbeeld — geen officiële BIO-tekst") for text in texts)


def test_the_two_example_files_hold_the_same_catalogue(import_catalogue, db):
    import_catalogue((CATALOGUES / "voorbeeld-catalogus.csv").read_bytes(), "voorbeeld-catalogus.csv", code="VOORBEELD",
                     name="Voorbeeldcatalogus (geen officiële BIO-tekst)")

    report = import_catalogue((CATALOGUES / "voorbeeld-catalogus.yaml").read_bytes(), "voorbeeld-catalogus.yaml")

    assert (report.added, report.changed, report.withdrawn) == ([], [], [])
    assert len(_requirements(db, "VOORBEELD")) == 8


@pytest.mark.parametrize("content, filename, expected", [
    ("reference;title;text\nA;B;C\n", "x.csv", "Kolommen ontbreken: chapter, tags."),
    ("reference;chapter;title;text;tags\nA.1;H;T;;\nA.1;H;T2;;\n", "x.csv", "referentiecode A.1 komt al voor bij norm 1"),
    ("reference;chapter;title;text;tags\n;H;T;;\n", "x.csv", "Norm 1: de referentiecode ontbreekt."),
    ("reference;chapter;title;text;tags\nA.1;H;;;\n", "x.csv", "Norm 1: de titel ontbreekt."),
    ("objects: [unclosed", "x.yaml", "Het YAML-bestand is onleesbaar"),
    ("name: iets\n", "x.yaml", "objects.framework.requirement_nodes ontbreekt"),
    ("objects: [1, 2]\n", "x.yml", "objects.framework.requirement_nodes ontbreekt"),
    ("- een lijst\n", "x.yaml", "objects.framework.requirement_nodes ontbreekt"),
    ("reference;chapter;title;text;tags\n", "x.csv", "Het bestand bevat geen normen."),
    ("a", "x.pdf", "Kies een bestand van het type .csv, .yaml of .yml."),
])
def test_malformed_files_are_refused_with_a_clear_message_and_nothing_written(import_catalogue, db, content, filename, expected):
    with pytest.raises(CatalogueInvalid) as raised:
        import_catalogue(content, filename, code="KAPOT", name="Kapot")
    assert any(expected in problem for problem in raised.value.errors)
    assert _count(db, Framework) == 0 and _count(db, Requirement) == 0


def test_every_problem_is_listed_at_once():
    with pytest.raises(CatalogueInvalid) as raised:
        parse(b"reference;chapter;title;text;tags\n;H;T;;\nA;H;;;\nA;H;T;;\n", "x.csv")
    assert len(raised.value.errors) == 3


def test_a_yaml_duplicate_ref_id_is_refused():
    duplicate = YAML.replace("ref_id: T-2.1", "ref_id: T-1.1")
    with pytest.raises(CatalogueInvalid, match="T-1.1 komt al voor"):
        parse(duplicate.encode(), "x.yml")


def test_reimport_changes_adds_withdraws_and_keeps_measure_links(import_catalogue, make_measure, requirement_ids, db):
    first = import_catalogue(CSV, "k.csv", code="K", name="K")
    ids = requirement_ids(first.framework)
    measure = make_measure(requirements=[ids["A.2"], ids["B.1"]])
    newer = """reference;chapter;title;text;tags
A.1;1 Organisatie;Beleid;Er is vastgesteld beleid.;basishygiëne,BBN1
B.1;2 Techniek;Back-up;Er zijn back-ups.;overheidsrisico
C.1;3 Nieuw;Nieuwe norm;Nieuw.;
"""
    report = import_catalogue(newer, "k.csv", code="K", name="K")
    assert (report.added, report.changed, report.withdrawn, report.unchanged) == (["C.1"], ["A.1"], ["A.2"], 1)
    stored = _requirements(db, "K")
    assert stored["A.1"][2] == "Er is vastgesteld beleid." and stored["A.2"][4] is True
    with db() as session:
        links = session.exec(select(MeasureRequirement.requirement_id).where(MeasureRequirement.measure_id == measure.id)).all()
    assert sorted(links) == sorted([ids["A.2"], ids["B.1"]])
    # Importing the first version again reinstates the withdrawn requirement.
    again = import_catalogue(CSV, "k.csv", code="K", name="K")
    assert "A.2" in again.changed and again.withdrawn == ["C.1"]
    assert _requirements(db, "K")["A.2"][4] is False


def test_cli_imports_and_refuses_a_malformed_file(app, db, tmp_path):
    good = tmp_path / "kader.csv"
    good.write_text(CSV, encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["frameworks", "import", str(good), "--code", "CLI"])
    assert result.exit_code == 0, result.output
    assert "3 added, 0 changed, 0 withdrawn" in result.output
    bad = tmp_path / "kapot.yaml"
    bad.write_text("objects: {framework: {requirement_nodes: [{assessable: true, name: x}]}}", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["frameworks", "import", str(bad)])
    assert result.exit_code == 1
    assert "referentiecode ontbreekt" in result.output
    assert _count(db, Framework) == 1


def test_ciso_imports_through_the_page_and_sees_the_report(client_as, db):
    ciso = client_as("ciso")
    response = ciso.post("/security/frameworks/import", data={
        "file": (io.BytesIO(CSV.encode()), "bio.csv"), "code": "WEB", "name": "Web",
    }, content_type="multipart/form-data", follow_redirects=True)
    assert response.status_code == 200
    assert "3 toegevoegd, 0 gewijzigd, 0 ingetrokken" in response.get_data(as_text=True)


def test_a_malformed_upload_shows_the_problems_and_writes_nothing(client_as, db, audit_count):
    ciso = client_as("ciso")
    before = audit_count()
    response = ciso.post("/security/frameworks/import", data={
        "file": (io.BytesIO(b"reference;title\nA;B\n"), "bio.csv"),
    }, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Kolommen ontbreken" in response.get_data(as_text=True)
    assert _count(db, Framework) == 0 and audit_count() == before


def test_an_editor_may_not_import(editor, db):
    response = editor.post("/security/frameworks/import", data={"file": (io.BytesIO(CSV.encode()), "bio.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 403
    assert _count(db, Framework) == 0
