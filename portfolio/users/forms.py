"""Administrators' forms for accounts."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectChoice, StringField

from portfolio.users.labels import ROLE_LABELS
from portfolio.auth.passwords import MAX_LENGTH, MIN_LENGTH
from portfolio.web.forms import SelectField, VersionedForm, email_address, length_between, max_length, required

def _role_field():
    return SelectField(
        _l("Rol"),
        choices=[SelectChoice(role.value, label) for role, label in ROLE_LABELS.items()],
        validators=[required()],
        validate_choice=True,
    )


def _name_field():
    return StringField(_l("Naam"), validators=[required(), max_length(120)])


class UserCreateForm(FlaskForm):
    email = EmailField(_l("E-mailadres"), validators=[required(), max_length(254), email_address()])
    name = _name_field()
    role = _role_field()
    password = PasswordField(
        _l("Eerste wachtwoord"),
        description=_l("Minstens %(min)d tekens. Geef het de gebruiker op een veilige manier door.", min=MIN_LENGTH),
        validators=[required(), length_between(MIN_LENGTH, MAX_LENGTH)],
    )


class UserEditForm(VersionedForm):
    name = _name_field()
    role = _role_field()
    active = BooleanField(
        _l("Actief"),
        description=_l("Een gedeactiveerd account kan niet meer inloggen; lopende sessies eindigen."),
    )
