"""/api/v1/funding-sources and /budget-lines, through portfolio.budget.funding and .lines.

Funding sources are not archived (the screens have no such action); budget lines are.
"""

from sqlalchemy.orm import selectinload
from sqlmodel import exists, func, select

from portfolio.api.crud import Resource, merged, paged
from portfolio.api.schemas import budget as schemas
from portfolio.web.permissions import Permission
from portfolio.budget import funding, lines
from portfolio.budget.models import BudgetLine, FundingSource, YearAmount


def list_sources(session, query):
    statement = select(FundingSource).order_by(FundingSource.year.desc(), func.lower(FundingSource.name), FundingSource.id)
    if not query.include_archived:
        statement = statement.where(FundingSource.archived.is_(False))
    if query.year is not None:
        statement = statement.where(FundingSource.year == query.year)
    return paged(session, statement, query)


def serialize_source(source):
    values = source.model_dump() | {"allocated_cents": sum(a.amount_cents for a in source.allocations)}
    return schemas.FundingSourceRead.model_validate(values).model_dump(mode="json")


def list_lines(session, query):
    statement = (
        select(BudgetLine).options(selectinload(BudgetLine.amounts), selectinload(BudgetLine.shares))
        .order_by(func.lower(BudgetLine.title), BudgetLine.id)
    )
    if not query.include_archived:
        statement = statement.where(BudgetLine.archived.is_(False))
    for column, value in ((BudgetLine.kind, query.kind), (BudgetLine.status, query.status)):
        if value is not None:
            statement = statement.where(column == value)
    if query.year is not None:
        statement = statement.where(exists().where(YearAmount.budget_line_id == BudgetLine.id, YearAmount.year == query.year))
    return paged(session, statement, query)


def _children(data):
    """(amounts as [(year, cents)], shares as {organisation id: basis points}) taken out of data."""
    amounts = [(item["year"], item["amount_cents"]) for item in data.pop("amounts")]
    shares = {item["organisation_id"]: item["basis_points"] for item in data.pop("shares")}
    return amounts, shares


def create_line(session, data):
    amounts, shares = _children(data)
    return lines.create_budget_line(session, data=data, amounts=amounts, shares=shares)


def update_line(session, line, data, version):
    current = {
        "amounts": [{"year": a.year, "amount_cents": a.amount_cents} for a in line.amounts],
        "shares": [{"organisation_id": s.organisation_id, "basis_points": s.basis_points} for s in line.shares],
    }
    values = merged(line, lines.LINE_FIELDS, data)
    values["amounts"], values["shares"] = data.get("amounts", current["amounts"]), data.get("shares", current["shares"])
    amounts, shares = _children(values)
    return lines.update_budget_line(session, line, data=values, amounts=amounts, shares=shares, loaded_version=version)


def serialize_line(line):
    values = line.model_dump() | {
        "amounts": sorted(({"year": a.year, "amount_cents": a.amount_cents} for a in line.amounts), key=lambda a: a["year"]),
        "shares": sorted(({"organisation_id": s.organisation_id, "basis_points": s.basis_points} for s in line.shares),
                         key=lambda s: s["organisation_id"]),
    }
    return schemas.BudgetLineRead.model_validate(values).model_dump(mode="json")


FUNDING_SOURCES = Resource(
    name="funding-sources", tag="funding-sources", model=FundingSource, read=schemas.FundingSourceRead,
    read_permission=Permission.READ_REGISTER, write_permission=Permission.WRITE_REGISTER,
    query=schemas.FundingSourceQuery, list=list_sources, create_schema=schemas.FundingSourceCreate,
    create=lambda session, data: funding.create_funding_source(session, data=data),
    update_schema=schemas.FundingSourceUpdate,
    update=lambda session, record, data, version: funding.update_funding_source(session, record, data=data, loaded_version=version),
    serialize=serialize_source, load=funding.get_funding_source,
)
BUDGET_LINES = Resource(
    name="budget-lines", tag="budget-lines", model=BudgetLine, read=schemas.BudgetLineRead,
    read_permission=Permission.READ_REGISTER, write_permission=Permission.WRITE_REGISTER,
    query=schemas.BudgetLineQuery, list=list_lines, create_schema=schemas.BudgetLineCreate, create=create_line,
    update_schema=schemas.BudgetLineUpdate, update=update_line, archivable=True, serialize=serialize_line,
    load=lines.get_budget_line,
)
