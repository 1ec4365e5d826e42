"""What the privacy register's forms share: date and time fields with Dutch hints and messages, the
organisation, supplier and application choices, and rules between fields. The forms themselves live
in processing/, agreements/ and breaches/."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, TimeField
from wtforms.validators import Optional

from portfolio.web.forms import DATE_HINT, NONE_CHOSEN, select_choices

TIME_HINT = _l("Nederlandse tijd, als uu:mm, bijvoorbeeld 14:30.")
DATE_ERROR = _l("Vul een geldige datum in, als jjjj-mm-dd.")
TIME_ERROR = _l("Vul een geldige tijd in, als uu:mm.")
NUMBER_ERROR = _l("Vul een geheel getal in.")
LIST_HINT = _l("Eén per regel of gescheiden door komma's.")


def date_field(label, *validators, description=DATE_HINT):
    return DateField(label, validators=[*validators] or [Optional()], description=description)


def time_field(label, *validators):
    return TimeField(label, validators=[*validators] or [Optional()], description=TIME_HINT)


class ChoicesForm(FlaskForm):
    """Organisation, supplier and application choices filled in from the lists given."""

    def __init__(self, *args, organisations=(), suppliers=(), applications=(), **kwargs):
        super().__init__(*args, **kwargs)
        if hasattr(self, "organisation_id"):
            self.organisation_id.choices = select_choices([("", NONE_CHOSEN)] + [(o.id, o.name) for o in organisations])
        for name in ("supplier_id",):
            if hasattr(self, name):
                getattr(self, name).choices = select_choices([("", NONE_CHOSEN)] + [(s.id, s.name) for s in suppliers])
        if hasattr(self, "processor_ids"):
            self.processor_ids.choices = select_choices([(s.id, s.name) for s in suppliers])
        if hasattr(self, "application_ids"):
            self.application_ids.choices = select_choices([(a.id, a.name) for a in applications])


def filled(field):
    return bool((field.data or "").strip())


def apply_rules(rules):
    """Add the message of each (field, broken, message) whose rule is broken; True when none is."""
    valid = True
    for field, broken, message in rules:
        if broken:
            field.errors = list(field.errors) + [message]
            valid = False
    return valid


def with_dutch_messages(form):
    """WTForms' own message for an unreadable date, time or number is English: use a Dutch one."""
    for field in form:
        if field.process_errors:
            if isinstance(field, TimeField):
                field.process_errors = [TIME_ERROR]
            elif isinstance(field, DateField):
                field.process_errors = [DATE_ERROR]
            elif isinstance(field, IntegerField):
                field.process_errors = [NUMBER_ERROR]
