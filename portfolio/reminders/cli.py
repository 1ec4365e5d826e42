"""`flask --app portfolio reminders send [--dry-run] [--date YYYY-MM-DD]`, meant for a daily cron job."""

import smtplib

import click
from flask import current_app
from flask.cli import AppGroup

from portfolio.core.dates import local_today, utcnow
from portfolio.core.db import session_scope
from portfolio.reminders.digest import plan, record
from portfolio.reminders.sending import email_message, smtp_connection

reminders_cli = AppGroup("reminders", help="Reminders by e-mail.")
CLI_ACTOR = (None, "reminders")


@reminders_cli.command("send")
@click.option("--dry-run", is_flag=True, help="Print recipients and subjects; send and record nothing.")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day to send for (default: today in Europe/Amsterdam).")
def send(dry_run, day):
    """Send each user one digest of what needs their action, and the weekly summaries."""
    today = day.date() if day else local_today()
    with session_scope(actor=lambda: CLI_ACTOR) as session:
        messages = plan(session, today=today, now=utcnow())
    if dry_run:
        for message in messages:
            click.echo(f"{message.to}\t{message.subject}")
        click.echo(f"{len(messages)} e-mails would be sent (dry run: nothing sent).")
        return
    if not messages:
        click.echo("Nothing to send.")
        return
    sender = current_app.config["MAIL_FROM"]
    sent = 0
    try:
        with smtp_connection(current_app.config) as smtp:
            for message in messages:
                smtp.send_message(email_message(message, sender))
                # Recorded per message, right after the server accepted it: a failure later in the
                # run leaves what was sent recorded, and the rest is tried again by the next run.
                with session_scope(actor=lambda: CLI_ACTOR) as session:
                    record(session, message, today)
                sent += 1
    except (smtplib.SMTPException, OSError) as error:
        raise click.ClickException(
            f"sending failed after {sent} of {len(messages)} e-mails "
            f"({current_app.config['MAIL_SERVER']}:{current_app.config['MAIL_PORT']}): {error}"
        ) from None
    click.echo(f"{sent} e-mails sent.")
