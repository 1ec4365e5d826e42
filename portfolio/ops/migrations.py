"""Alembic, driven from the app: the scripts live in portfolio/migrations."""

from pathlib import Path

from alembic import command
from alembic.config import Config

from portfolio.core.db import get_engine

SCRIPT_LOCATION = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(app, connection=None):
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    config.attributes["engine"] = get_engine(app)
    config.attributes["connection"] = connection
    return config


def upgrade(app, revision="head"):
    command.upgrade(alembic_config(app), revision)


def downgrade(app, revision):
    command.downgrade(alembic_config(app), revision)


def current(app):
    command.current(alembic_config(app), verbose=False)


def revision(app, message, autogenerate=True):
    command.revision(alembic_config(app), message=message, autogenerate=autogenerate)
