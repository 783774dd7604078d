"""Encrypted desks: no plaintext on disk, key slots per user, in-place migration."""

from __future__ import annotations

from pathlib import Path

import pytest

from legalaid.dto import CaseFilter
from legalaid.errors import ConfigurationError
from legalaid.security import keys
from legalaid.security.auth import Auth, LoginFailed
from legalaid.security.backup import list_backups
from legalaid.security.desk import (
    encrypt_desk,
    open_desk,
    recover_with_code,
    sign_in,
)
from legalaid.security.sqlfiles import is_encrypted
from tests.trust.conftest import (
    PASSWORD,
    WORKER_ID,
    WORKER_NAME,
    WORKER_PHONE,
    build_world,
    case_input,
)

SECRETS = (WORKER_NAME.encode("utf-8"), WORKER_ID.encode("ascii"), WORKER_PHONE.encode("ascii"))


def _leaks(path: Path) -> list[str]:
    """Which sensitive values appear in the raw bytes of ``path``."""
    raw = path.read_bytes() if path.exists() else b""
    return [s.decode() for s in SECRETS if s in raw]


def _desk_files(db: Path) -> list[Path]:
    return [p for p in (db, db.with_name(db.name + "-wal")) if p.exists()]


def test_plain_desk_does_show_the_data(tmp_path: Path) -> None:
    # The check below must be able to fail: on a plain desk the values are visible.
    w = build_world(tmp_path / "plain.db")
    w.col.cases.create(case_input(w.east.id))
    found = set()
    for f in _desk_files(w.path):
        found |= set(_leaks(f))
    w.col.close()
    assert {WORKER_NAME, WORKER_ID} <= found


def test_encrypt_in_place_hides_names_and_ids_in_db_wal_and_backups(tmp_path: Path) -> None:
    w = build_world(tmp_path / "desk.db")
    for i in range(5):
        w.col.cases.create(case_input(w.east.id, title=f"第{i}号 {WORKER_NAME}欠薪"))
    w.col.close()

    report = encrypt_desk(w.path, "admin", PASSWORD, use_keyring=False)
    assert is_encrypted(w.path)
    assert report.backup.exists() and report.backups_encrypted >= 1
    assert report.tables_checked > 10
    assert keys.KeyFile.exists(w.path)

    col, login = sign_in(w.path, "admin", PASSWORD)
    try:
        assert login.staff.username == "admin"
        assert col.cases.count(CaseFilter()) == 5
        # Writes while the desk is open go to the WAL first: check it while it holds data.
        col.cases.create(case_input(w.east.id, title=f"{WORKER_NAME}又一案"))
        wal = w.path.with_name(w.path.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        for f in _desk_files(w.path):
            assert _leaks(f) == [], f
    finally:
        col.close()
    for b in list_backups(w.path):
        assert is_encrypted(b.path), b.path
        assert _leaks(b.path) == []
    assert _leaks(keys.key_file_path(w.path)) == []


def test_each_user_opens_the_desk_with_their_own_password(tmp_path: Path) -> None:
    w = build_world(tmp_path / "desk.db")
    w.col.close()
    report = encrypt_desk(w.path, "admin", PASSWORD, use_keyring=False)

    with pytest.raises(LoginFailed):
        sign_in(w.path, "admin", "Wrong-Password-1")
    # The lawyer has no key slot yet: refused until an administrator sets a password.
    with pytest.raises(LoginFailed) as no_slot:
        sign_in(w.path, "lawyer", PASSWORD)
    assert "重设密码" in no_slot.value.zh

    col, _ = sign_in(w.path, "admin", PASSWORD)
    temp = Auth(col).reset_password(w.staff["lawyer"].id)
    col.close()
    col, login = sign_in(w.path, "lawyer", temp)
    assert login.must_change_password
    Auth(col).change_password(login.staff.id, temp, "Lawyer-Own-Pass-8")
    col.close()
    with pytest.raises(LoginFailed):
        sign_in(w.path, "lawyer", temp)
    col, _ = sign_in(w.path, "lawyer", "Lawyer-Own-Pass-8")
    col.close()

    # The recovery code shown once gives the administrator a new password.
    recover_with_code(w.path, report.recovery_code.lower(), "admin", "Recovered-Pass-5")
    col, _ = sign_in(w.path, "admin", "Recovered-Pass-5")
    col.close()


def test_encrypted_desk_refuses_to_open_without_the_key(tmp_path: Path) -> None:
    w = build_world(tmp_path / "desk.db")
    w.col.close()
    encrypt_desk(w.path, "admin", PASSWORD, use_keyring=False)
    with pytest.raises(ConfigurationError):
        open_desk(w.path)
    with pytest.raises(ConfigurationError):
        open_desk(w.path, key=b"\x01" * 32)
    with pytest.raises(ConfigurationError):
        encrypt_desk(w.path, "admin", PASSWORD, use_keyring=False)


def test_wrong_password_leaves_plain_desk_unencrypted(tmp_path: Path) -> None:
    w = build_world(tmp_path / "desk.db")
    w.col.close()
    with pytest.raises(LoginFailed):
        encrypt_desk(w.path, "admin", "not-the-password", use_keyring=False)
    assert not is_encrypted(w.path)
    assert not keys.KeyFile.exists(w.path)


def test_key_slots_wrap_and_unwrap() -> None:
    data_key = keys.new_data_key()
    slot = keys.wrap(data_key, "Secret-Pass-1")
    assert keys.unwrap(slot, "Secret-Pass-1") == data_key
    assert keys.unwrap(slot, "Secret-Pass-2") is None
    assert keys.unwrap({"salt": "zz"}, "x") is None
    assert data_key.hex() not in str(slot)
    # Without a keyring daemon the keyring calls degrade to "not available".
    assert keys.keyring_store("/nonexistent/desk.db", data_key) in (True, False)
