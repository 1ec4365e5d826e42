"""The key figures of the start page and the management report, each with the list it links to.

Every figure is counted in the database (grouped queries) or by the register's own service, so
the number of queries does not grow with the number of applications. Counting rules:

- applications: not archived, per lifecycle status and per domain;
- procurements: not archived, per phase, with the sum of their cost (the actual cost once known,
  else the estimate: the budget overview's rule);
- budget: per year, structural against incidental (budget.overview.totals_per_year);
- compliance: security.compliance per organisation and per framework chapter;
- contract ends: per calendar month from this one, 24 months ahead, the applications (not
  archived) with a contract (not archived) ending in that month.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case
from sqlmodel import func, select

from portfolio.core.dates import months_before
from portfolio.applications.enums import LifecycleStatus
from portfolio.applications.models import Application, Contract
from portfolio.budget.overview import totals_per_year
from portfolio.core.figure_cache import cached
from portfolio.procurements.enums import PHASE_ORDER, Phase
from portfolio.procurements.models import Procurement
from portfolio.reference.models import Domain
from portfolio.security import compliance

TIMELINE_MONTHS = 24


@dataclass(frozen=True)
class Count:
    key: object  # the status or phase value, the domain id, the year, the month's first day
    label: str
    count: int
    cents: int | None = None


@dataclass
class KeyFigures:
    statuses: list  # Count per lifecycle status (all of them, zeros included)
    domains: list  # Count per domain that has applications, by name
    phases: list  # Count per phase (with cents), in the road's order, 'stopped' last
    years: list  # budget Totals per year
    this_year: object  # budget Totals of today's year (zeros when it has no lines)
    organisations: list  # compliance Figure per organisation
    chapters: list  # [(framework, [Figure per chapter])]
    contract_ends: list  # Count per month for TIMELINE_MONTHS months from today's month

    @property
    def applications(self):
        return sum(row.count for row in self.statuses)

    @property
    def procurements(self):
        return sum(row.count for row in self.phases)


def application_statuses(session):
    counts = dict(session.exec(
        select(Application.lifecycle_status, func.count())
        .where(Application.archived.is_(False))
        .group_by(Application.lifecycle_status)
    ).all())
    return [Count(status.value, status.value, counts.get(status.value, 0)) for status in LifecycleStatus]


def application_domains(session):
    rows = session.exec(
        select(Domain.id, Domain.name, func.count(Application.id))
        .join(Application, Application.domain_id == Domain.id)
        .where(Application.archived.is_(False))
        .group_by(Domain.id, Domain.name)
        .order_by(func.lower(Domain.name))
    ).all()
    return [Count(domain_id, name, count) for domain_id, name, count in rows]


def procurement_phases(session):
    cost = case((Procurement.actual_cost_cents.is_not(None), Procurement.actual_cost_cents),
                else_=Procurement.estimated_cost_cents)
    rows = {
        phase: (count, cents or 0)
        for phase, count, cents in session.exec(
            select(Procurement.phase, func.count(), func.sum(cost))
            .where(Procurement.archived.is_(False))
            .group_by(Procurement.phase)
        ).all()
    }
    return [
        Count(phase.value, phase.value, *rows.get(phase.value, (0, 0)))
        for phase in (*PHASE_ORDER, Phase.STOPPED)
    ]


def month_starts(today, months=TIMELINE_MONTHS):
    first = today.replace(day=1)
    return [months_before(first, -offset) for offset in range(months)]


def contract_ends(session, today, months=TIMELINE_MONTHS):
    """Count per month: the applications with a current contract ending in it (the application
    list's contract_ends filter, so each figure is the length of the list it links to)."""
    starts = month_starts(today, months)
    horizon = months_before(starts[-1], -1)  # the first day after the last month
    ends = session.exec(
        select(Contract.application_id, Contract.ends_on)
        .join(Application, Application.id == Contract.application_id)
        .where(Contract.archived.is_(False), Application.archived.is_(False),
               Contract.ends_on >= starts[0], Contract.ends_on < horizon)
    ).all()
    per_month = {}
    for application_id, day in ends:
        per_month.setdefault(date(day.year, day.month, 1), set()).add(application_id)
    return [Count(start, start.isoformat()[:7], len(per_month.get(start, ()))) for start in starts]


def key_figures(session, today):
    """Every key figure: a fixed number of queries whatever the size of the registers, kept until
    the next write (figure_cache)."""
    return cached(session, "key figures", lambda: _key_figures(session, today), today)


def _key_figures(session, today):
    from portfolio.budget.overview import Totals

    years = totals_per_year(session)
    measures = compliance.counted_measures(session)
    return KeyFigures(
        statuses=application_statuses(session),
        domains=application_domains(session),
        phases=procurement_phases(session),
        years=years,
        this_year=next((row for row in years if row.name == today.year), Totals(today.year)),
        organisations=compliance.per_organisation(session, measures),
        chapters=compliance.per_chapter(session, measures),
        contract_ends=contract_ends(session, today),
    )
