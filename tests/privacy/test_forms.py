"""Every form of the privacy register refuses bad input with a Dutch message next to the field,
a 4xx status, and nothing written; good input is saved and audited."""

from datetime import date, datetime, UTC

import pytest

from portfolio.privacy.models import DataBreach, ProcessingActivity, ProcessorAgreement
from tests.applications.helpers import field_errors, text


@pytest.fixture
def processing_form(reference):
    def build(**overrides):
        data = {
            "organisation_id": str(reference.organisations["Diemen"]), "name": "Basisregistratie personen",
            "purpose": "Bijhouden van de BRP", "legal_basis": "legal_obligation", "data_subjects": "Ingezetenen",
            "data_categories": "NAW, BSN", "retention_period": "Volgens de Wet BRP", "bsn": "y",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return build


@pytest.fixture
def agreement_form(reference, make_supplier):
    supplier = make_supplier("PinkRoccade")

    def build(**overrides):
        data = {"supplier_id": str(supplier.id), "organisation_id": str(reference.organisations["Diemen"]),
                "signed_on": "2026-01-01", "model_version": "VNG 3.0"}
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return build


@pytest.fixture
def breach_form(reference):
    def build(**overrides):
        data = {"organisation_id": str(reference.organisations["Diemen"]), "discovered_on": "2026-10-23",
                "discovered_time": "10:00", "description": "Brief aan verkeerde adres"}
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return build


def test_a_processing_activity_is_created_with_its_applications_and_processors_and_audited(
    privacy, processing_form, make_application, make_supplier, rows, history,
):
    application, supplier = make_application(name="Burgerzaken"), make_supplier("PinkRoccade")
    response = privacy.post("/privacy/processing/new", data=processing_form(
        application_ids=str(application.id), processor_ids=str(supplier.id), dpia_required="yes", dpia_reason="BSN",
    ))
    assert response.status_code == 302
    (activity,) = rows(ProcessingActivity)
    assert activity.bsn and not activity.special_categories and activity.dpia_required == "yes"
    entries = history(activity)
    assert entries[0].actor_label == privacy.user.email and entries[0].action == "insert"
    page = text(privacy.get(response.headers["Location"]))
    assert "Burgerzaken" in page and "PinkRoccade" in page and "wettelijke verplichting" in page


PROCESSING_ERRORS = [
    ({"name": ""}, "Dit veld is verplicht."),
    ({"name": "x" * 201}, "Gebruik hoogstens 200 tekens."),
    ({"purpose": "doel\x00"}, "Dit veld bevat een ongeldig teken."),
    ({"legal_basis": "gevoel"}, "Ongeldige keuze."),
    ({"organisation_id": "999"}, "Ongeldige keuze."),
    ({"special_categories": "y"}, "Kies de uitzondering van art. 9 lid 2 AVG: er worden bijzondere persoonsgegevens verwerkt."),
    ({"third_country_transfers": "Verenigde Staten"}, "Beschrijf de waarborgen bij doorgifte buiten de EER."),
    ({"dpia_required": "yes"}, "Geef de reden van het besluit over de DPIA."),
    ({"dpia_done_on": "2026-01-01", "dpia_required": "no", "dpia_reason": "klein"}, "Een uitgevoerde DPIA past alleen bij 'DPIA nodig: ja'."),
    ({"dpia_next_review": "morgen"}, "Vul een geldige datum in, als jjjj-mm-dd."),
    ({"application_ids": "999"}, "'999' is een ongeldige keuze voor dit veld."),
]


@pytest.mark.parametrize(("overrides", "message"), PROCESSING_ERRORS)
def test_bad_processing_input_is_refused(privacy, processing_form, overrides, message, rows, audit_count):
    before = audit_count()
    response = privacy.post("/privacy/processing/new", data=processing_form(**overrides))
    assert response.status_code == 400
    assert message in field_errors(response)
    assert rows(ProcessingActivity) == [] and audit_count() == before


def test_the_special_category_ground_is_accepted_with_special_categories(privacy, processing_form, rows):
    response = privacy.post("/privacy/processing/new", data=processing_form(special_categories="y", special_category_ground="b_employment"))
    assert response.status_code == 302
    assert rows(ProcessingActivity)[0].special_categories


def test_a_controller_has_one_processing_of_a_name(privacy, processing_form, make_processing, rows):
    make_processing(name="Basisregistratie personen")
    response = privacy.post("/privacy/processing/new", data=processing_form(name="basisregistratie PERSONEN"))
    assert response.status_code == 400
    assert "Deze organisatie heeft al een verwerking met deze naam." in field_errors(response)
    assert len(rows(ProcessingActivity)) == 1


def test_a_stale_processing_edit_is_a_conflict(privacy, processing_form, make_processing, rows):
    activity = make_processing(name="Oud")
    data = processing_form(name="Nieuw", version=str(activity.version))
    assert privacy.post(f"/privacy/processing/{activity.id}/edit", data=data).status_code == 302
    response = privacy.post(f"/privacy/processing/{activity.id}/edit", data={**data, "name": "Nog nieuwer"})
    assert response.status_code == 409
    assert rows(ProcessingActivity)[0].name == "Nieuw"


def test_editing_changes_the_linked_applications_and_the_history_shows_it(privacy, processing_form, make_processing, make_application, rows):
    first, second = make_application(name="Eerste"), make_application(name="Tweede")
    activity = make_processing(applications=[first])
    data = processing_form(name=activity.name, version=str(activity.version), application_ids=str(second.id))
    assert privacy.post(f"/privacy/processing/{activity.id}/edit", data=data).status_code == 302
    page = text(privacy.get(f"/privacy/processing/{activity.id}"))
    assert "Tweede" in page.split("Geschiedenis")[0] and "Eerste" not in page.split("Geschiedenis")[0]
    assert "applicatie van een verwerking" in page.split("Geschiedenis", 1)[1]


def test_archiving_a_processing_needs_a_reason_and_restoring_undoes_it(privacy, make_processing, rows):
    activity = make_processing()
    assert privacy.post(f"/privacy/processing/{activity.id}/archive", data={"version": "1", "reason": ""}).status_code == 400
    assert privacy.post(f"/privacy/processing/{activity.id}/archive", data={"version": "1", "reason": "Beëindigd"}).status_code == 302
    assert rows(ProcessingActivity)[0].archived
    assert privacy.post(f"/privacy/processing/{activity.id}/restore", data={"version": "2"}).status_code == 302
    assert not rows(ProcessingActivity)[0].archived


def test_an_agreement_is_created_and_listed(privacy, agreement_form, rows):
    assert privacy.post("/privacy/agreements/new", data=agreement_form()).status_code == 302
    assert rows(ProcessorAgreement)[0].model_version == "VNG 3.0"
    assert "PinkRoccade" in text(privacy.get("/privacy/agreements/"))


AGREEMENT_ERRORS = [
    ({"supplier_id": ""}, "Dit veld is verplicht."),
    ({"organisation_id": ""}, "Dit veld is verplicht."),
    ({"signed_on": "31-12-2026"}, "Vul een geldige datum in, als jjjj-mm-dd."),
    ({"ends_on": "2025-12-31"}, "De einddatum kan niet voor de datum van ondertekening liggen."),
    ({"model_version": "m" * 201}, "Gebruik hoogstens 200 tekens."),
    ({"document_reference": "\x00"}, "Dit veld bevat een ongeldig teken."),
    ({"sub_processors": "s" * 2001}, "Gebruik hoogstens 2000 tekens."),
]


@pytest.mark.parametrize(("overrides", "message"), AGREEMENT_ERRORS)
def test_bad_agreement_input_is_refused(privacy, agreement_form, overrides, message, rows, audit_count):
    before = audit_count()
    response = privacy.post("/privacy/agreements/new", data=agreement_form(**overrides))
    assert response.status_code == 400
    assert message in field_errors(response)
    assert rows(ProcessorAgreement) == [] and audit_count() == before


def test_an_agreement_is_edited_archived_and_restored(privacy, agreement_form, make_agreement, make_supplier, rows):
    agreement = make_agreement(make_supplier("Centric"))
    data = agreement_form(version="1", ends_on="2027-12-31")
    assert privacy.post(f"/privacy/agreements/{agreement.id}/edit", data=data).status_code == 302
    assert rows(ProcessorAgreement)[0].ends_on == date(2027, 12, 31)
    assert privacy.post(f"/privacy/agreements/{agreement.id}/archive", data={"version": "2", "reason": "Vervangen"}).status_code == 302
    assert "Vervangen" in text(privacy.get(f"/privacy/agreements/{agreement.id}/edit"))
    assert privacy.post(f"/privacy/agreements/{agreement.id}/restore", data={"version": "3"}).status_code == 302
    assert not rows(ProcessorAgreement)[0].archived


BREACH_ERRORS = [
    ({"discovered_on": ""}, "Dit veld is verplicht."),
    ({"discovered_time": ""}, "Dit veld is verplicht."),
    ({"discovered_time": "25:00"}, "Vul een geldige tijd in, als uu:mm."),
    ({"discovered_on": "2026-02-30"}, "Vul een geldige datum in, als jjjj-mm-dd."),
    ({"description": ""}, "Dit veld is verplicht."),
    ({"description": "d" * 4001}, "Gebruik hoogstens 4000 tekens."),
    ({"people_affected": "-3"}, "Vul een aantal van 0 of meer in."),
    ({"people_affected": "veel"}, "Vul een geheel getal in."),
    ({"notified_on": "2026-10-24"}, "Vul van de melding zowel de datum als de tijd in."),
    ({"notified_on": "2026-10-22", "notified_time": "09:00"}, "De melding kan niet voor de ontdekking liggen."),
    ({"closed_on": "2026-10-01"}, "Het datalek kan niet gesloten zijn voordat het ontdekt is."),
    ({"notification_reference": "\x00"}, "Dit veld bevat een ongeldig teken."),
]


@pytest.mark.parametrize(("overrides", "message"), BREACH_ERRORS)
def test_bad_breach_input_is_refused(privacy, breach_form, overrides, message, rows, audit_count):
    before = audit_count()
    response = privacy.post("/privacy/breaches/new", data=breach_form(**overrides))
    assert response.status_code == 400
    assert message in field_errors(response)
    assert rows(DataBreach) == [] and audit_count() == before


def test_a_breach_is_notified_by_editing_and_the_change_is_audited(privacy, make_breach, breach_form, rows, history):
    breach = make_breach(discovered_at=datetime(2026, 10, 23, 8, tzinfo=UTC))
    data = breach_form(version="1", notified_on="2026-10-26", notified_time="08:30", notification_reference="AP-1")
    assert privacy.post(f"/privacy/breaches/{breach.id}/edit", data=data).status_code == 302
    stored = rows(DataBreach)[0]
    assert stored.notified_at == datetime(2026, 10, 26, 7, 30, tzinfo=UTC)  # 08:30 CET
    assert "notified_at" in history(stored)[0].changes
    assert "op tijd gemeld" in text(privacy.get(f"/privacy/breaches/{breach.id}"))


def test_a_stale_breach_edit_is_a_conflict(privacy, make_breach, breach_form, rows):
    breach = make_breach(discovered_at=datetime(2026, 10, 23, 8, tzinfo=UTC))
    assert privacy.post(f"/privacy/breaches/{breach.id}/edit", data=breach_form(version="1", description="Eerst")).status_code == 302
    assert privacy.post(f"/privacy/breaches/{breach.id}/edit", data=breach_form(version="1", description="Later")).status_code == 409
    assert rows(DataBreach)[0].description == "Eerst"


@pytest.mark.parametrize("url", ["/privacy/processing/999", "/privacy/processing/999/edit", "/privacy/agreements/999/edit",
                                 "/privacy/breaches/999", "/privacy/breaches/999/edit"])
def test_unknown_records_are_404(privacy, url):
    assert privacy.get(url).status_code == 404


@pytest.mark.parametrize("query", ["?page=0", "?page=abc", "?organisation=999", "?q=%00"])
def test_a_bad_list_filter_is_a_400_not_a_500(privacy, query):
    assert privacy.get(f"/privacy/processing/{query}").status_code == 400


def test_every_page_renders_in_dutch_and_english(privacy, make_processing, make_agreement, make_supplier, make_breach):
    activity = make_processing(name="Basisregistratie personen", dpia_required="yes", dpia_reason="BSN")
    agreement = make_agreement(make_supplier("PinkRoccade"), signed_on=date(2026, 1, 1))
    breach = make_breach(discovered_at=datetime(2026, 3, 1, 9, tzinfo=UTC))
    urls = [
        "/privacy/", "/privacy/chain/undecided_dpia", "/privacy/processing/", "/privacy/processing/new",
        f"/privacy/processing/{activity.id}", f"/privacy/processing/{activity.id}/edit",
        f"/privacy/processing/{activity.id}/archive", "/privacy/agreements/", "/privacy/agreements/new",
        f"/privacy/agreements/{agreement.id}/edit", f"/privacy/agreements/{agreement.id}/archive",
        "/privacy/breaches/", "/privacy/breaches/new", f"/privacy/breaches/{breach.id}", f"/privacy/breaches/{breach.id}/edit",
    ]
    for url in urls:
        assert privacy.get(url).status_code == 200, url
    assert 'value="Basisregistratie personen"' in privacy.get(f"/privacy/processing/{activity.id}/edit").get_data(as_text=True)
    privacy.post("/language", data={"language": "en", "next": "/"})
    for url in urls:
        assert privacy.get(url).status_code == 200, url
    assert "deadline passed" in text(privacy.get(f"/privacy/breaches/{breach.id}"))
    assert "Register of processing activities" in text(privacy.get("/privacy/processing/"))


@pytest.mark.parametrize(("url", "field", "value"), [
    ("/privacy/processing/new", "application_ids", "abc"),
    ("/privacy/processing/new", "organisation_id", "abc"),
    ("/privacy/processing/new", "dpia_done_on", "9999-99-99"),
    ("/privacy/agreements/new", "supplier_id", "1e9"),
    ("/privacy/agreements/new", "ends_on", "\x00"),
    ("/privacy/breaches/new", "people_affected", "1" * 40),
    ("/privacy/breaches/new", "discovered_time", "10:00:00:00"),
    ("/privacy/breaches/new", "organisation_id", "-1"),
])
def test_odd_input_is_a_400_never_a_500(privacy, url, field, value, audit_count):
    before = audit_count()
    response = privacy.post(url, data={field: value})
    assert response.status_code == 400
    assert field_errors(response)
    assert audit_count() == before
