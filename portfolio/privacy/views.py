"""The privacy register's overview pages: the FG's chain (its figures and their lists) and the
agreements about to end. Processing activities, agreements and breaches have their own packages."""

from types import SimpleNamespace

from flask import abort, render_template
from flask_login import current_user

from portfolio.core.db import get_session
from portfolio.core.dates import local_today, utcnow
from portfolio.privacy import chain, enums
from portfolio.privacy.agreements.currency import expiry_days
from portfolio.web.permissions import Permission, can, requires
from portfolio.web.routing import Routes

routes = Routes()


@routes.app_context_processor
def privacy_template_globals():
    """The privacy enumerations for label() in templates, also in the application page's panel."""
    return {"privacy_enums": SimpleNamespace(
        LegalBasis=enums.LegalBasis, SpecialCategoryGround=enums.SpecialCategoryGround,
        DpiaRequired=enums.DpiaRequired, DpiaStatus=enums.DpiaStatus, BreachRisk=enums.BreachRisk,
    )}


@routes.route("/")
@requires(Permission.READ_PRIVACY)
def index():
    session = get_session()
    with_breaches = can(current_user, Permission.MANAGE_BREACHES)
    counts = chain.overview(session, today=local_today(), now=utcnow(), with_breaches=with_breaches)
    expiring = chain.expiring_agreements(session, today=local_today(), days=expiry_days())
    return render_template("privacy/index.html", counts=counts, with_breaches=with_breaches,
                           expiring=expiring, expiry_days=expiry_days())


@routes.route("/chain/<figure>")
@requires(Permission.READ_PRIVACY)
def chain_list(figure):
    if figure not in chain.FIGURES:
        abort(404)
    records = get_session().exec(chain.figure_statement(figure, local_today())).all()
    return render_template("privacy/chain_list.html", figure=figure, records=records)
