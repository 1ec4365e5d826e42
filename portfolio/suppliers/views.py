"""Pages for suppliers: list, create, edit with history, archive and restore."""

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import func, select

from portfolio.applications.models import Application
from portfolio.core.audit.history import history_for
from portfolio.web.permissions import Permission, requires
from portfolio.web.edit_pages import archive_page, form_page, restore_and_return
from portfolio.web.forms import RestoreForm
from portfolio.core.db import get_session
from portfolio.suppliers import services
from portfolio.suppliers.forms import SupplierEditForm, SupplierForm
from portfolio.web.routing import Routes

routes = Routes()


@routes.route("/")
@requires(Permission.READ_REGISTER)
def index():
    session = get_session()
    include_archived = request.args.get("archived") == "1"
    suppliers = services.list_suppliers(session, include_archived=include_archived)
    counts = dict(
        session.exec(
            select(Application.supplier_id, func.count())
            .where(Application.archived.is_(False))
            .group_by(Application.supplier_id)
        ).all()
    )
    return render_template("suppliers/index.html", suppliers=suppliers, counts=counts, include_archived=include_archived)


@routes.route("/new", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def create():
    form = SupplierForm()
    return form_page(
        form, "suppliers/form.html",
        lambda f: services.create_supplier(get_session(), data=f.data_for_service()),
        success=lambda supplier: _("Leverancier %(name)s aangemaakt.", name=supplier.name),
        redirect_to=lambda supplier: url_for("suppliers.detail", supplier_id=supplier.id),
        supplier=None,
    )


def _supplier(supplier_id):
    return services.get_supplier(get_session(), supplier_id) or abort(404)


@routes.route("/<int:supplier_id>")
@requires(Permission.READ_REGISTER)
def detail(supplier_id):
    session = get_session()
    supplier = _supplier(supplier_id)
    applications = session.exec(
        select(Application).where(Application.supplier_id == supplier.id).order_by(Application.name)
    ).all()
    return render_template(
        "suppliers/detail.html", supplier=supplier, applications=applications,
        history_entries=history_for(session, supplier), restore_form=RestoreForm(obj=supplier),
    )


@routes.route("/<int:supplier_id>/edit", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def edit(supplier_id):
    supplier = _supplier(supplier_id)
    form = SupplierEditForm(obj=supplier)
    return form_page(
        form, "suppliers/form.html",
        lambda f: services.update_supplier(get_session(), supplier, data=f.data_for_service(), loaded_version=f.loaded_version),
        success=_("Leverancier opgeslagen."),
        redirect_to=url_for("suppliers.detail", supplier_id=supplier.id),
        supplier=supplier,
    )


@routes.route("/<int:supplier_id>/archive", methods=["GET", "POST"])
@requires(Permission.WRITE_REGISTER)
def archive(supplier_id):
    supplier = _supplier(supplier_id)
    return archive_page(
        supplier, title=_("Leverancier %(name)s archiveren", name=supplier.name),
        success=_("Leverancier %(name)s gearchiveerd.", name=supplier.name),
        back=url_for("suppliers.detail", supplier_id=supplier.id),
    )


@routes.route("/<int:supplier_id>/restore", methods=["POST"])
@requires(Permission.WRITE_REGISTER)
def restore(supplier_id):
    supplier = _supplier(supplier_id)
    return restore_and_return(
        supplier, success=_("Leverancier %(name)s teruggezet.", name=supplier.name),
        back=url_for("suppliers.detail", supplier_id=supplier.id),
    )
