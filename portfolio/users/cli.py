"""`flask --app portfolio users create|list|ensure-admin`."""

import secrets
import sys
from contextlib import contextmanager

import click
from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask.cli import AppGroup
from sqlmodel import select

from portfolio.web.permissions import Role
from portfolio.auth.models import User
from portfolio.auth.passwords import MAX_LENGTH, MIN_LENGTH, is_common
from portfolio.core.db import session_scope
from portfolio.core.exceptions import FieldErrors
from portfolio.users import services

users_cli = AppGroup("users", help="Accounts.")

CLI_ACTOR = (None, "cli")


@contextmanager
def _cli_session():
    """A session acting as the CLI. Raises ClickException for a rule a service enforces
    (nothing is written)."""
    try:
        with session_scope(actor=lambda: CLI_ACTOR) as session:
            yield session
    except FieldErrors as error:
        raise click.ClickException(str(error)) from None


@users_cli.command("create")
@click.argument("email")
@click.option("--name", required=True, help="Full name.")
@click.option("--role", required=True, type=click.Choice([role.value for role in Role]))
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create(email, name, role, password_stdin):
    """Create an account; the password is read from stdin or prompted for, never an argument."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")  # click.get_text_stream is deprecated (Click 8.5)
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise click.ClickException(f"The password must have {MIN_LENGTH} to {MAX_LENGTH} characters.")
    if is_common(password):
        raise click.ClickException("The password is on the list of common passwords; choose another.")
    if len(name) > 120 or not name.strip():
        raise click.ClickException("The name must have 1 to 120 characters.")
    _check_email(email)
    with _cli_session() as session:
        user = services.create_user(session, email=email, name=name, role=role, password=password)
        click.echo(f"Created {user.email} ({user.role}).")


def _check_email(email):
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as error:
        raise click.ClickException(f"Not a valid e-mail address: {error}") from None


@users_cli.command("list")
def list_accounts():
    """List every account with its role and state."""
    with session_scope() as session:
        for user in services.list_users(session):
            state = "active" if user.active else "inactive"
            click.echo(f"{user.email}\t{user.name}\t{user.role}\t{state}")


@users_cli.command("ensure-admin")
def ensure_admin():
    """Create the first administrator when there is none, and print its password once."""
    email = current_app.config["ADMIN_EMAIL"]
    with _cli_session() as session:
        if session.exec(select(User.id).where(User.role == Role.ADMIN.value)).first() is not None:
            click.echo("An administrator account exists; no password printed.")
            return
        password = secrets.token_urlsafe(15)
        services.create_user(session, email=email, name="Beheerder", role=Role.ADMIN.value, password=password)
    click.echo("Created the administrator account (this password is shown once):")
    click.echo(f"  e-mail:     {email}")
    click.echo(f"  password:   {password}")
