"""Error pages in the site's layout, for people; never a stack trace. API requests get
problem+json from the same handlers (portfolio.api.problems), never a page."""

import functools

from flask import current_app, g, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException, InternalServerError

from portfolio.core.exceptions import ServiceError
from portfolio.web.routing import is_api_request

MESSAGES = {
    400: (_l("Ongeldig verzoek"), _l("Het verzoek kon niet worden verwerkt. Controleer de invoer en probeer het opnieuw.")),
    403: (_l("Geen toegang"), _l("U heeft geen toestemming voor deze pagina of handeling.")),
    404: (_l("Pagina niet gevonden"), _l("Deze pagina bestaat niet (meer). Controleer het adres.")),
    405: (_l("Handeling niet toegestaan"), _l("Deze handeling kan niet op deze manier worden uitgevoerd.")),
    409: (_l("Conflict"), _l("Iemand anders heeft deze gegevens intussen gewijzigd. Er is niets overschreven; laad de pagina opnieuw.")),
    413: (_l("Bestand of verzoek te groot"), _l("Wat u verstuurde is groter dan is toegestaan.")),
    429: (_l("Te veel verzoeken"), _l("U heeft te veel verzoeken gedaan. Wacht even en probeer het opnieuw.")),
    500: (_l("Er ging iets mis"), _l("Er is een fout opgetreden. Er is niets opgeslagen. Probeer het later opnieuw of neem contact op met I&A.")),
}


def init_app(app):
    for error, handler in (
        (HTTPException, handle_http_exception),
        (CSRFError, handle_csrf_error),
        (ServiceError, handle_service_error),
        (IntegrityError, handle_conflict),
        (StaleDataError, handle_conflict),
        (InternalServerError, handle_internal_error),
    ):
        app.register_error_handler(error, _pages_or_problems(handler))


def _pages_or_problems(handler):
    """handler for pages; for a request under /api/v1 the API's own answer (problem+json), which
    the API registers with register_api_error_handler."""

    @functools.wraps(handler)
    def handle(error):
        api_handler = current_app.extensions.get("portfolio.api_error_handler")
        if api_handler is not None and is_api_request():
            return api_handler(error)
        return handler(error)

    return handle


def register_api_error_handler(app, handler):
    """handler(error) answers every error of an API request instead of an error page."""
    app.extensions["portfolio.api_error_handler"] = handler


def render_error(status, message=None):
    title, default_message = MESSAGES.get(status, MESSAGES[500 if status >= 500 else 400])
    return (
        render_template("errors/error.html", status=status, title=title, message=message or default_message),
        status,
    )


def handle_http_exception(error):
    if error.code is None or error.code < 400:
        return error
    response = render_error(error.code)
    if error.code == 405 and error.valid_methods:
        return response[0], 405, {"Allow": ", ".join(error.valid_methods)}
    return response


def handle_csrf_error(error):
    return render_error(
        400, _l("Het formulier is verlopen of niet compleet. Laad de pagina opnieuw en probeer het nog eens.")
    )


def handle_service_error(error):
    return render_error(error.status, error.message)


def handle_conflict(error):
    """A write that lost a race at flush (another user's change, a duplicate): the session is
    unusable until rolled back, and the page about it still needs the signed-in user."""
    session = g.get("db_session")
    if session is not None:
        session.rollback()
    return render_error(409)


def handle_internal_error(error):
    return render_error(500)
