"""Pages of the spreadsheet import: upload, preview, confirm; the file waits server-side in between."""

import json
import os
import re
import secrets
import time
from pathlib import Path

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portfolio.applications import importing
from portfolio.applications.importing_forms import TOKEN_PATTERN, ConfirmImportForm, ImportForm
from portfolio.web.permissions import Permission, requires
from portfolio.core.db import get_session
from portfolio.web.routing import Routes

routes = Routes()


MAX_AGE_SECONDS = 60 * 60


class UploadStore:
    """Uploaded files kept between preview and confirm, each bound to the user who uploaded it.

    A file lives at <directory>/<token>, its owner, name and time in <token>.json; files older
    than max_age are swept away whenever a new one is stored.
    """

    def __init__(self, directory, *, max_age=MAX_AGE_SECONDS, clock=time.time):
        self.directory = Path(directory)
        self.max_age = max_age
        self.clock = clock

    def put(self, user_id, filename, data):
        """Keep data for user_id; returns the token that the confirmation carries."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._sweep()
        token = secrets.token_urlsafe(24)
        meta = {"user_id": user_id, "filename": filename[:200], "created": self.clock()}
        self._write(self._path(token), data)
        self._write(self._path(token, ".json"), json.dumps(meta).encode("utf-8"))
        return token

    def take(self, user_id, token):
        """(data, filename) of the file behind token, which is deleted. Raises ImportRefused for
        a token that is malformed, unknown, older than max_age or of another user."""
        refused = importing.ImportRefused(_(
            "Deze import is verlopen of niet van u. Upload het bestand opnieuw."
        ))
        if not re.fullmatch(TOKEN_PATTERN, token or ""):
            raise refused
        try:
            meta = json.loads(self._path(token, ".json").read_text("utf-8"))
        except (OSError, ValueError):
            raise refused from None
        if meta.get("user_id") != user_id:
            raise refused
        try:
            if self.clock() - meta["created"] > self.max_age:
                raise refused
            return self._path(token).read_bytes(), meta["filename"]
        except OSError:
            raise refused from None
        finally:
            self._discard(token)

    def _path(self, token, suffix=""):
        return self.directory / f"{token}{suffix}"

    @staticmethod
    def _write(path, data):
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)

    def _discard(self, token):
        for suffix in ("", ".json"):
            self._path(token, suffix).unlink(missing_ok=True)

    def _sweep(self):
        limit = self.clock() - self.max_age
        for path in self.directory.iterdir():
            try:
                if path.stat().st_mtime < limit:
                    path.unlink(missing_ok=True)
            except OSError:
                continue


def upload_store():
    return UploadStore(Path(current_app.instance_path) / "imports")


@routes.route("/import", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def import_file():
    form = ImportForm()
    if not form.validate_on_submit():
        return render_template("applications/import.html", form=form), 400 if form.is_submitted() else 200
    upload = form.file.data
    data = upload.read()
    try:
        parsed = importing.parse(data, upload.filename)
    except importing.ImportRefused as error:
        form.file.errors = [*form.file.errors, error.message]
        return render_template("applications/import.html", form=form), error.status
    preview = importing.validate(get_session(), parsed)
    token = None
    if preview.is_valid and preview.has_changes:
        token = upload_store().put(current_user.id, upload.filename, data)
    return _preview_page(preview, token)


@routes.route("/import/confirm", methods=["POST"])
@requires(Permission.WRITE_REGISTER)
def import_confirm():
    form = ConfirmImportForm()
    if not form.validate_on_submit():
        raise importing.ImportRefused(_("Het formulier is onvolledig; laad de pagina opnieuw."))
    data, filename = upload_store().take(current_user.id, form.token.data)
    session = get_session()
    preview = importing.validate(session, importing.parse(data, filename))
    if preview.is_valid:
        try:
            created, changed = importing.apply(session, preview, reason=_("Import uit %(filename)s", filename=filename))
        except importing.ImportInvalid as error:
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
