"""Demo procurements: the three packages the source document plans to procure and implement in 2022.

The document gives their estimated implementation costs ("al naar gelang uitkomst aanbesteding")
and that external hire is needed for a new core package (VTH); phases, dates and procedures are
not given, so they stay at the start of the road and empty.
"""

from sqlmodel import select

from portfolio.procurements import services
from portfolio.procurements.models import Procurement
from portfolio.reference.models import Domain

BUDGET_YEAR = 2022
# (title, domain or None, estimated implementation cost in cents, external hire needed)
PROCUREMENTS = (
    ("Intranet", None, 2_500_000, False),
    ("Omgevingsplannen", None, 5_000_000, False),
    ("Vergunningen, Toezicht & Handhaving (VTH)", "Vergunningen, Toezicht en Handhaving", 10_000_000, True),
)
VTH_NOTE = (
    "VTH is een van de kernapplicaties; de implementatie van een eventueel nieuw pakket is een "
    "majeure operatie die ook externe inhuur vereist (bijvoorbeeld projectleiding en/of "
    "materiedeskundigheid)."
)


def load_demo_procurements(session):
    """Add the document's procurements that are missing; return how many were added."""
    existing = set(session.exec(select(Procurement.title)).all())
    domains = {domain.name: domain.id for domain in session.exec(select(Domain)).all()}
    added = 0
    for title, domain, estimate, external in PROCUREMENTS:
        if title in existing:
            continue
        services.create_procurement(
            session,
            data={
                "title": title,
                "domain_id": domains.get(domain) if domain else None,
                "estimated_cost_cents": estimate,
                "budget_year": BUDGET_YEAR,
                "external_project_lead_needed": external,
                "external_expertise_needed": external,
                "description": VTH_NOTE if external else None,
            },
        )
        added += 1
    return added
