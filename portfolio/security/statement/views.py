"""The statement of applicability per organisation and framework (page and XLSX), and the ENSIA
export per organisation and subject."""

from flask import abort, render_template, request, send_file
from flask_babel import gettext as _

from portfolio.web.permissions import Permission, requires
from portfolio.core.db import get_session
from portfolio.core.dates import local_today
from portfolio.reference.models import Organisation
from portfolio.reference.services import all_organisations
from portfolio.security import export
from portfolio.security.statement import services as statement
from portfolio.security.statement.forms import StatementForm
from portfolio.security.models import Framework
from portfolio.security.views import XLSX_MIMETYPE, frameworks
from portfolio.web.routing import Routes


routes = Routes()


def _form():
    session = get_session()
    return StatementForm(request.args, frameworks=frameworks(session), organisations=all_organisations(session))


def _chosen(form, *, need_framework):
    """(organisation, framework) when the form is complete, else None."""
    if not request.args or not form.validate():
        return None
    if need_framework and form.framework.data is None:
        form.framework.errors = list(form.framework.errors) + [_("Dit veld is verplicht.")]
        return None
    session = get_session()
    organisation = session.get(Organisation, form.organisation.data)
    framework = session.get(Framework, form.framework.data) if form.framework.data else None
    return organisation, framework


@routes.route("/statement")
@requires(Permission.READ_REGISTER)
def statement_page():
    form = _form()
    chosen = _chosen(form, need_framework=True)
    rows = statement.statement_of_applicability(get_session(), chosen[1], chosen[0]) if chosen else None
    status = 400 if request.args and chosen is None else 200
    return render_template("security/statement.html", form=form, rows=rows,
                           organisation=chosen[0] if chosen else None, framework=chosen[1] if chosen else None), status


@routes.route("/statement.xlsx")
@requires(Permission.READ_REGISTER)
def statement_xlsx():
    form = _form()
    chosen = _chosen(form, need_framework=True)
    if chosen is None:
        abort(400)
    organisation, framework = chosen
    handle = export.statement_xlsx(statement.statement_of_applicability(get_session(), framework, organisation))
    name = f"toepasselijkheid-{_slug(organisation.name)}-{_slug(framework.code)}-{local_today().isoformat()}.xlsx"
    return send_file(handle, mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=name)


@routes.route("/ensia")
@requires(Permission.READ_REGISTER)
def ensia_page():
    form = _form()
    chosen = _chosen(form, need_framework=False)
    pairs = statement.ensia_measures(get_session(), chosen[0], form.ensia.data or None) if chosen else None
    status = 400 if request.args and chosen is None else 200
    return render_template("security/ensia.html", form=form, pairs=pairs, today=local_today(),
                           organisation=chosen[0] if chosen else None), status


@routes.route("/ensia.xlsx")
@requires(Permission.READ_REGISTER)
def ensia_xlsx():
    form = _form()
    chosen = _chosen(form, need_framework=False)
    if chosen is None:
        abort(400)
    organisation = chosen[0]
    subject = form.ensia.data or None
    handle = export.ensia_xlsx(statement.ensia_measures(get_session(), organisation, subject), local_today())
    name = f"ensia-{_slug(organisation.name)}-{_slug(subject or 'alle')}-{local_today().isoformat()}.xlsx"
    return send_file(handle, mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=name)


def _slug(text):
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-") or "x"
