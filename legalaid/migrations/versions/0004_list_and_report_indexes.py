"""indexes for the case list, dashboard and period summaries at a million cases

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW = [
    (
        "cases",
        "ix_cases_accepted_cover",
        ["accepted_on", "office_id", "archived_at", "worker_count"],
        None,
    ),
    ("cases", "ix_cases_closed_cover", ["closed_on", "office_id", "archived_at", "status"], None),
    ("cases", "ix_cases_live_received", ["received_on", "seq"], "archived_at IS NULL"),
    ("cases", "ix_cases_archived_status", ["archived_at", "status"], None),
    ("cases", "ix_cases_status_closed", ["status", "closed_on"], None),
    ("consultations", "ix_consultations_consulted", ["consulted_at"], None),
    ("deadlines", "ix_deadlines_office_due_on", ["office_id", "due_on"], None),
    ("deadlines", "ix_deadlines_open_due", ["due_on"], "done_at IS NULL AND archived_at IS NULL"),
    ("recoveries", "ix_recoveries_received", ["received_on"], None),
    ("referrals", "ix_referrals_office_sent", ["office_id", "sent_on"], None),
    ("mediations", "ix_mediations_office_started", ["office_id", "started_on"], None),
]
# The covering indexes start with the same column as these, which they replace.
OLD = [
    ("cases", "ix_cases_accepted_on", ["accepted_on"]),
    ("cases", "ix_cases_closed_on", ["closed_on"]),
]


def upgrade() -> None:
    for table, name, _cols in OLD:
        op.drop_index(name, table_name=table)
    for table, name, cols, where in NEW:
        if where:
            op.create_index(name, table, cols, sqlite_where=sa.text(where))
        else:
            op.create_index(name, table, cols)
    op.execute("ANALYZE")


def downgrade() -> None:
    for table, name, _cols, _where in NEW:
        op.drop_index(name, table_name=table)
    for table, name, cols in OLD:
        op.create_index(name, table, cols)
