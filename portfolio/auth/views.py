"""Sign in, sign out, change one's own password."""

import logging
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from portfolio.web import security_events
from portfolio.auth import services
from portfolio.auth.forms import ChangePasswordForm, LoginForm
from portfolio.web.permissions import Permission, requires
from portfolio.core.db import get_session
from portfolio.core.exceptions import FieldErrors
from portfolio.web.ui import refuse_form
from portfolio.web.routing import Routes

routes = Routes()


def _safe_next(target):
    """Only a path on this site; anything else (another host, a scheme) goes to the dashboard."""
    parts = urlsplit(target or "")
    if not target or parts.scheme or parts.netloc or not target.startswith("/") or "\\" in target:
        return url_for("dashboard.index")
    return target


@routes.route("/login", methods=["GET", "POST"])
@requires(Permission.PUBLIC)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        try:
            user = services.authenticate(
                get_session(), email=form.email.data, password=form.password.data
            )
        except (services.InvalidCredentials, services.AccountLocked) as error:
            _log_failure(form.email.data, error)
            form.form_errors.append(error.message)
            status = error.status
        else:
            session.clear()  # nothing of the anonymous session (CSRF token included) carries over
            session.permanent = True
            login_user(user)
            security_events.record(security_events.LOGIN_SUCCESS, outcome="success", user=user)
            return redirect(_safe_next(request.args.get("next")))
    elif form.is_submitted():
        status = 400
    return render_template("auth/login.html", form=form), status


def _log_failure(email, error):
    """A refused login; and the lock, when this failure started one."""
    email = services.normalise_email(email)
    reason = "locked" if isinstance(error, services.AccountLocked) else "invalid_credentials"
    security_events.record(security_events.LOGIN_FAILURE, outcome="failure", user=None, email=email,
                           level=logging.WARNING, reason=reason)
    if isinstance(error, services.InvalidCredentials) and error.locked_until is not None:
        security_events.record(security_events.LOCKOUT, outcome="locked", user=None, email=email,
                               level=logging.WARNING, locked_until=error.locked_until.isoformat())


@routes.route("/logout", methods=["POST"])
@requires(Permission.SIGNED_IN)
def logout():
    services.end_all_sessions(current_user)
    get_session().flush()
    logout_user()
    session.clear()
    flash(_("U bent uitgelogd."), "info")
    return redirect(url_for("auth.login"))


@routes.route("/account/password", methods=["GET", "POST"])
@requires(Permission.SIGNED_IN)
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(
                get_session(),
                current_user,
                current_password=form.current_password.data,
                new_password=form.new_password.data,
            )
        except FieldErrors as error:
            refuse_form(form, error)
        else:
            login_user(current_user._get_current_object())  # this session goes on, new token
            flash(_("Uw wachtwoord is gewijzigd. Andere sessies zijn beëindigd."), "success")
            return redirect(url_for("dashboard.index"))
    status = 400 if form.is_submitted() else 200
    return render_template("auth/password.html", form=form), status
