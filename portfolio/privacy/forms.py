"""Forms of the privacy register, with Dutch messages. Dates and times of a breach are entered in
Dutch local time and converted to UTC here (see breaches.py)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, StringField, TextAreaField, TimeField
from wtforms.validators import NumberRange, Optional, ValidationError

from portfolio.core.labels import choices
from portfolio.web.forms import DATE_HINT, NONE_CHOSEN, SelectField, SelectMultipleField, VersionedForm, input_required, max_length, optional_int, required, select_choices
from portfolio.privacy.breaches import NonexistentLocalTime, to_local, to_utc
from portfolio.privacy.enums import BreachRisk, DpiaRequired, LegalBasis, SpecialCategoryGround

TIME_HINT = _l("Nederlandse tijd, als uu:mm, bijvoorbeeld 14:30.")
DATE_ERROR = _l("Vul een geldige datum in, als jjjj-mm-dd.")
TIME_ERROR = _l("Vul een geldige tijd in, als uu:mm.")
NUMBER_ERROR = _l("Vul een geheel getal in.")
LIST_HINT = _l("Eén per regel of gescheiden door komma's.")


def _date(label, *validators, description=DATE_HINT):
    return DateField(label, validators=[*validators] or [Optional()], description=description)


def _time(label, *validators):
    return TimeField(label, validators=[*validators] or [Optional()], description=TIME_HINT)


class _ChoicesForm(FlaskForm):
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


def _clock(moment):
    """The wall-clock time of an aware moment to the minute, as the form's time field holds it."""
    return moment.time().replace(second=0, microsecond=0, tzinfo=None)


def _filled(field):
    return bool((field.data or "").strip())


def _apply_rules(rules):
    """Add the message of each (field, broken, message) whose rule is broken; True when none is."""
    valid = True
    for field, broken, message in rules:
        if broken:
            field.errors = list(field.errors) + [message]
            valid = False
    return valid


def _with_date_messages(form):
    """WTForms' own message for an unreadable date, time or number is English: use a Dutch one."""
    for field in form:
        if field.process_errors:
            if isinstance(field, TimeField):
                field.process_errors = [TIME_ERROR]
            elif isinstance(field, DateField):
                field.process_errors = [DATE_ERROR]
            elif isinstance(field, IntegerField):
                field.process_errors = [NUMBER_ERROR]


class ProcessingForm(_ChoicesForm):
    organisation_id = SelectField(_l("Verwerkingsverantwoordelijke (organisatie)"), coerce=optional_int,
                                  validators=[input_required()], validate_choice=True)
    name = StringField(_l("Naam van de verwerking"), validators=[required(), max_length(200)])
    purpose = TextAreaField(_l("Doel van de verwerking"), validators=[required(), max_length(2000)])
    legal_basis = SelectField(_l("Rechtsgrond (art. 6 lid 1 AVG)"),
                              choices=select_choices(choices(LegalBasis, blank=NONE_CHOSEN)),
                              validators=[required()], validate_choice=True)
    data_subjects = TextAreaField(_l("Categorieën betrokkenen"), validators=[required(), max_length(1000)],
                                  description=_l("Bijvoorbeeld: inwoners, aanvragers, medewerkers. Eén per regel of gescheiden door komma's."))
    data_categories = TextAreaField(_l("Categorieën persoonsgegevens"), validators=[required(), max_length(1000)],
                                    description=LIST_HINT)
    special_categories = BooleanField(_l("Bijzondere persoonsgegevens (art. 9 AVG), zoals gezondheid of religie"))
    special_category_ground = SelectField(
        _l("Uitzondering voor bijzondere persoonsgegevens (art. 9 lid 2 AVG)"),
        choices=select_choices(choices(SpecialCategoryGround, blank=NONE_CHOSEN)),
        validators=[Optional()], validate_choice=True,
        description=_l("Verplicht als er bijzondere persoonsgegevens worden verwerkt."),
    )
    bsn = BooleanField(_l("Burgerservicenummer (BSN)"))
    recipients = TextAreaField(_l("Categorieën ontvangers"), validators=[Optional(), max_length(1000)], description=LIST_HINT)
    third_country_transfers = TextAreaField(
        _l("Doorgifte buiten de EER"), validators=[Optional(), max_length(1000)],
        description=_l("Naar welk land of welke internationale organisatie; leeg als er geen doorgifte is."),
    )
    transfer_safeguards = TextAreaField(_l("Waarborgen bij doorgifte"), validators=[Optional(), max_length(1000)],
                                        description=_l("Bijvoorbeeld een adequaatheidsbesluit of modelcontractbepalingen."))
    retention_period = StringField(_l("Bewaartermijn"), validators=[required(), max_length(500)])
    security_measures = TextAreaField(_l("Beveiligingsmaatregelen (algemene beschrijving)"),
                                      validators=[Optional(), max_length(4000)])
    application_ids = SelectMultipleField(_l("Gebruikte applicaties"), coerce=int, validators=[Optional()], validate_choice=True)
    processor_ids = SelectMultipleField(_l("Verwerkers"), coerce=int, validators=[Optional()], validate_choice=True)
    dpia_required = SelectField(_l("DPIA nodig"), choices=select_choices(choices(DpiaRequired, blank=NONE_CHOSEN)),
                                validators=[Optional()], validate_choice=True)
    dpia_reason = TextAreaField(_l("Reden van dit besluit"), validators=[Optional(), max_length(1000)])
    dpia_done_on = _date(_l("DPIA uitgevoerd op"))
    dpia_outcome = TextAreaField(_l("Uitkomst van de DPIA"), validators=[Optional(), max_length(2000)])
    dpia_next_review = _date(_l("Volgende herbeoordeling"))

    def validate(self, extra_validators=None):
        """Field rules, then the rules between fields (on empty fields, which Optional() skips)."""
        _with_date_messages(self)
        valid = super().validate(extra_validators)
        rules = (
            (self.special_category_ground, self.special_categories.data and not self.special_category_ground.data,
             _l("Kies de uitzondering van art. 9 lid 2 AVG: er worden bijzondere persoonsgegevens verwerkt.")),
            (self.transfer_safeguards, _filled(self.third_country_transfers) and not _filled(self.transfer_safeguards),
             _l("Beschrijf de waarborgen bij doorgifte buiten de EER.")),
            (self.dpia_reason, self.dpia_required.data in (DpiaRequired.YES, DpiaRequired.NO) and not _filled(self.dpia_reason),
             _l("Geef de reden van het besluit over de DPIA.")),
            (self.dpia_done_on, self.dpia_done_on.data and self.dpia_required.data != DpiaRequired.YES,
             _l("Een uitgevoerde DPIA past alleen bij 'DPIA nodig: ja'.")),
        )
        return _apply_rules(rules) and valid

    def data_for_service(self):
        return {
            "organisation_id": self.organisation_id.data,
            "name": self.name.data,
            "purpose": self.purpose.data,
            "legal_basis": self.legal_basis.data,
            "special_category_ground": self.special_category_ground.data or None,
            "data_subjects": self.data_subjects.data,
            "data_categories": self.data_categories.data,
            "special_categories": self.special_categories.data,
            "bsn": self.bsn.data,
            "recipients": self.recipients.data,
            "third_country_transfers": self.third_country_transfers.data,
            "transfer_safeguards": self.transfer_safeguards.data,
            "retention_period": self.retention_period.data,
            "security_measures": self.security_measures.data,
            "dpia_required": self.dpia_required.data or None,
            "dpia_reason": self.dpia_reason.data,
            "dpia_done_on": self.dpia_done_on.data,
            "dpia_outcome": self.dpia_outcome.data,
            "dpia_next_review": self.dpia_next_review.data,
        }


class ProcessingEditForm(ProcessingForm, VersionedForm):
    pass


class AgreementForm(_ChoicesForm):
    supplier_id = SelectField(_l("Leverancier (verwerker)"), coerce=optional_int, validators=[input_required()], validate_choice=True)
    organisation_id = SelectField(_l("Organisatie"), coerce=optional_int, validators=[input_required()], validate_choice=True)
    application_ids = SelectMultipleField(_l("Applicaties"), coerce=int, validators=[Optional()], validate_choice=True)
    signed_on = _date(_l("Ondertekend op"), description=_l("Leeg laten zolang de overeenkomst niet is getekend."))
    model_version = StringField(_l("Versie of gebruikt model"), validators=[Optional(), max_length(200)],
                                description=_l("Bijvoorbeeld: VNG Model Verwerkersovereenkomst 3.0."))
    ends_on = _date(_l("Loopt af op"))
    sub_processors = TextAreaField(_l("Subverwerkers"), validators=[Optional(), max_length(2000)])
    document_reference = StringField(_l("Documentverwijzing"), validators=[Optional(), max_length(200)])

    def validate_ends_on(self, field):
        if field.data and self.signed_on.data and field.data < self.signed_on.data:
            raise ValidationError(_l("De einddatum kan niet voor de datum van ondertekening liggen."))

    def validate(self, extra_validators=None):
        _with_date_messages(self)
        return super().validate(extra_validators)

    def data_for_service(self):
        return {name: getattr(self, name).data for name in (
            "supplier_id", "organisation_id", "signed_on", "model_version", "ends_on", "sub_processors",
            "document_reference",
        )}


class AgreementEditForm(AgreementForm, VersionedForm):
    pass


class BreachForm(_ChoicesForm):
    organisation_id = SelectField(_l("Organisatie"), coerce=optional_int, validators=[input_required()], validate_choice=True)
    discovered_on = _date(_l("Ontdekt op (datum)"), input_required())
    discovered_time = _time(_l("Ontdekt om (tijd)"), input_required())
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
    notified_on = _date(_l("Gemeld bij de Autoriteit Persoonsgegevens op (datum)"))
    notified_time = _time(_l("Gemeld om (tijd)"))
    notification_reference = StringField(_l("Meldingsnummer AP"), validators=[Optional(), max_length(100)])
    people_informed_on = _date(_l("Betrokkenen geïnformeerd op"))
    measures = TextAreaField(_l("Genomen maatregelen"), validators=[Optional(), max_length(4000)])
    closed_on = _date(_l("Gesloten op"))

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
        _with_date_messages(self)
        valid = super().validate(extra_validators)
        half = bool(self.notified_on.data) != bool(self.notified_time.data)
        rules = ((self.notified_time, half and not self.notified_on.errors and not self.notified_time.errors,
                  _l("Vul van de melding zowel de datum als de tijd in.")),)
        return _apply_rules(rules) and valid

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


class ProcessingFilterForm(FlaskForm):
    """The list's filters, read from the query string (no CSRF: a GET that changes nothing)."""

    class Meta:
        csrf = False

    organisation = SelectField(_l("Organisatie"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    q = StringField(_l("Zoeken"), validators=[Optional(), max_length(100)])
    archived = BooleanField(_l("Ook gearchiveerde"))
    page = IntegerField(validators=[Optional(), NumberRange(min=1, max=100_000, message=_l("Kies een bestaande pagina."))])

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation.choices = select_choices([("", _l("Alle organisaties"))] + [(o.id, o.name) for o in organisations])
