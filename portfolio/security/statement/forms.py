"""The choice of organisation, framework and ENSIA subject of the statement of applicability."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import Optional

from portfolio.applications.enums import EnsiaSubject
from portfolio.applications.forms import EVERYTHING
from portfolio.security.forms import enum_select
from portfolio.web.forms import NONE_CHOSEN, SelectField, optional_int, required, select_choices


class StatementForm(FlaskForm):
    """Which organisation and framework the statement of applicability (or ENSIA export) is for."""

    class Meta:
        csrf = False

    organisation = SelectField(_l("Organisatie"), coerce=optional_int, validators=[required()], validate_choice=True)
    framework = SelectField(_l("Normenkader"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    ensia = enum_select(_l("ENSIA-onderwerp"), EnsiaSubject, blank=EVERYTHING)

    def __init__(self, *args, frameworks=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.framework.choices = select_choices([("", NONE_CHOSEN)] + [(f.id, f.name) for f in frameworks])
        self.organisation.choices = select_choices([("", NONE_CHOSEN)] + [(o.id, o.name) for o in organisations])
