"""The OpenAPI 3.1 document, generated from the pydantic models that validate the requests.

Each API view is declared with ``@operation(...)``: its summary, the request body, query and
response models and the statuses it can answer. The document is built from that registry and
``pydantic.json_schema.models_json_schema`` (JSON Schema 2020-12, which OpenAPI 3.1 takes as
is), so what is documented is exactly what is validated. A small generator of our own rather
than APIFlask or spectree: those would replace the Flask routing, error handling or permission
decorator the rest of the app relies on, for what is here about 150 lines.
"""

import re
from dataclasses import dataclass, field

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from portfolio.web.routing import API_PREFIX

MAX_ID = 2**31 - 1  # the id columns are 32-bit integers on PostgreSQL

STATUS_TEXT = {
    200: "OK", 201: "Created", 204: "No Content", 400: "Bad request (malformed JSON)",
    401: "Missing, unknown, expired or revoked token", 403: "The token's scope or the user's role does not allow this",
    404: "Not found", 409: "Conflicts with stored data", 412: "If-Match does not match the current ETag",
    415: "The body is not JSON", 422: "Validation failed; `errors` maps fields to messages",
    428: "If-Match is missing (send the ETag you read)", 429: "Rate limit reached; see Retry-After",
}


@dataclass
class Operation:
    method: str
    rule: str  # the Flask rule, e.g. /applications/<int:application_id>
    endpoint: str
    summary: str
    tag: str
    public: bool = False
    query: type[BaseModel] | None = None
    body: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    status: int = 200
    errors: tuple[int, ...] = ()
    etag: bool = False  # the response carries an ETag
    if_match: bool = False  # the request must carry If-Match
    content_type: str = "application/json"
    extra: dict = field(default_factory=dict)


OPERATIONS: list[Operation] = []


def operation(**spec):
    """Record a view's operation for the document (the view itself is unchanged)."""

    def decorate(view):
        OPERATIONS.append(Operation(**spec))
        return view

    return decorate


def _path(rule):
    return API_PREFIX + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule)


def _path_parameters(rule):
    return [
        {"name": name, "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID}}
        for converter, name in re.findall(r"<(?:(\w+):)?(\w+)>", rule)
    ]


def _query_parameters(model, definitions):
    schema = definitions[model.__name__]
    required = set(schema.get("required", ()))
    return [
        {"name": name, "in": "query", "required": name in required, "schema": property_schema,
         **({"description": property_schema["description"]} if "description" in property_schema else {})}
        for name, property_schema in schema["properties"].items()
    ]


def _problem_response(status):
    return {
        "description": STATUS_TEXT.get(status, "Error"),
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
        **({"headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds to wait"}}} if status == 429 else {}),
    }


def document(title, version, description):
    """The whole OpenAPI 3.1 document as a dict."""
    from portfolio.api.schemas.common import Problem

    models = {Problem}
    for op in OPERATIONS:
        models.update(model for model in (op.query, op.body, op.response) if model is not None)
    keyed = [(model, "validation") for model in sorted(models, key=lambda m: m.__name__)]
    _, top = models_json_schema(keyed, ref_template="#/components/schemas/{model}")
    schemas = top.get("$defs", {})
    paths = {}
    for op in OPERATIONS:
        item = paths.setdefault(_path(op.rule), {})
        parameters = _path_parameters(op.rule)
        if op.query is not None:
            parameters += _query_parameters(op.query, schemas)
        if op.if_match:
            parameters.append({"name": "If-Match", "in": "header", "required": False,
                               "description": "The ETag of the record as read; required (428 without it).",
                               "schema": {"type": "string"}})
        responses = {}
        success = {"description": STATUS_TEXT.get(op.status, "OK")}
        if op.response is not None:
            success["content"] = {op.content_type: {"schema": {"$ref": f"#/components/schemas/{op.response.__name__}"}}}
        elif op.content_type != "application/json":
            success["content"] = {op.content_type: {"schema": {"type": "string"}}}
        headers = {}
        if op.etag:
            headers["ETag"] = {"schema": {"type": "string"}, "description": "the record's version, for If-Match"}
        if op.status == 201:
            headers["Location"] = {"schema": {"type": "string"}, "description": "the new record's address"}
        if headers:
            success["headers"] = headers
        responses[str(op.status)] = success
        statuses = set(op.errors) | ({400, 415, 422} if op.body is not None else set()) | ({422} if op.query else set())
        if not op.public:
            statuses |= {401, 403, 429}
        for status in sorted(statuses):
            responses[str(status)] = _problem_response(status)
        entry = {"operationId": op.endpoint.replace(".", "_"), "summary": op.summary, "tags": [op.tag],
                 "parameters": parameters, "responses": responses, **op.extra}
        if op.public:
            entry["security"] = []
        if op.body is not None:
            entry["requestBody"] = {"required": True, "content": {"application/json": {
                "schema": {"$ref": f"#/components/schemas/{op.body.__name__}"}}}}
        item[op.method.lower()] = entry
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version, "description": description},
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "A personal API token (pf_…), made at /account/tokens"}},
        },
        "security": [{"bearer": []}],
    }
