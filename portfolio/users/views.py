"""Administrators' pages for accounts: list, create, edit (role, active)."""

from flask import abort, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portfolio.core.audit.history import history_for
from portfolio.web.permissions import Permission, requires
from portfolio.web.edit_pages import form_page
from portfolio.core.db import get_session
from portfolio.users import services
from portfolio.users.forms import UserCreateForm, UserEditForm
from portfolio.users.labels import ROLE_LABELS
from portfolio.web.routing import Routes

routes = Routes()


@routes.route("/")
@requires(Permission.ADMINISTER)
def index():
    return render_template(
        "users/index.html", users=services.list_users(get_session()), role_labels=ROLE_LABELS
    )


@routes.route("/new", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def create():
    return form_page(
        UserCreateForm(),
        "users/create.html",
        lambda f: services.create_user(
            get_session(), email=f.email.data, name=f.name.data, role=f.role.data, password=f.password.data
        ),
        success=lambda user: _("Account %(email)s aangemaakt.", email=user.email),
        redirect_to=url_for("users.index"),
    )


@routes.route("/<int:user_id>", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def edit(user_id):
    session = get_session()
    user = services.get_user(session, user_id) or abort(404)
    return form_page(
        UserEditForm(obj=user),
        "users/edit.html",
        lambda f: services.update_user(
            session, user, name=f.name.data, role=f.role.data, active=f.active.data,
            loaded_version=f.loaded_version, acting_user=current_user,
        ),
        success=lambda saved: _("Account %(email)s opgeslagen.", email=saved.email),
        redirect_to=url_for("users.edit", user_id=user.id),
        user=user, history_entries=history_for(session, user), role_labels=ROLE_LABELS,
    )
