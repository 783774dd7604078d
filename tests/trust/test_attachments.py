"""The encrypted attachment store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from legalaid.errors import ValidationError
from legalaid.security.attachments import CHUNK, AttachmentStore, attachment_key
from legalaid.security.desk import encrypt_desk, sign_in
from legalaid.security.sqlfiles import is_encrypted
from tests.trust.conftest import PASSWORD, WORKER_ID, build_world


def test_encrypted_desk_stores_attachments_encrypted(tmp_path: Path) -> None:
    w = build_world(tmp_path / "desk.db")
    w.col.close()
    encrypt_desk(w.path, "admin", PASSWORD, use_keyring=False)
    col, _ = sign_in(w.path, "admin", PASSWORD)
    store = AttachmentStore.for_collection(col)
    assert store.encrypted
    evidence = tmp_path / "工资条.txt"
    body = (f"身份证 {WORKER_ID} 工资条 " * 1000).encode() + bytes(range(256)) * (CHUNK // 256 + 3)
    evidence.write_bytes(body)
    first = store.put(evidence)
    again = store.put(evidence)
    assert first == again and first.size == len(body)
    assert store.read(first.sha256) == body
    view = store.export_to(first.sha256, tmp_path, ".txt")
    assert view.read_bytes() == body
    view.unlink()
    col.close()
    for f in tmp_path.glob("desk-attachments.db*"):
        raw = f.read_bytes()
        assert WORKER_ID.encode() not in raw and "工资条".encode() not in raw
    assert is_encrypted(store.path)


def test_tampered_attachment_is_refused(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path / "att.db", None)  # plain: to tamper with it easily
    src = tmp_path / "a.bin"
    src.write_bytes(b"evidence" * 100)
    stored = store.put(src)
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE chunks SET data = ? WHERE sha256 = ?", (b"forged", stored.sha256))
    conn.commit()
    conn.close()
    with pytest.raises(ValidationError):
        store.read(stored.sha256)


def test_wrong_key_cannot_read(tmp_path: Path) -> None:
    key = attachment_key(b"\x01" * 32)
    store = AttachmentStore(tmp_path / "att.db", key)
    src = tmp_path / "a.bin"
    src.write_bytes(b"x" * 10)
    store.put(src)
    with pytest.raises(Exception):  # noqa: B017 - sqlcipher3's own "not a database" error
        AttachmentStore(tmp_path / "att.db", attachment_key(b"\x02" * 32))
