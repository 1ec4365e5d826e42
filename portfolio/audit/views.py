"""The global audit log, for the CISO and administrators."""

from flask import current_app, render_template, request
from flask_login import current_user

from portfolio.audit import services
from portfolio.audit.forms import AuditFilterForm
from portfolio.web.permissions import Permission, hidden_entity_types, requires
from portfolio.core.db import get_session
from portfolio.web.routing import Routes

routes = Routes()


@routes.route("/")
@requires(Permission.READ_AUDIT)
def index():
    session = get_session()
    hidden = hidden_entity_types(current_user)
    form = AuditFilterForm(
        request.args, actors=services.actors(session), entity_types=services.entity_types(session, hidden)
    )
    if request.args and not form.validate():
        return render_template("audit/index.html", form=form, entries=[], total=0, page=1, pages=1), 400
    log_filter = services.LogFilter(
        actor_id=int(form.user.data) if form.user.data else None,
        entity_type=form.entity_type.data or None,
        date_from=form.date_from.data,
        date_to=form.date_to.data,
        hidden_entity_types=hidden,
    )
    per_page = current_app.config["AUDIT_PAGE_SIZE"]
    page = form.page.data or 1
    entries, total = services.search(session, log_filter, page=page, per_page=per_page)
    pages = max(1, -(-total // per_page))
    return render_template(
        "audit/index.html", form=form, entries=entries, total=total, page=page, pages=pages
    )
