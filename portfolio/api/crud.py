"""The five operations every resource has, written once: list, read, create, update, archive.

A resource module describes itself with a Resource (its schemas and the service calls); register()
adds the thin views to the blueprint, each with its permission and its OpenAPI operation.
"""

from dataclasses import dataclass
from collections.abc import Callable

from flask import abort, current_app, json, request, url_for
from flask_babel import lazy_gettext as _l
from pydantic import BaseModel

from portfolio.core import archiving
from portfolio.api.openapi import MAX_ID, operation
from portfolio.api.schemas.common import ArchiveRequest, page_of
from portfolio.web.permissions import requires
from portfolio.core.db import get_session


@dataclass
class Resource:
    name: str  # plural, also the path: "applications"
    tag: str
    model: type  # the table class
    read: type[BaseModel]
    read_permission: str
    write_permission: str | None = None
    query: type[BaseModel] | None = None
    list: Callable | None = None  # list(session, query) -> (records, total)
    create_schema: type[BaseModel] | None = None
    create: Callable | None = None  # create(session, data) -> record
    update_schema: type[BaseModel] | None = None
    update: Callable | None = None  # update(session, record, data, loaded_version) -> record
    archivable: bool = False
    load: Callable | None = None  # load(session, id) -> record or None; default session.get
    serialize: Callable | None = None  # serialize(record) -> dict; default read.model_validate

    @property
    def key(self):
        """The endpoints' prefix: the name as an identifier (funding-sources → funding_sources)."""
        return self.name.replace("-", "_")


def etag(record):
    return f'"{record.version}"'


def parse_body(schema):
    """The JSON body validated against schema. Raises 415 for another media type, 400 for
    malformed JSON and pydantic's ValidationError (422) for invalid content."""
    if not request.is_json:
        abort(415)
    try:
        payload = json.loads(request.get_data(cache=True) or b"null")
    except ValueError:
        abort(400, description=_l("De inhoud is geen geldige JSON."))
    return schema.model_validate(payload)


def parse_query(schema):
    """The query string validated against schema; a repeated parameter counts once (the last)."""
    return schema.model_validate(request.args.to_dict())


def loaded_version(record):
    """The version If-Match names. Raises 428 without a usable If-Match, 412 when it is not the
    record's current ETag."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        abort(428)
    if etag(record) not in [tag.strip() for tag in header.split(",")]:
        abort(412)
    return record.version


def json_response(payload, status=200, record=None, headers=None):
    response = current_app.response_class(json.dumps(payload), status=status, mimetype="application/json")
    if record is not None and getattr(record, "version", None) is not None:
        response.headers["ETag"] = etag(record)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def register(bp, resource):
    """Add resource's routes to bp: GET list, GET one, POST, PATCH, POST …/archive and …/restore."""
    r = resource
    base, one = f"/{r.name}", f"/{r.name}/<int:record_id>"
    page_model = page_of(r.read)

    def serialize(record):
        if r.serialize is not None:
            return r.serialize(record)
        return r.read.model_validate(record).model_dump(mode="json")

    def load_or_404(record_id):
        record = None
        if record_id <= MAX_ID:
            record = r.load(get_session(), record_id) if r.load else get_session().get(r.model, record_id)
        if record is None:
            abort(404)
        return record

    def add(rule, endpoint, view, methods, permission, **spec):
        view.__name__ = endpoint
        view = requires(permission)(view)
        operation(method=methods[0], rule=rule, endpoint=f"api.{endpoint}", tag=r.tag, **spec)(view)
        bp.add_url_rule(rule, endpoint, view, methods=methods)

    if r.list is not None:
        def list_view():
            query = parse_query(r.query)
            records, total = r.list(get_session(), query)
            following = None
            if query.page * query.per_page < total:
                arguments = {**query.model_dump(exclude_defaults=True, mode="json"), "page": query.page + 1}
                following = url_for(request.endpoint, **arguments)
            return json_response({"items": [serialize(record) for record in records], "total": total,
                                  "page": query.page, "per_page": query.per_page, "next": following})

        add(base, f"{r.key}_list", list_view, ["GET"], r.read_permission, summary=f"List {r.name}",
            query=r.query, response=page_model)

    def read_view(record_id):
        record = load_or_404(record_id)
        return json_response(serialize(record), record=record)

    add(one, f"{r.key}_read", read_view, ["GET"], r.read_permission, summary=f"Read one of the {r.name}",
        response=r.read, errors=(404,), etag=True)

    if r.create is not None:
        def create_view():
            data = parse_body(r.create_schema).model_dump()
            record = r.create(get_session(), data)
            location = url_for(f"api.{r.key}_read", record_id=record.id)
            return json_response(serialize(record), 201, record=record, headers={"Location": location})

        add(base, f"{r.key}_create", create_view, ["POST"], r.write_permission, summary=f"Create one of the {r.name}",
            body=r.create_schema, response=r.read, status=201, errors=(409,), etag=True)

    if r.update is not None:
        def update_view(record_id):
            record = load_or_404(record_id)
            version = loaded_version(record)
            data = parse_body(r.update_schema).model_dump(exclude_unset=True)
            record = r.update(get_session(), record, data, version)
            return json_response(serialize(record), record=record)

        add(one, f"{r.key}_update", update_view, ["PATCH"], r.write_permission,
            summary=f"Change one of the {r.name} (send If-Match)", body=r.update_schema, response=r.read,
            errors=(404, 409, 412, 428), etag=True, if_match=True)

    if r.archivable:
        def archive_view(record_id):
            record = load_or_404(record_id)
            version = loaded_version(record)
            reason = parse_body(ArchiveRequest).reason
            archiving.archive(get_session(), record, reason=reason, loaded_version=version)
            return json_response(serialize(record), record=record)

        def restore_view(record_id):
            record = load_or_404(record_id)
            archiving.restore(get_session(), record, loaded_version=loaded_version(record))
            return json_response(serialize(record), record=record)

        add(f"{one}/archive", f"{r.key}_archive", archive_view, ["POST"], r.write_permission,
            summary=f"Archive one of the {r.name} with a reason (send If-Match)", body=ArchiveRequest,
            response=r.read, errors=(404, 412, 428), etag=True, if_match=True)
        add(f"{one}/restore", f"{r.key}_restore", restore_view, ["POST"], r.write_permission,
            summary=f"Restore one of the archived {r.name} (send If-Match)", response=r.read,
            errors=(404, 412, 422, 428), etag=True, if_match=True)


def paged(session, statement, query):
    """(records of query's page, total) of a select statement that is already filtered and ordered."""
    from sqlmodel import func, select

    total = session.exec(select(func.count()).select_from(statement.order_by(None).subquery())).one()
    records = session.exec(statement.offset((query.page - 1) * query.per_page).limit(query.per_page)).all()
    return records, total


def merged(record, fields, changes):
    """The record's current values of fields with changes over them: for services that take a
    whole form's worth of fields (a PATCH sends only what changes)."""
    return {field: getattr(record, field) for field in fields} | changes
