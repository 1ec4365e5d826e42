"""Evidence files, stored by content hash under instance/evidence/.

Files are checked on size, extension and a sniff of their first bytes; they are never executed
and only ever sent as attachments (see views.evidence_download).
"""

import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path, PurePath

from flask import current_app
from flask_babel import gettext as _

from portfolio.core.exceptions import FieldErrors

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_EXTENSIONS = ("pdf", "docx", "xlsx", "odt", "ods", "png", "jpg", "jpeg", "txt", "csv")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "txt": "text/plain",
    "csv": "text/csv",
}
ZIP = b"PK\x03\x04"
MAGIC = {"pdf": (b"%PDF-",), "docx": (ZIP,), "xlsx": (ZIP,), "odt": (ZIP,), "ods": (ZIP,),
         "png": (b"\x89PNG\r\n\x1a\n",), "jpg": (b"\xff\xd8\xff",), "jpeg": (b"\xff\xd8\xff",)}
CHUNK = 64 * 1024


def max_bytes(app=None):
    return (app or current_app).config.get("EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES)


def allowed_extensions(app=None):
    return tuple((app or current_app).config.get("EVIDENCE_EXTENSIONS", DEFAULT_EXTENSIONS))


def storage_dir(app=None):
    app = app or current_app
    return Path(app.config.get("EVIDENCE_DIR") or Path(app.instance_path) / "evidence")


def safe_filename(name):
    """A filename fit for a Content-Disposition header: no path, no control or quote characters."""
    name = PurePath((name or "").replace("\\", "/")).name
    name = unicodedata.normalize("NFKC", name)
    name = re.sub(r'[\x00-\x1f\x7f"\';\\/]', "", name).strip(" .")
    return name[:200] or "bestand"


def _sniff(extension, head):
    """Whether the first bytes fit the extension; text types must be UTF-8 text without NUL."""
    if extension in MAGIC:
        return any(head.startswith(magic) for magic in MAGIC[extension])
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3  # a multi-byte character cut off at the end
    return True


def store_file(stream, filename):
    """Check and store an uploaded file; returns (sha256, size, extension). Raises FieldErrors."""
    extension = PurePath(filename or "").suffix.lower().lstrip(".")
    if extension not in allowed_extensions():
        raise FieldErrors({"file": [_("Dit bestandstype is niet toegestaan. Toegestaan: %(types)s.",
                                      types=", ".join(allowed_extensions()))]})
    limit = max_bytes()
    directory = storage_dir()
    directory.mkdir(parents=True, exist_ok=True)
    digest, size, head = hashlib.sha256(), 0, b""
    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".upload-")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise FieldErrors({"file": [_too_large(limit)]})
                if len(head) < 512:
                    head += chunk[: 512 - len(head)]
                digest.update(chunk)
                handle.write(chunk)
        if size == 0:
            raise FieldErrors({"file": [_("Het bestand is leeg.")]})
        if not _sniff(extension, head):
            raise FieldErrors({"file": [_("De inhoud van het bestand past niet bij het type .%(ext)s.", ext=extension)]})
        target = directory / digest.hexdigest()
        if target.exists():
            os.unlink(temporary)
        else:
            os.chmod(temporary, 0o600)
            os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return digest.hexdigest(), size, extension


def _too_large(limit):
    return _("Het bestand is groter dan de toegestane %(mb)d MB.", mb=limit // 2**20)


def path_of(evidence):
    """The stored file of evidence; None when it has none or the hash is not a plain hex digest."""
    if not evidence.content_hash or not re.fullmatch(r"[0-9a-f]{64}", evidence.content_hash):
        return None
    return storage_dir() / evidence.content_hash
