"""The supplier form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import URL, Optional, ValidationError

from portfolio.web.forms import VersionedForm, max_length, required


class SupplierForm(FlaskForm):
    name = StringField(_l("Naam"), validators=[required(), max_length(120)])
    website = StringField(
        _l("Website"),
        validators=[Optional(), max_length(300), URL(message=_l("Vul een volledig webadres in, zoals https://www.voorbeeld.nl."))],
    )
    contact = StringField(_l("Contactpersoon of -adres"), validators=[Optional(), max_length(300)])
    notes = TextAreaField(_l("Opmerkingen"), validators=[Optional(), max_length(4000)])

    def validate_website(self, field):
        if field.data and not field.data.lower().startswith(("http://", "https://")):
            raise ValidationError(_l("Vul een volledig webadres in, zoals https://www.voorbeeld.nl."))

    def data_for_service(self):
        return {name: getattr(self, name).data for name in ("name", "website", "contact", "notes")}


class SupplierEditForm(SupplierForm, VersionedForm):
    pass
