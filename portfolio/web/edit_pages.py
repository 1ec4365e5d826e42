"""The one way an edit page behaves: validate, save through a service, or show why not."""

from flask import flash, redirect, render_template
from flask_babel import gettext as _

from portfolio.core.audit.history import changes_since
from portfolio.core.db import get_session, rollback_request
from portfolio.core.exceptions import FieldErrors, VersionConflict
from portfolio.web.ui import refuse_form
from portfolio.core import archiving
from portfolio.web.forms import ArchiveForm, RestoreForm


def form_page(form, template, save, *, success, redirect_to, **context):
    """Render form, or on a valid POST call save(form) and redirect.

    save may raise FieldErrors (shown at the fields, 400) or VersionConflict (409: the changes
    made meanwhile are shown and the user's input is kept, with the new version so that saving
    again is a deliberate overwrite). success and redirect_to may be callables of the saved result.
    """
    conflict = None
    if form.validate_on_submit():
        try:
            result = save(form)
        except FieldErrors as error:
            refuse_form(form, error)
        except VersionConflict as error:
            rollback_request()
            conflict = changes_since(get_session(), error.record, error.loaded_version)
            form.version.data = str(error.record.version)
        else:
            flash(success(result) if callable(success) else success, "success")
            return redirect(redirect_to(result) if callable(redirect_to) else redirect_to)
    status = 409 if conflict is not None else (400 if form.is_submitted() else 200)
    return render_template(template, form=form, conflict=conflict, **context), status


def archive_page(record, *, title, success, back):
    """The archive page of any archivable record: a reason, then archive and go back."""
    form = ArchiveForm(obj=record, reason=None)
    return form_page(
        form, "archive.html",
        lambda f: archiving.archive(get_session(), record, reason=f.reason.data, loaded_version=f.loaded_version),
        success=success, redirect_to=back, record=record, title=title, back=back,
    )


def restore_and_return(record, *, success, back):
    """Restore an archived record from a posted RestoreForm and go back to its page.

    A stale version or a record that is not archived ends in the ServiceError handler (409/400).
    """

    form = RestoreForm()
    if form.validate():
        archiving.restore(get_session(), record, loaded_version=form.loaded_version)
        flash(success, "success")
    else:
        flash(_("Het formulier is onvolledig; laad de pagina opnieuw."), "error")
    return redirect(back)
