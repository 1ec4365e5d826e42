"""Forms of the data-breach register. Dates and times are entered in Dutch local time and converted
to UTC here (see deadline.py)."""

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, StringField, TextAreaField
from wtforms.validators import NumberRange, Optional, ValidationError

from portfolio.core.labels import choices
from portfolio.privacy.breaches.deadline import NonexistentLocalTime, to_local, to_utc
from portfolio.privacy.enums import BreachRisk
from portfolio.privacy.forms import ChoicesForm, apply_rules, date_field, time_field, with_dutch_messages
from portfolio.web.forms import (
    NONE_CHOSEN, SelectField, SelectMultipleField, VersionedForm, input_required, max_length, optional_int, required,
    select_choices,
)


def _clock(moment):
    """The wall-clock time of an aware moment to the minute, as the form's time field holds it."""
    return moment.time().replace(second=0, microsecond=0, tzinfo=None)



class BreachForm(ChoicesForm):
    organisation_id = SelectField(_l("Organisatie"), coerce=optional_int, validators=[input_required()], validate_choice=True)
    discovered_on = date_field(_l("Ontdekt op (datum)"), input_required())
    discovered_time = time_field(_l("Ontdekt om (tijd)"), input_required())
    description = TextAreaField(_l("Omschrijving"), validators=[required(), max_length(4000)])
    application_ids = SelectMultipleField(_l("Betrokken applicaties"), coerce=int, validators=[Optional()], validate_choice=True)
    affected_categories = TextAreaField(_l("Categorieën betrokkenen"), validators=[Optional(), max_length(1000)])
    people_affected = IntegerField(
        _l("Aantal betrokkenen"),
        validators=[Optional(), NumberRange(min=0, max=100_000_000, message=_l("Vul een aantal van 0 of meer in."))],
    )
    risk = SelectField(_l("Risico voor betrokkenen"), choices=select_choices(choices(BreachRisk, blank=NONE_CHOSEN)),
                       validators=[Optional()], validate_choice=True)
    risk_assessment = TextAreaField(_l("Risicobeoordeling"), validators=[Optional(), max_length(4000)])
    notified_on = date_field(_l("Gemeld bij de Autoriteit Persoonsgegevens op (datum)"))
    notified_time = time_field(_l("Gemeld om (tijd)"))
    notification_reference = StringField(_l("Meldingsnummer AP"), validators=[Optional(), max_length(100)])
    people_informed_on = date_field(_l("Betrokkenen geïnformeerd op"))
    measures = TextAreaField(_l("Genomen maatregelen"), validators=[Optional(), max_length(4000)])
    closed_on = date_field(_l("Gesloten op"))

    def __init__(self, *args, breach=None, **kwargs):
        self._breach = breach
        if breach is not None:
            for prefix, moment in (("discovered", breach.discovered_at), ("notified", breach.notified_at)):
                if moment is not None:
                    local = to_local(moment)
                    kwargs.setdefault(f"{prefix}_on", local.date())
                    kwargs.setdefault(f"{prefix}_time", _clock(local))
        super().__init__(*args, **kwargs)

    def validate_discovered_time(self, field):
        if self.discovered_on.data and field.data:
            self._moment(self.discovered_on.data, field.data)

    def validate_notified_time(self, field):
        if field.data and self.notified_on.data:
            self._moment(self.notified_on.data, field.data)

    def _moment_or_stored(self, day, clock, attribute):
        """The stored moment when the form shows it unchanged, else the entered local time in UTC.

        Keeps a moment in the repeated hour of October (which the form cannot tell apart from the
        first one) and any seconds, so that saving an unchanged breach does not move its deadline.
        """
        stored = getattr(self._breach, attribute, None) if self._breach is not None else None
        if stored is not None:
            local = to_local(stored)
            if local.date() == day and _clock(local) == clock:
                return stored
        return to_utc(day, clock)

    @staticmethod
    def _moment(day, clock):
        try:
            return to_utc(day, clock)
        except NonexistentLocalTime:
            raise ValidationError(_l("Deze tijd bestaat niet in Nederland: de klok wordt die nacht een uur vooruitgezet.")) from None

    def validate(self, extra_validators=None):
        with_dutch_messages(self)
        valid = super().validate(extra_validators)
        half = bool(self.notified_on.data) != bool(self.notified_time.data)
        rules = ((self.notified_time, half and not self.notified_on.errors and not self.notified_time.errors,
                  _l("Vul van de melding zowel de datum als de tijd in.")),)
        return apply_rules(rules) and valid

    def data_for_service(self):
        notified_at = None
        if self.notified_on.data and self.notified_time.data:
            notified_at = self._moment_or_stored(self.notified_on.data, self.notified_time.data, "notified_at")
        return {
            "organisation_id": self.organisation_id.data,
            "discovered_at": self._moment_or_stored(self.discovered_on.data, self.discovered_time.data, "discovered_at"),
            "description": self.description.data,
            "affected_categories": self.affected_categories.data,
            "people_affected": self.people_affected.data,
            "risk": self.risk.data or None,
            "risk_assessment": self.risk_assessment.data,
            "notified_at": notified_at,
            "notification_reference": self.notification_reference.data,
            "people_informed_on": self.people_informed_on.data,
            "measures": self.measures.data,
            "closed_on": self.closed_on.data,
        }


class BreachEditForm(BreachForm, VersionedForm):
    pass
