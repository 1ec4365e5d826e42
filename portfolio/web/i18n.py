"""Languages: Dutch by default, English on request; the choice is kept in the session."""

from flask import Blueprint, current_app, has_request_context, redirect, request, session, url_for
from flask_babel import Babel

from portfolio.web.permissions import Permission, requires
from portfolio.web.routing import is_api_request

bp = Blueprint("i18n", __name__)
babel = Babel()


def init_app(app):
    babel.init_app(app, locale_selector=select_locale)


def select_locale():
    """The language chosen in this session (API: Accept-Language); the default outside a request."""
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]

    if is_api_request() and request.endpoint != "api.docs":  # no session there: Accept-Language
        return request.accept_languages.best_match(current_app.config["LANGUAGES"]) or current_app.config["BABEL_DEFAULT_LOCALE"]
    language = session.get("language")
    if language in current_app.config["LANGUAGES"]:
        return language
    return current_app.config["BABEL_DEFAULT_LOCALE"]


@bp.route("/language", methods=["POST"])
@requires(Permission.PUBLIC)
def set_language():
    language = request.form.get("language", "")
    if language in current_app.config["LANGUAGES"]:
        session["language"] = language
    target = request.form.get("next", "")
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = url_for("dashboard.index")
    return redirect(target)
