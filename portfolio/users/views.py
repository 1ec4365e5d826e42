"""Administrators' pages for accounts: list, create, edit (role, active)."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portfolio.audit.services import changes_since, history_for
from portfolio.auth.permissions import Permission, requires
from portfolio.db import get_session
from portfolio.exceptions import FieldErrors, VersionConflict
from portfolio.ui import apply_field_errors
from portfolio.users import services
from portfolio.users.forms import ROLE_LABELS, UserCreateForm, UserEditForm

bp = Blueprint("users", __name__, url_prefix="/admin/users")


@bp.route("/")
@requires(Permission.ADMINISTER)
def index():
    return render_template(
        "users/index.html", users=services.list_users(get_session()), role_labels=ROLE_LABELS
    )


@bp.route("/new", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def create():
    form = UserCreateForm()
    if form.validate_on_submit():
        try:
            user = services.create_user(
                get_session(),
                email=form.email.data,
                name=form.name.data,
                role=form.role.data,
                password=form.password.data,
            )
        except FieldErrors as error:
            apply_field_errors(form, error)
        else:
            flash(_("Account %(email)s aangemaakt.", email=user.email), "success")
            return redirect(url_for("users.index"))
    return render_template("users/create.html", form=form), 400 if form.is_submitted() else 200


@bp.route("/<int:user_id>", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def edit(user_id):
    session = get_session()
    user = services.get_user(session, user_id) or abort(404)
    form = UserEditForm(obj=user)
    conflict = None
    if form.validate_on_submit():
        try:
            services.update_user(
                session,
                user,
                name=form.name.data,
                role=form.role.data,
                active=form.active.data,
                loaded_version=form.loaded_version,
                acting_user=current_user,
            )
        except FieldErrors as error:
            apply_field_errors(form, error)
        except VersionConflict as error:
            conflict = changes_since(session, user, error.loaded_version)
            form.version.data = str(user.version)  # saving again now overwrites knowingly
        else:
            flash(_("Account %(email)s opgeslagen.", email=user.email), "success")
            return redirect(url_for("users.edit", user_id=user.id))
    status = 409 if conflict is not None else (400 if form.is_submitted() else 200)
    return render_template(
        "users/edit.html", form=form, user=user, conflict=conflict, history_entries=history_for(session, user),
        role_labels=ROLE_LABELS,
    ), status
