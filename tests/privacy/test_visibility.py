"""Who sees what of the privacy register: the privacy role and admin everything, the CISO the
processing register and agreements but never breaches, editors and viewers only two facts on an
application's page."""

from datetime import date, datetime, UTC

import pytest

from tests.applications.helpers import text
from tests.audit.helpers import log_rows


@pytest.fixture
def register(make_application, make_supplier, make_processing, make_agreement, make_breach):
    application = make_application(name="Burgerzaken", personal_data="bsn")
    supplier = make_supplier("PinkRoccade")
    make_processing(name="Basisregistratie personen", applications=[application], dpia_required="yes",
                    dpia_reason="BSN", dpia_done_on=date(2026, 2, 1))
    make_agreement(supplier, applications=[application], signed_on=date(2026, 1, 1))
    make_breach(discovered_at=datetime(2026, 3, 1, 9, tzinfo=UTC), applications=[application],
                description="Geheim lek in Burgerzaken")
    return application


def panel(response):
    return text(response).split("Privacyregister", 1)[1].split("Geschiedenis", 1)[0]


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_editors_and_viewers_see_only_whether_personal_data_is_processed_and_the_dpia_is_done(client_as, register, role):
    shown = panel(client_as(role).get(f"/applications/{register.id}"))
    assert shown.split() == ["Verwerkt", "persoonsgegevens", "ja", "DPIA", "uitgevoerd", "ja"]


@pytest.mark.parametrize("role", ["privacy", "admin", "ciso"])
def test_privacy_readers_also_see_the_processing_and_agreements(client_as, register, role):
    response = client_as(role).get(f"/applications/{register.id}")
    shown = panel(response)
    assert "Basisregistratie personen" in shown and "PinkRoccade" in shown
    assert "/privacy/processing/" in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["viewer", "editor", "ciso", "privacy", "admin"])
def test_breaches_never_appear_on_the_application_page(client_as, register, role):
    page = text(client_as(role).get(f"/applications/{register.id}"))
    assert "Geheim lek" not in page and "datalek" not in page.lower()


def test_the_panel_of_an_application_without_personal_data(viewer, make_application):
    application = make_application(personal_data="none")
    assert panel(viewer.get(f"/applications/{application.id}")).split() == [
        "Verwerkt", "persoonsgegevens", "nee", "DPIA", "uitgevoerd", "niet", "nodig",
    ]


def test_the_ciso_reads_the_register_and_agreements_but_not_breaches(ciso, register):
    assert ciso.get("/privacy/processing/").status_code == 200
    assert ciso.get("/privacy/agreements/").status_code == 200
    assert ciso.get("/privacy/breaches/").status_code == 403
    assert ciso.get("/privacy/breaches/1").status_code == 403
    overview = text(ciso.get("/privacy/"))
    assert "datalek" not in overview.lower()


def test_the_ciso_gets_no_write_actions(ciso, register):
    assert "Nieuwe verwerking" not in text(ciso.get("/privacy/processing/"))
    assert "Wijzigen" not in text(ciso.get("/privacy/processing/1"))
    assert ciso.post("/privacy/processing/1/edit", data={}).status_code == 403


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_editors_and_viewers_get_no_privacy_pages_and_no_navigation_entry(client_as, register, role):
    client = client_as(role)
    for url in ("/privacy/", "/privacy/processing/", "/privacy/agreements/", "/privacy/breaches/"):
        assert client.get(url).status_code == 403
    assert 'href="/privacy/"' not in client.get("/").get_data(as_text=True)


def test_the_application_page_needs_the_same_queries_with_one_or_many_links(
    app, client_as, make_application, make_processing, make_supplier, make_agreement, count_queries,
):
    privacy = client_as("privacy")
    few = make_application(name="Weinig", personal_data="bsn")
    many = make_application(name="Veel", personal_data="bsn")
    make_processing(applications=[few])
    make_agreement(make_supplier(), applications=[few], signed_on=date(2026, 1, 1))
    for _ in range(5):
        make_processing(applications=[many], organisation="Uithoorn")
        make_agreement(make_supplier(), applications=[many], signed_on=date(2026, 1, 1))
    counts = []
    for application in (few, many):
        privacy.get(f"/applications/{application.id}")  # warm up
        with count_queries() as statements:
            assert privacy.get(f"/applications/{application.id}").status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1]


def test_the_ciso_reads_the_audit_log_without_the_breaches_and_the_admin_with_them(client_as, register):
    ciso_log = client_as("ciso").get("/audit/")
    assert "Geheim lek" not in ciso_log.get_data(as_text=True)
    types = {row["type"] for row in log_rows(ciso_log)}
    assert "verwerking" in types
    assert not {"datalek", "applicatie van een datalek"} & types
    assert 'value="data_breach"' not in ciso_log.get_data(as_text=True)  # nor among the filter's choices
    assert "Geheim lek" not in client_as("ciso").get("/audit/?entity_type=data_breach").get_data(as_text=True)
    assert "Geheim lek" in client_as("admin").get("/audit/").get_data(as_text=True)
