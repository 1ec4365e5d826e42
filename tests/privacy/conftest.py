"""Factories for the privacy register, made through the services so that audit applies."""

import itertools
from datetime import datetime, UTC

import pytest

from portfolio.privacy.agreements.services import create_agreement
from portfolio.privacy.breaches.services import create_breach
from portfolio.privacy.processing.services import create_processing
from tests.applications.conftest import (  # noqa: F401  (fixtures of the application register)
    _made, archive_record, history, make_application, make_contract, make_supplier, reference, today,
)

_numbers = itertools.count(1)


@pytest.fixture
def privacy(client_as):
    return client_as("privacy")


@pytest.fixture
def ciso(client_as):
    return client_as("ciso")


@pytest.fixture
def make_processing(db, reference):
    """make_processing(organisation="Diemen", applications=(), processors=(), **fields) -> stored activity."""

    def make(*, organisation="Diemen", applications=(), processors=(), **fields):
        data = {
            "organisation_id": reference.organisations[organisation],
            "name": f"Verwerking {next(_numbers)}",
            "purpose": "Een doel",
            "legal_basis": "public_task",
            "data_subjects": "Inwoners",
            "data_categories": "NAW",
            "retention_period": "7 jaar",
            **fields,
        }
        return _made(db, lambda session: create_processing(
            session, data=data, application_ids=[a.id for a in applications], processor_ids=[s.id for s in processors],
        ))

    return make


@pytest.fixture
def make_agreement(db, reference):
    """make_agreement(supplier, organisation="Diemen", applications=(), **fields) -> stored agreement."""

    def make(supplier, *, organisation="Diemen", applications=(), **fields):
        data = {"supplier_id": supplier.id, "organisation_id": reference.organisations[organisation], **fields}
        return _made(db, lambda session: create_agreement(
            session, data=data, application_ids=[a.id for a in applications],
        ))

    return make


@pytest.fixture
def make_breach(db, reference):
    """make_breach(discovered_at=<aware datetime>, organisation="Diemen", applications=(), **fields)."""

    def make(*, discovered_at=None, organisation="Diemen", applications=(), **fields):
        data = {
            "organisation_id": reference.organisations[organisation],
            "discovered_at": discovered_at or datetime.now(UTC),
            "description": "Brief aan verkeerde adres",
            **fields,
        }
        return _made(db, lambda session: create_breach(
            session, data=data, application_ids=[a.id for a in applications],
        ))

    return make
