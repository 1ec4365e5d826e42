"""The form that makes a personal API token."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, StringField

from portfolio.web.forms import SelectField, max_length, required, select_choices
from portfolio.tokens.models import TokenScope

SCOPE_LABELS = {
    TokenScope.READ: _l("Alleen lezen"),
    TokenScope.WRITE: _l("Lezen en wijzigen (binnen uw rol)"),
}


class TokenForm(FlaskForm):
    name = StringField(_l("Naam"), validators=[required(), max_length(120)],
                       description=_l("Waarvoor u het token gebruikt, bijvoorbeeld het script dat het gebruikt."))
    scope = SelectField(_l("Bevoegdheid"), choices=select_choices(SCOPE_LABELS.items()), default=TokenScope.READ.value,
                       validators=[required()])
    expires_on = DateField(_l("Geldig tot en met"), validators=[required()], format="%Y-%m-%d",
                           description=_l("Hoogstens een jaar vanaf vandaag (jjjj-mm-dd)."))
