"""synchronisation: change log, clock, conflicts, number blocks and capture triggers

Revision ID: 0003
Revises: 0002

The capture triggers are generated from the model metadata by
``legalaid.sync.capture``; rows already in the database are logged as inserts so a
desk that predates sync sends them on its first synchronisation.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from alembic import op

from legalaid.sync import capture

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    capture.install(op.get_bind(), str(uuid.uuid4()))


def downgrade() -> None:
    capture.uninstall(op.get_bind())
