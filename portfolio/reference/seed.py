"""The reference data every installation starts with; adding it again changes nothing."""

from sqlmodel import select

from portfolio.reference.models import Domain, Organisation

ORGANISATIONS = ("Diemen", "Ouder-Amstel", "Uithoorn", "Duo+")

DOMAINS = (
    "Burgerzaken",
    "Financiën",
    "Beheer Openbare Ruimte",
    "Sociaal Domein",
    "Geo-informatie",
    "Zaak- en archiefsysteem",
    "Belastingen",
    "Vergunningen, Toezicht en Handhaving",
    "Bedrijfsvoering",
    "Werkplek en infrastructuur",
)


def seed_reference_data(session):
    """Add the organisations and domains that are missing (by name); return how many were added."""
    added = 0
    existing = set(session.exec(select(Organisation.name)).all())
    for position, name in enumerate(ORGANISATIONS):
        if name not in existing:
            session.add(Organisation(name=name, position=position))
            added += 1
    existing = set(session.exec(select(Domain.name)).all())
    for name in DOMAINS:
        if name not in existing:
            session.add(Domain(name=name))
            added += 1
    session.flush()
    return added
