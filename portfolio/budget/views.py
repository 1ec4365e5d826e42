"""Pages of the budget: the overview of a year and its export, budget lines, funding and allocations."""

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _

from portfolio.web.permissions import Permission, requires
from portfolio.budget import funding, history, rules
from portfolio.budget import lines as budget_lines
from portfolio.budget.export import write_overview_xlsx
from portfolio.budget.forms import (
    AllocationEditForm, AllocationForm, BudgetLineEditForm, BudgetLineForm, FundingSourceEditForm,
    FundingSourceForm, euros_text, line_form, year_of,
)
from portfolio.budget.labels import kind_label, status_label
from portfolio.budget.models import Allocation
from portfolio.budget.overview import budget_overview
from portfolio.web.edit_pages import archive_page, form_page, restore_and_return
from portfolio.core.db import get_session
from portfolio.core.dates import local_today
from portfolio.core.exceptions import ServiceError
from portfolio.web.forms import RestoreForm
from portfolio.core.money import format_euros
from portfolio.reference.services import all_organisations
from portfolio.web.routing import Routes

routes = Routes()
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"



@routes.context_processor
def _template_helpers():
    return {
        "kind_label": kind_label, "status_label": status_label, "percentage": rules.format_percentage,
        "procurement_pages": "procurements.detail" in current_app.view_functions,
    }


def _year():
    """The year asked for in ?year=, the current year without one. Raises ServiceError (400) otherwise."""
    text = request.args.get("year", "")
    if not text:
        return local_today().year
    year = year_of(text)
    if year is None:
        raise ServiceError(_("Kies een jaar van %(first)d tot en met %(last)d, bijvoorbeeld %(example)d.",
                             first=rules.MIN_YEAR, last=rules.MAX_YEAR, example=local_today().year))
    return year


@routes.route("/")
@requires(Permission.READ_REGISTER)
def index():
    overview = budget_overview(get_session(), _year())
    years = sorted(set(overview.years) | {local_today().year, overview.year})
    return render_template("budget/index.html", overview=overview, years=years)


@routes.route("/export.xlsx")
@requires(Permission.READ_REGISTER)
def export_xlsx():
    overview = budget_overview(get_session(), _year())
    return send_file(write_overview_xlsx(overview), mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name=f"begroting-{overview.year}.xlsx")


# --- budget lines ---------------------------------------------------------------------------


@routes.route("/lines")
@requires(Permission.READ_REGISTER)
def lines():
    include_archived = request.args.get("archived") == "1"
    rows = budget_lines.list_budget_lines(get_session(), include_archived=include_archived)
    return render_template("budget/lines.html", lines=rows, include_archived=include_archived)


def _line_form(base, line=None):
    session = get_session()
    applications, procurements = budget_lines.choices_for_line(session, line)
    return line_form(base, all_organisations(session), applications=applications, procurements=procurements, line=line)


def _line_saver(line=None):
    def save(form):
        arguments = {"data": form.data_for_service(), "amounts": form.amounts_for_service(),
                     "shares": form.shares_for_service()}
        if line is None:
            return budget_lines.create_budget_line(get_session(), **arguments)
        return budget_lines.update_budget_line(get_session(), line, loaded_version=form.loaded_version, **arguments)

    return save


def _line_url(line):
    return url_for("budget.line_detail", line_id=line.id)


@routes.route("/lines/new", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def line_create():
    return form_page(
        _line_form(BudgetLineForm), "budget/line_form.html", _line_saver(),
        success=lambda line: _("Begrotingspost %(title)s aangemaakt.", title=line.title),
        redirect_to=_line_url, line=None,
    )


def _line_or_404(line_id):
    return budget_lines.get_budget_line(get_session(), line_id) or abort(404)


@routes.route("/lines/<int:line_id>")
@requires(Permission.READ_REGISTER)
def line_detail(line_id):
    session = get_session()
    line = _line_or_404(line_id)
    return render_template(
        "budget/line_detail.html", line=line, allocations=budget_lines.allocations_to_line(session, line),
        history_entries=history.line_history(session, line), restore_form=RestoreForm(obj=line),
        organisations=all_organisations(session),
    )


@routes.route("/lines/<int:line_id>/edit", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def line_edit(line_id):
    line = _line_or_404(line_id)
    return form_page(
        _line_form(BudgetLineEditForm, line), "budget/line_form.html", _line_saver(line),
        success=_("Begrotingspost opgeslagen."), redirect_to=_line_url(line), line=line,
    )


@routes.route("/lines/<int:line_id>/archive", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def line_archive(line_id):
    line = _line_or_404(line_id)
    return archive_page(
        line, title=_("Begrotingspost %(title)s archiveren", title=line.title),
        success=_("Begrotingspost %(title)s gearchiveerd.", title=line.title), back=_line_url(line),
    )


@routes.route("/lines/<int:line_id>/restore", methods=["POST"])
@requires(Permission.WRITE_REGISTER)
def line_restore(line_id):
    line = _line_or_404(line_id)
    return restore_and_return(
        line, success=_("Begrotingspost %(title)s teruggezet.", title=line.title), back=_line_url(line),
    )


# --- funding sources and allocations --------------------------------------------------------


def _source_or_404(source_id):
    return funding.get_funding_source(get_session(), source_id) or abort(404)


def _source_url(source):
    return url_for("budget.funding_detail", source_id=source.id)


def _warn_if_over_allocated(source):
    """Over-allocation is saved, never silently: say by how much (see portfolio.budget.funding)."""
    over = funding.over_allocation_cents(get_session(), source)
    if over:
        flash(_("Let op: %(name)s %(year)d is overschreden met %(amount)s.",
                name=source.name, year=source.year, amount=format_euros(over)), "warning")


@routes.route("/funding/new", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def funding_create():
    form = FundingSourceForm(year=str(year_of(request.args.get("year")) or local_today().year))
    return form_page(
        form, "budget/funding_form.html",
        lambda f: funding.create_funding_source(get_session(), data=f.data_for_service()),
        success=lambda source: _("Dekking %(name)s aangemaakt.", name=source.name),
        redirect_to=_source_url, source=None,
    )


@routes.route("/funding/<int:source_id>")
@requires(Permission.READ_REGISTER)
def funding_detail(source_id):
    session = get_session()
    source = _source_or_404(source_id)
    allocated = sum(allocation.amount_cents for allocation in source.allocations)
    return render_template(
        "budget/funding_detail.html", source=source, allocated=allocated,
        allocations=sorted(source.allocations, key=lambda allocation: allocation.id),
        history_entries=history.funding_history(session, source),
    )


@routes.route("/funding/<int:source_id>/edit", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def funding_edit(source_id):
    source = _source_or_404(source_id)
    form = FundingSourceEditForm(obj=source, year=str(source.year), available=euros_text(source.available_cents))

    def save(f):
        saved = funding.update_funding_source(get_session(), source, data=f.data_for_service(),
                                               loaded_version=f.loaded_version)
        _warn_if_over_allocated(saved)
        return saved

    return form_page(form, "budget/funding_form.html", save, success=_("Dekking opgeslagen."),
                     redirect_to=_source_url(source), source=source)


def _allocation_form(base, allocation=None):
    session = get_session()
    extra = {"amount": euros_text(allocation.amount_cents)} if allocation is not None else {}
    return base(obj=allocation, procurements=rules.procurements_for_choice(session, allocation and allocation.procurement_id),
                lines=funding.lines_for_choice(session, allocation and allocation.budget_line_id), **extra)


def _allocation_or_404(source, allocation_id):
    allocation = get_session().get(Allocation, allocation_id)
    if allocation is None or allocation.funding_source_id != source.id:
        abort(404)
    return allocation


@routes.route("/funding/<int:source_id>/allocations/new", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def allocation_create(source_id):
    source = _source_or_404(source_id)

    def save(form):
        allocation = funding.create_allocation(get_session(), source, data=form.data_for_service())
        _warn_if_over_allocated(source)
        return allocation

    return form_page(_allocation_form(AllocationForm), "budget/allocation_form.html", save,
                     success=_("Toewijzing opgeslagen."), redirect_to=_source_url(source), source=source, allocation=None)


@routes.route("/funding/<int:source_id>/allocations/<int:allocation_id>", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def allocation_edit(source_id, allocation_id):
    source = _source_or_404(source_id)
    allocation = _allocation_or_404(source, allocation_id)

    def save(form):
        saved = funding.update_allocation(get_session(), allocation, data=form.data_for_service(),
                                           loaded_version=form.loaded_version)
        _warn_if_over_allocated(source)
        return saved

    return form_page(_allocation_form(AllocationEditForm, allocation), "budget/allocation_form.html", save,
                     success=_("Toewijzing opgeslagen."), redirect_to=_source_url(source), source=source,
                     allocation=allocation)


@routes.route("/funding/<int:source_id>/allocations/<int:allocation_id>/delete", methods=["POST"])
@requires(Permission.WRITE_REGISTER)
def allocation_delete(source_id, allocation_id):
    source = _source_or_404(source_id)
    allocation = _allocation_or_404(source, allocation_id)
    form = RestoreForm()
    if form.validate():
        funding.delete_allocation(get_session(), allocation, loaded_version=form.loaded_version)
        flash(_("Toewijzing verwijderd."), "success")
    else:
        flash(_("Het formulier is onvolledig; laad de pagina opnieuw."), "error")
    return redirect(_source_url(source))
