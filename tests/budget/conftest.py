"""Factories for the budget: records made through the services, so that the audit applies."""

import itertools

import pytest
from sqlmodel import select

from portfolio.budget import funding, lines
from portfolio.budget.models import BudgetLine
from portfolio.procurements.enums import Phase
from portfolio.procurements.models import Procurement
from portfolio.reference.models import Organisation

_numbers = itertools.count(1)


def _made(db, build):
    """Run build(session) in its own committed transaction and hand back the detached result."""
    with db() as session:
        record = build(session)
        session.flush()
        session.expunge(record)
    return record


@pytest.fixture
def organisations(db):
    """{name: id} of the seeded organisations (Diemen, Ouder-Amstel, Uithoorn, Duo+)."""
    with db() as session:
        return {o.name: o.id for o in session.exec(select(Organisation)).all()}


@pytest.fixture
def make_line(db, organisations):
    """make_line(amounts={2022: cents}, shares={"Diemen": basis points}, **fields) -> a stored BudgetLine."""

    def make(*, amounts=None, shares=None, **fields):
        data = {"title": f"Post {next(_numbers)}", "kind": "structural", "status": "requested", **fields}
        amounts = list((amounts or {2022: 100_000}).items())
        shares = {organisations[name]: points for name, points in (shares or {}).items()}
        return _made(db, lambda session: lines.create_budget_line(session, data=data, amounts=amounts, shares=shares))

    return make


@pytest.fixture
def make_source(db):
    """make_source(name=None, year=2022, available_cents=..., **fields) -> a stored FundingSource."""

    def make(name=None, *, year=2022, available_cents=7_500_000, **fields):
        data = {"name": name or f"Dekking {next(_numbers)}", "year": year, "available_cents": available_cents, **fields}
        return _made(db, lambda session: funding.create_funding_source(session, data=data))

    return make


@pytest.fixture
def make_allocation(db):
    """make_allocation(source, cents, procurement=None, line=None) -> a stored Allocation."""

    def make(source, cents, *, procurement=None, line=None):
        data = {"amount_cents": cents, "procurement_id": procurement.id if procurement else None,
                "budget_line_id": line.id if line else None}
        return _made(db, lambda session: funding.create_allocation(session, source, data=data))

    return make


@pytest.fixture
def make_procurement(db):
    """make_procurement(title=None, estimated_cost_cents=None, budget_year=2022, **fields) -> a stored Procurement."""

    def make(title=None, *, budget_year=2022, **fields):
        def build(session):
            values = {"phase": Phase.EXPLORATION.value, **fields}
            procurement = Procurement(title=title or f"Aanbesteding {next(_numbers)}", budget_year=budget_year, **values)
            session.add(procurement)
            return procurement

        return _made(db, build)

    return make


@pytest.fixture
def stored(db):
    """stored(Model, id) -> the record as the database has it now (detached), or None."""

    def read(model, record_id):
        with db() as session:
            record = session.get(model, record_id)
            if record is not None:
                session.expunge(record)
            return record

    return read


@pytest.fixture
def stored_line(db):
    """stored_line(id) -> (line, {year: cents}, {organisation id: basis points}) as stored now."""

    def read(line_id):
        with db() as session:
            line = session.get(BudgetLine, line_id)
            amounts = {a.year: a.amount_cents for a in line.amounts}
            shares = {s.organisation_id: s.basis_points for s in line.shares}
            session.expunge(line)
            return line, amounts, shares

    return read
