"""Portfolio: the application-portfolio and information-security register of I&A Duo+.

The package reads in layers, each importing only from itself and the layers below it
(tests/test_layers.py enforces this):

- ``core/``: database, records, the audit trail's capture, labels, dates, money, paging,
  spreadsheet cells; it knows no feature and no page;
- ``web/``: the page shell every feature shares: layout helpers, edit pages, form parts, errors,
  security headers, languages, routing, permissions, security events;
- the features (``auth``, ``users``, ``tokens``, ``audit``, ``applications``, ``suppliers``,
  ``procurements``, ``budget``, ``security``, ``privacy``, ``dashboard``, ``reports``,
  ``reminders``, ``reference``, ``api``): each owns its models, forms, services, views, labels
  and blueprint; features may use each other;
- ``ops/``: the command line, back-up, demo data and the benchmark generator.

``create_app`` (this module) assembles them in that order.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

from flask import Flask

from portfolio.core import db
from portfolio.core.audit import capture

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULTS = {
    "DATABASE_URL": None,  # None: SQLite in the instance folder
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,
    "SESSION_IDLE_HOURS": 8,
    "MAX_CONTENT_LENGTH": 21 * 1024 * 1024,  # a little above EVIDENCE_MAX_BYTES and the form around it
    "EVIDENCE_MAX_BYTES": 20 * 1024 * 1024,
    "EVIDENCE_EXTENSIONS": ("pdf", "docx", "xlsx", "odt", "ods", "png", "jpg", "jpeg", "txt", "csv"),
    "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session does
    "BABEL_DEFAULT_LOCALE": "nl",
    "BABEL_DEFAULT_TIMEZONE": "Europe/Amsterdam",
    "LANGUAGES": ("nl", "en"),
    "LOGIN_MAX_FAILURES": 5,
    "LOGIN_LOCK_MINUTES": 15,
    "ARGON2": {},  # keyword arguments for argon2.PasswordHasher; empty: the library's defaults
    "ADMIN_EMAIL": "admin@example.org",
    "AUDIT_PAGE_SIZE": 50,
    "PROCUREMENT_LEAD_MONTHS": 12,  # how long before a contract ends a new procurement must start
    "PRIVACY_AGREEMENT_EXPIRY_DAYS": 90,  # processor agreements ending this soon are listed as expiring
    # Per organisation name: {"controller": contact details, "dpo": the FG's contact details},
    # printed in the art. 30 export. Set in instance/config.py.
    "PRIVACY_CONTACTS": {},
    "REPORT_ORGANISATION": "Duo+",  # named on the management report
    # Reminders by e-mail (`flask --app portfolio reminders send`, daily from cron).
    "MAIL_SERVER": "localhost",
    "MAIL_PORT": 25,
    "MAIL_USE_TLS": False,  # STARTTLS after connecting
    "MAIL_USERNAME": None,
    "MAIL_PASSWORD": None,
    "MAIL_FROM": "portfolio@example.org",
    "MAIL_TIMEOUT": 30,
    "REMINDER_WEEKLY_DAY": 0,  # the weekday of the weekly summary: 0 is Monday
    "API_RATE_LIMIT": 600,  # requests per API token per minute, counted in the database
    "API_PAGE_SIZE": 50,  # default page size of API lists (at most 100 per page)
    "FIGURE_CACHE": True,  # keep whole-register figures per worker until the next write (figure_cache.py)
}


class PortfolioFlask(Flask):
    """Flask that tells the database layer when a view returned without raising: only then does
    the request commit (core.db)."""

    def dispatch_request(self):
        response = super().dispatch_request()
        db.view_finished()
        return response


def create_app(test_config=None, instance_path=None):
    """Build the application: config, database, extensions, blueprints, errors, CLI.

    instance_path overrides where instance/ is (tests point it at a temporary folder).
    """
    app = PortfolioFlask(
        __name__,
        instance_path=instance_path,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
    )
    load_config(app, test_config)

    from portfolio import (
        api, applications, audit, auth, budget, dashboard, privacy, procurements, reference, reports, security,
        suppliers, tokens, users,
    )
    from portfolio.ops import cli, models
    from portfolio.web import actors, errors, health, http_security, i18n, routing, ui

    routing.init_app(app)
    db.init_app(app, actors.request_actor)
    capture.init_app(app)
    i18n.init_app(app)
    http_security.init_app(app)
    ui.init_app(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(i18n.bp)
    for feature in (
        auth, dashboard, applications, suppliers, procurements, budget, security, privacy, users, audit,
        reports, tokens, reference,
    ):
        feature.init_app(app)
    api.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
    models.configure()
    return app


def load_config(app, test_config):
    """Defaults, then instance/config.py, then PORTFOLIO_* environment, then test overrides."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env(prefix="PORTFOLIO")
    if test_config:
        app.config.from_mapping(test_config)

    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _stored_secret_key(Path(app.instance_path))
    if not app.config["DATABASE_URL"]:
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        database = Path(app.instance_path) / "portfolio.sqlite3"
        app.config["DATABASE_URL"] = f"sqlite:///{database}"
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=app.config["SESSION_IDLE_HOURS"])


def _stored_secret_key(instance_path):
    """Read the installation's secret key, generating it (readable by the owner only) on first use."""
    instance_path.mkdir(parents=True, exist_ok=True)
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
    return key_file.read_text().strip()
