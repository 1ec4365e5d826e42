"""/api/v1/frameworks, /requirements (read: catalogues are imported from a file on the screens),
/measures (with the assignee's status change) and the read-only /audit-log."""

from flask import abort
from flask_login import current_user
from sqlmodel import or_, select

from portfolio.api.crud import Resource, json_response, loaded_version, merged, paged, parse_body
from portfolio.api.openapi import MAX_ID, operation
from portfolio.api.schemas import security as schemas
from portfolio.core.paging import escape_like
from portfolio.audit import services as audit_services
from portfolio.core.audit.models import AuditEntry
from portfolio.web.permissions import Permission, hidden_entity_types, requires
from portfolio.core.db import get_session
from portfolio.core.dates import local_today
from portfolio.security import services
from portfolio.security.listing import MeasureFilter, list_measures
from portfolio.security.models import Framework, Measure, Requirement


def list_frameworks(session, query):
    return paged(session, select(Framework).order_by(Framework.code, Framework.id), query)


def list_requirements(session, query):
    statement = select(Requirement).order_by(Requirement.framework_id, Requirement.position, Requirement.id)
    if query.framework_id is not None:
        statement = statement.where(Requirement.framework_id == query.framework_id)
    if not query.include_withdrawn:
        statement = statement.where(Requirement.withdrawn.is_(False))
    if query.q and query.q.strip():
        pattern = f"%{escape_like(query.q.strip())}%"
        statement = statement.where(or_(Requirement.reference.ilike(pattern, escape="\\"),
                                        Requirement.title.ilike(pattern, escape="\\")))
    return paged(session, statement, query)


def list_measures_(session, query):
    measure_filter = MeasureFilter(
        text=query.q, framework_id=query.framework_id, chapter=query.chapter, requirement=query.requirement,
        evidence=query.evidence, biv_axis=query.biv_axis, applies_to_all=query.applies_to_all,
        overseer=query.overseer, team=query.team,
        assignee_id=query.assignee_id, status=query.status, priority=query.priority, due=query.due,
        review_due=query.review_due, application_id=query.application_id, organisation_id=query.organisation_id,
        ensia=query.ensia, include_archived=query.include_archived, sort=query.sort, descending=query.order == "desc",
    )
    page = list_measures(session, measure_filter, page=query.page, today=local_today(), size=query.per_page)
    return page.rows, page.total


LINK_ATTRIBUTES = {
    "requirement_ids": ("requirement_links", "requirement_id"),
    "application_ids": ("application_links", "application_id"),
    "organisation_ids": ("organisation_links", "organisation_id"),
}


def _links_of(measure):
    return {key: sorted(getattr(link, attribute) for link in getattr(measure, collection))
            for key, (collection, attribute) in LINK_ATTRIBUTES.items()}


def create_measure(session, data):
    links = {key: data.pop(key) for key in LINK_ATTRIBUTES}
    return _with_fresh_links(session, services.create_measure(session, data=data, links=links, today=local_today()))


def update_measure(session, measure, data, version):
    """update_measure takes the whole measure, as the form posts it: unsent fields keep their values."""
    links = _links_of(measure) | {key: data.pop(key) for key in LINK_ATTRIBUTES if key in data}
    values = merged(measure, services.MEASURE_FIELDS, data)
    measure = services.update_measure(session, measure, data=values, links=links, loaded_version=version, today=local_today())
    return _with_fresh_links(session, measure)


def _with_fresh_links(session, measure):
    """The service adds link rows by themselves; reload the collections so the answer shows them."""
    session.expire(measure, [collection for collection, _attribute in LINK_ATTRIBUTES.values()])
    return measure


def serialize_measure(measure):
    values = measure.model_dump() | _links_of(measure)
    return schemas.MeasureRead.model_validate(values).model_dump(mode="json")


def list_audit(session, query):
    hidden = hidden_entity_types(current_user)
    log_filter = audit_services.LogFilter(actor_id=query.actor_id, entity_type=query.entity_type,
                                          date_from=query.date_from, date_to=query.date_to, hidden_entity_types=hidden)
    return audit_services.search(session, log_filter, page=query.page, per_page=query.per_page)


def load_audit_entry(session, entry_id):
    """An entry, unless it is about a kind of record the reader may not see, e.g. a data breach (then unknown)."""
    entry = session.get(AuditEntry, entry_id)
    if entry is not None and entry.entity_type in hidden_entity_types(current_user):
        return None
    return entry


FRAMEWORKS = Resource(
    name="frameworks", tag="frameworks", model=Framework, read=schemas.FrameworkRead,
    read_permission=Permission.READ_REGISTER, query=schemas.ListQuery, list=list_frameworks,
)
REQUIREMENTS = Resource(
    name="requirements", tag="requirements", model=Requirement, read=schemas.RequirementRead,
    read_permission=Permission.READ_REGISTER, query=schemas.RequirementQuery, list=list_requirements,
)
MEASURES = Resource(
    name="measures", tag="measures", model=Measure, read=schemas.MeasureRead,
    read_permission=Permission.READ_REGISTER, write_permission=Permission.MANAGE_SECURITY,
    query=schemas.MeasureQuery, list=list_measures_, create_schema=schemas.MeasureCreate, create=create_measure,
    update_schema=schemas.MeasureUpdate, update=update_measure, archivable=True, serialize=serialize_measure,
    load=services.get_measure,
)
AUDIT_LOG = Resource(
    name="audit-log", tag="audit-log", model=AuditEntry, read=schemas.AuditEntryRead,
    read_permission=Permission.READ_AUDIT, query=schemas.AuditQuery, list=list_audit, load=load_audit_entry,
)


def register_status_change(bp):
    """POST /measures/<id>/status: the assignee's own action; the service checks who may."""

    @bp.route("/measures/<int:record_id>/status", methods=["POST"], endpoint="measures_status")
    @requires(Permission.UPDATE_ASSIGNED_MEASURES)
    @operation(method="POST", rule="/measures/<int:record_id>/status", endpoint="api.measures_status", tag="measures",
               summary="Change the status of a measure assigned to you (or any, as CISO); send If-Match",
               body=schemas.MeasureStatusChange, response=schemas.MeasureRead, errors=(404, 412, 428), etag=True,
               if_match=True)
    def measures_status(record_id):
        session = get_session()
        measure = services.get_measure(session, record_id) if record_id <= MAX_ID else None
        if measure is None:
            abort(404)
        version = loaded_version(measure)
        data = parse_body(schemas.MeasureStatusChange).model_dump()
        services.update_status(session, measure, actor=current_user, data=data, loaded_version=version, today=local_today())
        return json_response(serialize_measure(measure), record=measure)

