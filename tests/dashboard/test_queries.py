"""The start page reads in a fixed number of queries, whatever the size of the registers."""

from datetime import timedelta

from portfolio.applications.models import Application, Contract, Usage
from portfolio.reference.models import Domain, Organisation
from sqlmodel import select
from tests.conftest import sign_in


def _add_applications(db, day, count):
    """count more applications, each with a contract ending within two years and a usage."""
    with db() as session:
        domains = session.exec(select(Domain.id)).all()
        organisation = session.exec(select(Organisation.id)).first()
        for number in range(count):
            application = Application(name=f"Bulk {number}", domain_id=domains[number % len(domains)],
                                      lifecycle_status=("production", "planned", "phasing_out")[number % 3])
            session.add(application)
            session.flush()
            session.add(Contract(application_id=application.id, contract_type="sla",
                                 ends_on=day + timedelta(days=30 + number % 600), notice_months=number % 4))
            session.add(Usage(application_id=application.id, organisation_id=organisation, status="active"))


def _count(client, count_queries):
    with count_queries() as statements:
        response = client.get("/")
    assert response.status_code == 200
    return len(statements)


def test_the_same_number_of_queries_for_a_small_and_a_larger_register(app, db, data_set, day, count_queries):
    client = sign_in(app.test_client(), data_set.editor)
    small = _count(client, count_queries)
    _add_applications(db, day, 150)
    larger = _count(client, count_queries)
    assert small == larger
    assert larger < 45
