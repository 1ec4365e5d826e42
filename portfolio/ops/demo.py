"""`flask --app portfolio demo load` and `reference seed`: the data a new installation starts with."""

import time

import click
from flask.cli import AppGroup
from sqlmodel import select

from portfolio.applications.demo import load_demo_applications
from portfolio.applications.models import Application
from portfolio.core.db import session_scope
from portfolio.ops.generator import RegisterNotEmpty, generate_into_empty_register
from portfolio.budget.demo import load_demo_budget
from portfolio.privacy.demo import load_demo_privacy
from portfolio.procurements.demo import load_demo_procurements
from portfolio.reference.seed import seed_reference_data
from portfolio.security.demo import ensure_example_catalogue, load_demo_security

demo_cli = AppGroup("demo", help="Demo data from the source document.")
reference_cli = AppGroup("reference", help="Reference lists (organisations, domains).")
SYSTEM_ACTOR = (None, "demo")


@reference_cli.command("seed")
def seed():
    """Add the organisations and domains that are missing."""
    with session_scope(actor=lambda: (None, "cli")) as session:
        added = seed_reference_data(session)
    click.echo(f"Reference data: {added} added.")


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Only when the register has no application yet.")
def load(if_empty):
    """Load the demo data; records that exist already are left as they are."""
    with session_scope(actor=lambda: SYSTEM_ACTOR) as session:
        seed_reference_data(session)
        if if_empty and session.exec(select(Application.id)).first() is not None:
            click.echo("The register has data; demo data not loaded.")
            return
        added = load_demo_data(session)
    click.echo(
        f"Demo data: {added['applications']} applications, {added['procurements']} procurements, "
        f"{added['budget']} budget records and {added['measures']} security measures added."
    )
    click.echo(f"Privacy demo data: {added['privacy']} records added.")
    if added["accounts"]:
        click.echo("Demo accounts of the security organisation (these passwords are shown once):")
        for email, password in added["accounts"]:
            click.echo(f"  {email}  {password}")


def load_demo_data(session):
    """Add every feature's demo records to session. Returns how many each feature added, and
    under "accounts" the (e-mail, password) of each demo account made."""
    added = {
        "applications": load_demo_applications(session),
        "procurements": load_demo_procurements(session),
        "budget": load_demo_budget(session),
    }
    added["measures"], added["accounts"] = load_demo_security(session)
    added["privacy"] = load_demo_privacy(session)
    return added


@demo_cli.command("generate")
@click.option("--applications", type=click.IntRange(1, 1_000_000), default=1_000, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True, help="The same seed gives the same register.")
def generate(applications, seed):
    """A large synthetic register for benchmarks, into a register without applications."""
    started = time.perf_counter()
    with session_scope(actor=lambda: (None, "generator")) as session:
        seed_reference_data(session)
        ensure_example_catalogue(session)
        try:
            counts = generate_into_empty_register(session, applications=applications, seed=seed)
        except RegisterNotEmpty as error:
            raise click.ClickException("The register has applications already; generate into an empty database.") from error
    summary = ", ".join(f"{count} {table}" for table, count in counts.items())
    click.echo(f"Generated in {time.perf_counter() - started:.1f} s: {summary}.")
