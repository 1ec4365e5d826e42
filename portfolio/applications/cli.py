"""`flask --app portfolio applications import FILE [--dry-run]`: the spreadsheet import from a shell."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale
from flask_babel import gettext as _

from portfolio.applications.importing import reading, writing
from portfolio.applications.importing.preview import validate
from portfolio.core.db import session_scope
from portfolio.core.exceptions import ServiceError

applications_cli = AppGroup("applications", help="The application register.")

CLI_ACTOR = (None, "cli")


@applications_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Validate and show what would change; write nothing.")
def import_file(file, dry_run):
    """Import FILE (.csv or .xlsx in the export's column layout): every row is validated first;
    nothing is written when any row is invalid (exit code 1) or with --dry-run."""
    if file.stat().st_size > reading.MAX_FILE_BYTES:
        raise click.ClickException(f"{file.name} is larger than {reading.MAX_FILE_BYTES // 2**20} MB.")
    data = file.read_bytes()
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        try:
            with session_scope(actor=lambda: CLI_ACTOR) as session:
                parsed = reading.parse(data, file.name, max_rows=reading.MAX_ROWS_CLI)
                preview = validate(session, parsed)
                _echo_preview(preview)
                if not preview.is_valid:
                    raise _Invalid()
                if dry_run:
                    click.echo("Dry run: nothing written.")
                    return
                reason = _("Import uit %(filename)s", filename=file.name)
                try:
                    created, changed = writing.apply(session, preview, reason=reason)
                except writing.ImportInvalid as error:
                    _echo_errors(error.errors)
                    raise _Invalid() from None
        except _Invalid:
            click.echo("Nothing written: the file has invalid rows.", err=True)
            raise SystemExit(1) from None
        except ServiceError as error:
            raise click.ClickException(str(error.message)) from None
    click.echo(f"Written: {len(created)} created, {len(changed)} changed.")


class _Invalid(Exception):
    """Leaves the session block so that nothing is committed."""


def _echo_preview(preview):
    click.echo(
        f"{preview.filename}: {len(preview.creates)} to create, {len(preview.updates)} to change, "
        f"{preview.unchanged} unchanged, {len(preview.errors)} errors."
    )
    if preview.new_suppliers:
        click.echo("New suppliers: " + ", ".join(preview.new_suppliers))
    for row in preview.creates:
        click.echo(f"  create row {row.row}: {row.name}")
    for row in preview.updates:
        changes = "; ".join(f"{change.column}: {change.old or '–'} → {change.new or '–'}" for change in row.changes)
        click.echo(f"  change row {row.row} (ID {row.application_id}, {row.name}): {changes}")
    _echo_errors(preview.errors)


def _echo_errors(errors):
    for error in errors:
        click.echo(f"  row {error.row}, {error.column or '–'}: {error.reason}", err=True)
