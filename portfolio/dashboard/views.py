"""The start page after login: what needs the user's action, and the key figures with their charts."""

from flask import current_app, render_template
from flask_login import current_user

from portfolio.web.permissions import Permission, can, requires
from portfolio.dashboard import charts
from portfolio.dashboard.actions import actions_for
from portfolio.dashboard.figures import key_figures
from portfolio.core.db import get_session
from portfolio.core.dates import local_today, utcnow
from portfolio.privacy import chain
from portfolio.security import compliance
from portfolio.web.routing import Routes

routes = Routes()



@routes.route("/")
@requires(Permission.SIGNED_IN)
def index():
    session = get_session()
    figures = key_figures(session, local_today())
    return render_template(
        "dashboard/index.html",
        actions=actions_for(session, current_user, today=local_today(), lead_months=current_app.config["PROCUREMENT_LEAD_MONTHS"]),
        figures=figures,
        charts=charts.all_charts(figures),
        attention=compliance.attention(session, local_today()) if can(current_user, Permission.MANAGE_SECURITY) else None,
        privacy=chain.overview(session, today=local_today(), now=utcnow(), with_breaches=can(current_user, Permission.MANAGE_BREACHES))
        if can(current_user, Permission.READ_PRIVACY) else None,
    )
