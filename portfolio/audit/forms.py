"""The filter of the audit log (a GET form: bookmarkable, no CSRF token needed)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectChoice
from wtforms.validators import NumberRange, Optional, ValidationError

from portfolio.audit.labels import entity_label
from portfolio.web.forms import SelectField


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False

    user = SelectField(_l("Gebruiker"), choices=[], validate_choice=True, default="")
    entity_type = SelectField(_l("Soort gegeven"), choices=[], validate_choice=True, default="")
    date_from = DateField(
        _l("Vanaf datum"), validators=[Optional()], format="%Y-%m-%d",
        render_kw={"autocomplete": "off"},
    )
    date_to = DateField(_l("Tot en met datum"), validators=[Optional()], format="%Y-%m-%d")
    page = IntegerField(
        _l("Pagina"),
        validators=[Optional(), NumberRange(min=1, max=1_000_000, message=_l("Kies een bestaande pagina."))],
        default=1,
    )

    def __init__(self, *args, actors, entity_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.user.choices = [SelectChoice("", _l("Alle gebruikers"))] + [
            SelectChoice(str(actor_id), name) for actor_id, name in actors
        ]
        self.entity_type.choices = [SelectChoice("", _l("Alle soorten"))] + [
            SelectChoice(name, entity_label(name)) for name in entity_types
        ]
        for field in (self.date_from, self.date_to):
            field.description = _l("Als jjjj-mm-dd, bijvoorbeeld 2026-01-31.")

    def validate_date_to(self, field):
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError(_l("De einddatum ligt vóór de begindatum."))
