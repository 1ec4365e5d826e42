"""Pages of the spreadsheet import: upload, preview, confirm; the file waits server-side in between."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portfolio.applications.importing.forms import ConfirmImportForm, ImportForm
from portfolio.applications.importing.preview import validate
from portfolio.applications.importing.reading import ImportRefused, parse
from portfolio.applications.importing.uploads import upload_store
from portfolio.applications.importing.writing import ImportInvalid, apply
from portfolio.web.permissions import Permission, requires
from portfolio.core.db import get_session
from portfolio.web.routing import Routes

routes = Routes()


@routes.route("/import", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def import_file():
    form = ImportForm()
    if not form.validate_on_submit():
        return render_template("applications/import.html", form=form), 400 if form.is_submitted() else 200
    upload = form.file.data
    data = upload.read()
    try:
        parsed = parse(data, upload.filename)
    except ImportRefused as error:
        form.file.errors = [*form.file.errors, error.message]
        return render_template("applications/import.html", form=form), error.status
    preview = validate(get_session(), parsed)
    token = None
    if preview.is_valid and preview.has_changes:
        token = upload_store().put(current_user.id, upload.filename, data)
    return _preview_page(preview, token)


@routes.route("/import/confirm", methods=["POST"])
@requires(Permission.WRITE_REGISTER)
def import_confirm():
    form = ConfirmImportForm()
    if not form.validate_on_submit():
        raise ImportRefused(_("Het formulier is onvolledig; laad de pagina opnieuw."))
    data, filename = upload_store().take(current_user.id, form.token.data)
    session = get_session()
    preview = validate(session, parse(data, filename))
    if preview.is_valid:
        try:
            created, changed = apply(session, preview, reason=_("Import uit %(filename)s", filename=filename))
        except ImportInvalid as error:
            preview.errors = error.errors
    if not preview.is_valid:
        return _preview_page(preview, None)  # 400: the request's transaction is rolled back
    flash(_("Import voltooid: %(created)d aangemaakt, %(changed)d gewijzigd.",
            created=len(created), changed=len(changed)), "success")
    return redirect(url_for("applications.index"))


def _preview_page(preview, token):
    confirm = ConfirmImportForm(formdata=None, token=token) if token else None
    page = render_template("applications/import_preview.html", preview=preview, confirm=confirm)
    return page, 200 if preview.is_valid else 400
