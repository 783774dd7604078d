"""The sync service's store: its own metadata, on PostgreSQL or SQLite.

Rows of the desks' tables are kept as JSON documents (``srv_rows.data``) with a stamp
per column (``srv_rows.stamps``): the service is a replication store, not a second
copy of the desk schema, so a new desk column needs no service migration.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from legalaid.db.base import NAMING_CONVENTION

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# SQLite only auto-increments an INTEGER PRIMARY KEY.
BigId = BigInteger().with_variant(Integer(), "sqlite")

meta = Table(
    "srv_meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

users = Table(
    "srv_users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(60), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    # member: reads and writes its offices; supervisor: also reads the offices below
    # them; admin: everything, including offices and roles.
    Column("role", String(20), nullable=False, default="member"),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

memberships = Table(
    "srv_memberships",
    metadata,
    Column("user_id", ForeignKey("srv_users.id"), primary_key=True),
    Column("office_id", String(36), primary_key=True),
)

tokens = Table(
    "srv_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", ForeignKey("srv_users.id"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("desk_id", String(36)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

desks = Table(
    "srv_desks",
    metadata,
    Column("node", Integer, primary_key=True, autoincrement=True),
    Column("desk_id", String(36), nullable=False, unique=True),
    Column("user_id", ForeignKey("srv_users.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True)),
    Column("schema_rev", String(40)),
    Column("skew_ms", BigInteger),
)

rows = Table(
    "srv_rows",
    metadata,
    Column("tbl", String(40), primary_key=True),
    Column("pk", String(36), primary_key=True),
    # '' for rows every desk may read (offices, roles).
    Column("office_id", String(36), nullable=False),
    Column("data", Text, nullable=False),
    Column("stamps", Text, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Index("ix_srv_rows_scope", "tbl", "office_id", "pk"),
)

log = Table(
    "srv_log",
    metadata,
    Column("seq", BigId, primary_key=True, autoincrement=True),
    Column("tbl", String(40), nullable=False),
    Column("pk", String(36), nullable=False),
    Column("office_id", String(36), nullable=False),
    Column("kind", String(10), nullable=False),  # row | conflict
    Column("data", Text, nullable=False),
    Column("hlc", BigInteger, nullable=False),
    Index("ix_srv_log_office_seq", "office_id", "seq"),
)

changes = Table(
    "srv_changes",
    metadata,
    Column("change_id", String(40), primary_key=True),
    Column("node", Integer, nullable=False),
    Column("batch_id", String(40), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("tbl", String(40), nullable=False),
    Column("pk", String(36), nullable=False),
    Column("hlc", BigInteger, nullable=False),
    Column("status", String(20), nullable=False),
    # {"new": ..., "old": ..., "cols": {col: status}, "conflicts": [...], ...}
    Column("detail", Text, nullable=False),
    Index("ix_srv_changes_row", "tbl", "pk"),
)

conflicts = Table(
    "srv_conflicts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("tbl", String(40), nullable=False),
    Column("pk", String(36), nullable=False),
    Column("col", String(60), nullable=False),
    Column("office_id", String(36), nullable=False),
    Column("case_id", String(36)),
    Column("status", String(20), nullable=False),
    Column("data", Text, nullable=False),  # the whole record as sent to desks
    Column("seq", BigInteger, nullable=False),
    Index("ix_srv_conflicts_cell", "tbl", "pk", "col", "status"),
    Index("ix_srv_conflicts_scope", "office_id", "id"),
)

audit = Table(
    "srv_audit",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("node", Integer, nullable=False),
    Column("office_id", String(36)),
    Column("data", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

case_numbers = Table(
    "srv_case_numbers",
    metadata,
    Column("case_id", String(36), primary_key=True),
    Column("office_id", String(36), nullable=False),
    Column("year", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("number", String(60), nullable=False),
    UniqueConstraint("office_id", "year", "seq"),
    UniqueConstraint("number"),
)

counters = Table(
    "srv_counters",
    metadata,
    Column("office_id", String(36), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("next_seq", Integer, nullable=False),
)

blocks = Table(
    "srv_blocks",
    metadata,
    Column("office_id", String(36), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("node", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
