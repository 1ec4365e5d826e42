"""Forms of the application register; every rule on input lives here, with Dutch messages."""

import re
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField, DateField, IntegerField, StringField, TextAreaField,
)
from wtforms.validators import NumberRange, Optional, ValidationError

from portfolio.applications.enums import BivLevel, ContractType, CostPeriod, Direction, EnsiaSubject, Hosting, LifecycleStatus, PersonalData, TimeVerdict, UsageStatus
from portfolio.core.labels import choices
from portfolio.web.forms import DATE_HINT, NONE_CHOSEN, SelectField, SelectMultipleField, VersionedForm, max_length, optional_int, required, select_choices



def _text(label, maximum, *, needed=False, description=None):
    validators = [required()] if needed else [Optional()]
    return StringField(label, validators=validators + [max_length(maximum)], description=description)


def _area(label, maximum):
    return TextAreaField(label, validators=[Optional(), max_length(maximum)])


def _enum_select(label, enum, *, needed=False, blank=NONE_CHOSEN):
    return SelectField(
        label,
        choices=select_choices(choices(enum, blank=None if needed else blank)),
        validators=[required()] if needed else [Optional()],
        validate_choice=True,
    )


def _date(label):
    return DateField(label, validators=[Optional()], description=DATE_HINT, format="%Y-%m-%d")


class ApplicationForm(FlaskForm):
    name = _text(_l("Naam"), 120, needed=True)
    supplier_id = SelectField(_l("Leverancier"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    product = _text(_l("Product"), 120)
    product_version = _text(_l("Versie"), 60)
    domain_id = SelectField(_l("Domein"), coerce=optional_int, validators=[required()], validate_choice=True)
    description = _area(_l("Omschrijving"), 4000)
    gemma_component = _text(_l("GEMMA-referentiecomponent"), 120)
    lifecycle_status = _enum_select(_l("Levenscyclus"), LifecycleStatus, needed=True)
    time_verdict = _enum_select(_l("TIME-oordeel"), TimeVerdict)
    hosting = _enum_select(_l("Hosting"), Hosting)
    hosting_party = _text(
        _l("Uitgevoerd door"), 120, description=_l("Bij uitbesteding of hosting: de partij, bijvoorbeeld Amstelland.")
    )
    process_owner = _text(_l("Proceseigenaar"), 120)
    functional_admin = _text(_l("Functioneel beheerder"), 120)
    technical_admin = _text(_l("Technisch beheerder"), 120)
    availability = _enum_select(_l("Beschikbaarheid"), BivLevel)
    integrity = _enum_select(_l("Integriteit"), BivLevel)
    confidentiality = _enum_select(_l("Vertrouwelijkheid"), BivLevel)
    personal_data = _enum_select(_l("Persoonsgegevens"), PersonalData)
    supplier_support_ends = _date(_l("Einde ondersteuning leverancier"))

    def __init__(self, *args, suppliers=(), domains=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.supplier_id.choices = select_choices([("", NONE_CHOSEN)] + [(s.id, s.name) for s in suppliers])
        self.domain_id.choices = select_choices([("", NONE_CHOSEN)] + [(d.id, d.name) for d in domains])

    def data_for_service(self):
        return {name: getattr(self, name).data for name in FIELDS_OF_APPLICATION_FORM}


FIELDS_OF_APPLICATION_FORM = (
    "name", "supplier_id", "product", "product_version", "domain_id", "description",
    "gemma_component", "lifecycle_status", "time_verdict", "hosting", "hosting_party",
    "process_owner", "functional_admin", "technical_admin", "availability", "integrity",
    "confidentiality", "personal_data", "supplier_support_ends",
)


class ApplicationEditForm(ApplicationForm, VersionedForm):
    pass


class UsageForm(FlaskForm):
    organisation_id = SelectField(_l("Organisatie"), coerce=optional_int, validators=[required()], validate_choice=True)
    status = _enum_select(_l("Status"), UsageStatus, needed=True)
    since = _date(_l("In gebruik sinds"))
    local_process_owner = _text(_l("Lokale proceseigenaar"), 120)
    availability = _enum_select(_l("Eigen beschikbaarheid"), BivLevel)
    integrity = _enum_select(_l("Eigen integriteit"), BivLevel)
    confidentiality = _enum_select(_l("Eigen vertrouwelijkheid"), BivLevel)
    ensia_subjects = SelectMultipleField(
        _l("ENSIA-onderwerpen"),
        choices=select_choices(choices(EnsiaSubject)),
        validators=[Optional()],
        description=_l("Alleen invullen als deze organisatie afwijkt."),
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id.choices = select_choices([("", NONE_CHOSEN)] + [(o.id, o.name) for o in organisations])


class ContractForm(FlaskForm):
    supplier_id = SelectField(_l("Leverancier"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    number = _text(_l("Contractnummer"), 60)
    contract_type = _enum_select(_l("Soort contract"), ContractType, needed=True)
    starts_on = _date(_l("Ingangsdatum"))
    ends_on = _date(_l("Einddatum"))
    notice_months = IntegerField(
        _l("Opzegtermijn in maanden"),
        default=0,
        validators=[Optional(), NumberRange(min=0, max=36, message=_l("Vul 0 tot en met 36 maanden in."))],
    )
    renewal_terms = _area(_l("Verlengingsvoorwaarden"), 1000)
    cost = StringField(
        _l("Kosten in euro"),
        validators=[Optional(), max_length(20)],
        description=_l("Bijvoorbeeld 12.500 of 12500,50."),
    )
    # No Optional(): it ends validation on an empty value, before validate_cost_period could say
    # that a cost needs its period.
    cost_period = SelectField(
        _l("Kosten per"), choices=select_choices(choices(CostPeriod, blank=NONE_CHOSEN)), validate_choice=True
    )

    def __init__(self, *args, suppliers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.supplier_id.choices = select_choices([("", NONE_CHOSEN)] + [(s.id, s.name) for s in suppliers])

    def validate_ends_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("De einddatum ligt vóór de ingangsdatum."))

    def validate_cost(self, field):
        from portfolio.core.money import parse_euros

        if field.data and parse_euros(field.data) is None:
            raise ValidationError(_l("Vul een bedrag in euro's in, zoals 12.500 of 12500,50."))

    def validate_cost_period(self, field):
        if self.cost.data and not field.data:
            raise ValidationError(_l("Kies waarvoor de kosten gelden."))


class IntegrationForm(FlaskForm):
    target_application_id = SelectField(
        _l("Naar applicatie"), coerce=optional_int, validators=[Optional()], validate_choice=True
    )
    external_target = _text(
        _l("Of naar externe dienst"), 120, description=_l("Bijvoorbeeld een landelijke voorziening als de BRP.")
    )
    direction = _enum_select(_l("Richting"), Direction, needed=True)
    standard = _text(_l("Standaard"), 60, description=_l("Bijvoorbeeld StUF, ZGW API, Haal Centraal of bestandsuitwisseling."))
    via_esb = BooleanField(_l("Via de ESB"))
    description = _area(_l("Omschrijving"), 1000)

    def __init__(self, *args, applications=(), source_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.source_id = source_id
        self.target_application_id.choices = select_choices(
            [("", NONE_CHOSEN)] + [(a.id, a.name) for a in applications]
        )

    def validate_target_application_id(self, field):
        if field.data is not None and field.data == self.source_id:
            raise ValidationError(_l("Een koppeling kan niet naar de applicatie zelf gaan."))
        if field.data is None and not (self.external_target.data or "").strip():
            raise ValidationError(_l("Kies een applicatie of vul een externe dienst in."))
        if field.data is not None and (self.external_target.data or "").strip():
            raise ValidationError(_l("Kies een applicatie óf een externe dienst, niet beide."))


class UsageEditForm(UsageForm, VersionedForm):
    pass


class ContractEditForm(ContractForm, VersionedForm):
    pass


class IntegrationEditForm(IntegrationForm, VersionedForm):
    pass


class BulkChangeForm(FlaskForm):
    """Set lifecycle status and/or TIME verdict on the rows selected in the list."""

    lifecycle_status = _enum_select(_l("Nieuwe levenscyclus"), LifecycleStatus)
    time_verdict = _enum_select(_l("Nieuw TIME-oordeel"), TimeVerdict)
    selected = SelectMultipleField(_l("Geselecteerde applicaties"), coerce=int, validate_choice=False)

    def validate_selected(self, field):
        if not field.data:
            raise ValidationError(_l("Selecteer minstens één applicatie."))
        if not (self.lifecycle_status.data or self.time_verdict.data):
            raise ValidationError(_l("Kies een nieuwe levenscyclus of een nieuw TIME-oordeel."))

    def changes(self):
        return {
            name: getattr(self, name).data
            for name in ("lifecycle_status", "time_verdict")
            if getattr(self, name).data
        }


EVERYTHING = _l("— alle —")

SORT_LABELS = {
    "name": _l("Naam"),
    "domain": _l("Domein"),
    "supplier": _l("Leverancier"),
    "status": _l("Levenscyclus"),
    "biv": _l("Hoogste BIV"),
    "action": _l("Actie nodig vóór"),
}


class ApplicationFilterForm(FlaskForm):
    """The list's filters as a GET form: the whole state is in the URL, so it can be shared."""

    class Meta:
        csrf = False

    q = StringField(_l("Zoeken"), validators=[Optional(), max_length(200)],
                    description=_l("In naam, leverancier, product en omschrijving."))
    domain = SelectField(_l("Domein"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    status = _enum_select(_l("Levenscyclus"), LifecycleStatus, blank=EVERYTHING)
    supplier = SelectField(_l("Leverancier"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    organisation = SelectField(_l("Organisatie"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    hosting = _enum_select(_l("Hosting"), Hosting, blank=EVERYTHING)
    biv = _enum_select(_l("Hoogste BIV-niveau"), BivLevel, blank=EVERYTHING)
    time = _enum_select(_l("TIME-oordeel"), TimeVerdict, blank=EVERYTHING)
    action_within = IntegerField(
        _l("Actie nodig binnen (maanden)"),
        validators=[Optional(), NumberRange(min=0, max=120, message=_l("Vul 0 tot en met 120 maanden in."))],
    )
    contract_ends = StringField(
        _l("Contract loopt af in (maand)"), validators=[Optional(), max_length(7)],
        description=_l("Als jjjj-mm, bijvoorbeeld 2027-03."),
    )
    archived = BooleanField(_l("Ook gearchiveerde tonen"))
    sort = SelectField(_l("Sorteer op"), choices=select_choices(SORT_LABELS.items()), validators=[Optional()],
                       validate_choice=True, default="name")
    order = SelectField(_l("Volgorde"), choices=select_choices([("asc", _l("oplopend")), ("desc", _l("aflopend"))]),
                        validators=[Optional()], validate_choice=True, default="asc")
    page = IntegerField(_l("Pagina"), validators=[Optional(), NumberRange(min=1, max=100_000, message=_l("Kies een bestaande pagina."))])

    def __init__(self, *args, domains=(), suppliers=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.domain.choices = select_choices([("", EVERYTHING)] + [(d.id, d.name) for d in domains])
        self.supplier.choices = select_choices([("", EVERYTHING)] + [(s.id, s.name) for s in suppliers])
        self.organisation.choices = select_choices([("", EVERYTHING)] + [(o.id, o.name) for o in organisations])

    def validate_contract_ends(self, field):
        if field.data and _month(field.data) is None:
            raise ValidationError(_l("Vul een maand in als jjjj-mm, bijvoorbeeld 2027-03."))

    def to_filter(self):
        from portfolio.applications.listing import ApplicationFilter

        return ApplicationFilter(
            text=self.q.data or None,
            domain_id=self.domain.data,
            lifecycle_status=self.status.data or None,
            supplier_id=self.supplier.data,
            organisation_id=self.organisation.data,
            hosting=self.hosting.data or None,
            biv=self.biv.data or None,
            time_verdict=self.time.data or None,
            action_within_months=self.action_within.data,
            contract_ends_month=_month(self.contract_ends.data) if self.contract_ends.data else None,
            include_archived=bool(self.archived.data),
            sort=self.sort.data or "name",
            descending=self.order.data == "desc",
        )


def _month(text):
    """The first day of the month written as yyyy-mm, or None when it is not one (2000–2100)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if not match or not 2000 <= int(match.group(1)) <= 2100 or not 1 <= int(match.group(2)) <= 12:
        return None
    return date(int(match.group(1)), int(match.group(2)), 1)
