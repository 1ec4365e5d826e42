"""Factories for the application register: records made through the services, so audit applies."""

import itertools
from types import SimpleNamespace

import pytest
from sqlmodel import select

from portfolio.core import archiving
from portfolio.applications import services
from portfolio.applications.related import services as related
from portfolio.applications.enums import ContractType, Direction, LifecycleStatus, UsageStatus
from portfolio.applications.models import Application
from portfolio.core.audit.history import history_for
from portfolio.reference.models import Domain, Organisation
from portfolio.suppliers.services import create_supplier

_numbers = itertools.count(1)


@pytest.fixture
def reference(db):
    """Ids of the seeded reference lists by name: reference.domains["Belastingen"], reference.organisations["Diemen"]."""
    with db() as session:
        return SimpleNamespace(
            domains={d.name: d.id for d in session.exec(select(Domain)).all()},
            organisations={o.name: o.id for o in session.exec(select(Organisation)).all()},
        )


def _made(db, build):
    """Run build(session) in its own committed transaction and hand back the detached result."""
    with db() as session:
        record = build(session)
        session.flush()
        session.expunge(record)
    return record


@pytest.fixture
def make_supplier(db):
    """make_supplier(name=None, **fields) -> a stored Supplier."""

    def make(name=None, **fields):
        data = {"name": name or f"Leverancier {next(_numbers)}", **fields}
        return _made(db, lambda session: create_supplier(session, data=data))

    return make


@pytest.fixture
def make_application(db, reference):
    """make_application(**overrides) -> a stored Application; domain may be given by name."""

    def make(*, domain="Burgerzaken", supplier=None, **overrides):
        data = {
            "name": f"Applicatie {next(_numbers)}",
            "domain_id": reference.domains[domain],
            "supplier_id": supplier.id if supplier is not None else None,
            "lifecycle_status": LifecycleStatus.PRODUCTION.value,
            **overrides,
        }
        return _made(db, lambda session: services.create_application(session, data=data))

    return make


@pytest.fixture
def make_usage(db, reference):
    """make_usage(application, organisation="Diemen", **fields) -> a stored Usage."""

    def make(application, organisation="Diemen", **fields):
        data = {"organisation_id": reference.organisations[organisation], "status": UsageStatus.ACTIVE.value, **fields}
        return _made(db, lambda session: related.create_usage(session, session.get(Application, application.id), data=data))

    return make


@pytest.fixture
def make_contract(db):
    """make_contract(application, ends_on=None, notice_months=0, archived=False, **fields) -> a stored Contract."""

    def make(application, *, archived=False, **fields):
        data = {"contract_type": ContractType.LICENSE.value, **fields}

        def build(session):
            contract = related.create_contract(session, session.get(Application, application.id), data=data)
            if archived:
                archiving.archive(session, contract, reason="vervangen", loaded_version=contract.version)
            return contract

        return _made(db, build)

    return make


@pytest.fixture
def make_integration(db):
    """make_integration(source, target=None, external_target=None, **fields) -> a stored Integration."""

    def make(source, target=None, **fields):
        data = {
            "direction": Direction.OUTGOING.value,
            "target_application_id": target.id if target is not None else None,
            **fields,
        }
        return _made(db, lambda session: related.create_integration(session, session.get(Application, source.id), data=data))

    return make


@pytest.fixture
def archive_record(db):
    """archive_record(record, reason="...") archives a stored record through the archiving rules."""

    def archive(record, reason="niet meer in gebruik"):
        def build(session):
            stored = session.get(type(record), record.id)
            return archiving.archive(session, stored, reason=reason, loaded_version=stored.version)

        return _made(db, build)

    return archive


@pytest.fixture
def history(db):
    """history(record) -> its audit entries (detached), newest first."""

    def read(record):
        with db() as session:
            entries = history_for(session, record)
            for entry in entries:
                session.expunge(entry)
            return entries

    return read


@pytest.fixture
def today(app):
    """The date the app counts from (Europe/Amsterdam), as the pages use it."""
    from portfolio.core.dates import local_today as app_today

    with app.app_context():
        return app_today()
