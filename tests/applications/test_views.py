"""Applications through the web UI: create, edit, archive and restore; validation, conflicts, audit, roles."""

import pytest

from portfolio.applications.models import Application
from portfolio.reference.models import Domain
from tests.applications.helpers import field_errors, flashes, text

REQUIRED = "Dit veld is verplicht."
DUPLICATE = "Deze leverancier heeft al een applicatie met deze naam."


@pytest.fixture
def form(reference):
    """form(**overrides) -> the application form as a browser posts it, every field present."""

    def build(**overrides):
        data = {name: "" for name in (
            "supplier_id", "product", "product_version", "description", "gemma_component", "time_verdict",
            "hosting", "hosting_party", "process_owner", "functional_admin", "technical_admin", "availability",
            "integrity", "confidentiality", "personal_data", "supplier_support_ends",
        )}
        data |= {"name": "Zaaksysteem", "domain_id": str(reference.domains["Zaak- en archiefsysteem"]),
                 "lifecycle_status": "production"}
        return data | {key: str(value) for key, value in overrides.items()}

    return build


@pytest.fixture
def applications(rows):
    """applications() -> {name: Application} as stored now."""
    return lambda: {application.name: application for application in rows(Application)}


def test_an_editor_creates_an_application_and_its_history_says_who(editor, form, applications, history, make_supplier):
    supplier = make_supplier("Roxit")
    response = editor.post("/applications/new", data=form(
        supplier_id=supplier.id, product="Squit XO", confidentiality="high", supplier_support_ends="2027-12-31",
        description="  Zaken en archief  ",
    ))
    assert response.status_code == 302
    created = applications()["Zaaksysteem"]
    assert response.headers["Location"].endswith(f"/applications/{created.id}")
    assert (created.supplier_id, created.product, created.confidentiality) == (supplier.id, "Squit XO", "high")
    assert created.description == "Zaken en archief" and created.time_verdict is None

    [entry] = history(created)
    assert (entry.action, entry.actor_id, entry.actor_label) == ("insert", editor.user.id, editor.user.email)
    page = editor.get(response.headers["Location"])
    assert "Applicatie Zaaksysteem aangemaakt." in flashes(page)
    assert editor.user.email in text(page).split("Geschiedenis", 1)[1]


def test_an_editor_changes_an_application_and_the_change_is_audited(editor, form, make_application, applications, history):
    original = make_application(name="Zaaksysteem", lifecycle_status="production")
    response = editor.post(f"/applications/{original.id}/edit",
                           data=form(lifecycle_status="phasing_out", time_verdict="migrate", version=original.version))
    assert response.status_code == 302
    changed = applications()["Zaaksysteem"]
    assert (changed.lifecycle_status, changed.time_verdict, changed.version) == ("phasing_out", "migrate", 2)
    latest = history(changed)[0]
    assert latest.action == "update" and latest.actor_label == editor.user.email
    assert latest.changes["lifecycle_status"] == ["production", "phasing_out"]
    assert "uitfaseren" in text(editor.get(f"/applications/{original.id}"))


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, REQUIRED),
        ({"name": "   "}, REQUIRED),
        ({"name": "x" * 121}, "Gebruik hoogstens 120 tekens."),
        ({"domain_id": ""}, REQUIRED),
        ({"domain_id": "99999"}, "Ongeldige keuze."),
        ({"lifecycle_status": ""}, REQUIRED),
        ({"lifecycle_status": "bogus"}, "Ongeldige keuze."),
        ({"supplier_id": "99999"}, "Ongeldige keuze."),
        ({"product": "p" * 121}, "Gebruik hoogstens 120 tekens."),
        ({"product_version": "v" * 61}, "Gebruik hoogstens 60 tekens."),
        ({"description": "d" * 4001}, "Gebruik hoogstens 4000 tekens."),
        ({"hosting_party": "h" * 121}, "Gebruik hoogstens 120 tekens."),
        ({"confidentiality": "extreme"}, "Ongeldige keuze."),
        ({"supplier_support_ends": "31-12-2027"}, "Ongeldige datum."),
    ],
)
def test_invalid_input_is_refused_with_a_dutch_message_and_nothing_is_written(editor, form, overrides, message, applications, audit_count):
    before = audit_count()
    response = editor.post("/applications/new", data=form(**overrides))
    assert response.status_code == 400
    assert message in field_errors(response)
    assert applications() == {} and audit_count() == before


def test_the_longest_allowed_name_is_accepted(editor, form, applications):
    assert editor.post("/applications/new", data=form(name="x" * 120)).status_code == 302
    assert list(applications()) == ["x" * 120]


@pytest.mark.parametrize("same_supplier", [True, False])
def test_a_supplier_cannot_have_two_applications_of_the_same_name(editor, form, make_application, make_supplier, applications, same_supplier):
    centric, other = make_supplier("Centric"), make_supplier("PinkRoccade")
    make_application(name="Suite", supplier=centric)
    response = editor.post("/applications/new", data=form(name="SUITE", supplier_id=(centric if same_supplier else other).id))
    if same_supplier:
        assert response.status_code == 400 and DUPLICATE in field_errors(response)
        assert list(applications()) == ["Suite"]
    else:
        assert response.status_code == 302
        assert sorted(applications()) == ["SUITE", "Suite"]


def test_renaming_to_a_name_the_supplier_has_is_refused_but_keeping_the_own_name_is_not(editor, form, make_application, applications):
    make_application(name="BAG")
    bgt = make_application(name="BGT")
    response = editor.post(f"/applications/{bgt.id}/edit", data=form(name="bag", version=1))
    assert response.status_code == 400 and DUPLICATE in field_errors(response)
    assert editor.post(f"/applications/{bgt.id}/edit", data=form(name="BGT", product="Basisregistratie", version=1)).status_code == 302
    assert applications()["BGT"].product == "Basisregistratie"


def test_a_stale_edit_gets_409_shows_the_other_change_keeps_the_input_and_overwrites_nothing(
    client_as, form, make_application, applications
):
    original = make_application(name="Zaaksysteem", product="Oud")
    first, second = client_as("editor"), client_as("editor")
    assert second.post(f"/applications/{original.id}/edit", data=form(product="Van collega", version=1)).status_code == 302

    response = first.post(f"/applications/{original.id}/edit", data=form(product="Mijn invoer", version=1))
    assert response.status_code == 409
    page = text(response)
    assert "Iemand anders heeft dit intussen gewijzigd" in page
    assert second.user.email in page and "Product: Oud → Van collega" in page
    assert 'value="Mijn invoer"' in response.get_data(as_text=True)
    assert applications()["Zaaksysteem"].product == "Van collega"

    # The form now carries the newer version: saving again is a deliberate overwrite.
    assert 'name="version" type="hidden" value="2"' in response.get_data(as_text=True)
    assert first.post(f"/applications/{original.id}/edit", data=form(product="Mijn invoer", version=2)).status_code == 302
    assert applications()["Zaaksysteem"].product == "Mijn invoer"


def test_an_edit_without_the_version_it_was_loaded_at_is_refused(editor, form, make_application, applications):
    original = make_application(name="Zaaksysteem", product="Oud")
    response = editor.post(f"/applications/{original.id}/edit", data=form(product="Nieuw"))
    assert response.status_code == 400
    assert "Het formulier is onvolledig; laad de pagina opnieuw." in text(response)
    assert applications()["Zaaksysteem"].product == "Oud"


def test_archiving_needs_a_reason_which_the_history_keeps_and_restoring_undoes_it(editor, make_application, applications, history, audit_count):
    original = make_application(name="Zaaksysteem")
    before = audit_count()
    refused = editor.post(f"/applications/{original.id}/archive", data={"reason": "  ", "version": 1})
    assert refused.status_code == 400 and REQUIRED in field_errors(refused)
    assert not applications()["Zaaksysteem"].archived and audit_count() == before

    assert editor.post(f"/applications/{original.id}/archive", data={"reason": "Vervangen door Xential", "version": 1}).status_code == 302
    archived = applications()["Zaaksysteem"]
    assert archived.archived and archived.archived_reason == "Vervangen door Xential"
    entry = history(archived)[0]
    assert entry.reason == "Vervangen door Xential" and entry.actor_label == editor.user.email
    page = editor.get(f"/applications/{original.id}")
    assert "Gearchiveerd: Vervangen door Xential" in text(page)
    assert "(Vervangen door Xential)" in text(page).split("Geschiedenis", 1)[1]
    assert "Zaaksysteem" not in text(editor.get("/applications/"))

    assert editor.post(f"/applications/{original.id}/restore", data={"version": 2}).status_code == 302
    restored = applications()["Zaaksysteem"]
    assert not restored.archived and restored.archived_reason is None
    assert history(restored)[0].changes["archived"] == [True, False]
    assert "Applicatie Zaaksysteem teruggezet." in flashes(editor.get(f"/applications/{original.id}"))


def test_archiving_a_changed_application_is_a_conflict(editor, make_application, applications):
    original = make_application(name="Zaaksysteem")
    response = editor.post(f"/applications/{original.id}/archive", data={"reason": "weg", "version": 0})
    assert response.status_code == 409
    assert not applications()["Zaaksysteem"].archived


def _write_urls(app, ids):
    """Every URL of the register (applications, suppliers) that accepts a POST, with real ids."""
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.partition(".")[0] not in ("applications", "suppliers") or "POST" not in rule.methods:
            continue
        kinds = ids["kinds"] if "kind" in rule.arguments else {None: None}
        for kind, child in kinds.items():
            values = {}
            for argument in rule.arguments:
                if argument == "kind":
                    values[argument] = kind
                elif argument == "child_id":
                    values[argument] = child
                elif argument.endswith("_id"):
                    values[argument] = ids.get(argument, 1)
                else:
                    values[argument] = "x"
            urls.append(rule.build(values)[1])
    return urls


def test_viewers_get_403_on_every_write(app, viewer, make_application, make_supplier, make_usage, make_contract,
                                        make_integration, applications, audit_count):
    supplier = make_supplier()
    source, target = make_application(supplier=supplier), make_application()
    usage, contract, integration = make_usage(source), make_contract(source), make_integration(source, target)
    ids = {"application_id": source.id, "supplier_id": supplier.id, "usage_id": usage.id, "contract_id": contract.id,
           "integration_id": integration.id,
           "kinds": {"usages": usage.id, "contracts": contract.id, "integrations": integration.id}}
    urls = _write_urls(app, ids)
    assert {"/applications/new", "/applications/bulk", f"/applications/{source.id}/edit", f"/suppliers/{supplier.id}/archive",
            f"/applications/{source.id}/contracts/{contract.id}/archive"} <= set(urls)
    before, stored = audit_count(), applications()
    data = {"name": "Overgenomen", "reason": "weg", "version": "1", "selected": str(source.id),
            "lifecycle_status": "retired", "domain_id": "1", "status": "active", "contract_type": "sla"}
    for url in urls:
        assert viewer.post(url, data=data).status_code == 403, url
    assert audit_count() == before and applications() == stored


@pytest.mark.parametrize("url", ["/applications/new", "/suppliers/new"])
def test_viewers_do_not_get_the_forms_either(viewer, url):
    assert viewer.get(url).status_code == 403


def test_viewers_see_no_write_actions(viewer, make_application):
    application = make_application(name="Zaaksysteem")
    body = viewer.get(f"/applications/{application.id}").get_data(as_text=True)
    assert f"/applications/{application.id}/edit" not in body and "/archive" not in body
    assert 'name="selected"' not in viewer.get("/applications/").get_data(as_text=True)


def test_an_unknown_application_is_404(viewer):
    assert viewer.get("/applications/99999").status_code == 404


def test_without_a_supplier_names_are_unique_too(editor, form, make_application, applications):
    make_application(name="Zaaksysteem")
    response = editor.post("/applications/new", data=form(name="zaaksysteem"))
    assert response.status_code == 400 and DUPLICATE in field_errors(response)
    assert list(applications()) == ["Zaaksysteem"]


def test_an_application_of_an_archived_supplier_can_still_be_edited(editor, form, make_application, make_supplier, archive_record, applications):
    supplier = make_supplier("Oude leverancier")
    application = make_application(name="Zaaksysteem", supplier=supplier)
    archive_record(supplier)
    response = editor.post(f"/applications/{application.id}/edit",
                           data=form(supplier_id=supplier.id, product="Nieuw", version=1))
    assert response.status_code == 302
    assert applications()["Zaaksysteem"].product == "Nieuw"
    # but a new application cannot pick the archived supplier
    refused = editor.post("/applications/new", data=form(name="Nieuw systeem", supplier_id=supplier.id))
    assert refused.status_code == 400 and "Ongeldige keuze." in field_errors(refused)


def test_an_application_in_a_deactivated_domain_can_still_be_edited(editor, form, make_application, db, reference, applications):
    application = make_application(name="Zaaksysteem", domain="Belastingen")
    with db() as session:
        session.get(Domain, reference.domains["Belastingen"]).active = False
    response = editor.post(f"/applications/{application.id}/edit",
                           data=form(domain_id=reference.domains["Belastingen"], product="Nieuw", version=1))
    assert response.status_code == 302 and applications()["Zaaksysteem"].product == "Nieuw"


NUL = "a\x00b"


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/applications/new", {"name": NUL}),
        ("/applications/new", {"description": NUL}),
        ("/suppliers/new", {"name": NUL}),
        ("/suppliers/new", {"name": "Centric", "notes": NUL}),
        ("/applications/{id}/usages/new", {"organisation_id": "ORG", "status": "active", "local_process_owner": NUL}),
        ("/applications/{id}/contracts/new", {"contract_type": "sla", "number": NUL}),
        ("/applications/{id}/contracts/new", {"contract_type": "sla", "renewal_terms": NUL}),
        ("/applications/{id}/integrations/new", {"direction": "outgoing", "external_target": NUL}),
    ],
)
def test_a_nul_character_is_refused_with_a_message_not_a_500(editor, form, make_application, reference, audit_count, path, data):
    """PostgreSQL cannot store NUL: the form says so rather than the database failing the request."""
    application = make_application()
    if path == "/applications/new":
        data = form(**data)
    data = {key: str(reference.organisations["Diemen"]) if value == "ORG" else value for key, value in data.items()}
    before = audit_count()
    response = editor.post(path.format(id=application.id), data=data)
    assert response.status_code == 400
    assert "Dit veld bevat een ongeldig teken." in field_errors(response)
    assert audit_count() == before


def test_a_nul_character_in_the_search_is_a_400(viewer):
    response = viewer.get("/applications/", query_string={"q": NUL})
    assert response.status_code == 400 and "Dit veld bevat een ongeldig teken." in text(response)
