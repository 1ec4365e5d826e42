"""Liveness for load balancers and monitoring: is the database reachable?"""

from flask import Blueprint, current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from portfolio.web.permissions import Permission, requires
from portfolio.core.db import get_engine

bp = Blueprint("health", __name__)


@bp.route("/healthz")
@requires(Permission.PUBLIC)
def healthz():
    try:
        with get_engine().connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        current_app.logger.exception("health check: database unreachable")
        return {"status": "unavailable", "database": "unreachable"}, 503
    return {"status": "ok", "database": "ok"}, 200
