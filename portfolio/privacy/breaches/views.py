"""Pages of the data-breach register, only for the privacy role and administrators
(MANAGE_BREACHES on every route, reading included)."""

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _

from portfolio.core.audit.history import history_for
from portfolio.web.permissions import Permission, requires
from portfolio.web.edit_pages import form_page
from portfolio.core.db import get_session
from portfolio.core.dates import utcnow
from portfolio.privacy import listing
from portfolio.privacy.breaches import services
from portfolio.privacy.breaches.deadline import NOTIFICATION_PERIOD, deadline_state
from portfolio.privacy.breaches.forms import BreachEditForm, BreachForm
from portfolio.privacy.services import applications_for_choice
from portfolio.reference.services import all_organisations
from portfolio.web.routing import Routes

routes = Routes()


FILTERS = ("all", "open", "overdue")


@routes.route("/breaches/")
@requires(Permission.MANAGE_BREACHES)
def breach_index():
    shown = request.args.get("show", "all")
    if shown not in FILTERS:
        abort(400)
    now = utcnow()
    breaches = listing.list_breaches(
        get_session(), only_open=shown == "open",
        only_overdue_before=now - NOTIFICATION_PERIOD if shown == "overdue" else None,
    )
    return render_template(
        "privacy/breach_index.html", breaches=breaches, shown=shown,
        states={b.id: deadline_state(b.discovered_at, b.notified_at, now) for b in breaches},
    )


def _breach(breach_id):
    return services.get_breach(get_session(), breach_id) or abort(404)


def _choices(session, breach=None):
    keep = [link.application_id for link in breach.application_links] if breach else []
    return {"organisations": all_organisations(session), "applications": applications_for_choice(session, keep)}


@routes.route("/breaches/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_BREACHES)
def breach_create():
    session = get_session()
    form = BreachForm(**_choices(session))
    return form_page(
        form, "privacy/breach_form.html",
        lambda f: services.create_breach(session, data=f.data_for_service(), application_ids=f.application_ids.data or []),
        success=_("Datalek vastgelegd."),
        redirect_to=lambda breach: url_for("privacy.breach_detail", breach_id=breach.id),
        breach=None,
    )


@routes.route("/breaches/<int:breach_id>")
@requires(Permission.MANAGE_BREACHES)
def breach_detail(breach_id):
    session = get_session()
    breach = _breach(breach_id)
    return render_template(
        "privacy/breach_detail.html", breach=breach,
        state=deadline_state(breach.discovered_at, breach.notified_at, utcnow()),
        history_entries=history_for(session, breach, *breach.application_links),
    )


@routes.route("/breaches/<int:breach_id>/edit", methods=["GET", "POST"])
@requires(Permission.MANAGE_BREACHES)
def breach_edit(breach_id):
    session = get_session()
    breach = _breach(breach_id)
    form = BreachEditForm(
        obj=breach, breach=breach, **_choices(session, breach),
        application_ids=[link.application_id for link in breach.application_links],
    )
    return form_page(
        form, "privacy/breach_form.html",
        lambda f: services.update_breach(
            session, breach, data=f.data_for_service(), loaded_version=f.loaded_version,
            application_ids=f.application_ids.data or [],
        ),
        success=_("Datalek opgeslagen."),
        redirect_to=url_for("privacy.breach_detail", breach_id=breach.id),
        breach=breach,
    )
