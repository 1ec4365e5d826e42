"""The two references `make bench` serves beside Portfolio, under the same gunicorn settings:
the ceiling, a bare Flask page, and the peer, Flask-Admin's list of the same applications table
(what a Flask developer would put up in an afternoon). Only in the benchmark's extra.

    gunicorn -w 2 'tests.perf.peer:create_peer_app()'   (PORTFOLIO_DATABASE_URL names the database)
"""

import os

from flask import Flask, render_template_string

CEILING_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Plafond</title></head>
<body><main><h1>Plafond</h1><table>{% for row in rows %}<tr><td>{{ row }}</td><td>Applicatie {{ row }}</td></tr>{% endfor %}</table></main></body></html>
"""


def create_peer_app():
    from flask_admin import Admin
    from flask_admin.contrib.sqla import ModelView
    from flask_babel import Babel
    from flask_sqlalchemy import SQLAlchemy

    import portfolio.ops.models  # noqa: F401  (every table, for the relationships of Application)
    from portfolio.applications.models import Application

    app = Flask("peer")
    app.config.update(SECRET_KEY="benchmark", SQLALCHEMY_DATABASE_URI=os.environ["PORTFOLIO_DATABASE_URL"])
    db = SQLAlchemy(app)
    Babel(app)  # Flask-Admin translates through Flask-Babel when it is installed
    Admin(app).add_view(ModelView(Application, db))

    @app.route("/ceiling")
    def ceiling():
        return render_template_string(CEILING_PAGE, rows=range(1, 51))

    return app
