"""Pages of processor agreements: the list with each agreement's state, create, edit, archive and
restore."""

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _

from portfolio.core.audit.history import history_for
from portfolio.core.db import get_session
from portfolio.core.dates import local_today
from portfolio.privacy import listing
from portfolio.privacy.agreements import services
from portfolio.privacy.agreements.currency import agreement_state, expiry_days
from portfolio.privacy.agreements.forms import AgreementEditForm, AgreementForm
from portfolio.privacy.services import applications_for_choice, suppliers_for_choice
from portfolio.reference.services import all_organisations
from portfolio.web.edit_pages import archive_page, form_page, restore_and_return
from portfolio.web.forms import RestoreForm
from portfolio.web.permissions import Permission, requires
from portfolio.web.routing import Routes

routes = Routes()


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


def _agreement(agreement_id):
    return services.get_agreement(get_session(), agreement_id) or abort(404)


def _agreement_choices(session, agreement=None):
    return {
        "organisations": all_organisations(session),
        "applications": applications_for_choice(session, [link.application_id for link in agreement.application_links] if agreement else []),
        "suppliers": suppliers_for_choice(session, [agreement.supplier_id] if agreement else []),
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
