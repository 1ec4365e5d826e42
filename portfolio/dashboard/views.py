"""The start page after login; the registers fill it with what needs attention."""

from flask import Blueprint, render_template

from portfolio.auth.permissions import Permission, requires

bp = Blueprint("dashboard", __name__)


@bp.route("/")
@requires(Permission.SIGNED_IN)
def index():
    return render_template("dashboard/index.html")
