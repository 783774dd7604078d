"""covering indexes for period summaries at a million cases

The monthly summary also totals the year to date: tens of thousands of cases,
consultations, recoveries and applicants, each of which was a row read at random.
These indexes hold every column those queries group, sum or filter by, so the
summary reads index entries in order instead. Live cases by key, with the list order,
serve the archived check of joined rows and the sorting of search matches.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_REPORT = [
    "office_id",
    "archived_at",
    "status",
    "dispute_type",
    "source",
    "handling_method",
    "lead_staff_id",
    "outcome",
    "worker_count",
    "ledger_recovered_fen",
    "ledger_wage_recovered_fen",
]
_CONSULTATION = ["channel", "topic", "staff_id", "worker_count"]
# (table, index, columns now, columns before): each index is widened in place.
WIDENED = [
    (
        "cases",
        "ix_cases_accepted_cover",
        ["accepted_on", *_REPORT, "closed_on", "id"],
        ["accepted_on", "office_id", "archived_at", "worker_count"],
    ),
    (
        "cases",
        "ix_cases_closed_cover",
        ["closed_on", *_REPORT, "accepted_on"],
        ["closed_on", "office_id", "archived_at", "status"],
    ),
    (
        "consultations",
        "ix_consultations_office_consulted",
        ["office_id", "consulted_at", "archived_at", *_CONSULTATION],
        ["office_id", "consulted_at"],
    ),
    (
        "recoveries",
        "ix_recoveries_office_received",
        ["office_id", "received_on", "archived_at", "kind", "amount_fen", "case_id"],
        ["office_id", "received_on"],
    ),
    (
        "case_applicants",
        "ix_case_applicants_case",
        ["case_id", "archived_at", "position", "person_id"],
        ["case_id"],
    ),
]


def upgrade() -> None:
    for table, name, cols, _old in WIDENED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, cols)
    live = sa.text("archived_at IS NULL")
    op.create_index("ix_cases_live_id", "cases", ["id", "received_on", "seq"], sqlite_where=live)
    op.execute("ANALYZE")


def downgrade() -> None:
    op.drop_index("ix_cases_live_id", table_name="cases")
    for table, name, _cols, old in WIDENED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, old)
