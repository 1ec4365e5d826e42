"""Pages of the application register: the list, an application's page, create, edit, archive."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from portfolio.applications import listing, services
from portfolio.applications.deadlines import action_needed_by, notice_deadline
from portfolio.applications.diagram import dependency_diagram
from portfolio.applications.forms import (
    ApplicationEditForm, ApplicationFilterForm, ApplicationForm, BulkChangeForm,
)
from portfolio.applications.related.services import supplier_choices, suppliers_for_choice
from portfolio.core.audit.history import history_for
from portfolio.web.permissions import Permission, can, requires
from portfolio.web.edit_pages import archive_page, form_page, restore_and_return
from portfolio.core.db import get_session
from portfolio.core.dates import local_today
from portfolio.privacy.chain import panel_for_application
from portfolio.reference.services import active_domains, all_organisations
from portfolio.security import applicability
from portfolio.web.routing import Routes

routes = Routes()



def lead_months():
    return current_app.config["PROCUREMENT_LEAD_MONTHS"]


def filter_form():
    session = get_session()
    return ApplicationFilterForm(
        request.args,
        domains=active_domains(session),
        suppliers=supplier_choices(session),
        organisations=all_organisations(session),
    )


@routes.route("/")
@requires(Permission.READ_REGISTER)
def index():
    form = filter_form()
    if not form.validate():
        return render_template("applications/index.html", form=form, page=None, bulk=BulkChangeForm()), 400
    page = listing.list_applications(
        get_session(), form.to_filter(), page=form.page.data or 1, today=local_today(), lead_months=lead_months()
    )
    return render_template(
        "applications/index.html", form=form, page=page, bulk=BulkChangeForm(formdata=None), today=local_today()
    )


@routes.route("/bulk", methods=["POST"])
@requires(Permission.WRITE_REGISTER)
def bulk():
    form = BulkChangeForm()
    back = request.form.get("back", "")
    back = back if back.startswith("/applications/") else url_for("applications.index")
    if not form.validate():
        for errors in form.errors.values():
            for message in errors:
                flash(message, "error")
        return redirect(back)
    changed, refused = services.bulk_update(
        get_session(),
        application_ids=form.selected.data,
        changes=form.changes(),
        may_change=lambda application: can(current_user, Permission.WRITE_REGISTER),
    )
    flash(ngettext("%(num)d applicatie gewijzigd.", "%(num)d applicaties gewijzigd.", len(changed)), "success")
    if refused:
        flash(ngettext("%(num)d applicatie niet gewijzigd (gearchiveerd of onbekend).",
                       "%(num)d applicaties niet gewijzigd (gearchiveerd of onbekend).", len(refused)), "warning")
    return redirect(back)


def _form_choices(session, application=None):
    """Suppliers and domains to choose from; an edited application keeps its own even when that
    supplier was archived or that domain deactivated since."""
    if application is None:
        return {"suppliers": suppliers_for_choice(session), "domains": active_domains(session)}
    domains = active_domains(session)
    if application.domain_id not in {domain.id for domain in domains}:
        domains = [*domains, application.domain]
    return {"suppliers": suppliers_for_choice(session, keep=application.supplier_id), "domains": domains}


@routes.route("/new", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def create():
    session = get_session()
    form = ApplicationForm(**_form_choices(session))
    return form_page(
        form,
        "applications/form.html",
        lambda f: services.create_application(session, data=f.data_for_service()),
        success=lambda application: _("Applicatie %(name)s aangemaakt.", name=application.name),
        redirect_to=lambda application: url_for("applications.detail", application_id=application.id),
        application=None,
    )


def _application_or_404(application_id):
    return services.get_application(get_session(), application_id) or abort(404)


@routes.route("/<int:application_id>")
@requires(Permission.READ_REGISTER)
def detail(application_id):
    session = get_session()
    application = _application_or_404(application_id)
    outgoing, incoming = services.integrations_of(session, application)
    contracts = sorted(application.contracts, key=lambda c: (c.archived, c.ends_on or local_today()))
    return render_template(
        "applications/detail.html",
        application=application,
        contracts=contracts,
        usages=sorted(application.usages, key=lambda u: u.organisation.position),
        outgoing=outgoing,
        incoming=incoming,
        diagram=dependency_diagram(application, outgoing, incoming),
        action_needed_by=action_needed_by(application, application.contracts, lead_months()),
        notice_deadline=notice_deadline,
        yearly_cost=services.yearly_structural_cost(application.contracts),
        history_entries=history_for(
            session, application, *application.usages, *application.contracts, *outgoing
        ),
        privacy_panel=panel_for_application(session, application, current_user),
        today=local_today(),
        security_panel=applicability.panel_for_application(session, application, local_today()),
    )


@routes.route("/<int:application_id>/edit", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def edit(application_id):
    session = get_session()
    application = _application_or_404(application_id)
    form = ApplicationEditForm(obj=application, **_form_choices(session, application))
    return form_page(
        form,
        "applications/form.html",
        lambda f: services.update_application(
            session, application, data=f.data_for_service(), loaded_version=f.loaded_version
        ),
        success=_("Applicatie opgeslagen."),
        redirect_to=url_for("applications.detail", application_id=application.id),
        application=application,
    )


@routes.route("/<int:application_id>/archive", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def archive(application_id):
    application = _application_or_404(application_id)
    back = url_for("applications.detail", application_id=application.id)
    return archive_page(
        application, title=_("Applicatie %(name)s archiveren", name=application.name),
        success=_("Applicatie %(name)s gearchiveerd.", name=application.name), back=back,
    )


@routes.route("/<int:application_id>/restore", methods=["POST"])
@requires(Permission.WRITE_REGISTER)
def restore(application_id):
    application = _application_or_404(application_id)
    return restore_and_return(
        application, success=_("Applicatie %(name)s teruggezet.", name=application.name),
        back=url_for("applications.detail", application_id=application.id),
    )
