"""Norm catalogues: the frameworks, one framework's requirements, and the import (CISO)."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlmodel import select

from portfolio.web.permissions import Permission, requires
from portfolio.core.db import get_session
from portfolio.security.catalogues import services as catalogue_import
from portfolio.security.catalogues.forms import ImportForm
from portfolio.security.models import Framework, MeasureRequirement, Requirement
from portfolio.security.views import frameworks
from portfolio.web.routing import Routes


routes = Routes()


@routes.route("/frameworks/")
@requires(Permission.READ_REGISTER)
def framework_index():
    return render_template("security/frameworks.html", frameworks=frameworks(get_session()))


@routes.route("/frameworks/<int:framework_id>")
@requires(Permission.READ_REGISTER)
def framework_detail(framework_id):
    session = get_session()
    framework = session.get(Framework, framework_id) or abort(404)
    requirements = session.exec(
        select(Requirement).where(Requirement.framework_id == framework.id)
        .order_by(Requirement.withdrawn, Requirement.position, Requirement.reference)
    ).all()
    links = session.exec(
        select(MeasureRequirement).join(Requirement).where(Requirement.framework_id == framework.id)
        .options(selectinload(MeasureRequirement.measure))
    ).all()
    measures = {}
    for link in links:
        measures.setdefault(link.requirement_id, []).append(link.measure)
    return render_template("security/framework_detail.html", framework=framework, requirements=requirements,
                           measures=measures)


@routes.route("/frameworks/import", methods=["GET", "POST"])
@requires(Permission.MANAGE_SECURITY)
def framework_import():
    form = ImportForm()
    problems = []
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.stream.read(catalogue_import.MAX_FILE_BYTES + 1)
        try:
            report = catalogue_import.import_catalogue(
                get_session(), data, upload.filename, code=(form.code.data or "").strip() or None,
                name=(form.name.data or "").strip() or None,
            )
        except catalogue_import.CatalogueInvalid as error:
            problems = error.errors
        else:
            flash(_("Normenkader %(name)s ingelezen: %(added)d toegevoegd, %(changed)d gewijzigd, %(withdrawn)d "
                    "ingetrokken, %(unchanged)d ongewijzigd.", name=report.framework.name, added=len(report.added),
                    changed=len(report.changed), withdrawn=len(report.withdrawn), unchanged=report.unchanged),
                  "success")
            if report.withdrawn:
                flash(_("Ingetrokken: %(references)s.", references=", ".join(report.withdrawn)), "warning")
            return redirect(url_for("security.framework_detail", framework_id=report.framework.id))
    status = 400 if form.is_submitted() else 200
    return render_template("security/import.html", form=form, problems=problems), status
