"""Uploaded import files kept server-side between the preview and its confirmation."""

import json
import os
import re
import secrets
import time
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _

from portfolio.applications.importing.reading import ImportRefused

MAX_AGE_SECONDS = 60 * 60
TOKEN_PATTERN = r"[A-Za-z0-9_-]{32}"  # what secrets.token_urlsafe(24) gives


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
        refused = ImportRefused(_(
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
