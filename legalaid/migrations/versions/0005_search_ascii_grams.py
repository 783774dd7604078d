"""search index: 4-grams for runs of ASCII letters and digits, one-character prefixes

Digit bigrams are in almost every ID number and phone, so a search for part of an ID
number read most of the people index. The indexed form now gives ASCII runs 4-grams
(see legalaid.db.search_text). A one-character search ("王") is a prefix query that
merged thousands of posting lists; the tables now keep an index of one-character
prefixes (FTS5 ``prefix='1'``, about half as large again). The search tables are
recreated and refilled from their source rows; the triggers call la_ngrams and stay
as they are.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _recreate(options: str) -> None:
    # The current la_ngrams defines the indexed form, so both directions refill with
    # it: an index built by one code version is only read by the same version.
    from legalaid.db.search_text import INDEXED, rebuild_statements

    for table in INDEXED:
        op.execute(f"DROP TABLE fts_{table}")
        op.execute(f"CREATE VIRTUAL TABLE fts_{table} USING fts5(body, {options})")
    for stmt in rebuild_statements():
        op.execute(stmt)
    for table in INDEXED:  # merge the segments the refill wrote
        op.execute(f"INSERT INTO fts_{table}(fts_{table}) VALUES ('optimize')")


def upgrade() -> None:
    _recreate("tokenize='unicode61', prefix='1'")


def downgrade() -> None:
    _recreate("tokenize='unicode61'")
