"""Alembic environment: SQLModel's metadata, type comparison, batch mode on SQLite."""

from alembic import context
from sqlmodel import SQLModel

import portfolio.ops.models  # noqa: F401  (registers every table on the metadata)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations(connection):
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    with config.attributes["engine"].connect() as connection:
        run_migrations(connection)
