"""Errors as application/problem+json (RFC 9457), in Dutch or English by Accept-Language."""

import json

from flask import current_app, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException, TooManyRequests

from portfolio.core.exceptions import FieldErrors, ServiceError, VersionConflict

PROBLEM_MIMETYPE = "application/problem+json"

TITLES = {
    400: _l("Ongeldig verzoek"), 401: _l("Niet aangemeld"), 403: _l("Geen toegang"), 404: _l("Niet gevonden"),
    405: _l("Methode niet toegestaan"), 406: _l("Niet aanvaardbaar"), 409: _l("Conflict"),
    412: _l("Voorwaarde niet vervuld"), 413: _l("Verzoek te groot"), 415: _l("Mediatype niet ondersteund"),
    422: _l("Ongeldige invoer"), 428: _l("Voorwaarde vereist"), 429: _l("Te veel verzoeken"),
    500: _l("Er ging iets mis"),
}
DETAILS = {
    400: _l("Het verzoek kon niet worden verwerkt."),
    401: _l("Stuur een geldig API-token mee: Authorization: Bearer <token>."),
    403: _l("Uw token of rol geeft geen toestemming voor deze handeling."),
    404: _l("Dit bestaat niet (meer)."),
    405: _l("Deze methode kan hier niet worden gebruikt."),
    406: _l("Deze API antwoordt alleen in JSON."),
    409: _l("Dit botst met gegevens die al zijn vastgelegd. Er is niets gewijzigd."),
    412: _l("De gegevens zijn intussen gewijzigd: de ETag in If-Match is niet meer actueel. Er is niets gewijzigd."),
    413: _l("Wat u verstuurde is groter dan is toegestaan."),
    415: _l("Stuur de gegevens als JSON (Content-Type: application/json)."),
    422: _l("De invoer is niet geldig; zie de velden."),
    428: _l("Stuur de ETag van de gegevens mee in If-Match."),
    429: _l("U heeft te veel verzoeken gedaan met dit token. Wacht even en probeer het opnieuw."),
    500: _l("Er is een fout opgetreden. Er is niets opgeslagen."),
}


class RateLimited(TooManyRequests):
    def __init__(self, retry_after):
        super().__init__()
        self.retry_after = retry_after


def problem(status, detail=None, *, errors=None, headers=None):
    """A problem+json response; detail defaults to the status's own explanation."""
    fallback = 500 if status >= 500 else 400
    body = {
        "type": "about:blank",
        "title": str(TITLES.get(status, TITLES[fallback])),
        "status": status,
        "detail": str(detail or DETAILS.get(status, DETAILS[fallback])),
    }
    if errors:
        body["errors"] = {field: [str(message) for message in messages] for field, messages in errors.items()}
    response = current_app.response_class(json.dumps(body, ensure_ascii=False), status=status, mimetype=PROBLEM_MIMETYPE)
    response.headers["Content-Language"] = str(get_locale() or "nl")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def handle(error):
    """The problem for any error raised while answering an API request."""
    if isinstance(error, HTTPException):
        return _from_http_exception(error)
    if isinstance(error, ValidationError):
        return problem(422, errors=validation_errors(error))
    if isinstance(error, VersionConflict):
        return problem(412, error.message)
    if isinstance(error, FieldErrors):
        return problem(422, error.message, errors=error.errors)
    if isinstance(error, ServiceError):
        return problem(422 if error.status == 400 else error.status, error.message)
    if isinstance(error, StaleDataError):
        return problem(412)
    if isinstance(error, IntegrityError):
        return problem(409)
    current_app.logger.error("API request %s %s failed", request.method, request.path, exc_info=error)
    return problem(500)


def _from_http_exception(error):
    status = error.code or 500
    if status >= 500:
        return problem(500)
    explicit = error.__dict__.get("description")  # set by our own abort(..., description)
    headers = {}
    if isinstance(error, RateLimited):
        headers["Retry-After"] = str(error.retry_after)
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if status == 405 and getattr(error, "valid_methods", None):
        headers["Allow"] = ", ".join(error.valid_methods)
    return problem(status, explicit, headers=headers)


PYDANTIC_MESSAGES = {
    "missing": _l("Dit veld is verplicht."),
    "extra_forbidden": _l("Dit veld bestaat niet of kan niet worden gewijzigd."),
    "string_too_long": _l("Deze tekst is te lang."),
    "string_too_short": _l("Dit veld is verplicht."),
    "string_pattern_mismatch": _l("Dit veld bevat een ongeldig teken."),
    "enum": _l("Kies een geldige waarde."),
    "literal_error": _l("Kies een geldige waarde."),
    "int_parsing": _l("Vul een geheel getal in."),
    "int_type": _l("Vul een geheel getal in."),
    "int_from_float": _l("Vul een geheel getal in."),
    "greater_than_equal": _l("Deze waarde is te klein."),
    "greater_than": _l("Deze waarde is te klein."),
    "less_than_equal": _l("Deze waarde is te groot."),
    "less_than": _l("Deze waarde is te groot."),
    "date_parsing": _l("Vul een geldige datum in (jjjj-mm-dd)."),
    "date_from_datetime_parsing": _l("Vul een geldige datum in (jjjj-mm-dd)."),
    "date_type": _l("Vul een geldige datum in (jjjj-mm-dd)."),
    "datetime_parsing": _l("Vul een geldig tijdstip in (ISO 8601 met tijdzone)."),
    "datetime_from_date_parsing": _l("Vul een geldig tijdstip in (ISO 8601 met tijdzone)."),
    "timezone_aware": _l("Vul een geldig tijdstip in (ISO 8601 met tijdzone)."),
    "bool_parsing": _l("Vul true of false in."),
    "bool_type": _l("Vul true of false in."),
    "string_type": _l("Vul een tekst in."),
    "list_type": _l("Geef een lijst."),
    "model_type": _l("Geef een JSON-object."),
    "dict_type": _l("Geef een JSON-object."),
}


def validation_errors(error):
    """{field: [messages]} from a pydantic ValidationError, in the request's language."""
    errors = {}
    for item in error.errors(include_url=False, include_input=False):
        location = [str(part) for part in item["loc"] if not isinstance(part, int) or len(item["loc"]) > 1]
        field = ".".join(location) or "body"
        message = PYDANTIC_MESSAGES.get(item["type"]) or _("Ongeldige waarde.")
        errors.setdefault(field, []).append(str(message))
    return errors
