"""Pages of processing activities: the list, create, edit, archive and restore, and the art. 30
register of one organisation as XLSX."""

from flask import abort, current_app, render_template, request, send_file, url_for
from flask_babel import gettext as _

from portfolio.core.audit.history import history_for
from portfolio.core.db import get_session
from portfolio.core.dates import local_today
from portfolio.privacy import export, listing
from portfolio.privacy.processing import services
from portfolio.privacy.processing.forms import ProcessingEditForm, ProcessingFilterForm, ProcessingForm
from portfolio.privacy.services import applications_for_choice, suppliers_for_choice
from portfolio.reference.models import Organisation
from portfolio.reference.services import all_organisations
from portfolio.web import security_events
from portfolio.web.edit_pages import archive_page, form_page, restore_and_return
from portfolio.web.forms import RestoreForm
from portfolio.web.permissions import Permission, requires
from portfolio.web.routing import Routes

routes = Routes()
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@routes.route("/processing/")
@requires(Permission.READ_PRIVACY)
def processing_index():
    session = get_session()
    organisations = all_organisations(session)
    form = ProcessingFilterForm(request.args, organisations=organisations)
    if not form.validate():
        return render_template("privacy/processing_index.html", form=form, page=None, organisations=organisations), 400
    processing_filter = listing.ProcessingFilter(
        organisation_id=form.organisation.data, text=form.q.data, include_archived=form.archived.data,
    )
    page = listing.list_processing(session, processing_filter, page=form.page.data or 1)
    return render_template("privacy/processing_index.html", form=form, page=page, organisations=organisations)


def _processing_choices(session, processing=None):
    applications = [link.application_id for link in processing.application_links] if processing else []
    processors = [link.supplier_id for link in processing.processor_links] if processing else []
    return {
        "organisations": all_organisations(session),
        "applications": applications_for_choice(session, applications),
        "suppliers": suppliers_for_choice(session, processors),
    }


def _processing(processing_id):
    return services.get_processing(get_session(), processing_id) or abort(404)


@routes.route("/processing/new", methods=["GET", "POST"])
@requires(Permission.WRITE_PRIVACY)
def processing_create():
    session = get_session()
    form = ProcessingForm(**_processing_choices(session))
    return form_page(
        form, "privacy/processing_form.html",
        lambda f: services.create_processing(
            session, data=f.data_for_service(), application_ids=f.application_ids.data or [],
            processor_ids=f.processor_ids.data or [],
        ),
        success=lambda processing: _("Verwerking %(name)s aangemaakt.", name=processing.name),
        redirect_to=lambda processing: url_for("privacy.processing_detail", processing_id=processing.id),
        processing=None,
    )


@routes.route("/processing/<int:processing_id>")
@requires(Permission.READ_PRIVACY)
def processing_detail(processing_id):
    session = get_session()
    processing = _processing(processing_id)
    links = [*processing.application_links, *processing.processor_links]
    return render_template(
        "privacy/processing_detail.html", processing=processing,
        history_entries=history_for(session, processing, *links),
        restore_form=RestoreForm(formdata=None, obj=processing),
    )


@routes.route("/processing/<int:processing_id>/edit", methods=["GET", "POST"])
@requires(Permission.WRITE_PRIVACY)
def processing_edit(processing_id):
    session = get_session()
    processing = _processing(processing_id)
    form = ProcessingEditForm(
        obj=processing, **_processing_choices(session, processing),
        application_ids=[link.application_id for link in processing.application_links],
        processor_ids=[link.supplier_id for link in processing.processor_links],
    )
    return form_page(
        form, "privacy/processing_form.html",
        lambda f: services.update_processing(
            session, processing, data=f.data_for_service(), loaded_version=f.loaded_version,
            application_ids=f.application_ids.data or [], processor_ids=f.processor_ids.data or [],
        ),
        success=_("Verwerking opgeslagen."),
        redirect_to=url_for("privacy.processing_detail", processing_id=processing.id),
        processing=processing,
    )


@routes.route("/processing/<int:processing_id>/archive", methods=["GET", "POST"])
@requires(Permission.WRITE_PRIVACY)
def processing_archive(processing_id):
    processing = _processing(processing_id)
    return archive_page(
        processing, title=_("Verwerking %(name)s archiveren", name=processing.name),
        success=_("Verwerking gearchiveerd."),
        back=url_for("privacy.processing_detail", processing_id=processing.id),
    )


@routes.route("/processing/<int:processing_id>/restore", methods=["POST"])
@requires(Permission.WRITE_PRIVACY)
def processing_restore(processing_id):
    processing = _processing(processing_id)
    return restore_and_return(
        processing, success=_("Verwerking teruggezet."),
        back=url_for("privacy.processing_detail", processing_id=processing.id),
    )


@routes.route("/processing/export.xlsx")
@requires(Permission.READ_PRIVACY)
def processing_export():
    """The art. 30 register of one organisation (?organisation=<id>); 400 without a known one."""
    raw = request.args.get("organisation", "")
    if not raw.isdigit():
        abort(400)
    session = get_session()
    organisation = session.get(Organisation, int(raw)) or abort(400)
    contacts = current_app.config["PRIVACY_CONTACTS"].get(organisation.name, {})
    handle = export.write_register_xlsx(
        organisation, listing.processing_of_organisation(session, organisation.id),
        controller_contact=contacts.get("controller"), dpo_contact=contacts.get("dpo"),
    )
    filename = f"verwerkingsregister-{organisation.id}-{local_today().isoformat()}.xlsx"
    security_events.record(security_events.PERSONAL_DATA_EXPORT, outcome="success", export="processing_register",
                           organisation_id=organisation.id)
    return send_file(handle, mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=filename)
