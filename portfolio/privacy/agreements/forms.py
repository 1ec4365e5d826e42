"""Forms of processor agreements."""

from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import Optional, ValidationError

from portfolio.privacy.forms import ChoicesForm, date_field, with_dutch_messages
from portfolio.web.forms import SelectField, SelectMultipleField, VersionedForm, input_required, max_length, optional_int


class AgreementForm(ChoicesForm):
    supplier_id = SelectField(_l("Leverancier (verwerker)"), coerce=optional_int, validators=[input_required()], validate_choice=True)
    organisation_id = SelectField(_l("Organisatie"), coerce=optional_int, validators=[input_required()], validate_choice=True)
    application_ids = SelectMultipleField(_l("Applicaties"), coerce=int, validators=[Optional()], validate_choice=True)
    signed_on = date_field(_l("Ondertekend op"), description=_l("Leeg laten zolang de overeenkomst niet is getekend."))
    model_version = StringField(_l("Versie of gebruikt model"), validators=[Optional(), max_length(200)],
                                description=_l("Bijvoorbeeld: VNG Model Verwerkersovereenkomst 3.0."))
    ends_on = date_field(_l("Loopt af op"))
    sub_processors = TextAreaField(_l("Subverwerkers"), validators=[Optional(), max_length(2000)])
    document_reference = StringField(_l("Documentverwijzing"), validators=[Optional(), max_length(200)])

    def validate_ends_on(self, field):
        if field.data and self.signed_on.data and field.data < self.signed_on.data:
            raise ValidationError(_l("De einddatum kan niet voor de datum van ondertekening liggen."))

    def validate(self, extra_validators=None):
        with_dutch_messages(self)
        return super().validate(extra_validators)

    def data_for_service(self):
        return {name: getattr(self, name).data for name in (
            "supplier_id", "organisation_id", "signed_on", "model_version", "ends_on", "sub_processors",
            "document_reference",
        )}


class AgreementEditForm(AgreementForm, VersionedForm):
    pass
