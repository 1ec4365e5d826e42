"""Forms for signing in and changing one's own password."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import EqualTo

from portfolio.auth.passwords import MAX_LENGTH, MIN_LENGTH
from portfolio.web.forms import email_address, length_between, max_length, required


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mailadres"), validators=[required(), max_length(254), email_address()])
    password = PasswordField(_l("Wachtwoord"), validators=[required(), max_length(MAX_LENGTH)])


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Huidig wachtwoord"), validators=[required(), max_length(MAX_LENGTH)]
    )
    new_password = PasswordField(
        _l("Nieuw wachtwoord"),
        description=_l("Minstens %(min)d tekens.", min=MIN_LENGTH),
        validators=[required(), length_between(MIN_LENGTH, MAX_LENGTH)],
    )
    confirm_password = PasswordField(
        _l("Herhaal het nieuwe wachtwoord"),
        validators=[
            required(),
            EqualTo("new_password", message=_l("De twee wachtwoorden zijn niet gelijk.")),
        ],
    )
