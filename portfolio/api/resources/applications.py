"""/api/v1/applications: the application register, through portfolio.applications.services."""

from flask import current_app

from portfolio.api.crud import Resource
from portfolio.api.schemas.applications import ApplicationCreate, ApplicationQuery, ApplicationRead, ApplicationUpdate
from portfolio.applications import services
from portfolio.applications.listing import ApplicationFilter, list_applications
from portfolio.applications.models import Application
from portfolio.web.permissions import Permission
from portfolio.core.dates import local_today


def list_(session, query):
    application_filter = ApplicationFilter(
        text=query.q, domain_id=query.domain_id, lifecycle_status=query.lifecycle_status,
        supplier_id=query.supplier_id, organisation_id=query.organisation_id, hosting=query.hosting,
        biv=query.biv, time_verdict=query.time_verdict, action_within_months=query.action_within_months,
        include_archived=query.include_archived, sort=query.sort, descending=query.order == "desc",
    )
    page = list_applications(
        session, application_filter, page=query.page, size=query.per_page, today=local_today(),
        lead_months=current_app.config["PROCUREMENT_LEAD_MONTHS"],
    )
    return [row.application for row in page.rows], page.total


RESOURCE = Resource(
    name="applications", tag="applications", model=Application, read=ApplicationRead,
    read_permission=Permission.READ_REGISTER, write_permission=Permission.WRITE_REGISTER,
    query=ApplicationQuery, list=list_,
    create_schema=ApplicationCreate, create=lambda session, data: services.create_application(session, data=data),
    update_schema=ApplicationUpdate,
    update=lambda session, record, data, version: services.update_application(session, record, data=data, loaded_version=version),
    archivable=True,
)
