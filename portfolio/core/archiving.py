"""Archive instead of delete: any archivable record, with the user's reason, and restore."""

from flask_babel import gettext as _

from portfolio.core.audit.capture import set_reason
from portfolio.core.records import check_version
from portfolio.core.dates import utcnow
from portfolio.core.exceptions import FieldErrors


def archive(session, record, *, reason, loaded_version):
    """Archive record with the reason, which the audit entry keeps too. Raises VersionConflict
    when it changed since loaded_version, FieldErrors without a reason or when already archived."""
    check_version(record, loaded_version, _("Iemand anders heeft dit intussen gewijzigd."))
    if record.archived:
        raise FieldErrors({"reason": [_("Dit is al gearchiveerd.")]})
    reason = (reason or "").strip()
    if not reason:
        raise FieldErrors({"reason": [_("Geef een reden op.")]})
    set_reason(session, reason)
    record.archived = True
    record.archived_reason = reason
    record.archived_at = utcnow()
    session.flush()
    set_reason(session, None)
    return record


def restore(session, record, *, loaded_version):
    check_version(record, loaded_version, _("Iemand anders heeft dit intussen gewijzigd."))
    if not record.archived:
        raise FieldErrors({"version": [_("Dit is niet gearchiveerd.")]})
    record.archived = False
    record.archived_reason = None
    record.archived_at = None
    session.flush()
    return record
