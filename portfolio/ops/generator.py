"""`flask --app portfolio demo generate`: a large, reproducible register for benchmarks.

The same seed gives the same register. Rows are written with bulk Core inserts, which the audit
listener does not see: a generated register is not a user's work. Its audit log is generated too
(ten entries per application), chained onto the existing log so that `audit verify` holds.
Dates are counted from ANCHOR, not from today, so that a seed always gives the same rows.
"""

import random
from functools import cache
from datetime import date, datetime, timedelta, UTC

from sqlalchemy import func, select, text

from portfolio.applications import enums
from portfolio.applications.models import Application, Contract, Integration, Usage
from portfolio.core.audit.capture import GENESIS_HASH, entry_hash
from portfolio.core.audit.models import AuditEntry
from portfolio.budget.models import BudgetLine, LineKind, LineStatus, OrganisationShare, YearAmount
from portfolio.privacy.enums import DpiaRequired, LegalBasis
from portfolio.privacy.models import ProcessingActivity, ProcessingApplication
from portfolio.procurements.enums import Phase
from portfolio.procurements.models import Procurement
from portfolio.reference.models import Domain, Organisation
from portfolio.security.enums import EvidenceKind, MeasureStatus, Overseer, Priority
from portfolio.security.models import Evidence, Measure, MeasureApplication, MeasureRequirement, Requirement
from portfolio.suppliers.models import Supplier

ANCHOR = date(2026, 11, 1)
MEASURES = 2_000
AUDIT_ENTRIES_PER_APPLICATION = 10
CHUNK = 5_000


class RegisterNotEmpty(Exception):
    """Generating needs a register without applications (names must stay unique)."""


def generate_register(session, *, applications, seed, measures=MEASURES):
    """Add `applications` applications and everything around them (and `measures` measures);
    returns the number of rows per kind. Ids follow the rows already there, so a register can be
    grown; `demo generate` itself only fills an empty one (see generate_into_empty_register)."""
    rng = random.Random(seed)
    connection = session.connection()
    organisations = connection.execute(select(Organisation.id).order_by(Organisation.position)).scalars().all()
    domains = connection.execute(select(Domain.id).order_by(Domain.id)).scalars().all()
    requirements = connection.execute(select(Requirement.id).order_by(Requirement.id)).scalars().all()
    counts = {}

    def ids(model, count):
        first = (connection.execute(select(func.max(model.id))).scalar() or 0) + 1
        return list(range(first, first + count))

    def insert(model, rows):
        table = model.__table__
        for start in range(0, len(rows), CHUNK):
            connection.execute(table.insert(), rows[start:start + CHUNK])
        counts[table.name] = counts.get(table.name, 0) + len(rows)

    supplier_ids = ids(Supplier, max(1, applications // 30))
    insert(Supplier, [{"id": i, "name": f"Leverancier {i:05d}", "website": f"https://leverancier-{i}.example"}
                      for i in supplier_ids])
    application_ids = ids(Application, applications)
    insert(Application, [_application(rng, i, supplier_ids, domains) for i in application_ids])
    pairs = [(app, org) for app in application_ids for org in rng.sample(organisations, rng.randint(1, 3))]
    insert(Usage, [
        {"id": i, "application_id": app, "organisation_id": org, "status": "active",
         "ensia_subjects": rng.sample(["BIO", "DigiD", "Suwinet", "BRP", "BAG"], rng.randint(0, 2))}
        for i, (app, org) in zip(ids(Usage, len(pairs)), pairs, strict=True)
    ])
    insert(Contract, [_contract(rng, i, app, supplier_ids) for i, app in zip(ids(Contract, applications), application_ids, strict=True)])
    sources = application_ids[: applications // 2] if applications > 1 else []
    insert(Integration, [
        {"id": i, "source_application_id": app,
         "target_application_id": application_ids[(n + rng.randint(1, applications - 1)) % applications],
         "direction": rng.choice(_values(enums.Direction)), "standard": rng.choice(["StUF", "ZGW API", "Haal Centraal"]),
         "via_esb": rng.random() < 0.5}
        for i, (n, app) in zip(ids(Integration, len(sources)), enumerate(sources), strict=True)
    ])
    _security(rng, insert, ids, measures, application_ids, requirements)
    _budget_and_procurements(rng, insert, ids, applications, application_ids, organisations)
    _privacy(rng, insert, ids, applications, application_ids, organisations)
    for rows in _audit_log(rng, connection, application_ids):
        insert(AuditEntry, rows)
    _advance_sequences(connection)
    return counts


def generate_into_empty_register(session, *, applications, seed):
    """generate_register for `demo generate`; raises RegisterNotEmpty when applications exist."""
    if session.execute(select(func.count()).select_from(Application)).scalar():
        raise RegisterNotEmpty()
    return generate_register(session, applications=applications, seed=seed)


@cache
def _values(enum):
    """The stored values of enum, in definition order (computed once: generation calls this often)."""
    return tuple(member.value for member in enum)


def _application(rng, i, supplier_ids, domains):
    level = lambda: rng.choice(_values(enums.BivLevel))  # noqa: E731
    return {
        "id": i, "name": f"Applicatie {i:06d}", "supplier_id": rng.choice(supplier_ids),
        "product": f"Product {rng.randint(1, 500)}", "product_version": f"{rng.randint(1, 12)}.{rng.randint(0, 9)}",
        "domain_id": rng.choice(domains), "description": f"Gegenereerde applicatie {i} voor de benchmark.",
        "lifecycle_status": rng.choice(_values(enums.LifecycleStatus)),
        "time_verdict": rng.choice(_values(enums.TimeVerdict)), "hosting": rng.choice(_values(enums.Hosting)),
        "availability": level(), "integrity": level(), "confidentiality": level(),
        "personal_data": rng.choice(_values(enums.PersonalData)),
        "supplier_support_ends": ANCHOR + timedelta(days=rng.randint(-200, 2_000)),
        "created_at": datetime(2025, 1, 1, tzinfo=UTC),
    }


def _contract(rng, i, application_id, supplier_ids):
    starts = ANCHOR - timedelta(days=rng.randint(0, 2_000))
    return {
        "id": i, "application_id": application_id, "supplier_id": rng.choice(supplier_ids), "number": f"C-{i:06d}",
        "contract_type": rng.choice(_values(enums.ContractType)), "starts_on": starts,
        "ends_on": starts + timedelta(days=rng.randint(365, 2_500)), "notice_months": rng.choice([1, 3, 6, 12]),
        "cost_cents": rng.randint(1_000, 250_000) * 100, "cost_period": rng.choice(_values(enums.CostPeriod)),
    }


def _security(rng, insert, ids, measures, application_ids, requirements):
    measure_ids = ids(Measure, measures)
    insert(Measure, [_measure(rng, i) for i in measure_ids])
    if requirements:
        insert(MeasureRequirement, [{"measure_id": i, "requirement_id": rng.choice(requirements)} for i in measure_ids])
    insert(MeasureApplication, [
        {"measure_id": i, "application_id": app}
        for i in measure_ids[::4] for app in set(rng.sample(application_ids, min(3, len(application_ids))))
    ])
    insert(Evidence, [_evidence(rng, i, measure) for i, measure in zip(ids(Evidence, measures), measure_ids, strict=True)])


def _measure(rng, i):
    """A measure that keeps the status rules: a reason where one is needed, a date when postponed."""
    status = rng.choice(list(MeasureStatus))
    return {
        "id": i, "title": f"Maatregel {i:05d}", "overseer": rng.choice(_values(Overseer)), "team": "I&A",
        "status": status.value,
        "status_reason": "Gegenereerd." if status in (MeasureStatus.NOT_APPLICABLE, MeasureStatus.POSTPONED) else None,
        "postponed_until": ANCHOR + timedelta(days=90) if status == MeasureStatus.POSTPONED else None,
        "priority": rng.choice(_values(Priority)), "due_on": ANCHOR + timedelta(days=rng.randint(-120, 400)),
        "applies_to_all": rng.random() < 0.05, "min_confidentiality": rng.choice([None, "medium", "high"]),
        "ensia_subjects": rng.sample(["BIO", "DigiD", "BRP"], 1), "created_at": datetime(2025, 1, 1, tzinfo=UTC),
    }


def _evidence(rng, evidence_id, measure_id):
    """Evidence dated in the past year, valid for one month to two years (some expired by ANCHOR)."""
    dated = ANCHOR - timedelta(days=rng.randint(0, 400))
    return {
        "id": evidence_id, "measure_id": measure_id, "kind": EvidenceKind.TEXT.value, "description": "Gegenereerd bewijs.",
        "dated_on": dated, "expires_on": dated + timedelta(days=rng.randint(30, 730)),
        "created_at": datetime(2025, 1, 1, tzinfo=UTC),
    }


def _budget_and_procurements(rng, insert, ids, applications, application_ids, organisations):
    procurement_ids = ids(Procurement, max(3, applications // 500))
    insert(Procurement, [
        {"id": i, "title": f"Aanbesteding {i:05d}", "phase": rng.choice(_values(Phase)),
         "budget_year": rng.choice([2025, 2026, 2027]), "estimated_cost_cents": rng.randint(10_000, 500_000) * 100}
        for i in procurement_ids
    ])
    line_ids = ids(BudgetLine, max(6, applications // 50))
    insert(BudgetLine, [
        {"id": i, "title": f"Begrotingspost {i:05d}", "kind": rng.choice(_values(LineKind)),
         "status": rng.choice(_values(LineStatus)), "category": rng.choice(["Licenties", "Hosting", "Projecten"]),
         "application_id": rng.choice(application_ids)}
        for i in line_ids
    ])
    insert(YearAmount, [
        {"budget_line_id": i, "year": year, "amount_cents": rng.randint(1_000, 200_000) * 100}
        for i in line_ids for year in (2025, 2026, 2027)
    ])
    share = 10_000 // len(organisations)
    insert(OrganisationShare, [
        {"budget_line_id": i, "organisation_id": org, "basis_points": share + (10_000 - share * len(organisations) if n == 0 else 0)}
        for i in line_ids for n, org in enumerate(organisations)
    ])


def _privacy(rng, insert, ids, applications, application_ids, organisations):
    activity_ids = ids(ProcessingActivity, max(3, applications // 20))
    insert(ProcessingActivity, [
        {"id": i, "organisation_id": rng.choice(organisations), "name": f"Verwerking {i:05d}",
         "purpose": "Gegenereerd doel.", "legal_basis": rng.choice(_values(LegalBasis)),
         "data_subjects": "Inwoners", "data_categories": "NAW-gegevens", "retention_period": "7 jaar",
         "dpia_required": rng.choice(_values(DpiaRequired)), "dpia_reason": "Gegenereerd."}
        for i in activity_ids
    ])
    insert(ProcessingApplication, [
        {"processing_id": i, "application_id": rng.choice(application_ids)} for i in activity_ids
    ])


def _audit_log(rng, connection, application_ids):
    """Ten update entries per application, chained onto the last existing entry, in chunks
    (a million rows at once would hold a gigabyte)."""
    previous = connection.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
    previous = previous or GENESIS_HASH
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    rows = []
    for n in range(len(application_ids) * AUDIT_ENTRIES_PER_APPLICATION):
        moment += timedelta(seconds=rng.randint(1, 600))
        row = {
            "at": moment, "actor_id": None, "actor_label": "generator", "entity_type": "application",
            "entity_id": str(application_ids[n % len(application_ids)]), "action": "update",
            "changes": {"description": [None, f"Wijziging {n}"]}, "reason": None, "prev_hash": previous,
        }
        row["hash"] = previous = entry_hash(row)
        rows.append(row)
        if len(rows) == CHUNK:
            yield rows
            rows = []
    if rows:
        yield rows


def _advance_sequences(connection):
    """PostgreSQL's id sequences do not see explicit ids: move them past the generated rows."""
    if connection.dialect.name != "postgresql":
        return
    for model in (Supplier, Application, Usage, Contract, Integration, Measure, Evidence, Procurement, BudgetLine,
                  ProcessingActivity):
        table = model.__tablename__
        # The table name comes from our own model list above, never from input.
        sql = f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM \"{table}\"), 1))"  # nosec B608
        connection.execute(text(sql))
