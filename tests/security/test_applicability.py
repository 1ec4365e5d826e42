"""Which measures an application needs: BIV thresholds per axis, per organisation, 'all', explicit links."""

from datetime import date


from portfolio.applications.services import get_application
from portfolio.security.applicability import GAP_NO_EVIDENCE, GAP_NOT_IMPLEMENTED, panel_for_application


def _panel(db, application):
    with db() as session:
        panel = panel_for_application(session, get_application(session, application.id), date(2026, 6, 1))
        return {row.measure.title: (row.reason, row.organisations, row.gap) for row in panel.rows}


def test_biv_thresholds_per_axis_and_per_organisation(db, make_application, make_usage, make_measure, reference):
    application = make_application(availability="high", integrity="low", confidentiality="medium")
    make_usage(application, "Diemen")
    make_usage(application, "Uithoorn", confidentiality="high")
    make_measure(title="Beschikbaarheid hoog", min_availability="high")
    make_measure(title="Vertrouwelijkheid hoog", min_confidentiality="high")
    make_measure(title="Integriteit midden", min_integrity="medium")
    make_measure(title="Vertrouwelijkheid midden", min_confidentiality="medium")
    make_measure(title="Voor iedereen", applies_to_all=True, status="implemented")
    make_measure(title="Expliciet", applications=[application], status="not_applicable", status_reason="nvt")
    make_measure(title="Alleen Ouder-Amstel", applies_to_all=True, organisations=[reference.organisations["Ouder-Amstel"]])
    make_measure(title="Diemen en vertrouwelijk hoog", min_confidentiality="high",
                 organisations=[reference.organisations["Diemen"]])
    shown = _panel(db, application)
    assert shown == {
        "Beschikbaarheid hoog": ("biv", ["Diemen", "Uithoorn"], GAP_NOT_IMPLEMENTED),
        # Only Uithoorn classifies confidentiality high; the application itself says medium.
        "Vertrouwelijkheid hoog": ("biv", ["Uithoorn"], GAP_NOT_IMPLEMENTED),
        "Vertrouwelijkheid midden": ("biv", ["Diemen", "Uithoorn"], GAP_NOT_IMPLEMENTED),
        "Voor iedereen": ("all", ["Diemen", "Uithoorn"], GAP_NO_EVIDENCE),
        "Expliciet": ("explicit", ["Diemen", "Uithoorn"], None),
    }


def test_an_application_without_usage_is_judged_on_its_own_levels(db, make_application, make_measure):
    application = make_application(integrity="high")
    make_measure(title="Integriteit hoog", min_integrity="high")
    make_measure(title="Beschikbaarheid laag", min_availability="low")
    assert _panel(db, application) == {"Integriteit hoog": ("biv", [], GAP_NOT_IMPLEMENTED)}


def test_an_ended_usage_and_an_archived_measure_do_not_count(db, make_application, make_usage, make_measure, archive_record):
    application = make_application()
    make_usage(application, "Diemen", status="ended", availability="high")
    make_measure(title="Beschikbaarheid hoog", min_availability="high")
    archived = make_measure(title="Gearchiveerd", applies_to_all=True)
    archive_record(archived)
    assert _panel(db, application) == {}


def test_current_evidence_closes_the_gap(db, make_application, make_measure):
    from portfolio.security.models import Evidence

    application = make_application()
    measure = make_measure(title="Voor iedereen", applies_to_all=True, status="implemented")
    with db() as session:
        session.add(Evidence(measure_id=measure.id, kind="text", description="ok", dated_on=date(2026, 1, 1),
                             expires_on=date(2026, 12, 31)))
    assert _panel(db, application)["Voor iedereen"][2] is None


def test_the_application_page_shows_the_panel(viewer, make_application, make_usage, make_measure):
    application = make_application(confidentiality="high")
    make_measure(title="Versleutelen", min_confidentiality="high")
    page = viewer.get(f"/applications/{application.id}").get_data(as_text=True)
    assert "Benodigde maatregelen" in page and "Versleutelen" in page
    assert "nodig maar niet geïmplementeerd" in page


