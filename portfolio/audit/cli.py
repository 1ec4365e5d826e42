"""`flask --app portfolio audit verify`: check the hash chain of the audit trail."""

import click
from flask.cli import AppGroup

from portfolio.core.audit.history import verify_chain
from portfolio.core.db import session_scope

audit_cli = AppGroup("audit", help="The audit trail.")


@audit_cli.command("verify")
def verify():
    """Recompute the hash chain; exit 1 at the first entry where it breaks."""
    with session_scope() as session:
        report = verify_chain(session)
    if report.first_broken_id is None:
        click.echo(f"Audit trail intact: {report.checked} entries checked.")
        return
    click.echo(
        f"Audit trail broken at entry {report.first_broken_id}: {report.problem} "
        f"({report.checked} entries checked).",
        err=True,
    )
    raise SystemExit(1)
