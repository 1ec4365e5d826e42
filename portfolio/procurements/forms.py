"""Forms of the procurement pipeline, with Dutch messages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, StringField, TextAreaField
from wtforms.validators import NumberRange, Optional, ValidationError

from portfolio.applications.enums import PersonalData
from portfolio.core.labels import choices, label
from portfolio.web.forms import DATE_HINT, NONE_CHOSEN, SelectField, SelectMultipleField, VersionedForm, input_required, max_length, optional_int, required, select_choices
from portfolio.core.money import parse_euros
from portfolio.procurements.enums import PHASE_ORDER, Phase

MONEY_HINT = _l("In euro, bijvoorbeeld 25.000.")
MONEY_ERROR = _l("Vul een bedrag in euro's in, zoals 25.000 of 25000,50.")


def _money(label):
    return StringField(label, validators=[Optional(), max_length(20)], description=MONEY_HINT)


def _planned_field_name(phase):
    return f"planned_{phase.value}"


class ProcurementForm(FlaskForm):
    title = StringField(_l("Titel"), validators=[required(), max_length(200)])
    domain_id = SelectField(_l("Domein"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    procedure = StringField(
        _l("Procedure"), validators=[Optional(), max_length(120)],
        description=_l("Bijvoorbeeld Europees openbaar, meervoudig onderhands."),
    )
    description = TextAreaField(_l("Omschrijving"), validators=[Optional(), max_length(4000)])
    estimated_cost = _money(_l("Geschatte implementatiekosten"))
    actual_cost = _money(_l("Werkelijke implementatiekosten"))
    budget_year = IntegerField(
        _l("Begrotingsjaar"),
        validators=[Optional(), NumberRange(min=2000, max=2100, message=_l("Vul een jaar tussen 2000 en 2100 in."))],
    )
    project_lead = StringField(_l("Projectleider"), validators=[Optional(), max_length(120)])
    external_project_lead_needed = BooleanField(_l("Externe projectleiding nodig"))
    external_expertise_needed = BooleanField(_l("Externe materiedeskundigheid nodig"))
    personal_data = SelectField(
        _l("Persoonsgegevens in het nieuwe pakket"),
        choices=select_choices(choices(PersonalData, blank=NONE_CHOSEN)),
        validators=[Optional()], validate_choice=True,
        description=_l("Bepaalt, net als die van de gekoppelde applicatie, of voor productie een DPIA nodig is."),
    )
    delivered_application_id = SelectField(
        _l("Levert applicatie"), coerce=optional_int, validators=[Optional()], validate_choice=True,
        description=_l("Leeg laten: bij ingebruikname wordt een applicatie met de titel aangemaakt."),
    )
    replaces = SelectMultipleField(_l("Vervangt applicaties"), coerce=int, validators=[Optional()], validate_choice=True)
    risk_assessment_on = DateField(_l("Beveiligingsrisicoanalyse: datum"), validators=[Optional()], description=DATE_HINT)
    risk_assessment_reference = StringField(_l("Beveiligingsrisicoanalyse: document"), validators=[Optional(), max_length(200)])
    dpia_on = DateField(_l("DPIA: datum"), validators=[Optional()], description=DATE_HINT)
    dpia_reference = StringField(_l("DPIA: document"), validators=[Optional(), max_length(200)])

    def __init__(self, *args, domains=(), applications=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.domain_id.choices = select_choices([("", NONE_CHOSEN)] + [(d.id, d.name) for d in domains])
        self.delivered_application_id.choices = select_choices(
            [("", NONE_CHOSEN)] + [(a.id, a.name) for a in applications]
        )
        self.replaces.choices = select_choices([(a.id, a.name) for a in applications])

    def validate_estimated_cost(self, field):
        if field.data and (parse_euros(field.data) is None or parse_euros(field.data) < 0):
            raise ValidationError(MONEY_ERROR)

    def validate_actual_cost(self, field):
        self.validate_estimated_cost(field)

    def validate_replaces(self, field):
        if self.delivered_application_id.data is not None and self.delivered_application_id.data in (field.data or []):
            raise ValidationError(_l("De opgeleverde applicatie kan zichzelf niet vervangen."))

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        previous = None
        for phase in PHASE_ORDER:
            field = getattr(self, _planned_field_name(phase))
            if field.data and previous is not None and field.data < previous[1]:
                field.errors = list(field.errors) + [
                    _l("Deze fase kan niet eerder beginnen dan een fase ervoor (%(date)s).", date=previous[1].isoformat())
                ]
                valid = False
            if field.data:
                previous = (phase, field.data)
        return valid

    def data_for_service(self):
        return {
            "title": self.title.data,
            "domain_id": self.domain_id.data,
            "procedure": self.procedure.data,
            "description": self.description.data,
            "estimated_cost_cents": parse_euros(self.estimated_cost.data) if self.estimated_cost.data else None,
            "actual_cost_cents": parse_euros(self.actual_cost.data) if self.actual_cost.data else None,
            "budget_year": self.budget_year.data,
            "project_lead": self.project_lead.data,
            "external_project_lead_needed": self.external_project_lead_needed.data,
            "external_expertise_needed": self.external_expertise_needed.data,
            "personal_data": self.personal_data.data or None,
            "delivered_application_id": self.delivered_application_id.data,
            "risk_assessment_on": self.risk_assessment_on.data,
            "risk_assessment_reference": self.risk_assessment_reference.data,
            "dpia_on": self.dpia_on.data,
            "dpia_reference": self.dpia_reference.data,
        }

    def planned_dates(self):
        return {phase: getattr(self, _planned_field_name(phase)).data for phase in PHASE_ORDER}

    def planned_fields(self):
        return [getattr(self, _planned_field_name(phase)) for phase in PHASE_ORDER]


for _phase in PHASE_ORDER:
    setattr(
        ProcurementForm,
        _planned_field_name(_phase),
        DateField(_l("Gepland begin: %(phase)s", phase=label(Phase, _phase)), validators=[Optional()]),
    )


class ProcurementEditForm(ProcurementForm, VersionedForm):
    pass


class AdvanceForm(VersionedForm):
    on = DateField(_l("Datum"), validators=[input_required()], description=DATE_HINT)
    override_reason = TextAreaField(
        _l("Reden om zonder beoordeling door te gaan (alleen beheerders)"),
        validators=[Optional(), max_length(1000)],
    )


class StopForm(VersionedForm):
    on = DateField(_l("Datum"), validators=[input_required()], description=DATE_HINT)
    reason = TextAreaField(_l("Reden"), validators=[required(), max_length(1000)])


class NoteForm(FlaskForm):
    text = TextAreaField(_l("Notitie"), validators=[required(), max_length(4000)])
