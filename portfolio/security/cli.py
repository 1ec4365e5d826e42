"""`flask --app portfolio frameworks import FILE [--code C] [--name N]`: load a norm catalogue."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale

from portfolio.core.db import session_scope
from portfolio.security.catalogues import services as catalogue_import

frameworks_cli = AppGroup("frameworks", help="Norm catalogues of the security register.")
CLI_ACTOR = (None, "cli")


@frameworks_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True, path_type=Path))
@click.option("--code", help="Framework code (CSV; default: the file name). An existing code is updated.")
@click.option("--name", help="Framework name (CSV; default: the code).")
def import_file(file, code, name):
    """Import FILE (.csv with reference;chapter;title;text;tags, or a CISO Assistant .yaml library).
    Nothing is written when the file has any problem (exit code 1)."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        try:
            with session_scope(actor=lambda: CLI_ACTOR) as session:
                report = catalogue_import.import_catalogue(session, file.read_bytes(), file.name, code=code, name=name)
                summary = (
                    f"{report.framework.name} ({report.framework.code}): {len(report.added)} added, "
                    f"{len(report.changed)} changed, {len(report.withdrawn)} withdrawn, {report.unchanged} unchanged."
                )
        except catalogue_import.CatalogueInvalid as error:
            click.echo("Nothing written:", err=True)
            for problem in error.errors:
                click.echo(f"  {problem}", err=True)
            raise SystemExit(1) from None
    click.echo(summary)
    for label, references in (("added", report.added), ("changed", report.changed), ("withdrawn", report.withdrawn)):
        if references:
            click.echo(f"  {label}: {', '.join(references)}")
