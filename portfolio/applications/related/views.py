"""Pages for an application's usages, contracts and integrations, and archiving any of them."""

from flask import abort, url_for
from flask_babel import gettext as _
from sqlmodel import select

from portfolio.applications.related import services as related
from portfolio.applications.forms import (
    ContractEditForm, ContractForm, IntegrationEditForm, IntegrationForm, UsageEditForm, UsageForm,
)
from portfolio.applications.models import Application, Contract, Integration, Usage
from portfolio.web.permissions import Permission, requires
from portfolio.web.edit_pages import archive_page, form_page, restore_and_return
from portfolio.core.db import get_session
from portfolio.core.money import format_euros, parse_euros
from portfolio.reference.services import all_organisations
from portfolio.web.routing import Routes

routes = Routes()


KINDS = {"usages": Usage, "contracts": Contract, "integrations": Integration}
_OWNER = {Usage: "application_id", Contract: "application_id", Integration: "source_application_id"}


def _application(application_id):
    return get_session().get(Application, application_id) or abort(404)


def _child(application_id, kind, child_id):
    model = KINDS.get(kind) or abort(404)
    record = get_session().get(model, child_id)
    if record is None or getattr(record, _OWNER[model]) != application_id:
        abort(404)
    return record


def _back(application):
    return url_for("applications.detail", application_id=application.id)


def _saved(_record):
    return _("Opgeslagen.")


@routes.route("/<int:application_id>/usages/new", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def usage_create(application_id):
    application = _application(application_id)
    form = UsageForm(organisations=all_organisations(get_session()))
    return form_page(
        form, "applications/usage_form.html",
        lambda f: related.create_usage(get_session(), application, data=_usage_data(f)),
        success=_saved, redirect_to=_back(application), application=application, record=None,
    )


@routes.route("/<int:application_id>/usages/<int:usage_id>", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def usage_edit(application_id, usage_id):
    application = _application(application_id)
    usage = _child(application_id, "usages", usage_id)
    form = UsageEditForm(obj=usage, organisations=all_organisations(get_session()))
    return form_page(
        form, "applications/usage_form.html",
        lambda f: related.update_usage(get_session(), usage, data=_usage_data(f), loaded_version=f.loaded_version),
        success=_saved, redirect_to=_back(application), application=application, record=usage,
    )


def _usage_data(form):
    return {name: getattr(form, name).data for name in related.USAGE_FIELDS}


@routes.route("/<int:application_id>/contracts/new", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def contract_create(application_id):
    application = _application(application_id)
    form = ContractForm(suppliers=related.suppliers_for_choice(get_session()), supplier_id=application.supplier_id)
    return form_page(
        form, "applications/contract_form.html",
        lambda f: related.create_contract(get_session(), application, data=_contract_data(f)),
        success=_saved, redirect_to=_back(application), application=application, record=None,
    )


@routes.route("/<int:application_id>/contracts/<int:contract_id>", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def contract_edit(application_id, contract_id):
    application = _application(application_id)
    contract = _child(application_id, "contracts", contract_id)
    form = ContractEditForm(
        obj=contract, suppliers=related.suppliers_for_choice(get_session(), keep=contract.supplier_id),
        cost=format_euros(contract.cost_cents).removeprefix("€ ") if contract.cost_cents is not None else "",
    )
    return form_page(
        form, "applications/contract_form.html",
        lambda f: related.update_contract(get_session(), contract, data=_contract_data(f), loaded_version=f.loaded_version),
        success=_saved, redirect_to=_back(application), application=application, record=contract,
    )


def _contract_data(form):
    data = {name: getattr(form, name).data for name in related.CONTRACT_FIELDS if name != "cost_cents"}
    data["cost_cents"] = parse_euros(form.cost.data) if form.cost.data else None
    data["cost_period"] = form.cost_period.data or None
    return data


def _other_applications(application, keep=None):
    """Applications to link to: the current others, plus keep (an edited link's own target, even
    when that was archived since)."""
    current = Application.archived.is_(False)
    if keep is not None:
        current = current | (Application.id == keep)
    return get_session().exec(
        select(Application).where(Application.id != application.id, current).order_by(Application.name)
    ).all()


@routes.route("/<int:application_id>/integrations/new", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def integration_create(application_id):
    application = _application(application_id)
    form = IntegrationForm(applications=_other_applications(application), source_id=application.id)
    return form_page(
        form, "applications/integration_form.html",
        lambda f: related.create_integration(get_session(), application, data=_integration_data(f)),
        success=_saved, redirect_to=_back(application), application=application, record=None,
    )


@routes.route("/<int:application_id>/integrations/<int:integration_id>", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def integration_edit(application_id, integration_id):
    application = _application(application_id)
    integration = _child(application_id, "integrations", integration_id)
    form = IntegrationEditForm(
        obj=integration, applications=_other_applications(application, keep=integration.target_application_id),
        source_id=application.id,
    )
    return form_page(
        form, "applications/integration_form.html",
        lambda f: related.update_integration(
            get_session(), integration, data=_integration_data(f), loaded_version=f.loaded_version
        ),
        success=_saved, redirect_to=_back(application), application=application, record=integration,
    )


def _integration_data(form):
    return {name: getattr(form, name).data for name in related.INTEGRATION_FIELDS}


@routes.route("/<int:application_id>/<kind>/<int:child_id>/archive", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def child_archive(application_id, kind, child_id):
    application = _application(application_id)
    record = _child(application_id, kind, child_id)
    return archive_page(
        record, title=_("Archiveren bij %(name)s", name=application.name), success=_("Gearchiveerd."),
        back=_back(application),
    )


@routes.route("/<int:application_id>/<kind>/<int:child_id>/restore", methods=["POST"])
@requires(Permission.WRITE_REGISTER)
def child_restore(application_id, kind, child_id):
    application = _application(application_id)
    record = _child(application_id, kind, child_id)
    return restore_and_return(record, success=_("Teruggezet."), back=_back(application))
