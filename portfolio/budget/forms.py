"""Forms of the budget; every rule on input lives here, with Dutch messages next to the field."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, Form, FormField, StringField, TextAreaField
from wtforms.validators import Optional, ValidationError

from portfolio.budget.labels import KIND_LABELS, STATUS_LABELS
from portfolio.budget.rules import FULL_SPLIT, MAX_CENTS, MAX_YEAR, MIN_YEAR, format_percentage
from portfolio.web.forms import SelectField, VersionedForm, max_length, optional_int, required, select_choices
from portfolio.core.money import format_euros, parse_euros

AMOUNT_HINT = _l("In euro's, bijvoorbeeld 160.000 of 12500,50.")
NOT_AN_AMOUNT = _l("Vul een bedrag in euro's in, zoals 12.500 of 12500,50.")
NONE_CHOSEN = _l("— geen —")
YEAR_ROWS = 6
_PERCENTAGE = re.compile(r"^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$")


def cents_of(field):
    """The cents a money field holds, None when it is empty (validation has run)."""
    return parse_euros(field.data) if (field.data or "").strip() else None


def euros_text(cents):
    """An amount as the money fields show it: '160.000', '12.500,50', '' for none."""
    return format_euros(cents).removeprefix("€ ")


def parse_percentage(text):
    """Basis points for '33,33', '33.33', '25' or '12,5 %'; None when it is not a percentage."""
    match = _PERCENTAGE.match((text or "").strip())
    if not match:
        return None
    whole, fraction = match.groups()
    return int(whole) * 100 + int((fraction or "0").ljust(2, "0"))


def valid_amount(*, positive=False):
    """A Dutch amount of at least 0 (above 0 when positive) and at most the columns' limit."""

    def check(form, field):
        if not (field.data or "").strip():
            return
        cents = parse_euros(field.data)
        if cents is None:
            raise ValidationError(NOT_AN_AMOUNT)
        if cents < 0:
            raise ValidationError(_l("Een bedrag kan niet negatief zijn."))
        if positive and cents == 0:
            raise ValidationError(_l("Een toewijzing moet groter zijn dan € 0."))
        if cents > MAX_CENTS:
            raise ValidationError(_l("Vul een bedrag tot %(maximum)s in.", maximum=format_euros(MAX_CENTS)))

    return check


def year_of(text):
    """The year in text when it is one from MIN_YEAR to MAX_YEAR, else None."""
    text = (text or "").strip()
    return int(text) if text.isdigit() and MIN_YEAR <= int(text) <= MAX_YEAR else None


def valid_year(form, field):
    if (field.data or "").strip() and year_of(field.data) is None:
        raise ValidationError(_l("Vul een jaar in van %(first)d tot en met %(last)d.", first=MIN_YEAR, last=MAX_YEAR))


def _money(label, *, needed=False, positive=False):
    validators = [required()] if needed else [Optional()]
    return StringField(label, validators=[*validators, max_length(20), valid_amount(positive=positive)],
                       description=AMOUNT_HINT)


def _area(label, maximum):
    return TextAreaField(label, validators=[Optional(), max_length(maximum)])


class FundingSourceForm(FlaskForm):
    name = StringField(_l("Naam"), validators=[required(), max_length(120)],
                       description=_l("Bijvoorbeeld Ideaalcomplex."))
    # The edit form takes the stored year (an int) from the record when the post lacks the field.
    year = StringField(_l("Jaar"), validators=[required(), max_length(4), valid_year],
                       filters=[lambda value: str(value) if isinstance(value, int) else value])
    available = _money(_l("Beschikbaar bedrag"), needed=True)
    notes = _area(_l("Toelichting"), 2000)

    def data_for_service(self):
        return {"name": self.name.data, "year": year_of(self.year.data),
                "available_cents": cents_of(self.available), "notes": self.notes.data}


class FundingSourceEditForm(FundingSourceForm, VersionedForm):
    pass


class AllocationForm(FlaskForm):
    # No Optional() on the targets: it would end validation on an empty choice, before
    # validate_procurement_id could say that one target is needed.
    procurement_id = SelectField(_l("Aanbesteding"), coerce=optional_int, validate_choice=True)
    budget_line_id = SelectField(_l("Of begrotingspost"), coerce=optional_int, validate_choice=True)
    amount = _money(_l("Bedrag"), needed=True, positive=True)
    notes = _area(_l("Toelichting"), 1000)

    def __init__(self, *args, procurements=(), lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.procurement_id.choices = select_choices([("", NONE_CHOSEN)] + [(p.id, p.title) for p in procurements])
        self.budget_line_id.choices = select_choices([("", NONE_CHOSEN)] + [(b.id, b.title) for b in lines])

    def validate_procurement_id(self, field):
        if field.data is None and self.budget_line_id.data is None:
            raise ValidationError(_l("Kies een aanbesteding of een begrotingspost."))
        if field.data is not None and self.budget_line_id.data is not None:
            raise ValidationError(_l("Kies een aanbesteding óf een begrotingspost, niet beide."))

    def data_for_service(self):
        return {"procurement_id": self.procurement_id.data, "budget_line_id": self.budget_line_id.data,
                "amount_cents": cents_of(self.amount), "notes": self.notes.data}


class AllocationEditForm(AllocationForm, VersionedForm):
    pass


class YearAmountForm(Form):
    """One row of a line's amounts; a row left empty is ignored. Plain messages only: a subform
    does not get the translations of Flask-WTF, so no WTForms built-in message may show here."""

    year = StringField(_l("Jaar"), validators=[max_length(4)])
    amount = StringField(_l("Bedrag"), validators=[max_length(20)])

    def validate_year(self, field):
        if (field.data or "").strip():
            valid_year(self, field)
        elif (self.amount.data or "").strip():
            raise ValidationError(_l("Vul het jaar bij dit bedrag in."))

    def validate_amount(self, field):
        if (field.data or "").strip():
            valid_amount()(self, field)
        elif (self.year.data or "").strip():
            raise ValidationError(_l("Vul het bedrag voor dit jaar in."))

    @property
    def filled(self):
        return bool((self.year.data or "").strip() or (self.amount.data or "").strip())


class ShareGroup:
    """The split's fields (one per organisation) and the errors of the split as a whole."""

    def __init__(self, fields):
        self.fields = fields
        self.errors = []
        self.label = _l("Verdeelsleutel")


class BudgetLineForm(FlaskForm):
    title = StringField(_l("Titel"), validators=[required(), max_length(200)])
    kind = SelectField(_l("Soort"), choices=select_choices(KIND_LABELS.items()), validators=[required()],
                       validate_choice=True)
    status = SelectField(_l("Status"), choices=select_choices(STATUS_LABELS.items()), validators=[required()],
                         validate_choice=True, default="requested")
    category = StringField(_l("Categorie"), validators=[Optional(), max_length(120)])
    description = _area(_l("Toelichting"), 4000)
    original = _money(_l("Oorspronkelijk bedrag"))
    revised = _money(_l("Bijgesteld bedrag"))
    revision_reason = _area(_l("Reden van de bijstelling"), 1000)
    application_id = SelectField(_l("Applicatie"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    procurement_id = SelectField(_l("Aanbesteding"), coerce=optional_int, validators=[Optional()], validate_choice=True)
    years = FieldList(FormField(YearAmountForm), label=_l("Bedrag per jaar"), min_entries=YEAR_ROWS, max_entries=30)

    def validate_revision_reason(self, field):
        if (self.revised.data or "").strip() and not (field.data or "").strip():
            raise ValidationError(_l("Geef de reden van de bijstelling op."))

    def validate_years(self, field):
        rows = [entry.form for entry in field.entries if entry.form.filled]
        if not rows:
            raise ValidationError(_l("Vul voor minstens één jaar een bedrag in."))
        seen = set()
        for row in rows:
            year = year_of(row.year.data)
            if year is not None and year in seen:
                row.year.errors = [*row.year.errors, _l("Dit jaar staat er al.")]
                raise ValidationError(_l("Elk jaar mag maar één keer voorkomen."))
            seen.add(year)

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        self.shares.errors = []
        points, shares_valid = {}, True
        for organisation_id, field in self.share_fields.items():
            if not (field.data or "").strip():
                continue
            if (field.data or "").strip().startswith("-"):
                field.errors = [*field.errors, _l("Een percentage kan niet negatief zijn.")]
            elif parse_percentage(field.data) is None:
                field.errors = [*field.errors, _l("Vul een percentage in met hoogstens twee decimalen, zoals 33,33.")]
            elif parse_percentage(field.data) > FULL_SPLIT:
                field.errors = [*field.errors, _l("Een percentage ligt tussen 0 en 100.")]
            else:
                points[organisation_id] = parse_percentage(field.data)
                continue
            shares_valid = valid = False
        if shares_valid and points and sum(points.values()) != FULL_SPLIT:
            self.shares.errors.append(_l("De percentages tellen op tot %(total)s%%; samen moet dat precies 100%% zijn.",
                                         total=format_percentage(sum(points.values()))))
            valid = False
        return valid

    def data_for_service(self):
        data = {name: getattr(self, name).data for name in (
            "title", "kind", "status", "category", "description", "revision_reason", "application_id", "procurement_id",
        )}
        return data | {"original_cents": cents_of(self.original), "revised_cents": cents_of(self.revised)}

    def amounts_for_service(self):
        """[(year, cents)] of the rows filled in, in the order given."""
        return [(year_of(entry.form.year.data), parse_euros(entry.form.amount.data))
                for entry in self.years.entries if entry.form.filled]

    def shares_for_service(self):
        """{organisation id: basis points}; empty when no percentage was given (the line is not split)."""
        return {organisation_id: parse_percentage(field.data)
                for organisation_id, field in self.share_fields.items() if (field.data or "").strip()}


class BudgetLineEditForm(BudgetLineForm, VersionedForm):
    pass


def line_form(base, organisations, *, applications, procurements, line=None, **kwargs):
    """An instance of base (BudgetLineForm or BudgetLineEditForm) with a percentage field per
    organisation, filled from line when given; the split's fields are `share_<organisation id>`."""
    fields = {
        organisation.id: StringField(organisation.name, validators=[Optional(), max_length(8)])
        for organisation in organisations
    }
    form_class = type(base.__name__, (base,), {f"share_{organisation_id}": field for organisation_id, field in fields.items()})
    if line is not None:
        kwargs = _line_values(line) | kwargs
    form = form_class(obj=line, **kwargs)
    form.share_fields = {organisation_id: form[f"share_{organisation_id}"] for organisation_id in fields}
    form.shares = ShareGroup(list(form.share_fields.values()))
    form.application_id.choices = select_choices([("", NONE_CHOSEN)] + [(a.id, a.name) for a in applications])
    form.procurement_id.choices = select_choices([("", NONE_CHOSEN)] + [(p.id, p.title) for p in procurements])
    return form


def _line_values(line):
    amounts = [{"year": str(a.year), "amount": euros_text(a.amount_cents)} for a in sorted(line.amounts, key=lambda a: a.year)]
    shares = {f"share_{s.organisation_id}": format_percentage(s.basis_points) for s in line.shares}
    return {
        "original": euros_text(line.original_cents),
        "revised": euros_text(line.revised_cents),
        "years": amounts + [{}] * max(YEAR_ROWS - len(amounts), 2),
        **shares,
    }
