"""Demo data of the privacy register: generic examples for the demo applications, one processor
agreement, no breaches; loading twice adds nothing."""

from sqlmodel import select

from portfolio.privacy.models import DataBreach, ProcessingActivity, ProcessorAgreement
from tests.applications.helpers import text


def test_the_cli_loads_generic_processing_one_agreement_and_no_breaches_once(app, db, client_as):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "Privacy demo data: 4 records added." in result.output
    with db() as session:
        activities = session.exec(select(ProcessingActivity).order_by(ProcessingActivity.name)).all()
        summary = [
            (a.name, sorted(link.application.name for link in a.application_links), a.bsn, a.special_categories,
             a.special_category_ground, a.legal_basis, a.dpia_required)
            for a in activities
        ]
        agreements = session.exec(select(ProcessorAgreement)).all()
        assert [(a.supplier.name, a.signed_on) for a in agreements] == [("PinkRoccade", None)]
        assert session.exec(select(DataBreach)).all() == []
        purposes = [a.purpose for a in activities]
    assert summary == [
        ("Basisregistratie personen", ["Burgerzaken"], True, False, None, "legal_obligation", "undecided"),
        ("Heffing en invordering gemeentelijke belastingen", ["Belastingen"], True, False, None, "legal_obligation", "undecided"),
        ("Uitvoering sociaal domein", ["Centric Suite"], True, True, "b_employment", "legal_obligation", "undecided"),
    ]
    assert all(purpose.startswith("Voorbeeld: ") for purpose in purposes)
    again = runner.invoke(args=["demo", "load"])
    assert "Privacy demo data: 0 records added." in again.output
    page = text(client_as("privacy").get("/privacy/"))
    assert "3 verwerkingen zonder DPIA-besluit" in page
