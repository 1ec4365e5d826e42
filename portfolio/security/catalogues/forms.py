"""The form of a norm catalogue's import."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField
from wtforms.validators import Optional, ValidationError

from portfolio.web.forms import max_length


class ImportForm(FlaskForm):
    file = FileField(_l("Bestand (.csv, .yaml of .yml)"))
    code = StringField(_l("Code van het normenkader"), validators=[Optional(), max_length(120)],
                       description=_l("Voor CSV; leeg: de bestandsnaam. Dezelfde code werkt een bestaand normenkader bij."))
    name = StringField(_l("Naam van het normenkader"), validators=[Optional(), max_length(200)])

    def validate_file(self, field):
        if not field.data or not getattr(field.data, "filename", ""):
            raise ValidationError(_l("Kies een bestand."))
