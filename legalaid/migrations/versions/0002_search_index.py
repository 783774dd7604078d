"""full-text search index (bigram FTS5 tables kept current by triggers)

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> SQL expression of the text to index (NEW./OLD. prefixed at use).
INDEXED = {
    "people": "{r}.name || ' ' || coalesce({r}.id_number, '') || ' ' || coalesce({r}.phone, '')",
    "employers": "{r}.name || ' ' || coalesce({r}.credit_code, '')",
    "cases": "{r}.number || ' ' || {r}.title",
    "note_revisions": "{r}.body",
    "consultations": "{r}.caller_name || ' ' || coalesce({r}.caller_phone, '') || ' ' || "
    "coalesce({r}.employer_name, '') || ' ' || coalesce({r}.question, '')",
}


def upgrade() -> None:
    for table, expr in INDEXED.items():
        fts = f"fts_{table}"
        new, old = expr.format(r="NEW"), expr.format(r="OLD")
        op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5(body, tokenize='unicode61')")
        op.execute(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, body) VALUES (NEW.rowid, la_ngrams({new})); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} WHEN ({old}) IS NOT ({new}) BEGIN "
            f"DELETE FROM {fts} WHERE rowid = OLD.rowid; "
            f"INSERT INTO {fts}(rowid, body) VALUES (NEW.rowid, la_ngrams({new})); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM {fts} WHERE rowid = OLD.rowid; END"
        )
        op.execute(
            f"INSERT INTO {fts}(rowid, body) SELECT rowid, la_ngrams({expr.format(r=table)}) "
            f"FROM {table}"
        )


def downgrade() -> None:
    for table in INDEXED:
        fts = f"fts_{table}"
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
