"""Demo applications: exactly what the source document (shared/seed) says, nothing invented.

Fields the document does not give stay empty. Loading again changes nothing: records are found
by name first.
"""

from sqlmodel import select

from portfolio.applications import services
from portfolio.applications.enums import Hosting, LifecycleStatus
from portfolio.applications.models import Application
from portfolio.reference.models import Domain
from portfolio.suppliers.services import find_or_create_supplier

HOME_WORKING = (
    "Digitale thuiswerkomgeving. Vanwege het grootschalige thuiswerken opgeschaald van circa 50 naar "
    "een piekbelasting van circa 350 gelijktijdige gebruikers, en uitgebreid met enkele grafisch zware "
    "toepassingen die daarvoor alleen op kantoor beschikbaar waren. Door autoscaling wordt alleen "
    "betaald voor wie daadwerkelijk is ingelogd."
)

# (name, domain, supplier, product, extra fields)
APPLICATIONS = (
    ("Burgerzaken", "Burgerzaken", "PinkRoccade", None, {}),
    ("Centric Key", "Financiën", "Centric", "Key", {}),
    ("GBOR", "Beheer Openbare Ruimte", None, "GBOR", {}),
    ("Centric Suite", "Sociaal Domein", "Centric", "Suite", {}),
    ("BAG", "Geo-informatie", None, None, {}),
    ("BGT", "Geo-informatie", None, None, {}),
    ("ESB", "Geo-informatie", None, None, {}),
    ("InProces", "Zaak- en archiefsysteem", None, "InProces", {}),
    ("Belastingen", "Belastingen", None, None, {"hosting": Hosting.OUTSOURCED.value, "hosting_party": "Amstelland"}),
    ("Thuiswerkomgeving", "Werkplek en infrastructuur", None, None, {"description": HOME_WORKING}),
)


def load_demo_applications(session):
    """Add the document's applications that are missing; return how many were added."""
    domains = {domain.name: domain.id for domain in session.exec(select(Domain)).all()}
    existing = set(session.exec(select(Application.name)).all())
    added = 0
    for name, domain, supplier_name, product, extra in APPLICATIONS:
        if name in existing:
            continue
        supplier = find_or_create_supplier(session, supplier_name) if supplier_name else None
        services.create_application(
            session,
            data={
                "name": name,
                "domain_id": domains[domain],
                "supplier_id": supplier.id if supplier else None,
                "product": product,
                "lifecycle_status": LifecycleStatus.PRODUCTION.value,
                **extra,
            },
        )
        added += 1
    return added
