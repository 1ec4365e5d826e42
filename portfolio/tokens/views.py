"""Each user's own API tokens: list, create (the secret is shown once), revoke."""

from datetime import date, timedelta

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from portfolio.web.permissions import Permission, requires
from portfolio.core.db import get_session
from portfolio.core.exceptions import FieldErrors
from portfolio.tokens import services
from portfolio.tokens.forms import SCOPE_LABELS, TokenForm
from portfolio.tokens.models import ApiToken
from portfolio.web.ui import refuse_form
from portfolio.web.routing import Routes

routes = Routes()


@routes.route("/", methods=["GET", "POST"])
@requires(Permission.SIGNED_IN)
def index():
    """The list and the create form; a created token's secret is in this one response only
    (never in a flash message, which the session cookie would carry)."""
    session = get_session()
    today = date.today()
    form = TokenForm()
    if not form.is_submitted():
        form.expires_on.data = today + timedelta(days=90)
    secret = None
    if form.validate_on_submit():
        try:
            _token, secret = services.create_token(
                session, user=current_user, name=form.name.data, scope=form.scope.data,
                expires_on=form.expires_on.data, today=today,
            )
        except FieldErrors as error:
            refuse_form(form, error)
        else:
            form = TokenForm(formdata=None, expires_on=today + timedelta(days=90))
    status = 400 if form.errors else 200
    return render_template(
        "tokens/index.html", form=form, secret=secret, tokens=services.tokens_of(session, current_user),
        today=today, scope_labels=SCOPE_LABELS, revoke_form=FlaskForm(),
    ), status


@routes.route("/<int:token_id>/revoke", methods=["POST"])
@requires(Permission.SIGNED_IN)
def revoke(token_id):
    """Revoke one of the user's own tokens; somebody else's is not found (404)."""
    form = FlaskForm()
    if not form.validate():
        abort(400)
    services.revoke_token(get_session(), get_session().get(ApiToken, token_id), user=current_user)
    flash(_("Het token is ingetrokken."), "success")
    return redirect(url_for("tokens.index"))
