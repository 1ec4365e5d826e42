"""Pages of the privacy register: the FG's chain overview, processing activities (with the art. 30
export) and processor agreements. Breaches have their own module (views_breaches.py)."""

from types import SimpleNamespace

from flask import abort, current_app, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import func, select

from portfolio.web import security_events
from portfolio.applications.models import Application
from portfolio.core.audit.history import history_for
from portfolio.web.permissions import Permission, can, requires
from portfolio.web.edit_pages import archive_page, form_page, restore_and_return
from portfolio.core.db import get_session
from portfolio.core.dates import local_today, utcnow
from portfolio.web.forms import RestoreForm
from portfolio.privacy import chain, enums, export, listing, services
from portfolio.privacy.forms import AgreementEditForm, AgreementForm, ProcessingEditForm, ProcessingFilterForm, ProcessingForm
from portfolio.reference.models import Organisation
from portfolio.reference.services import all_organisations
from portfolio.suppliers.models import Supplier
from portfolio.web.routing import Routes

routes = Routes()
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@routes.app_context_processor
def privacy_template_globals():
    """The privacy enumerations for label() in templates, also in the application page's panel."""
    return {"privacy_enums": SimpleNamespace(
        LegalBasis=enums.LegalBasis, SpecialCategoryGround=enums.SpecialCategoryGround,
        DpiaRequired=enums.DpiaRequired, DpiaStatus=enums.DpiaStatus, BreachRisk=enums.BreachRisk,
    )}



def expiry_days():
    return current_app.config["PRIVACY_AGREEMENT_EXPIRY_DAYS"]


@routes.route("/")
@requires(Permission.READ_PRIVACY)
def index():
    session = get_session()
    with_breaches = can(current_user, Permission.MANAGE_BREACHES)
    counts = chain.overview(session, today=local_today(), now=utcnow(), with_breaches=with_breaches)
    expiring = chain.expiring_agreements(session, today=local_today(), days=expiry_days())
    return render_template("privacy/index.html", counts=counts, with_breaches=with_breaches,
                           expiring=expiring, expiry_days=expiry_days())


@routes.route("/chain/<figure>")
@requires(Permission.READ_PRIVACY)
def chain_list(figure):
    if figure not in chain.FIGURES:
        abort(404)
    records = get_session().exec(chain.figure_statement(figure, local_today())).all()
    return render_template("privacy/chain_list.html", figure=figure, records=records)


# Processing activities -----------------------------------------------------------------------

@routes.route("/processing/")
@requires(Permission.READ_PRIVACY)
def processing_index():
    session = get_session()
    organisations = all_organisations(session)
    form = ProcessingFilterForm(request.args, organisations=organisations)
    if not form.validate():
        return render_template("privacy/processing_index.html", form=form, page=None, organisations=organisations), 400
    processing_filter = listing.ProcessingFilter(
        organisation_id=form.organisation.data, text=form.q.data, include_archived=form.archived.data,
    )
    page = listing.list_processing(session, processing_filter, page=form.page.data or 1)
    return render_template("privacy/processing_index.html", form=form, page=page, organisations=organisations)


def _applications_for_choice(session, keep=()):
    keep = list(keep)
    condition = Application.archived.is_(False)
    if keep:
        condition = condition | Application.id.in_(keep)
    return session.exec(select(Application).where(condition).order_by(func.lower(Application.name))).all()


def _suppliers_for_choice(session, keep=()):
    keep = list(keep)
    condition = Supplier.archived.is_(False)
    if keep:
        condition = condition | Supplier.id.in_(keep)
    return session.exec(select(Supplier).where(condition).order_by(func.lower(Supplier.name))).all()


def _processing_choices(session, processing=None):
    applications = [link.application_id for link in processing.application_links] if processing else []
    processors = [link.supplier_id for link in processing.processor_links] if processing else []
    return {
        "organisations": all_organisations(session),
        "applications": _applications_for_choice(session, applications),
        "suppliers": _suppliers_for_choice(session, processors),
    }


def _processing(processing_id):
    return services.get_processing(get_session(), processing_id) or abort(404)


@routes.route("/processing/new", methods=["GET", "POST"])
@requires(Permission.WRITE_PRIVACY)
def processing_create():
    session = get_session()
    form = ProcessingForm(**_processing_choices(session))
    return form_page(
        form, "privacy/processing_form.html",
        lambda f: services.create_processing(
            session, data=f.data_for_service(), application_ids=f.application_ids.data or [],
            processor_ids=f.processor_ids.data or [],
        ),
        success=lambda processing: _("Verwerking %(name)s aangemaakt.", name=processing.name),
        redirect_to=lambda processing: url_for("privacy.processing_detail", processing_id=processing.id),
        processing=None,
    )


@routes.route("/processing/<int:processing_id>")
@requires(Permission.READ_PRIVACY)
def processing_detail(processing_id):
    session = get_session()
    processing = _processing(processing_id)
    links = [*processing.application_links, *processing.processor_links]
    return render_template(
        "privacy/processing_detail.html", processing=processing,
        history_entries=history_for(session, processing, *links),
        restore_form=RestoreForm(formdata=None, obj=processing),
    )


@routes.route("/processing/<int:processing_id>/edit", methods=["GET", "POST"])
@requires(Permission.WRITE_PRIVACY)
def processing_edit(processing_id):
    session = get_session()
    processing = _processing(processing_id)
    form = ProcessingEditForm(
        obj=processing, **_processing_choices(session, processing),
        application_ids=[link.application_id for link in processing.application_links],
        processor_ids=[link.supplier_id for link in processing.processor_links],
    )
    return form_page(
        form, "privacy/processing_form.html",
        lambda f: services.update_processing(
            session, processing, data=f.data_for_service(), loaded_version=f.loaded_version,
            application_ids=f.application_ids.data or [], processor_ids=f.processor_ids.data or [],
        ),
        success=_("Verwerking opgeslagen."),
        redirect_to=url_for("privacy.processing_detail", processing_id=processing.id),
        processing=processing,
    )


@routes.route("/processing/<int:processing_id>/archive", methods=["GET", "POST"])
@requires(Permission.WRITE_PRIVACY)
def processing_archive(processing_id):
    processing = _processing(processing_id)
    return archive_page(
        processing, title=_("Verwerking %(name)s archiveren", name=processing.name),
        success=_("Verwerking gearchiveerd."),
        back=url_for("privacy.processing_detail", processing_id=processing.id),
    )


@routes.route("/processing/<int:processing_id>/restore", methods=["POST"])
@requires(Permission.WRITE_PRIVACY)
def processing_restore(processing_id):
    processing = _processing(processing_id)
    return restore_and_return(
        processing, success=_("Verwerking teruggezet."),
        back=url_for("privacy.processing_detail", processing_id=processing.id),
    )


@routes.route("/processing/export.xlsx")
@requires(Permission.READ_PRIVACY)
def processing_export():
    """The art. 30 register of one organisation (?organisation=<id>); 400 without a known one."""
    raw = request.args.get("organisation", "")
    if not raw.isdigit():
        abort(400)
    session = get_session()
    organisation = session.get(Organisation, int(raw)) or abort(400)
    contacts = current_app.config["PRIVACY_CONTACTS"].get(organisation.name, {})
    handle = export.write_register_xlsx(
        organisation, listing.processing_of_organisation(session, organisation.id),
        controller_contact=contacts.get("controller"), dpo_contact=contacts.get("dpo"),
    )
    filename = f"verwerkingsregister-{organisation.id}-{local_today().isoformat()}.xlsx"
    security_events.record(security_events.PERSONAL_DATA_EXPORT, outcome="success", export="processing_register",
                           organisation_id=organisation.id)
    return send_file(handle, mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=filename)


# Processor agreements -------------------------------------------------------------------------

@routes.route("/agreements/")
@requires(Permission.READ_PRIVACY)
def agreement_index():
    include_archived = request.args.get("archived") == "1"
    agreements = listing.list_agreements(get_session(), include_archived=include_archived)
    on, days = local_today(), expiry_days()
    return render_template(
        "privacy/agreement_index.html", agreements=agreements, include_archived=include_archived,
        state={a.id: agreement_state(a, on, days) for a in agreements}, expiry_days=days,
    )


def agreement_state(agreement, on, days):
    """'unsigned', 'ended', 'expiring' (within days), 'current' or 'archived'."""
    from datetime import timedelta

    if agreement.archived:
        return "archived"
    if agreement.signed_on is None or agreement.signed_on > on:
        return "unsigned"
    if agreement.ends_on is not None and agreement.ends_on < on:
        return "ended"
    if agreement.ends_on is not None and agreement.ends_on <= on + timedelta(days=days):
        return "expiring"
    return "current"


def _agreement(agreement_id):
    return services.get_agreement(get_session(), agreement_id) or abort(404)


def _agreement_choices(session, agreement=None):
    return {
        "organisations": all_organisations(session),
        "applications": _applications_for_choice(session, [link.application_id for link in agreement.application_links] if agreement else []),
        "suppliers": _suppliers_for_choice(session, [agreement.supplier_id] if agreement else []),
    }


@routes.route("/agreements/new", methods=["GET", "POST"])
@requires(Permission.WRITE_PRIVACY)
def agreement_create():
    session = get_session()
    form = AgreementForm(**_agreement_choices(session))
    return form_page(
        form, "privacy/agreement_form.html",
        lambda f: services.create_agreement(session, data=f.data_for_service(), application_ids=f.application_ids.data or []),
        success=_("Verwerkersovereenkomst vastgelegd."),
        redirect_to=url_for("privacy.agreement_index"),
        agreement=None,
    )


@routes.route("/agreements/<int:agreement_id>/edit", methods=["GET", "POST"])
@requires(Permission.WRITE_PRIVACY)
def agreement_edit(agreement_id):
    session = get_session()
    agreement = _agreement(agreement_id)
    form = AgreementEditForm(
        obj=agreement, **_agreement_choices(session, agreement),
        application_ids=[link.application_id for link in agreement.application_links],
    )
    return form_page(
        form, "privacy/agreement_form.html",
        lambda f: services.update_agreement(
            session, agreement, data=f.data_for_service(), loaded_version=f.loaded_version,
            application_ids=f.application_ids.data or [],
        ),
        success=_("Verwerkersovereenkomst opgeslagen."),
        redirect_to=url_for("privacy.agreement_index"),
        agreement=agreement,
        history_entries=history_for(session, agreement, *agreement.application_links),
        restore_form=RestoreForm(formdata=None, obj=agreement),
    )


@routes.route("/agreements/<int:agreement_id>/archive", methods=["GET", "POST"])
@requires(Permission.WRITE_PRIVACY)
def agreement_archive(agreement_id):
    agreement = _agreement(agreement_id)
    return archive_page(
        agreement, title=_("Verwerkersovereenkomst met %(name)s archiveren", name=agreement.supplier.name),
        success=_("Verwerkersovereenkomst gearchiveerd."), back=url_for("privacy.agreement_index"),
    )


@routes.route("/agreements/<int:agreement_id>/restore", methods=["POST"])
@requires(Permission.WRITE_PRIVACY)
def agreement_restore(agreement_id):
    agreement = _agreement(agreement_id)
    return restore_and_return(
        agreement, success=_("Verwerkersovereenkomst teruggezet."),
        back=url_for("privacy.agreement_edit", agreement_id=agreement.id),
    )
