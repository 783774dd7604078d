"""Alembic environment of the sync service's store (run through legalaid.server.migrate)."""

from __future__ import annotations

from alembic import context

from legalaid.server.tables import metadata

config = context.config


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("store migrations run through legalaid.server.migrate.upgrade()")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        version_table="srv_alembic_version",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
