"""/api/v1/procurements, through portfolio.procurements.services."""

from sqlalchemy.orm import selectinload
from sqlmodel import func, select

from portfolio.api.crud import Resource, paged
from portfolio.api.schemas.procurements import ProcurementCreate, ProcurementQuery, ProcurementRead, ProcurementUpdate
from portfolio.procurements import services
from portfolio.procurements.models import Procurement
from portfolio.web.permissions import Permission, can, requires


def list_(session, query):
    statement = (
        select(Procurement).options(selectinload(Procurement.replacements))
        .order_by(Procurement.budget_year.asc().nulls_last(), func.lower(Procurement.title), Procurement.id)
    )
    if not query.include_archived:
        statement = statement.where(Procurement.archived.is_(False))
    for column, value in ((Procurement.phase, query.phase), (Procurement.domain_id, query.domain_id),
                          (Procurement.budget_year, query.budget_year)):
        if value is not None:
            statement = statement.where(column == value)
    return paged(session, statement, query)


def create(session, data):
    replaces = data.pop("replaces", None)
    return services.create_procurement(session, data=data, replaces=replaces or ())


def update(session, record, data, version):
    """replaces absent: the links stay as they are."""
    replaces = data.pop("replaces", None)
    return services.update_procurement(session, record, data=data, loaded_version=version, replaces=replaces)


def serialize(procurement):
    read = ProcurementRead.model_validate(
        {**procurement.model_dump(), "replaces": sorted(r.application_id for r in procurement.replacements)}
    )
    return read.model_dump(mode="json")


RESOURCE = Resource(
    name="procurements", tag="procurements", model=Procurement, read=ProcurementRead,
    read_permission=Permission.READ_REGISTER, write_permission=Permission.WRITE_REGISTER,
    query=ProcurementQuery, list=list_, create_schema=ProcurementCreate, create=create,
    update_schema=ProcurementUpdate, update=update, archivable=True, serialize=serialize,
    load=services.get_procurement,
)


def register_actions(bp):
    """POST …/advance and …/stop (with If-Match), as the procurement page's buttons."""
    from flask import abort
    from flask_login import current_user

    from portfolio.api.crud import json_response, loaded_version, parse_body
    from portfolio.api.openapi import MAX_ID, operation
    from portfolio.api.schemas.procurements import AdvanceRequest, StopRequest
    from portfolio.core.db import get_session

    def load(record_id):
        procurement = services.get_procurement(get_session(), record_id) if record_id <= MAX_ID else None
        if procurement is None:
            abort(404)
        return procurement

    @bp.route("/procurements/<int:record_id>/advance", methods=["POST"], endpoint="procurements_advance")
    @requires(Permission.WRITE_REGISTER)
    @operation(method="POST", rule="/procurements/<int:record_id>/advance", endpoint="api.procurements_advance",
               tag="procurements", summary="Move to the next phase (production needs its assessments; send If-Match)",
               body=AdvanceRequest, response=ProcurementRead, errors=(404, 409, 412, 428), etag=True, if_match=True)
    def procurements_advance(record_id):
        procurement = load(record_id)
        version = loaded_version(procurement)
        request_data = parse_body(AdvanceRequest)
        services.advance(get_session(), procurement, loaded_version=version, on=request_data.on,
                         override_reason=request_data.override_reason, may_override=can(current_user, Permission.OVERRIDE_GATES))
        return json_response(serialize(procurement), record=procurement)

    @bp.route("/procurements/<int:record_id>/stop", methods=["POST"], endpoint="procurements_stop")
    @requires(Permission.WRITE_REGISTER)
    @operation(method="POST", rule="/procurements/<int:record_id>/stop", endpoint="api.procurements_stop",
               tag="procurements", summary="Stop without a result, with a reason (send If-Match)",
               body=StopRequest, response=ProcurementRead, errors=(404, 412, 428), etag=True, if_match=True)
    def procurements_stop(record_id):
        procurement = load(record_id)
        version = loaded_version(procurement)
        request_data = parse_body(StopRequest)
        services.stop(get_session(), procurement, loaded_version=version, reason=request_data.reason, on=request_data.on)
        return json_response(serialize(procurement), record=procurement)
