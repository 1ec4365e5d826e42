"""Pages of the security register: the CISO's overview, the measure list, a measure's page,
create, edit, archive and the list's exports."""

from types import SimpleNamespace

from flask import Response, abort, render_template, request, send_file, url_for
from flask_babel import gettext as _
from sqlmodel import select

from portfolio.web import security_events
from portfolio.applications.models import Application
from portfolio.core.audit.history import history_for
from portfolio.web.permissions import Permission, requires
from portfolio.web.edit_pages import archive_page, form_page, restore_and_return
from portfolio.core.db import get_session
from portfolio.core.dates import local_today
from portfolio.reference.services import all_organisations
from portfolio.security import compliance, export, listing, services
from portfolio.security.enums import EvidenceKind, MeasureStatus, Overseer, Priority
from portfolio.security.forms import MeasureEditForm, MeasureFilterForm, MeasureForm
from portfolio.security.models import Framework, Requirement
from portfolio.web.routing import Routes

routes = Routes()
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@routes.app_context_processor
def security_labels():
    """The security enumerations for templates (also the application page's panel)."""
    from portfolio.security.applicability import GAP_LABELS, REASON_LABELS

    return {
        "security_enums": SimpleNamespace(
            MeasureStatus=MeasureStatus, Priority=Priority, Overseer=Overseer, EvidenceKind=EvidenceKind),
        "security_panel_reasons": REASON_LABELS,
        "security_panel_gaps": GAP_LABELS,
    }


@routes.errorhandler(413)
def too_large(error):
    """An upload above MAX_CONTENT_LENGTH: say so in words, next to the evidence limit."""
    from portfolio.web.errors import render_error
    from portfolio.security.evidence.storage import max_bytes

    return render_error(413, _("Het bestand is te groot. Bewijsstukken mogen hoogstens %(mb)d MB zijn.",
                               mb=max_bytes() // 2**20))



def frameworks(session):
    return session.exec(select(Framework).order_by(Framework.name)).all()


def applications_for_choice(session):
    return session.exec(select(Application).where(Application.archived.is_(False)).order_by(Application.name)).all()


@routes.route("/")
@requires(Permission.READ_REGISTER)
def index():
    return render_template("security/index.html", overview=compliance.overview(get_session(), local_today()))


def filter_form():
    session = get_session()
    return MeasureFilterForm(
        request.args, frameworks=frameworks(session), users=services.assignable_users(session),
        applications=listing.linked_applications(session), organisations=all_organisations(session),
    )


@routes.route("/measures/")
@requires(Permission.READ_REGISTER)
def measures():
    form = filter_form()
    if not form.validate():
        return render_template("security/measures.html", form=form, page=None), 400
    page = listing.list_measures(get_session(), form.to_filter(), page=form.page.data or 1, today=local_today())
    return render_template("security/measures.html", form=form, page=page, today=local_today())


def _validated_filter():
    form = filter_form()
    if not form.validate():
        abort(400)
    return form.to_filter()


@routes.route("/measures/export.csv")
@requires(Permission.READ_REGISTER)
def measures_csv():
    on = local_today()
    body = export.measures_csv(listing.iter_filtered(get_session(), _validated_filter(), today=on), on)
    security_events.record(security_events.PERSONAL_DATA_EXPORT, outcome="success", export="measures_csv")
    return Response(body.encode("utf-8"), headers={
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="maatregelen-{on.isoformat()}.csv"',
    })


@routes.route("/measures/export.xlsx")
@requires(Permission.READ_REGISTER)
def measures_xlsx():
    on = local_today()
    handle = export.measures_xlsx(listing.iter_filtered(get_session(), _validated_filter(), today=on), on)
    security_events.record(security_events.PERSONAL_DATA_EXPORT, outcome="success", export="measures_xlsx")
    return send_file(handle, mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=f"maatregelen-{on.isoformat()}.xlsx")


def measure_or_404(measure_id):
    return services.get_measure(get_session(), measure_id) or abort(404)


@routes.route("/measures/<int:measure_id>")
@requires(Permission.READ_REGISTER)
def measure_detail(measure_id):
    from flask_login import current_user

    session = get_session()
    measure = measure_or_404(measure_id)
    return render_template(
        "security/measure_detail.html", measure=measure, today=local_today(),
        may_update=services.may_update(current_user, measure),
        evidence=sorted(measure.evidence, key=lambda e: (e.archived, e.dated_on), reverse=False),
        history_entries=history_for(session, measure, *measure.evidence),
    )


def _form_choices(session, measure=None):
    requirements = session.exec(
        select(Requirement).join(Framework).order_by(Framework.name, Requirement.position, Requirement.reference)
    ).all()
    kept = {link.requirement_id for link in measure.requirement_links} if measure else set()
    return {
        "requirements": [r for r in requirements if not r.withdrawn or r.id in kept],
        "users": services.assignable_users(session, keep=measure.assignee_id if measure else None),
        "applications": applications_for_choice(session),
        "organisations": all_organisations(session),
    }


@routes.route("/measures/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_SECURITY)
def measure_create():
    session = get_session()
    form = MeasureForm(**_form_choices(session))
    return form_page(
        form, "security/measure_form.html",
        lambda f: services.create_measure(session, data=f.data_for_service(), links=f.links(), today=local_today()),
        success=lambda m: _("Maatregel %(title)s aangemaakt.", title=m.title),
        redirect_to=lambda m: url_for("security.measure_detail", measure_id=m.id), measure=None,
    )


@routes.route("/measures/<int:measure_id>/edit", methods=["GET", "POST"])
@requires(Permission.MANAGE_SECURITY)
def measure_edit(measure_id):
    session = get_session()
    measure = measure_or_404(measure_id)
    form = MeasureEditForm(obj=measure, **_form_choices(session, measure))
    if request.method == "GET":
        form.requirement_ids.data = [link.requirement_id for link in measure.requirement_links]
        form.application_ids.data = [link.application_id for link in measure.application_links]
        form.organisation_ids.data = [link.organisation_id for link in measure.organisation_links]
    return form_page(
        form, "security/measure_form.html",
        lambda f: services.update_measure(session, measure, data=f.data_for_service(), links=f.links(),
                                          loaded_version=f.loaded_version, today=local_today()),
        success=_("Maatregel opgeslagen."),
        redirect_to=url_for("security.measure_detail", measure_id=measure.id), measure=measure,
    )


@routes.route("/measures/<int:measure_id>/archive", methods=["GET", "POST"])
@requires(Permission.MANAGE_SECURITY)
def measure_archive(measure_id):
    measure = measure_or_404(measure_id)
    return archive_page(
        measure, title=_("Maatregel %(title)s archiveren", title=measure.title),
        success=_("Maatregel %(title)s gearchiveerd.", title=measure.title),
        back=url_for("security.measure_detail", measure_id=measure.id),
    )


@routes.route("/measures/<int:measure_id>/restore", methods=["POST"])
@requires(Permission.MANAGE_SECURITY)
def measure_restore(measure_id):
    measure = measure_or_404(measure_id)
    return restore_and_return(measure, success=_("Maatregel %(title)s teruggezet.", title=measure.title),
                              back=url_for("security.measure_detail", measure_id=measure.id))
