"""Forms of the assignee's pages: a measure's status, and evidence added to it."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import Optional

from portfolio.security.enums import EvidenceKind
from portfolio.security.forms import StatusFields, date_field, enum_select
from portfolio.web.forms import DATE_HINT, VersionedForm, max_length, required


class StatusForm(StatusFields, VersionedForm):
    def data_for_service(self):
        return {name: getattr(self, name).data for name in ("status", "status_reason", "postponed_until")}


class EvidenceForm(FlaskForm):
    kind = enum_select(_l("Soort bewijs"), EvidenceKind, needed=True)
    description = TextAreaField(_l("Toelichting"), validators=[Optional(), max_length(4000)])
    url = StringField(_l("Link"), validators=[Optional(), max_length(2000)], description=_l("Een webadres, bijvoorbeeld https://intranet.example.org/rapport."))
    file = FileField(_l("Bestand"))
    dated_on = DateField(_l("Datum van het bewijs"), validators=[required()], description=DATE_HINT, format="%Y-%m-%d")
    expires_on = date_field(_l("Geldig tot"), _l("Optioneel. Verlopen bewijs telt als ontbrekend."))
