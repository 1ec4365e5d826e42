"""Action-needed-by: when an application's contracts or support force the I&A team to act.

Derived, never stored (DESIGN.md §2). Per contract the last day to give notice is its end minus
the notice period; a replacement must start the procurement lead time (default 12 months) before
the end. The application's date is the earliest of those over its current contracts and the end of
supplier support. Month arithmetic clamps to the month's last day (31 May − 3 months = 28/29 Feb).

The same rule exists twice: in Python for pages and tests, and as SQL (`action_needed_by_sql`)
so that the list can filter and sort by it in the database; tests hold the two to each other.
"""


from sqlalchemy import Date, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from portfolio.core.dates import months_before

DEFAULT_LEAD_MONTHS = 12
SQL_FUNCTION = "portfolio_months_before"


def notice_deadline(contract):
    """The last day to give notice, or None for a contract without an end date."""
    if contract.ends_on is None:
        return None
    return months_before(contract.ends_on, contract.notice_months or 0)


def contract_deadline(contract, lead_months=DEFAULT_LEAD_MONTHS):
    """The earlier of the notice deadline and the start a replacement procurement needs."""
    if contract.ends_on is None:
        return None
    return months_before(contract.ends_on, max(contract.notice_months or 0, lead_months))


def action_needed_by(application, contracts, lead_months=DEFAULT_LEAD_MONTHS):
    """The earliest deadline over the non-archived contracts and the end of supplier support."""
    candidates = [contract_deadline(c, lead_months) for c in contracts if not c.archived]
    candidates.append(application.supplier_support_ends)
    dates = [day for day in candidates if day is not None]
    return min(dates) if dates else None


# --- the same rule in SQL -------------------------------------------------------------------


class months_before_sql(FunctionElement):
    """months_before(day, months) in SQL, for a whole number of months >= 0.

    SQLite has no clamping month arithmetic: the day is taken as the earlier of the same day of
    the target month (which date() rolls into the next month when it does not exist) and the
    target month's last day. PostgreSQL's date - interval clamps by itself; migration 0002
    creates the function compiled below.
    """

    type = Date()
    inherit_cache = True
    name = "months_before"


@compiles(months_before_sql)
def _months_before_sqlite(element, compiler, **kw):
    day, months = (compiler.process(clause, **kw) for clause in element.clauses)
    target = f"date({day}, 'start of month', printf('%+d months', -({months})))"
    same_day = f"date({target}, printf('+%d days', CAST(strftime('%d', {day}) AS INTEGER) - 1))"
    last_day = f"date({target}, '+1 month', '-1 day')"
    return f"min({same_day}, {last_day})"


@compiles(months_before_sql, "postgresql")
def _months_before_postgresql(element, compiler, **kw):
    return f"{SQL_FUNCTION}({compiler.process(element.clauses, **kw)})"


class earliest(FunctionElement):
    """The earlier of two dates, ignoring NULL (LEAST on PostgreSQL, CASE on SQLite)."""

    type = Date()
    inherit_cache = True
    name = "earliest"


@compiles(earliest)
def _earliest_default(element, compiler, **kw):
    first, second = list(element.clauses)
    return compiler.process(
        case(
            (first.is_(None), second),
            (second.is_(None), first),
            (first < second, first),
            else_=second,
        ),
        **kw,
    )


@compiles(earliest, "postgresql")
def _earliest_postgresql(element, compiler, **kw):
    return f"LEAST({compiler.process(element.clauses, **kw)})"


def contract_deadlines_sql(contract_table, lead_months, application_ids=None):
    """A subquery (application_id, deadline): the earliest contract deadline per application,
    over its non-archived contracts; join it to the applications once instead of correlating.
    With application_ids, only for those applications (a page of the list)."""
    months = case(
        (contract_table.c.notice_months > lead_months, contract_table.c.notice_months),
        else_=lead_months,
    )
    deadline = func.min(months_before_sql(contract_table.c.ends_on, months))
    statement = select(contract_table.c.application_id, deadline.label("deadline")).where(
        contract_table.c.archived.is_(False)
    )
    if application_ids is not None:
        statement = statement.where(contract_table.c.application_id.in_(application_ids))
    return statement.group_by(contract_table.c.application_id).subquery("contract_deadlines")


def action_needed_by_sql(deadlines, application_table) -> ColumnElement:
    """Each application's action-needed-by date, given contract_deadlines_sql() joined to it."""
    return earliest(deadlines.c.deadline, application_table.c.supplier_support_ends)
