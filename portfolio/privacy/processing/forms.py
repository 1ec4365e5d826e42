"""Forms of processing activities: the activity with its DPIA decision, and the list's filters."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField, TextAreaField
from wtforms.validators import NumberRange, Optional

from portfolio.core.labels import choices
from portfolio.privacy.enums import DpiaRequired, LegalBasis, SpecialCategoryGround
from portfolio.privacy.forms import LIST_HINT, ChoicesForm, apply_rules, date_field, filled, with_dutch_messages
from portfolio.web.forms import (
    NONE_CHOSEN, SelectField, SelectMultipleField, VersionedForm, input_required, max_length, optional_int, required,
    select_choices,
)


class ProcessingForm(ChoicesForm):
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
    dpia_done_on = date_field(_l("DPIA uitgevoerd op"))
    dpia_outcome = TextAreaField(_l("Uitkomst van de DPIA"), validators=[Optional(), max_length(2000)])
    dpia_next_review = date_field(_l("Volgende herbeoordeling"))

    def validate(self, extra_validators=None):
        """Field rules, then the rules between fields (on empty fields, which Optional() skips)."""
        with_dutch_messages(self)
        valid = super().validate(extra_validators)
        rules = (
            (self.special_category_ground, self.special_categories.data and not self.special_category_ground.data,
             _l("Kies de uitzondering van art. 9 lid 2 AVG: er worden bijzondere persoonsgegevens verwerkt.")),
            (self.transfer_safeguards, filled(self.third_country_transfers) and not filled(self.transfer_safeguards),
             _l("Beschrijf de waarborgen bij doorgifte buiten de EER.")),
            (self.dpia_reason, self.dpia_required.data in (DpiaRequired.YES, DpiaRequired.NO) and not filled(self.dpia_reason),
             _l("Geef de reden van het besluit over de DPIA.")),
            (self.dpia_done_on, self.dpia_done_on.data and self.dpia_required.data != DpiaRequired.YES,
             _l("Een uitgevoerde DPIA past alleen bij 'DPIA nodig: ja'.")),
        )
        return apply_rules(rules) and valid

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
