"""`flask --app portfolio demo load`: the applications of the source document, once, and nothing invented."""

import pytest
from sqlmodel import func, select

from portfolio.applications.models import Application, Contract, Integration, Usage
from portfolio.core.audit.models import AuditEntry
from portfolio.suppliers.models import Supplier

DOCUMENT = {
    # name: (domain, supplier)
    "Burgerzaken": ("Burgerzaken", "PinkRoccade"),
    "Centric Key": ("Financiën", "Centric"),
    "GBOR": ("Beheer Openbare Ruimte", None),
    "Centric Suite": ("Sociaal Domein", "Centric"),
    "BAG": ("Geo-informatie", None),
    "BGT": ("Geo-informatie", None),
    "ESB": ("Geo-informatie", None),
    "InProces": ("Zaak- en archiefsysteem", None),
    "Belastingen": ("Belastingen", None),
    "Thuiswerkomgeving": ("Werkplek en infrastructuur", None),
}


@pytest.fixture
def load(app):
    """load(*options) -> the CLI result of `demo load`."""

    def run(*options):
        result = app.test_cli_runner().invoke(args=["demo", "load", *options])
        assert result.exit_code == 0, result.output
        return result

    return run


@pytest.fixture
def register(db):
    """register() -> {name: Application (domain and supplier loaded)} and the row counts that matter."""

    def read():
        with db() as session:
            applications = {
                a.name: (a, a.domain.name, a.supplier.name if a.supplier else None)
                for a in session.exec(select(Application)).all()
            }
            counts = {
                model.__name__: session.exec(select(func.count()).select_from(model)).one()
                for model in (Application, Supplier, Usage, Contract, Integration, AuditEntry)
            }
            for application, _, _ in applications.values():
                session.expunge(application)
            return applications, counts

    return read


def test_the_document_s_applications_are_loaded(load, register):
    result = load()
    assert "Demo data: 10 applications" in result.output
    applications, counts = register()
    assert {name: (domain, supplier) for name, (_, domain, supplier) in applications.items()} == DOCUMENT
    assert counts["Supplier"] == 2  # PinkRoccade and Centric, the only suppliers the document names

    belastingen = applications["Belastingen"][0]
    assert (belastingen.hosting, belastingen.hosting_party) == ("outsourced", "Amstelland")
    home = applications["Thuiswerkomgeving"][0].description
    assert "350" in home and "50" in home.replace("350", "") and "autoscaling" in home


def test_nothing_beyond_the_document_is_invented(load, register):
    load()
    applications, counts = register()
    assert counts["Contract"] == counts["Usage"] == counts["Integration"] == 0  # no dates, amounts or links
    for application, _, _ in applications.values():
        assert application.supplier_support_ends is None
        assert (application.availability, application.integrity, application.confidentiality) == (None, None, None)
        assert application.process_owner is None and application.time_verdict is None


def test_the_demo_load_is_audited_as_the_demo(load, db):
    load()
    with db() as session:
        labels = set(session.exec(select(AuditEntry.actor_label).where(AuditEntry.entity_type == "application")).all())
    assert labels == {"demo"}


def test_loading_twice_changes_nothing(load, register):
    load()
    first = register()
    assert "Demo data: 0 applications" in load().output
    second = register()
    assert second[1] == first[1]  # same rows, and no new audit entries
    assert {name: row[0].version for name, row in second[0].items()} == {name: 1 for name in DOCUMENT}


def test_if_empty_leaves_a_register_with_data_alone(load, register, make_application):
    make_application(name="Eigen applicatie")
    before = register()
    result = load("--if-empty")
    assert "The register has data; demo data not loaded." in result.output
    after = register()
    assert list(after[0]) == ["Eigen applicatie"] and after[1] == before[1]


def test_if_empty_loads_an_empty_register(load, register):
    assert "Demo data: 10 applications" in load("--if-empty").output
    assert set(register()[0]) == set(DOCUMENT)


def test_an_existing_application_of_the_same_name_is_kept_as_it_is(load, register, make_application):
    make_application(name="BAG", domain="Geo-informatie", product="Eigen BAG-pakket")
    load()
    applications, _ = register()
    assert applications["BAG"][0].product == "Eigen BAG-pakket"
    assert set(applications) == set(DOCUMENT)
