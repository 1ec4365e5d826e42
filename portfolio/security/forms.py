"""Forms of the security register's measures (and the field helpers its sub-packages share);
input rules with Dutch messages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField, DateField, IntegerField, StringField, TextAreaField,
)
from wtforms.validators import NumberRange, Optional, ValidationError

from portfolio.applications.enums import BivLevel, EnsiaSubject
from portfolio.applications.forms import EVERYTHING
from portfolio.core.labels import choices
from portfolio.web.forms import DATE_HINT, NONE_CHOSEN, SelectField, SelectMultipleField, VersionedForm, max_length, optional_int, required, select_choices
from portfolio.security.enums import MeasureStatus, Overseer, Priority


def enum_select(label, enum, *, needed=False, blank=NONE_CHOSEN):
    return SelectField(label, choices=select_choices(choices(enum, blank=None if needed else blank)),
                       validators=[required()] if needed else [Optional()], validate_choice=True)


def date_field(label, description=DATE_HINT):
    return DateField(label, validators=[Optional()], description=description, format="%Y-%m-%d")


def _ids(label, description=None):
    return SelectMultipleField(label, coerce=int, validators=[Optional()], description=description)


class StatusFields:
    status = enum_select(_l("Status"), MeasureStatus, needed=True)
    status_reason = TextAreaField(
        _l("Reden"), validators=[Optional(), max_length(1000)],
        description=_l("Verplicht bij ‘niet van toepassing’: waarom niet. Bij ‘uitgesteld’: waarom."),
    )
    postponed_until = date_field(_l("Uitgesteld tot"), _l("Verplicht bij ‘uitgesteld’: de nieuwe datum, als jjjj-mm-dd."))

    def validate_status_reason(self, field):
        if self.status.data == MeasureStatus.NOT_APPLICABLE and not (field.data or "").strip():
            raise ValidationError(_l("Geef aan waarom de maatregel niet van toepassing is."))

    def validate_postponed_until(self, field):
        if self.status.data == MeasureStatus.POSTPONED and field.data is None and not field.errors:
            raise ValidationError(_l("Geef de nieuwe datum op tot wanneer de maatregel is uitgesteld."))


class MeasureForm(StatusFields, FlaskForm):
    title = StringField(_l("Titel"), validators=[required(), max_length(200)])
    description = TextAreaField(_l("Omschrijving"), validators=[Optional(), max_length(4000)])
    requirement_ids = _ids(_l("Normen waaraan de maatregel voldoet"))
    overseer = enum_select(_l("Toezichthouder"), Overseer, needed=True)
    team = StringField(_l("Uitvoerend team"), validators=[Optional(), max_length(120)], default="I&A")
    assignee_id = SelectField(_l("Uitvoerder"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    priority = enum_select(_l("Prioriteit"), Priority, needed=True)
    due_on = date_field(_l("Gereed op"))
    review_interval_months = IntegerField(
        _l("Herbeoordelen elke (maanden)"),
        validators=[Optional(), NumberRange(min=1, max=120, message=_l("Vul 1 tot en met 120 maanden in."))],
    )
    next_review_on = date_field(_l("Volgende herbeoordeling"))
    applies_to_all = BooleanField(_l("Geldt voor alle applicaties"))
    min_availability = enum_select(_l("Vanaf beschikbaarheid"), BivLevel)
    min_integrity = enum_select(_l("Vanaf integriteit"), BivLevel)
    min_confidentiality = enum_select(_l("Vanaf vertrouwelijkheid"), BivLevel)
    application_ids = _ids(_l("Gekoppelde applicaties"), _l("Applicaties waarvoor de maatregel hoe dan ook geldt."))
    organisation_ids = _ids(_l("Organisaties"), _l("Leeg: alle organisaties."))
    ensia_subjects = SelectMultipleField(_l("ENSIA-onderwerpen"), choices=select_choices(choices(EnsiaSubject)),
                                         validators=[Optional()])

    def __init__(self, *args, requirements=(), users=(), applications=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.requirement_ids.choices = [(r.id, f"{r.framework.name} {r.reference} – {r.title}") for r in requirements]
        self.assignee_id.choices = select_choices([("", NONE_CHOSEN)] + [(u.id, u.name) for u in users])
        self.application_ids.choices = [(a.id, a.name) for a in applications]
        self.organisation_ids.choices = [(o.id, o.name) for o in organisations]

    def data_for_service(self):
        from portfolio.security.services import MEASURE_FIELDS

        return {name: getattr(self, name).data for name in MEASURE_FIELDS}

    def links(self):
        return {name: self[name].data or [] for name in ("requirement_ids", "application_ids", "organisation_ids")}


class MeasureEditForm(MeasureForm, VersionedForm):
    pass


SORT_LABELS = {
    "title": _l("Titel"), "status": _l("Status"), "priority": _l("Prioriteit"), "due": _l("Gereed op"),
    "review": _l("Volgende herbeoordeling"), "assignee": _l("Uitvoerder"),
}


class MeasureFilterForm(FlaskForm):
    """The list's filters as a GET form: the whole state is in the URL."""

    class Meta:
        csrf = False

    q = StringField(_l("Zoeken"), validators=[Optional(), max_length(200)], description=_l("In titel en omschrijving."))
    framework = SelectField(_l("Normenkader"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    chapter = StringField(_l("Hoofdstuk"), validators=[Optional(), max_length(300)])
    requirement = StringField(_l("Normcode"), validators=[Optional(), max_length(60)])
    overseer = enum_select(_l("Toezichthouder"), Overseer, blank=EVERYTHING)
    team = StringField(_l("Uitvoerend team"), validators=[Optional(), max_length(120)])
    assignee = SelectField(_l("Uitvoerder"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    status = enum_select(_l("Status"), MeasureStatus, blank=EVERYTHING)
    priority = enum_select(_l("Prioriteit"), Priority, blank=EVERYTHING)
    due = SelectField(_l("Termijn"), choices=select_choices([("", EVERYTHING), ("overdue", _l("verlopen")),
                                                           ("soon", _l("binnen 30 dagen"))]),
                      validators=[Optional()], validate_choice=True)
    review = BooleanField(_l("Herbeoordeling nodig"))
    evidence = SelectField(_l("Bewijs"), choices=select_choices([("", EVERYTHING), ("missing", _l("geen actueel bewijs")),
                                                                ("current", _l("actueel bewijs"))]),
                           validators=[Optional()], validate_choice=True)
    application = SelectField(_l("Gekoppelde applicatie"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    organisation = SelectField(_l("Organisatie"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    ensia = enum_select(_l("ENSIA-onderwerp"), EnsiaSubject, blank=EVERYTHING)
    biv = SelectField(_l("BIV-drempel op"), choices=select_choices([
        ("", EVERYTHING), ("availability", _l("beschikbaarheid")), ("integrity", _l("integriteit")),
        ("confidentiality", _l("vertrouwelijkheid"))]), validators=[Optional()], validate_choice=True)
    all_applications = BooleanField(_l("Alleen maatregelen voor alle applicaties"))
    archived = BooleanField(_l("Ook gearchiveerde tonen"))
    sort = SelectField(_l("Sorteer op"), choices=select_choices(SORT_LABELS.items()), validators=[Optional()],
                       validate_choice=True, default="title")
    order = SelectField(_l("Volgorde"), choices=select_choices([("asc", _l("oplopend")), ("desc", _l("aflopend"))]),
                        validators=[Optional()], validate_choice=True, default="asc")
    page = IntegerField(_l("Pagina"), validators=[Optional(), NumberRange(min=1, max=100_000, message=_l("Kies een bestaande pagina."))])

    def __init__(self, *args, frameworks=(), users=(), applications=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.framework.choices = select_choices([("", EVERYTHING)] + [(f.id, f.name) for f in frameworks])
        self.assignee.choices = select_choices([("", EVERYTHING)] + [(u.id, u.name) for u in users])
        self.application.choices = select_choices([("", EVERYTHING)] + [(a.id, a.name) for a in applications])
        self.organisation.choices = select_choices([("", EVERYTHING)] + [(o.id, o.name) for o in organisations])

    def to_filter(self):
        from portfolio.security.listing import MeasureFilter

        return MeasureFilter(
            text=self.q.data or None, framework_id=self.framework.data, chapter=self.chapter.data or None,
            requirement=self.requirement.data or None, overseer=self.overseer.data or None,
            team=self.team.data or None, assignee_id=self.assignee.data, status=self.status.data or None,
            priority=self.priority.data or None, due=self.due.data or None, review_due=bool(self.review.data),
            evidence=self.evidence.data or None, application_id=self.application.data,
            organisation_id=self.organisation.data, ensia=self.ensia.data or None, biv_axis=self.biv.data or None,
            applies_to_all=bool(self.all_applications.data), include_archived=bool(self.archived.data),
            sort=self.sort.data or "title", descending=self.order.data == "desc",
        )
