"""Low-level access to the desk's sync tables: raw transactions, state keys, status.

Sync writes go through the raw DB-API connection of the collection's engine: they are
bulk by nature and must control ``sync_local.applying`` and foreign-key enforcement
around one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from legalaid.collection import Collection

Conn = Any  # a DB-API (sqlite3 / sqlcipher3) connection


BULK_CACHE_KIB = 262_144  # page cache for snapshot pages: random keys touch many pages


@contextmanager
def raw_write(col: Collection, *, applying: bool = False, bulk: bool = False) -> Iterator[Conn]:
    """One ``BEGIN IMMEDIATE`` transaction on a raw connection.

    With ``applying`` the capture triggers are silenced for this transaction only and
    foreign keys are not enforced: a desk holds only the offices it may read, so a
    row may point at a staff member or office it never receives.
    """
    proxy = col.engine.raw_connection()
    conn = proxy.driver_connection
    assert conn is not None
    cache = conn.execute("PRAGMA cache_size").fetchone()[0] if bulk else None
    try:
        if applying:
            conn.execute("PRAGMA foreign_keys = OFF")
        if bulk:
            conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        conn.execute("BEGIN IMMEDIATE")
        try:
            if applying:
                conn.execute("UPDATE sync_local SET applying = 1 WHERE id = 1")
            yield conn
            if applying:
                conn.execute("UPDATE sync_local SET applying = 0 WHERE id = 1")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        if applying:
            conn.execute("PRAGMA foreign_keys = ON")
        if cache is not None:
            conn.execute(f"PRAGMA cache_size = {int(cache)}")
        proxy.close()


@contextmanager
def raw_read(col: Collection) -> Iterator[Conn]:
    proxy = col.engine.raw_connection()
    conn = proxy.driver_connection
    assert conn is not None
    try:
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("ROLLBACK")
    finally:
        proxy.close()


def get(conn: Conn, key: str, default: Any = None) -> Any:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row and row[0] is not None else default


def put(conn: Conn, key: str, value: Any) -> None:
    if value is None:
        conn.execute("DELETE FROM sync_state WHERE key = ?", (key,))
        return
    conn.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )


def desk_id(conn: Conn) -> str:
    return str(conn.execute("SELECT node FROM sync_local WHERE id = 1").fetchone()[0])


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows about synchronisation."""

    server_url: str | None
    username: str | None
    signed_in: bool
    last_sync_at: datetime | None
    last_error: str | None
    pending_changes: int
    rejected_changes: int
    open_conflicts: int
    cursor: int
    snapshot_in_progress: bool
    clock_offset_ms: int


def status(col: Collection) -> SyncStatus:
    with raw_read(col) as conn:
        pending = conn.execute("SELECT count(*) FROM sync_log WHERE state = 0").fetchone()[0]
        rejected = conn.execute("SELECT count(*) FROM sync_log WHERE state = 2").fetchone()[0]
        conflicts = conn.execute(
            "SELECT count(*) FROM sync_conflicts WHERE status = 'open' AND local_choice IS NULL"
        ).fetchone()[0]
        offset = conn.execute("SELECT clock_offset_ms FROM sync_local WHERE id = 1").fetchone()[0]
        last = get(conn, "last_sync_at")
        return SyncStatus(
            server_url=get(conn, "server_url"),
            username=get(conn, "username"),
            signed_in=get(conn, "token") is not None,
            last_sync_at=datetime.fromisoformat(last) if last else None,
            last_error=get(conn, "last_error"),
            pending_changes=int(pending),
            rejected_changes=int(rejected),
            open_conflicts=int(conflicts),
            cursor=int(get(conn, "cursor", 0) or 0),
            snapshot_in_progress=get(conn, "snapshot") is not None,
            clock_offset_ms=int(offset),
        )
