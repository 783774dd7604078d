"""Engines for desk databases.

Every SQLite connection gets foreign keys, WAL, a busy timeout and ``synchronous=FULL``
(a save that returned survives a power cut), plus the SQL functions the schema's
triggers call. A connection without those functions cannot write to indexed tables,
so a tool that bypasses this module fails loudly instead of leaving the search index
stale.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import NullPool, QueuePool

from legalaid.db.search_text import ngrams

BUSY_TIMEOUT_MS = 10_000
# SQLite's own page cache per connection (default 2 MB). Searches and summaries on a
# large desk revisit the same index pages; keeping them saves a read each time. Pages
# are cached as they are used, so a small desk never grows to this.
CACHE_KIB = 65_536


def register_functions(dbapi_conn: Any) -> None:
    """Register the SQL functions the schema relies on (used by triggers)."""
    dbapi_conn.create_function("la_ngrams", 1, ngrams, deterministic=True)


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    register_functions(dbapi_conn)
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
    finally:
        cur.close()


READ_ONLY = "legalaid_read_only"


def _on_begin(conn: Any) -> None:
    # pysqlite's own transaction handling is switched off below. A writer takes the
    # write lock up front (BEGIN IMMEDIATE) so two writers queue instead of one failing
    # half-way; readers start a deferred transaction, which WAL never blocks.
    if conn.get_execution_options().get(READ_ONLY):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path)}"


def make_engine(
    path: str | Path, *, echo: bool = False, cipher_key: bytes | None = None, **kwargs: Any
) -> Engine:
    """An engine on the desk database at ``path`` (created if missing).

    With ``cipher_key`` (32 raw bytes) the file is a SQLCipher database opened through
    ``sqlcipher3``; the key is set on every connection before anything else runs.
    ``kwargs`` are passed to :func:`create_engine`.
    """
    url: str | URL = sqlite_url(path)
    poolclass: Any = NullPool if kwargs.pop("null_pool", False) else None
    if cipher_key is not None:
        if len(cipher_key) != 32:
            raise ValueError("a SQLCipher key is 32 bytes")
        # The dialect runs `PRAGMA key = "x'<hex>'"` first on each connection: a raw
        # key, so SQLCipher skips its own key derivation (ours is Argon2id).
        url = URL.create(
            "sqlite+pysqlcipher", password=f"x'{cipher_key.hex()}'", database=str(Path(path))
        )
        poolclass = poolclass or QueuePool
    engine = create_engine(
        url,
        echo=echo,
        poolclass=poolclass,
        connect_args={"check_same_thread": False, "isolation_level": None},
        **kwargs,
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


__all__ = [
    "BUSY_TIMEOUT_MS",
    "READ_ONLY",
    "make_engine",
    "register_functions",
    "sqlite3",
    "sqlite_url",
]
