"""Reading and keeping the reference lists."""

from sqlmodel import select

from portfolio.reference.models import Domain, Organisation


def active_domains(session):
    return session.exec(select(Domain).where(Domain.active.is_(True)).order_by(Domain.name)).all()


def all_organisations(session):
    return session.exec(select(Organisation).order_by(Organisation.position, Organisation.name)).all()
