"""One commit per request, only when the view returned without raising (core.db): a refused form
leaves nothing behind, on SQLite and on PostgreSQL (run with --db)."""

import pytest
from jinja2 import ChoiceLoader, DictLoader
from flask_wtf import FlaskForm
from sqlmodel import func, select
from wtforms import StringField

from portfolio.core.audit.models import AuditEntry
from portfolio.core.db import get_session
from portfolio.core.exceptions import FieldErrors
from portfolio.suppliers.models import Supplier
from portfolio.suppliers.services import create_supplier
from portfolio.web.edit_pages import form_page
from portfolio.web.permissions import Permission, requires

PAGE = "{% for field in form %}{{ field.errors|join(', ') }}{% endfor %}"


class NameForm(FlaskForm):
    name = StringField()


def _refusing_save(form):
    """Writes a supplier, then refuses: as a service that flushes part of a change and then says no."""
    create_supplier(get_session(), data={"name": form.name.data})
    raise FieldErrors({"name": ["Deze naam kan niet."]})


@pytest.fixture
def app_config():
    """A failing view answers 500 as in production, instead of raising into the test."""
    return {"PROPAGATE_EXCEPTIONS": False}


@pytest.fixture
def app(app):
    """The app with three test routes that write a supplier and then end in three ways."""

    @requires(Permission.WRITE_REGISTER)
    def refused_form():
        return form_page(NameForm(), "test_form.html", _refusing_save, success="", redirect_to="/")

    @requires(Permission.WRITE_REGISTER)
    def raises_after_writing():
        create_supplier(get_session(), data={"name": "Halverwege"})
        raise RuntimeError("the view fails after a flush")

    @requires(Permission.WRITE_REGISTER)
    def answers_400_after_writing():
        create_supplier(get_session(), data={"name": "Bewaard ondanks 400"})
        return "refused, but the view finished", 400

    app.jinja_env.loader = ChoiceLoader([app.jinja_env.loader, DictLoader({"test_form.html": PAGE})])
    app.add_url_rule("/test/refused-form", view_func=refused_form, methods=["POST"])
    app.add_url_rule("/test/raises", view_func=raises_after_writing, methods=["POST"])
    app.add_url_rule("/test/answers-400", view_func=answers_400_after_writing, methods=["POST"])
    return app


def _suppliers_and_entries(db, name):
    with db() as session:
        suppliers = session.exec(select(func.count()).select_from(Supplier).where(Supplier.name == name)).one()
        entries = session.exec(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity_type == "supplier")
        ).one()
    return suppliers, entries


def test_a_form_the_service_refused_leaves_nothing_behind(client_as, db):
    client = client_as("editor")
    response = client.post("/test/refused-form", data={"name": "Weggegooid"})
    assert response.status_code == 400
    assert _suppliers_and_entries(db, "Weggegooid") == (0, 0)


def test_a_view_that_raises_after_writing_commits_nothing(client_as, db):
    client = client_as("editor")
    response = client.post("/test/raises")
    assert response.status_code == 500
    assert _suppliers_and_entries(db, "Halverwege") == (0, 0)


def test_a_view_that_returns_commits_whatever_its_status(client_as, db):
    """The status code does not decide: a view that finished keeps its writes (as a counted failed
    login must, answering 400), with their audit entry."""
    client = client_as("editor")
    response = client.post("/test/answers-400")
    assert response.status_code == 400
    assert _suppliers_and_entries(db, "Bewaard ondanks 400") == (1, 1)


def test_a_refused_real_form_leaves_nothing_behind(client_as, db):
    """A real edit page: a supplier whose name another supplier has already is refused at the
    service, and the request writes nothing (no supplier, no audit entry)."""
    client = client_as("editor")
    assert client.post("/suppliers/new", data={"name": "Centric"}).status_code == 302
    before = _suppliers_and_entries(db, "CENTRIC")
    response = client.post("/suppliers/new", data={"name": "CENTRIC"})
    assert response.status_code == 400
    assert _suppliers_and_entries(db, "CENTRIC") == before == (0, 1)
