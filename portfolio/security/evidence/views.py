"""The assignee's pages (status and evidence of their own measures) and evidence downloads.

The route rule admits every role that may update assigned measures; the service then checks that
the current user is the assignee or the CISO (403 otherwise).
"""

from flask import abort, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portfolio.core import archiving
from portfolio.web.permissions import Permission, requires
from portfolio.web.edit_pages import form_page
from portfolio.core.db import get_session
from portfolio.core.dates import local_today
from portfolio.web.forms import ArchiveForm
from portfolio.security import services
from portfolio.security.evidence import services as evidence_services
from portfolio.security.evidence import storage as evidence_files
from portfolio.security.evidence.forms import EvidenceForm, StatusForm
from portfolio.security.models import Evidence
from portfolio.security.views import measure_or_404
from portfolio.web.routing import Routes


routes = Routes()


@routes.route("/measures/<int:measure_id>/status", methods=["GET", "POST"])
@requires(Permission.UPDATE_ASSIGNED_MEASURES)
def measure_status(measure_id):
    measure = measure_or_404(measure_id)
    services.require_update_right(current_user, measure)
    form = StatusForm(obj=measure)
    return form_page(
        form, "security/status_form.html",
        lambda f: services.update_status(get_session(), measure, actor=current_user, data=f.data_for_service(),
                                         loaded_version=f.loaded_version, today=local_today()),
        success=_("Status opgeslagen."),
        redirect_to=url_for("security.measure_detail", measure_id=measure.id), measure=measure,
    )


@routes.route("/measures/<int:measure_id>/evidence/new", methods=["GET", "POST"])
@requires(Permission.UPDATE_ASSIGNED_MEASURES)
def evidence_add(measure_id):
    measure = measure_or_404(measure_id)
    services.require_update_right(current_user, measure)
    form = EvidenceForm()
    if not form.is_submitted():
        form.dated_on.data = local_today()
    return form_page(
        form, "security/evidence_form.html",
        lambda f: evidence_services.add_evidence(
            get_session(), measure, actor=current_user, kind=f.kind.data, description=(f.description.data or "").strip(),
            url=(f.url.data or "").strip(), upload=f.file.data, dated_on=f.dated_on.data, expires_on=f.expires_on.data,
        ),
        success=_("Bewijs toegevoegd."),
        redirect_to=url_for("security.measure_detail", measure_id=measure.id), measure=measure,
        max_mb=evidence_files.max_bytes() // 2**20, extensions=evidence_files.allowed_extensions(),
    )


def _evidence_or_404(measure_id, evidence_id):
    item = get_session().get(Evidence, evidence_id)
    if item is None or item.measure_id != measure_id:
        abort(404)
    return item


@routes.route("/measures/<int:measure_id>/evidence/<int:evidence_id>/archive", methods=["GET", "POST"])
@requires(Permission.UPDATE_ASSIGNED_MEASURES)
def evidence_archive(measure_id, evidence_id):
    measure = measure_or_404(measure_id)
    item = _evidence_or_404(measure_id, evidence_id)
    services.require_update_right(current_user, measure)
    back = url_for("security.measure_detail", measure_id=measure.id)
    form = ArchiveForm(obj=item, reason=None)
    return form_page(
        form, "archive.html",
        lambda f: archiving.archive(get_session(), item, reason=f.reason.data, loaded_version=f.loaded_version),
        success=_("Bewijs gearchiveerd."), redirect_to=back, record=item, back=back,
        title=_("Bewijs bij %(title)s archiveren", title=measure.title),
    )


@routes.route("/measures/<int:measure_id>/evidence/<int:evidence_id>/download")
@requires(Permission.READ_REGISTER)
def evidence_download(measure_id, evidence_id):
    """Only ever as an attachment, with nosniff: a stored file is never shown inline or run."""
    measure_or_404(measure_id)  # readable by everyone who may read the register
    item = _evidence_or_404(measure_id, evidence_id)
    path = evidence_files.path_of(item)
    if path is None or not path.is_file():
        abort(404)
    response = send_file(path, mimetype=item.content_type or "application/octet-stream", as_attachment=True,
                         download_name=evidence_files.safe_filename(item.filename), conditional=False, etag=False)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    return response

