"""`demo generate`: a reproducible synthetic register that keeps the register's rules."""

from sqlmodel import Session, func, select

from portfolio.applications.models import Application, Contract
from portfolio.core.audit.models import AuditEntry
from portfolio.core.audit.history import verify_chain
from portfolio.core.db import get_engine
from portfolio.ops.generator import generate_register
from portfolio.security.models import Evidence, Measure
from portfolio.suppliers.models import Supplier


def generate(app, *args):
    return app.test_cli_runner().invoke(args=["demo", "generate", *args])


def test_a_register_of_n_applications_with_everything_around_it(app, db):
    result = generate(app, "--applications", "60", "--seed", "3")

    assert result.exit_code == 0, result.output
    with db() as session:
        count = lambda model: session.exec(select(func.count()).select_from(model)).one()  # noqa: E731
        assert count(Application) == 60
        assert count(Contract) == 60
        assert count(Measure) == 2_000 and count(Evidence) == 2_000
        changes = session.exec(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity_type == "application", AuditEntry.action == "update")).one()
        assert changes == 600
        report = verify_chain(session)
        assert report.first_broken_id is None, report


def test_records_made_after_generating_get_new_ids(app, db, editor):
    assert generate(app, "--applications", "30").exit_code == 0

    response = editor.post("/suppliers/new", data={"name": "Na het genereren"})

    assert response.status_code == 302
    with db() as session:
        assert session.exec(select(func.count()).select_from(Supplier)).one() == 2  # 30 // 30 generated + 1


def test_the_same_seed_gives_the_same_register_and_another_seed_another(app):
    def rows_generated(seed):
        with app.app_context(), Session(get_engine(app)) as session:
            generate_register(session, applications=40, seed=seed)
            rows = (
                session.exec(select(Application.name, Application.lifecycle_status, Application.supplier_id,
                                    Application.availability).order_by(Application.id)).all(),
                session.exec(select(Contract.ends_on, Contract.cost_cents).order_by(Contract.id)).all(),
                session.exec(select(Measure.status, Measure.due_on).order_by(Measure.id)).all(),
            )
            session.rollback()
        return rows

    assert rows_generated(9) == rows_generated(9)
    assert rows_generated(9) != rows_generated(10)


def test_a_register_with_applications_is_refused(app):
    assert generate(app, "--applications", "5").exit_code == 0

    result = generate(app, "--applications", "5")

    assert result.exit_code == 1
    assert "empty database" in result.output
