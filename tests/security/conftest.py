"""Factories for the security register: catalogues and measures made through the services."""

import itertools
from datetime import date
from pathlib import Path

import pytest

from portfolio.security import services
from portfolio.security.catalogues import services as catalogue_import
from portfolio.security.models import Measure
from tests.applications.conftest import archive_record, make_application, make_supplier, make_usage, reference  # noqa: F401

CATALOGUES = Path(__file__).resolve().parents[2] / "portfolio" / "security" / "catalogues"
TODAY = date(2026, 6, 1)
_numbers = itertools.count(1)


@pytest.fixture
def import_catalogue(db):
    """import_catalogue(text or bytes, filename="c.csv", **options) -> the ImportReport (detached framework)."""

    def run(content, filename="catalogus.csv", **options):
        data = content.encode("utf-8") if isinstance(content, str) else content
        with db() as session:
            report = catalogue_import.import_catalogue(session, data, filename, **options)
            session.flush()
            session.expunge(report.framework)
        return report

    return run


@pytest.fixture
def example_catalogue(import_catalogue):
    """The shipped example catalogue (CSV), as framework VOORBEELD; returns {reference: requirement id}."""


    report = import_catalogue((CATALOGUES / "voorbeeld-catalogus.csv").read_bytes(), "voorbeeld-catalogus.csv",
                              code="VOORBEELD", name="Voorbeeld")
    return report.framework


@pytest.fixture
def requirement_ids(db):
    def read(framework):
        from sqlmodel import select

        from portfolio.security.models import Requirement

        with db() as session:
            return {r.reference: r.id for r in session.exec(select(Requirement).where(Requirement.framework_id == framework.id))}

    return read


@pytest.fixture
def make_measure(db):
    """make_measure(requirements=(), applications=(), organisations=(), **fields) -> a stored Measure."""

    def make(*, requirements=(), applications=(), organisations=(), today=TODAY, **fields):
        data = {"title": f"Maatregel {next(_numbers)}", "overseer": "ciso", "status": "not_started",
                "priority": "medium", **fields}
        links = {"requirement_ids": list(requirements), "application_ids": [a.id for a in applications],
                 "organisation_ids": list(organisations)}
        with db() as session:
            measure = services.create_measure(session, data=data, links=links, today=today)
            session.expunge(measure)
        return measure

    return make


@pytest.fixture
def stored_measure(db):
    """stored_measure(id) -> the Measure as stored now (detached)."""

    def read(measure_id):
        with db() as session:
            measure = session.get(Measure, measure_id)
            session.expunge(measure)
            return measure

    return read
