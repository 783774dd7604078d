"""Change capture on the desk: the sync tables and the triggers that fill the change log.

Triggers are generated from the model metadata (:mod:`legalaid.sync.schema`) and the
columns the database really has, and are installed by migration 0003. Every write to
a synchronised table - through the ORM, Core, ``text()`` or the ``sqlite3`` shell -
adds a row to ``sync_log`` in the same transaction: inserts with every column, updates
with the changed columns (``new``) and their previous values (``old``, plus the row's
``updated_at`` and ``archived_at`` the edit was based on). Deletes and key changes are
refused: synchronised rows are archived, never deleted.

Stamps come from the ``sync_next_hlc`` view, pure SQL, so no connection can write
unstamped rows. ``sync_local.applying`` is set only inside the transaction that
applies pulled changes, so those are not captured again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from legalaid.sync import schema

CAPTURE_ON = "(SELECT applying FROM sync_local WHERE id = 1) IS NOT 1"
HLC_EXPR = "(SELECT hlc FROM sync_next_hlc)"
NEW_CHANGE_ID = "lower(hex(randomblob(16)))"
_MAX_PAIRS = 50  # json_object / json_insert take at most 127 arguments

TABLES_DDL = (
    """CREATE TABLE sync_local (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        node TEXT NOT NULL,
        applying INTEGER NOT NULL DEFAULT 0,
        clock_offset_ms INTEGER NOT NULL DEFAULT 0,
        hlc_floor INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE sync_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        change_id TEXT NOT NULL UNIQUE,
        tbl TEXT NOT NULL,
        pk TEXT NOT NULL,
        op TEXT NOT NULL,
        new TEXT,
        old TEXT,
        hlc INTEGER NOT NULL,
        state INTEGER NOT NULL DEFAULT 0,
        status TEXT,
        detail TEXT
    )""",
    "CREATE INDEX ix_sync_log_hlc ON sync_log (hlc)",
    "CREATE INDEX ix_sync_log_pending ON sync_log (tbl, pk) WHERE state = 0",
    """CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT
    )""",
    """CREATE TABLE sync_conflicts (
        id TEXT PRIMARY KEY,
        tbl TEXT NOT NULL,
        pk TEXT NOT NULL,
        col TEXT NOT NULL,
        office_id TEXT,
        case_id TEXT,
        status TEXT NOT NULL,
        current TEXT,
        candidates TEXT NOT NULL,
        created_at TEXT,
        resolved_at TEXT,
        resolved_by TEXT,
        resolution TEXT,
        local_choice TEXT
    )""",
    "CREATE INDEX ix_sync_conflicts_status ON sync_conflicts (status)",
    """CREATE TABLE sync_number_blocks (
        office_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (office_id, year, start)
    )""",
    """CREATE VIEW sync_now AS
        SELECT CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) AS ms""",
    """CREATE VIEW sync_next_hlc AS
        SELECT max(
            ((SELECT ms FROM sync_now) + l.clock_offset_ms) * 65536,
            coalesce((SELECT max(hlc) FROM sync_log), 0) + 1,
            l.hlc_floor + 1
        ) AS hlc
        FROM sync_local AS l WHERE l.id = 1""",
)

# Keep the case number counter inside the number blocks this desk holds (see numbers.py).
NUMBER_TRIGGERS = tuple(
    f"""CREATE TRIGGER sync_numbers_{kind} AFTER {event} ON case_number_counters
    WHEN NOT EXISTS (SELECT 1 FROM sync_number_blocks b WHERE b.office_id = NEW.office_id
                     AND b.year = NEW.year AND NEW.next_seq BETWEEN b.start AND b."end")
     AND EXISTS (SELECT 1 FROM sync_number_blocks b WHERE b.office_id = NEW.office_id
                 AND b.year = NEW.year AND b.start > NEW.next_seq)
    BEGIN
        UPDATE case_number_counters SET next_seq = (
            SELECT min(b.start) FROM sync_number_blocks b WHERE b.office_id = NEW.office_id
            AND b.year = NEW.year AND b.start > NEW.next_seq)
        WHERE office_id = NEW.office_id AND year = NEW.year;
    END"""
    for kind, event in (("ai", "INSERT"), ("au", "UPDATE OF next_seq"))
)

DROP_DDL = (
    "DROP VIEW IF EXISTS sync_next_hlc",
    "DROP VIEW IF EXISTS sync_now",
    "DROP TABLE IF EXISTS sync_number_blocks",
    "DROP TABLE IF EXISTS sync_conflicts",
    "DROP TABLE IF EXISTS sync_state",
    "DROP TABLE IF EXISTS sync_log",
    "DROP TABLE IF EXISTS sync_local",
)


def _json_object(prefix: str, cols: list[str]) -> str:
    """``json_object`` over ``cols``, chained through ``json_insert`` past the arg limit."""
    chunks = [cols[i : i + _MAX_PAIRS] for i in range(0, len(cols), _MAX_PAIRS)] or [[]]
    expr = "json_object(" + ", ".join(f"'{c}', {prefix}.\"{c}\"" for c in chunks[0]) + ")"
    for chunk in chunks[1:]:
        pairs = ", ".join(f"'$.{c}', {prefix}.\"{c}\"" for c in chunk)
        expr = f"json_insert({expr}, {pairs})"
    return expr


def _json_keep_changed(expr: str, cols: list[str], always: set[str]) -> str:
    """Drop from the JSON ``expr`` the columns an UPDATE left unchanged."""
    paths = [
        f"CASE WHEN OLD.\"{c}\" IS NEW.\"{c}\" THEN '$.{c}' ELSE '$.\"~\"' END"
        for c in cols
        if c not in always
    ]
    for i in range(0, len(paths), 100):
        expr = f"json_remove({expr}, {', '.join(paths[i : i + 100])})"
    return expr


def table_columns(conn: Any, table: str) -> list[str]:
    return [r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")').fetchall()]


def captured_columns(conn: Any, spec: schema.TableSpec) -> list[str]:
    """The spec's columns the table really has (a migration may not have added one yet)."""
    have = set(table_columns(conn, spec.name))
    return [c for c in spec.column_names if c in have]


def trigger_ddl(spec: schema.TableSpec, cols: list[str]) -> list[str]:
    """The capture triggers of one table."""
    t = spec.name
    insert_cols = "change_id, tbl, pk, op, new, old, hlc"
    out = [
        f"""CREATE TRIGGER sync_{t}_ai AFTER INSERT ON "{t}" WHEN {CAPTURE_ON}
        BEGIN
            INSERT INTO sync_log ({insert_cols}) VALUES ({NEW_CHANGE_ID}, '{t}', NEW.id, 'I',
                {_json_object("NEW", cols)}, NULL, {HLC_EXPR});
        END""",
        f"""CREATE TRIGGER sync_{t}_bd BEFORE DELETE ON "{t}" WHEN {CAPTURE_ON}
        BEGIN
            SELECT RAISE(ABORT, 'legalaid sync: rows of {t} are archived, never deleted');
        END""",
        f"""CREATE TRIGGER sync_{t}_bk BEFORE UPDATE OF id ON "{t}"
        WHEN OLD.id IS NOT NEW.id
        BEGIN
            SELECT RAISE(ABORT, 'legalaid sync: the key of a {t} row cannot change');
        END""",
    ]
    if spec.push_only:
        return out
    watched = [c for c in cols if c != schema.UPDATED]
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in watched) or "0"
    base = {c for c in (schema.UPDATED, schema.ARCHIVED) if c in cols}
    new_json = _json_keep_changed(_json_object("NEW", cols), cols, set())
    old_json = _json_keep_changed(_json_object("OLD", cols), cols, base)
    out.append(
        f"""CREATE TRIGGER sync_{t}_au AFTER UPDATE ON "{t}" WHEN {CAPTURE_ON} AND ({changed})
        BEGIN
            INSERT INTO sync_log ({insert_cols}) VALUES ({NEW_CHANGE_ID}, '{t}', NEW.id, 'U',
                {new_json}, {old_json}, {HLC_EXPR});
        END"""
    )
    return out


TRIGGER_SUFFIXES = ("ai", "au", "bd", "bk")


def drop_triggers(conn: Any, tables: Iterable[str]) -> None:
    for t in tables:
        for suffix in TRIGGER_SUFFIXES:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS sync_{t}_{suffix}")


def install_triggers(conn: Any) -> None:
    """(Re)create the capture triggers of every synchronised table from the metadata.

    A migration that adds a column to a synchronised table calls this afterwards, so
    the new column is captured too.
    """
    existing = {
        r[0]
        for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    specs = [s for s in schema.tables().values() if s.name in existing]
    drop_triggers(conn, [s.name for s in specs])
    for spec in specs:
        for ddl in trigger_ddl(spec, captured_columns(conn, spec)):
            conn.exec_driver_sql(ddl)


def triggers_current(conn: Any) -> bool:
    """Whether the installed triggers are the ones the metadata generates now."""
    have = {
        r[0]: r[1]
        for r in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_%'"
        )
    }
    existing = {
        r[0]
        for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    for spec in schema.tables().values():
        if spec.name not in existing:
            continue
        for ddl in trigger_ddl(spec, captured_columns(conn, spec)):
            name = ddl.split()[2]
            if have.get(name) != ddl:
                return False
    return True


def seed_existing_rows(conn: Any) -> int:
    """Log every row already in the database as an insert (a desk that predates sync)."""
    total = 0
    for spec in schema.tables().values():
        cols = captured_columns(conn, spec)
        if not cols:
            continue
        res = conn.exec_driver_sql(
            f"INSERT INTO sync_log (change_id, tbl, pk, op, new, old, hlc) "
            f"SELECT {NEW_CHANGE_ID}, '{spec.name}', NEW.id, 'I', {_json_object('NEW', cols)}, "
            f'NULL, {HLC_EXPR} FROM "{spec.name}" AS NEW ORDER BY NEW.rowid'
        )
        total += res.rowcount or 0
    return total


def install(conn: Any, node: str) -> None:
    """Create the sync tables, the clock, the triggers; log rows that already exist."""
    for ddl in TABLES_DDL:
        conn.exec_driver_sql(ddl)
    conn.exec_driver_sql(
        "INSERT INTO sync_local (id, node) VALUES (1, ?)", (node,)
    )
    for ddl in NUMBER_TRIGGERS:
        conn.exec_driver_sql(ddl)
    install_triggers(conn)
    seed_existing_rows(conn)


def uninstall(conn: Any) -> None:
    drop_triggers(conn, list(schema.tables()))
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS sync_numbers_ai")
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS sync_numbers_au")
    for ddl in DROP_DDL:
        conn.exec_driver_sql(ddl)
