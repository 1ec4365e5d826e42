"""Pages of the procurement pipeline: the board and list, a procurement's page, its workflow."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import func, select

from portfolio.applications.models import Application
from portfolio.core.audit.history import history_for
from portfolio.budget.models import Allocation
from portfolio.web.edit_pages import archive_page, form_page, restore_and_return
from portfolio.core.db import get_session, rollback_request
from portfolio.core.dates import local_today
from portfolio.core.exceptions import FieldErrors, ServiceError, VersionConflict
from portfolio.web.forms import RestoreForm
from portfolio.procurements import services
from portfolio.procurements.forms import AdvanceForm, NoteForm, ProcurementEditForm, ProcurementForm, StopForm
from portfolio.procurements.enums import PHASE_ORDER, Phase
from portfolio.procurements.timeline import is_behind, timeline
from portfolio.reference.services import active_domains
from portfolio.web.routing import Routes
from portfolio.web.permissions import Permission, can, requires

routes = Routes()



def _funded(session, procurement_ids):
    """{procurement id: cents allocated to it}, in one query."""
    if not procurement_ids:
        return {}
    return dict(session.exec(
        select(Allocation.procurement_id, func.sum(Allocation.amount_cents))
        .where(Allocation.procurement_id.in_(procurement_ids))
        .group_by(Allocation.procurement_id)
    ).all())


@routes.route("/")
@requires(Permission.READ_REGISTER)
def index():
    view = request.args.get("view", "board")
    if view not in ("board", "list"):
        abort(400)
    session = get_session()
    procurements = services.list_procurements(session, include_archived=request.args.get("archived") == "1")
    funded = _funded(session, [p.id for p in procurements])
    columns = [(phase, [p for p in procurements if p.phase == phase.value]) for phase in (*PHASE_ORDER, Phase.STOPPED)]
    return render_template(
        "procurements/index.html", view=view, procurements=procurements, columns=columns, funded=funded,
        behind={p.id: is_behind(p, local_today()) for p in procurements},
    )


def _form_choices(session):
    applications = session.exec(
        select(Application).where(Application.archived.is_(False)).order_by(func.lower(Application.name))
    ).all()
    return {"domains": active_domains(session), "applications": applications}


@routes.route("/new", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def create():
    session = get_session()
    form = ProcurementForm(**_form_choices(session))
    return form_page(
        form, "procurements/form.html",
        lambda f: services.create_procurement(
            session, data=f.data_for_service(), replaces=f.replaces.data or [], planned=f.planned_dates(),
            started_on=local_today(),
        ),
        success=lambda p: _("Aanbesteding %(title)s aangemaakt.", title=p.title),
        redirect_to=lambda p: url_for("procurements.detail", procurement_id=p.id),
        procurement=None,
    )


def _procurement(procurement_id):
    return services.get_procurement(get_session(), procurement_id) or abort(404)


def _detail_context(procurement):
    session = get_session()
    funded = _funded(session, [procurement.id]).get(procurement.id, 0)
    cost = procurement.actual_cost_cents if procurement.actual_cost_cents is not None else procurement.estimated_cost_cents
    return {
        "procurement": procurement,
        "rows": timeline(procurement, local_today()),
        "next_phase": services.next_phase(procurement),
        "missing": services.missing_for_production(procurement),
        "funded": funded,
        "unfunded": max(0, (cost or 0) - funded),
        "notes": sorted(procurement.notes, key=lambda note: note.written_at, reverse=True),
        "history_entries": history_for(session, procurement, *procurement.notes, *procurement.replacements),
        "advance_form": AdvanceForm(formdata=None, obj=procurement, on=local_today()),
        "note_form": NoteForm(formdata=None),
        "restore_form": RestoreForm(formdata=None, obj=procurement),
        "may_override": can(current_user, Permission.OVERRIDE_GATES),
    }


@routes.route("/<int:procurement_id>")
@requires(Permission.READ_REGISTER)
def detail(procurement_id):
    return render_template("procurements/detail.html", **_detail_context(_procurement(procurement_id)))


@routes.route("/<int:procurement_id>/edit", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def edit(procurement_id):
    session = get_session()
    procurement = _procurement(procurement_id)
    planned = {f"planned_{row.phase}": row.planned_on for row in procurement.phase_dates}
    form = ProcurementEditForm(
        obj=procurement, **_form_choices(session), **planned,
        replaces=[link.application_id for link in procurement.replacements],
        estimated_cost=_euros_text(procurement.estimated_cost_cents),
        actual_cost=_euros_text(procurement.actual_cost_cents),
    )
    return form_page(
        form, "procurements/form.html",
        lambda f: services.update_procurement(
            session, procurement, data=f.data_for_service(), loaded_version=f.loaded_version,
            replaces=f.replaces.data or [], planned=f.planned_dates(),
        ),
        success=_("Aanbesteding opgeslagen."),
        redirect_to=url_for("procurements.detail", procurement_id=procurement.id),
        procurement=procurement,
    )


def _euros_text(cents):
    from portfolio.core.money import format_euros

    return format_euros(cents).removeprefix("€ ") if cents is not None else ""


@routes.route("/<int:procurement_id>/advance", methods=["POST"])
@requires(Permission.WRITE_REGISTER)
def advance(procurement_id):
    procurement = _procurement(procurement_id)
    form = AdvanceForm()
    status = 400
    if form.validate():
        try:
            services.advance(
                get_session(), procurement, loaded_version=form.loaded_version, on=form.on.data,
                override_reason=form.override_reason.data, may_override=can(current_user, Permission.OVERRIDE_GATES),
            )
        except (FieldErrors, ServiceError, VersionConflict) as error:
            form.form_errors.append(error.message)
            status = error.status
            # Show what is stored, not the refused change half-made in memory.
            rollback_request()
            procurement = _procurement(procurement_id)
        else:
            flash(_("%(title)s is nu in de fase %(phase)s.", title=procurement.title,
                    phase=_phase_label(procurement.phase)), "success")
            return redirect(url_for("procurements.detail", procurement_id=procurement.id))
    context = _detail_context(procurement)
    context["advance_form"] = form
    return render_template("procurements/detail.html", **context), status


def _phase_label(value):
    from portfolio.core.labels import label

    return label(Phase, value)


@routes.route("/<int:procurement_id>/notes", methods=["POST"])
@requires(Permission.WRITE_REGISTER)
def add_note(procurement_id):
    procurement = _procurement(procurement_id)
    form = NoteForm()
    if form.validate():
        services.add_note(get_session(), procurement, text=form.text.data, author=current_user.name)
        flash(_("Notitie toegevoegd."), "success")
        return redirect(url_for("procurements.detail", procurement_id=procurement.id) + "#notities")
    context = _detail_context(procurement)
    context["note_form"] = form
    return render_template("procurements/detail.html", **context), 400


@routes.route("/<int:procurement_id>/stop", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def stop(procurement_id):
    procurement = _procurement(procurement_id)
    form = StopForm(obj=procurement, on=local_today(), reason=None)
    back = url_for("procurements.detail", procurement_id=procurement.id)
    return form_page(
        form, "procurements/stop.html",
        lambda f: services.stop(get_session(), procurement, loaded_version=f.loaded_version, reason=f.reason.data, on=f.on.data),
        success=_("Aanbesteding gestopt."), redirect_to=back, procurement=procurement, back=back,
    )


@routes.route("/<int:procurement_id>/archive", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def archive(procurement_id):
    procurement = _procurement(procurement_id)
    return archive_page(
        procurement, title=_("Aanbesteding %(title)s archiveren", title=procurement.title),
        success=_("Aanbesteding gearchiveerd."),
        back=url_for("procurements.detail", procurement_id=procurement.id),
    )


@routes.route("/<int:procurement_id>/restore", methods=["POST"])
@requires(Permission.WRITE_REGISTER)
def restore(procurement_id):
    procurement = _procurement(procurement_id)
    return restore_and_return(
        procurement, success=_("Aanbesteding teruggezet."),
        back=url_for("procurements.detail", procurement_id=procurement.id),
    )


