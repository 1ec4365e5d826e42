"""Evidence for measures: texts, links and files (stored by storage.py). Services flush, never commit."""

from urllib.parse import urlsplit

from flask_babel import gettext as _

from portfolio.core.exceptions import FieldErrors
from portfolio.security.enums import EvidenceKind
from portfolio.security.evidence.storage import CONTENT_TYPES, safe_filename, store_file
from portfolio.security.models import Evidence
from portfolio.security.services import require_update_right


def add_evidence(session, measure, *, actor, kind, description, url, upload, dated_on, expires_on):
    """Add evidence to measure (assignee or CISO); upload is a FileStorage for kind 'file'."""
    require_update_right(actor, measure)
    errors = {}
    if expires_on is not None and dated_on is not None and expires_on < dated_on:
        errors["expires_on"] = [_("De vervaldatum ligt vóór de datum van het bewijs.")]
    if kind == EvidenceKind.TEXT and not description:
        errors["description"] = [_("Beschrijf het bewijs.")]
    if kind == EvidenceKind.LINK:
        parts = urlsplit(url or "")
        if parts.scheme not in ("http", "https") or not parts.netloc:
            errors["url"] = [_("Vul een webadres in dat begint met https:// of http://.")]
    if kind == EvidenceKind.FILE and (upload is None or not upload.filename):
        errors["file"] = [_("Kies een bestand.")]
    if errors:
        raise FieldErrors(errors)
    evidence = Evidence(
        measure_id=measure.id, kind=kind, description=description or None, dated_on=dated_on,
        expires_on=expires_on, added_by_id=actor.id,
        url=url if kind == EvidenceKind.LINK else None,
    )
    if kind == EvidenceKind.FILE:
        digest, size, extension = store_file(upload.stream, upload.filename)
        evidence.filename = safe_filename(upload.filename)
        evidence.content_hash = digest
        evidence.size_bytes = size
        evidence.content_type = CONTENT_TYPES.get(extension, "application/octet-stream")
    session.add(evidence)
    session.flush()
    return evidence
