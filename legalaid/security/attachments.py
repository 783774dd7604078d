"""An encrypted store for attached evidence files.

Files live in one SQLCipher container beside the desk (``<desk>-attachments.db``),
keyed with a key derived from the desk's data key (so the same login opens both and a
leaked attachment key does not open the case database). Content is addressed by
SHA-256: the same file is stored once, and every read checks the hash. Files are kept
in 1 MiB chunks so large scans never sit in memory whole while being stored.

On a plain desk (no key) the container is a plain SQLite file; encrypting the desk is
the way to encrypt attachments.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from legalaid.errors import NotFoundError, ValidationError
from legalaid.security.sqlfiles import connect, engine_key

CHUNK = 1 << 20
MAX_BYTES = 512 * 1024 * 1024
_SUBKEY_LABEL = b"legalaid attachments v1"

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS files ("
    " sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, chunks INTEGER NOT NULL,"
    " created_at TEXT NOT NULL DEFAULT (datetime('now')))",
    "CREATE TABLE IF NOT EXISTS chunks ("
    " sha256 TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,"
    " PRIMARY KEY (sha256, seq))",
)


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int


def attachment_key(data_key: bytes) -> bytes:
    """The container key: HMAC-SHA256 of the desk key with a fixed label."""
    return hmac.new(data_key, _SUBKEY_LABEL, hashlib.sha256).digest()


class AttachmentStore:
    """Content-addressed, optionally encrypted file store."""

    def __init__(self, path: str | Path, key: bytes | None) -> None:
        self.path = Path(path)
        self._key = key
        conn = self._connect()
        try:
            for stmt in _SCHEMA:
                conn.execute(stmt)
        finally:
            conn.close()

    @classmethod
    def for_collection(cls, col: Any) -> AttachmentStore:
        """The store beside a desk, encrypted when the desk is."""
        desk_key = engine_key(col.engine)
        path = Path(col.path).with_name(Path(col.path).stem + "-attachments.db")
        return cls(path, attachment_key(desk_key) if desk_key else None)

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    def _connect(self) -> Any:
        conn = connect(self.path, self._key)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        return conn

    def put(self, source: str | Path) -> StoredFile:
        """Store a file (once per content); returns its hash and size."""
        src = Path(source)
        if not src.is_file():
            raise ValidationError.single(
                "file", "missing", f"文件不存在：{src}", f"No such file: {src}"
            )
        size = src.stat().st_size
        if size > MAX_BYTES:
            raise ValidationError.single(
                "file", "too_large", "文件超过512MB", "The file is larger than 512 MB"
            )
        h = hashlib.sha256()
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Written under a temporary name, renamed once the hash is known: a
                # file changing while read, or a crash, leaves nothing half-stored.
                tmp = f"tmp-{os.getpid()}-{os.urandom(6).hex()}"
                n = 0
                with src.open("rb") as fh:
                    for chunk in iter(lambda: fh.read(CHUNK), b""):
                        h.update(chunk)
                        conn.execute(
                            "INSERT INTO chunks (sha256, seq, data) VALUES (?, ?, ?)",
                            (tmp, n, chunk),
                        )
                        n += 1
                digest = h.hexdigest()
                exists = conn.execute("SELECT 1 FROM files WHERE sha256 = ?", (digest,)).fetchone()
                if exists:
                    conn.execute("DELETE FROM chunks WHERE sha256 = ?", (tmp,))
                else:
                    conn.execute("UPDATE chunks SET sha256 = ? WHERE sha256 = ?", (digest, tmp))
                    conn.execute(
                        "INSERT INTO files (sha256, size, chunks) VALUES (?, ?, ?)",
                        (digest, size, n),
                    )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        finally:
            conn.close()
        return StoredFile(digest, size)

    def has(self, sha256: str) -> bool:
        conn = self._connect()
        try:
            return (
                conn.execute("SELECT 1 FROM files WHERE sha256 = ?", (sha256,)).fetchone()
                is not None
            )
        finally:
            conn.close()

    def read(self, sha256: str) -> bytes:
        """The file's bytes, after checking them against the hash."""
        conn = self._connect()
        try:
            row = conn.execute("SELECT size FROM files WHERE sha256 = ?", (sha256,)).fetchone()
            if row is None:
                raise NotFoundError(f"附件不存在：{sha256}", f"No attachment {sha256}")
            data = b"".join(
                r[0]
                for r in conn.execute(
                    "SELECT data FROM chunks WHERE sha256 = ? ORDER BY seq", (sha256,)
                )
            )
        finally:
            conn.close()
        if hashlib.sha256(data).hexdigest() != sha256 or len(data) != row[0]:
            raise ValidationError.single(
                "file",
                "tampered",
                "附件内容与登记的哈希值不符",
                "The attachment no longer matches its recorded hash",
            )
        return data

    def export_to(self, sha256: str, folder: str | Path | None = None, suffix: str = "") -> Path:
        """Decrypt to a private temporary file (for viewing); the caller deletes it."""
        data = self.read(sha256)
        fd, name = tempfile.mkstemp(prefix="legalaid-", suffix=suffix, dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(name, 0o600)
        return Path(name)
