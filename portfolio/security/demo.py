"""Demo data of the security register: the security organisation (CISO, FG, privacy officer) as
accounts with random passwords, the example catalogue (not official BIO text) and a handful of
measures assigned to I&A in different states, linked to the demo applications.

Loading again adds nothing that exists already (users by e-mail, the catalogue by code, measures
by title).
"""

import secrets
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import select

from portfolio.core.dates import months_before
from portfolio.applications.enums import BivLevel, EnsiaSubject
from portfolio.applications.models import Application
from portfolio.web.permissions import Role
from portfolio.auth.models import User
from portfolio.security import services
from portfolio.security.catalogues import services as catalogue_import
from portfolio.security.enums import EvidenceKind, MeasureStatus, Overseer, Priority
from portfolio.security.models import Evidence, Framework, Measure, Requirement
from portfolio.users.services import create_user

CATALOGUE = Path(__file__).parent / "catalogues" / "voorbeeld-catalogus.csv"
CATALOGUE_CODE = "VOORBEELD"
CATALOGUE_NAME = "Voorbeeldcatalogus (geen officiële BIO-tekst)"

# (e-mail, name, role): the security organisation in the Staf, and an I&A colleague who carries out measures.
USERS = (
    ("ciso@duoplus.example", "CISO (demo)", Role.CISO),
    ("fg@duoplus.example", "Functionaris gegevensbescherming (demo)", Role.PRIVACY),
    ("privacy@duoplus.example", "Privacy officer (demo)", Role.PRIVACY),
    ("ia-medewerker@duoplus.example", "I&A-medewerker (demo)", Role.EDITOR),
)


def _measures(today):
    """(title, requirement references, application names, fields, evidence text or None)."""
    return (
        ("Informatiebeveiligingsbeleid vaststellen en jaarlijks herzien", ["VB-5.1", "VB-5.2"], [], {
            "overseer": Overseer.CISO, "status": MeasureStatus.IMPLEMENTED, "priority": Priority.HIGH,
            "applies_to_all": True, "review_interval_months": 12, "next_review_on": months_before(today, -10),
            "ensia_subjects": [EnsiaSubject.BIO.value],
        }, "Beleid vastgesteld door de directie (voorbeeld)."),
        ("Meerfactorauthenticatie op de thuiswerkomgeving", ["VB-8.5"], ["Thuiswerkomgeving"], {
            "overseer": Overseer.CISO, "status": MeasureStatus.IN_PROGRESS, "priority": Priority.HIGH,
            "due_on": today + timedelta(days=20), "min_confidentiality": BivLevel.HIGH.value,
            "ensia_subjects": [EnsiaSubject.BIO.value, EnsiaSubject.DIGID.value],
        }, None),
        ("Hersteltest van de back-up van Burgerzaken", ["VB-8.13"], ["Burgerzaken"], {
            "overseer": Overseer.CISO, "status": MeasureStatus.NOT_STARTED, "priority": Priority.MEDIUM,
            "due_on": today - timedelta(days=14), "min_availability": BivLevel.HIGH.value,
            "ensia_subjects": [EnsiaSubject.BRP.value],
        }, None),
        ("Logging en monitoring van de ESB", ["VB-8.15"], ["ESB"], {
            "overseer": Overseer.CISO, "status": MeasureStatus.POSTPONED, "priority": Priority.MEDIUM,
            "status_reason": "Wacht op de vervanging van de ESB (voorbeeld).",
            "postponed_until": months_before(today, -6), "ensia_subjects": [EnsiaSubject.SUWINET.value],
        }, None),
        ("Beveiligingsafspraken met Amstelland over Belastingen", ["VB-5.19"], ["Belastingen"], {
            "overseer": Overseer.FG, "status": MeasureStatus.NOT_APPLICABLE, "priority": Priority.LOW,
            "status_reason": "Belastingen is uitbesteed aan Amstelland; de afspraken liggen daar (voorbeeld).",
            "ensia_subjects": [EnsiaSubject.WOZ.value],
        }, None),
        ("Bewustwordingstraining privacy en informatiebeveiliging", ["VB-6.3"], [], {
            "overseer": Overseer.PRIVACY_OFFICER, "status": MeasureStatus.IN_PROGRESS, "priority": Priority.MEDIUM,
            "applies_to_all": True, "due_on": months_before(today, -3), "ensia_subjects": [EnsiaSubject.BIO.value],
        }, None),
    )


def load_demo_users(session):
    """Create the demo accounts that are missing; return [(e-mail, password)] of the new ones."""
    created = []
    for email, name, role in USERS:
        if session.exec(select(User.id).where(User.email == email)).first() is not None:
            continue
        password = secrets.token_urlsafe(15)
        create_user(session, email=email, name=name, role=role.value, password=password)
        created.append((email, password))
    return created


def ensure_example_catalogue(session):
    """Import the example catalogue unless it is there already."""
    if session.exec(select(Framework.id).where(Framework.code == CATALOGUE_CODE)).first() is None:
        catalogue_import.import_catalogue(session, CATALOGUE.read_bytes(), CATALOGUE.name, code=CATALOGUE_CODE,
                                          name=CATALOGUE_NAME)


def load_demo_security(session, today=None):
    """Users, the example catalogue and the measures; returns (added measures, new accounts)."""
    today = today or date.today()
    accounts = load_demo_users(session)
    ensure_example_catalogue(session)
    requirements = {r.reference: r.id for r in session.exec(
        select(Requirement).join(Framework).where(Framework.code == CATALOGUE_CODE)).all()}
    applications = {a.name: a.id for a in session.exec(select(Application)).all()}
    assignee = session.exec(select(User).where(User.email == USERS[-1][0])).first()
    existing = set(session.exec(select(Measure.title)).all())
    added = 0
    for title, references, names, fields, evidence in _measures(today):
        if title in existing:
            continue
        data = {"title": title, "team": "I&A", "assignee_id": assignee.id if assignee else None, **fields}
        links = {
            "requirement_ids": [requirements[r] for r in references if r in requirements],
            "application_ids": [applications[n] for n in names if n in applications],
            "organisation_ids": [],
        }
        measure = services.create_measure(session, data={k: (v.value if hasattr(v, "value") else v)
                                                         for k, v in data.items()}, links=links, today=today)
        if evidence:
            session.add(Evidence(measure_id=measure.id, kind=EvidenceKind.TEXT.value, description=evidence,
                                 dated_on=today - timedelta(days=60)))
        added += 1
    session.flush()
    return added, accounts
