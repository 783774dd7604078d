"""Opening a desk, plain or encrypted, and encrypting an existing desk in place.

The one call the desktop and the command line need at start::

    col, login = sign_in(db_path, username, password)

opens the database (unwrapping the user's key slot when the desk is encrypted),
checks the password with lockout, and sets the actor. ``open_desk`` opens a desk
with a known key (or none) without logging anyone in.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from legalaid.collection import Collection
from legalaid.db.engine import make_engine
from legalaid.errors import ConfigurationError, LegalAidError
from legalaid.security import keys
from legalaid.security.auth import Auth, LoginFailed, LoginResult
from legalaid.security.sqlfiles import (
    FileKind,
    connect,
    file_kind,
    fsync_dir,
    fsync_file,
    integrity_errors,
    remove_sidecars,
)


def open_desk(
    db_path: str | Path,
    *,
    key: bytes | None = None,
    today: Callable[[], date] | None = None,
    upgrade: bool = True,
) -> Collection:
    """Open a desk database; ``key`` is required when the file is encrypted."""
    path = Path(db_path)
    kind = file_kind(path)
    if kind == FileKind.ENCRYPTED:
        if key is None:
            key = keys.keyring_load(path)
        if key is None:
            raise ConfigurationError(
                "数据库已加密，请登录后打开", "The desk is encrypted: sign in to open it"
            )
        engine = make_engine(path, cipher_key=key)
        _check_key(engine)
        return Collection(path, engine=engine, today=today, upgrade=upgrade)
    if key is not None and kind == FileKind.PLAIN:
        raise ConfigurationError(
            "数据库未加密，请先运行 legalaid encrypt", "The desk is not encrypted yet"
        )
    if key is not None:  # a new desk, encrypted from the start
        return Collection(
            path, engine=make_engine(path, cipher_key=key), today=today, upgrade=upgrade
        )
    return Collection(path, today=today, upgrade=upgrade)


def _check_key(engine: Any) -> None:
    """Fail clearly (not with 'file is not a database') when the key is wrong."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except Exception as exc:
        engine.dispose()
        raise ConfigurationError(
            "无法解密数据库：密钥不正确或文件已损坏",
            "The desk cannot be decrypted: wrong key or a damaged file",
        ) from exc


def desk_key(db_path: str | Path, username: str, password: str) -> bytes | None:
    """The data key of an encrypted desk for this user (None for a plain desk).

    Raises:
        LoginFailed: the password does not open the user's key slot.
    """
    path = Path(db_path)
    if file_kind(path) != FileKind.ENCRYPTED:
        return None
    keyfile = keys.KeyFile.load(path)
    key = keyfile.unlock(username, password)
    if key is None:
        from_ring = keys.keyring_load(path)
        if from_ring is not None and keyfile.confirms(from_ring):
            return from_ring  # the account check below decides
        if not keyfile.has_slot(username) and keyfile.slots:
            raise LoginFailed(
                "用户名或密码错误（如您是新用户，请管理员为您重设密码）",
                "Wrong username or password (a new user: ask an administrator to reset "
                "your password)",
            )
        raise LoginFailed()
    return key


def sign_in(
    db_path: str | Path,
    username: str,
    password: str,
    *,
    today: Callable[[], date] | None = None,
) -> tuple[Collection, LoginResult]:
    """Open the desk as ``username`` and set them as the actor.

    Raises:
        LoginFailed / AccountLocked: the login was refused (the desk is closed again).
    """
    key = desk_key(db_path, username, password)
    col = open_desk(db_path, key=key, today=today)
    try:
        result = Auth(col).login(username, password)
    except LegalAidError:
        col.close()
        raise
    col.set_actor(result.staff)
    return col, result


# -- encrypting an existing desk ------------------------------------------------------------


@dataclass(frozen=True)
class EncryptReport:
    db_path: Path
    backup: Path
    recovery_code: str
    users_with_slots: tuple[str, ...]
    backups_encrypted: int
    keyring_used: bool
    tables_checked: int


def export_plain_to_encrypted(src: str | Path, dst: str | Path, key: bytes) -> None:
    """Copy a plain SQLite database into a new encrypted file (``sqlcipher_export``)."""
    import sqlcipher3

    dst_p = Path(dst)
    dst_p.unlink(missing_ok=True)
    remove_sidecars(dst_p)
    conn = sqlcipher3.connect(str(src), isolation_level=None)
    try:
        from legalaid.db.engine import register_functions

        register_functions(conn)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS enc KEY ?", (str(dst_p), f"x'{key.hex()}'"))
        conn.execute("SELECT sqlcipher_export('enc')")
        conn.execute(f"PRAGMA enc.user_version = {int(version)}")
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()
    fsync_file(dst_p)


def _table_counts(conn: Any) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def encrypt_desk(
    db_path: str | Path,
    username: str,
    password: str,
    *,
    use_keyring: bool = True,
    encrypt_backups: bool = True,
) -> EncryptReport:
    """Encrypt a plain desk in place; ``username``'s password will open it.

    Steps: check the account, back up the desk, export it to an encrypted file, check
    that file (integrity and the row count of every table), write the key file, then
    swap the encrypted file in. Until the swap the desk is untouched; the backup stays.
    Other accounts get their key slot when an administrator next sets their password
    (or at their next login when the OS keyring holds the key).

    Raises:
        ConfigurationError: the desk is already encrypted or missing.
        LoginFailed: the password is not the account's.
    """
    from legalaid.security.backup import backups_dir, make_backup

    path = Path(db_path).resolve()
    kind = file_kind(path)
    if kind == FileKind.ENCRYPTED:
        raise ConfigurationError("数据库已经加密", "The desk is already encrypted")
    if kind in (FileKind.MISSING, FileKind.EMPTY):
        raise ConfigurationError(f"数据库不存在：{path}", f"No database at {path}")

    col = Collection(path)
    try:
        auth = Auth(col)
        if auth.needs_setup():
            member = col.admin.staff_by_username(username)
            auth.set_password(member.id, password)
        else:
            # A wrong password counts as a failed login like any other.
            auth.login(username, password)
        backup = make_backup(col.engine, path, kind="preencrypt").path
        raw = col.engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    finally:
        col.close()

    data_key = keys.new_data_key()
    staging = path.with_name(f".{path.name}.encrypting")
    export_plain_to_encrypted(path, staging, data_key)
    plain = connect(path)
    enc = connect(staging, data_key)
    try:
        errors = integrity_errors(enc)
        before, after = _table_counts(plain), _table_counts(enc)
    finally:
        plain.close()
        enc.close()
    if errors or before != after:
        staging.unlink(missing_ok=True)
        raise ConfigurationError(
            "加密副本校验失败，数据库未改动", "The encrypted copy failed its check; nothing changed"
        )
    recovery = keys.new_recovery_code()
    keyfile = keys.KeyFile.create(path, data_key)
    keyfile.set_slot(username, data_key, password)
    keyfile.set_slot(keys.RECOVERY_SLOT, data_key, recovery)
    keyfile.save()
    # The swap: the plain file (checkpointed, closed) is replaced in one rename.
    remove_sidecars(path)
    os.replace(staging, path)
    fsync_dir(path.parent)

    converted = 0
    if encrypt_backups:
        converted = _encrypt_backups(backups_dir(path), data_key)
    keyring_used = use_keyring and keys.keyring_store(path, data_key)
    return EncryptReport(path, backup, recovery, (username,), converted, keyring_used, len(before))


def _encrypt_backups(folder: Path, key: bytes) -> int:
    """Re-write every plain backup of the desk encrypted with ``key`` (a plain copy of
    the data left on disk would defeat the encryption)."""
    if not folder.is_dir():
        return 0
    n = 0
    for f in sorted(folder.glob("*.db")):
        if file_kind(f) != FileKind.PLAIN:
            continue
        tmp = f.with_name(f.name + ".enc")
        export_plain_to_encrypted(f, tmp, key)
        conn = connect(tmp, key)
        try:
            ok = not integrity_errors(conn)
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        if not ok:
            tmp.unlink(missing_ok=True)
            continue
        _shred(f)
        os.replace(tmp, f)
        n += 1
    fsync_dir(folder)
    return n


def _shred(path: Path) -> None:
    """Overwrite a file before it is replaced (best effort on journaling filesystems)."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.write(b"\0" * size)
        fh.flush()
        os.fsync(fh.fileno())


def recover_with_code(db_path: str | Path, code: str, username: str, new_password: str) -> None:
    """Open an encrypted desk with its recovery code and give ``username`` a new
    password (which also rewraps their key slot)."""
    path = Path(db_path)
    keyfile = keys.KeyFile.load(path)
    key = keyfile.unlock(keys.RECOVERY_SLOT, code.strip())
    if key is None:
        raise LoginFailed("恢复码不正确", "Wrong recovery code")
    col = open_desk(path, key=key)
    try:
        member = col.admin.staff_by_username(username)
        Auth(col).set_password(member.id, new_password, must_change=False)
    finally:
        col.close()
