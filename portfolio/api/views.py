"""The API blueprint itself: the OpenAPI document, its documentation page, the scope check."""

from flask import Blueprint, current_app, json, render_template

from portfolio.web.routing import API_PREFIX
from portfolio.api import auth, openapi
from portfolio.api.resources import register_all
from portfolio.web.permissions import Permission, requires

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
    """The document as a page, rendered on the server: no script, so the strict CSP holds and the
    page reads like every other (NL Design System styles, both languages)."""
    document = openapi.document("Portfolio API", "1", DESCRIPTION)
    return render_template("api/docs.html", document=document, sections=docs_sections(document))


def docs_sections(document):
    """[(tag, [(method, path, operation)])] in the document's order."""
    sections = {}
    for path, item in document["paths"].items():
        for method, op in item.items():
            sections.setdefault(op["tags"][0], []).append((method.upper(), path, op))
    return list(sections.items())


def schema_rows(document, reference):
    """(name, type, required, constraints) per property of a referenced component schema."""
    schema = document["components"]["schemas"][reference.rsplit("/", 1)[1]]
    required = set(schema.get("required", ()))
    return [(name, type_text(document, prop), name in required) for name, prop in schema.get("properties", {}).items()]


def type_text(document, prop):
    """A property's JSON Schema type as a short text: string ≤ 120, integer 1…, a | b (an enum), …"""
    if "$ref" in prop:
        target = document["components"]["schemas"][prop["$ref"].rsplit("/", 1)[1]]
        return type_text(document, target) if "enum" in target else prop["$ref"].rsplit("/", 1)[1]
    if "anyOf" in prop:
        return " | ".join(type_text(document, option) for option in prop["anyOf"])
    if "enum" in prop:
        return " | ".join(str(value) for value in prop["enum"])
    if "const" in prop:
        return str(prop["const"])
    text = prop.get("type", "any")
    if text == "array":
        text = f"[{type_text(document, prop.get('items', {}))}]"
    if prop.get("format"):
        text += f" ({prop['format']})"
    if "maxLength" in prop:
        text += f" ≤ {prop['maxLength']}"
    if "minimum" in prop or "maximum" in prop:
        text += f" {prop.get('minimum', '')}…{prop.get('maximum', '')}"
    return text


bp.add_app_template_global(schema_rows, "api_schema_rows")
bp.add_app_template_global(type_text, "api_type_text")


register_all(bp)  # the resources' routes, once, when the blueprint is defined
