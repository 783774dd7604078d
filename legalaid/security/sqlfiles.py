"""Raw connections to desk files, plain SQLite or SQLCipher.

The engine of a plain desk uses the standard ``sqlite3`` module and an encrypted desk
uses ``sqlcipher3``; SQLite's backup API only copies between connections of the same
library, so every helper here picks the library from the key.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from legalaid.db.engine import BUSY_TIMEOUT_MS, register_functions

SQLITE_HEADER = b"SQLite format 3\x00"
CIPHER_DRIVER = "sqlite+pysqlcipher"


class FileKind:
    MISSING = "missing"
    EMPTY = "empty"
    PLAIN = "plain"
    ENCRYPTED = "encrypted"  # or not a database at all: only a key can tell


def file_kind(path: str | Path) -> str:
    """Whether ``path`` is missing, empty, a plain SQLite file or something else."""
    p = Path(path)
    if not p.exists():
        return FileKind.MISSING
    with p.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if not head:
        return FileKind.EMPTY
    return FileKind.PLAIN if head == SQLITE_HEADER else FileKind.ENCRYPTED


def is_encrypted(path: str | Path) -> bool:
    return file_kind(path) == FileKind.ENCRYPTED


def key_pragma(key: bytes) -> str:
    # A raw 256-bit key in SQLCipher's blob-literal form.
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(path: str | Path, key: bytes | None = None) -> Any:
    """A DB-API connection to ``path``: ``sqlite3`` for plain, ``sqlcipher3`` with a key.

    The schema's SQL functions are registered so triggers work; autocommit mode, so
    callers control transactions with explicit statements.
    """
    if key is None:
        conn: Any = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    else:
        import sqlcipher3

        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute(key_pragma(key))
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    register_functions(conn)
    return conn


def engine_key(engine: Engine) -> bytes | None:
    """The raw SQLCipher key an engine was made with (None for a plain desk)."""
    if engine.url.drivername != CIPHER_DRIVER:
        return None
    pw = engine.url.password or ""
    if pw.startswith("x'") and pw.endswith("'"):
        return bytes.fromhex(pw[2:-1])
    raise ValueError("this engine uses a passphrase, not a raw key")


def integrity_errors(conn: Any) -> list[str]:
    """Problems ``PRAGMA integrity_check`` reports; empty when the file is sound.

    An unreadable file (wrong key, not a database, truncated header) is reported as
    a problem instead of raising.
    """
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except Exception as exc:  # sqlite3 and sqlcipher3 have separate error classes
        return [f"unreadable: {exc}"]
    msgs = [str(r[0]) for r in rows]
    return [] if msgs == ["ok"] else msgs


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        fh.flush()
        os.fsync(fh.fileno())


def remove_sidecars(path: Path) -> None:
    """Remove the -wal/-shm/-journal files of a database that is closed everywhere."""
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.unlink()
