"""The API blueprint itself: the OpenAPI document, its documentation page, the scope check."""

from flask import Blueprint, current_app, json, render_template

from portfolio.api import API_PREFIX, auth, openapi
from portfolio.api.resources import register_all
from portfolio.auth.permissions import Permission, requires

bp = Blueprint("api", __name__, url_prefix=API_PREFIX)
bp.before_request(auth.enforce_scope)

DESCRIPTION = (
    "The registers of Portfolio for scripts and other systems. Authenticate with a personal token "
    "(`Authorization: Bearer pf_…`, made under *API-tokens* in the application). A read-only token may "
    "only read; no token grants more than its user's role. Every record carries an `ETag`; `PATCH` and "
    "the archive actions need it back in `If-Match` (428 without it, 412 when the record changed "
    "since). Errors are `application/problem+json` in Dutch or English (`Accept-Language`). Each token "
    "may make a limited number of requests per minute (429 with `Retry-After` beyond it)."
)


@bp.route("/openapi.json")
@requires(Permission.PUBLIC)
@openapi.operation(method="GET", rule="/openapi.json", endpoint="api.openapi_document", tag="meta",
                   summary="This OpenAPI document", public=True)
def openapi_document():
    document = openapi.document("Portfolio API", "1", DESCRIPTION)
    return current_app.response_class(json.dumps(document), mimetype="application/json")


@bp.route("/docs")
@requires(Permission.PUBLIC)
@openapi.operation(method="GET", rule="/docs", endpoint="api.docs", tag="meta",
                   summary="The documentation page (HTML)", public=True, content_type="text/html")
def docs():
    return render_template("api/docs.html")


register_all(bp)  # the resources' routes, once, when the blueprint is defined
