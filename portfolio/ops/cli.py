"""Command-line interface: `flask --app portfolio db|users|audit|backup|restore …`."""

import click
from flask import current_app
from flask.cli import AppGroup

from portfolio.ops import migrations

db_cli = AppGroup("db", help="Database schema migrations.")


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision):
    """Bring the database schema up to REVISION (default: the newest)."""
    migrations.upgrade(current_app, revision)


@db_cli.command("downgrade")
@click.argument("revision", default="-1")
def db_downgrade(revision):
    """Take the schema back to REVISION (default: one step)."""
    migrations.downgrade(current_app, revision)


@db_cli.command("current")
def db_current():
    """Show the schema revision the database is at."""
    migrations.current(current_app)


@db_cli.command("revision")
@click.option("-m", "--message", required=True)
def db_revision(message):
    """Write a new migration from the difference between the models and the database."""
    migrations.revision(current_app, message)


def init_app(app):
    from portfolio.applications.cli import applications_cli
    from portfolio.audit.cli import audit_cli
    from portfolio.ops.backup import backup_command, restore_command
    from portfolio.ops.demo import demo_cli, reference_cli
    from portfolio.reminders.cli import reminders_cli
    from portfolio.security.cli import frameworks_cli
    from portfolio.users.cli import users_cli

    for group in (db_cli, users_cli, audit_cli, reference_cli, demo_cli, applications_cli, frameworks_cli,
                  reminders_cli, backup_command, restore_command):
        app.cli.add_command(group)
