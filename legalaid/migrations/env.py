"""Alembic environment. Run through legalaid.db.migrate, which hands over a connection."""

from __future__ import annotations

from alembic import context

import legalaid.models  # noqa: F401  (registers every table)
from legalaid.db.base import Base
from legalaid.db.migrate import include_name

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("legalaid migrations run through legalaid.db.migrate.upgrade()")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
