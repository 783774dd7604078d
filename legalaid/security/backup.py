"""Backups through SQLite's online backup API, their rotation, and verified restore.

A backup copies a consistent snapshot page by page while the desk keeps working (in
WAL mode readers never block writers). An encrypted desk's backups are encrypted with
the same key. Automatic backups are made daily and before every schema migration and
are rotated; manual backups are kept until removed by hand.

Restore never touches the desk until the backup has passed ``PRAGMA integrity_check``,
carries a schema revision this program knows, and its audit chain verifies. The
current desk is backed up first; then the verified copy is written into the desk
through the backup API (the desk is locked and replaced in one transaction).
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from legalaid.errors import LegalAidError
from legalaid.security.sqlfiles import (
    FileKind,
    connect,
    engine_key,
    file_kind,
    fsync_dir,
    fsync_file,
    integrity_errors,
    remove_sidecars,
)

KINDS = ("manual", "daily", "premigration", "prerestore", "preencrypt")
# How many automatic backups of each kind to keep; manual backups are never rotated.
KEEP: dict[str, int] = {"daily": 14, "premigration": 5, "prerestore": 5, "preencrypt": 3}
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)-(?P<kind>[a-z]+)\.db$")


class BackupError(LegalAidError):
    """A backup could not be made or a restore was refused; nothing was changed."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    made_at: datetime
    size: int


@dataclass(frozen=True)
class RestoreReport:
    restored_from: Path
    audit_events_checked: int
    safety_backup: Path | None
    revision: str


def backups_dir(db_path: str | Path) -> Path:
    """Where a desk's automatic backups live: ``backups/`` beside the database."""
    return Path(db_path).resolve().parent / "backups"


def _new_name(db_path: Path, kind: str, when: datetime) -> Path:
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = when.strftime("%Y%m%d-%H%M%S")
    out = folder / f"{db_path.stem}-{stamp}-{kind}.db"
    n = 1
    while out.exists():
        out = folder / f"{db_path.stem}-{stamp}-{n}-{kind}.db"
        n += 1
    return out


def copy_connection(src: Any, dest: Path, key: bytes | None) -> None:
    """Back up the open connection ``src`` into a new file ``dest`` (atomic rename)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    if part.exists():
        part.unlink()
    _check_free_space(src, dest.parent)
    dst = connect(part, key)
    try:
        src.backup(dst)
        errors = integrity_errors(dst)
        # A backup is one self-contained file: no WAL beside it.
        dst.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        dst.close()
        part.unlink(missing_ok=True)  # never leave a half-written copy filling the disk
        raise
    else:
        dst.close()
    if errors:
        part.unlink(missing_ok=True)
        raise BackupError(
            "备份文件校验失败：" + "; ".join(errors[:3]),
            "The backup failed its integrity check: " + "; ".join(errors[:3]),
        )
    fsync_file(part)
    os.replace(part, dest)
    fsync_dir(dest.parent)


def _check_free_space(src: Any, folder: Path) -> None:
    """Refuse to start a copy that cannot fit, rather than fill the disk half-way."""
    page_size = src.execute("PRAGMA page_size").fetchone()[0]
    pages = src.execute("PRAGMA page_count").fetchone()[0]
    needed = int(page_size) * int(pages)
    free = shutil.disk_usage(folder).free
    if needed > free:
        raise BackupError(
            f"磁盘空间不足：备份需要约{needed // 2**20} MB，可用{free // 2**20} MB",
            f"Not enough disk space: the backup needs about {needed // 2**20} MB, "
            f"{free // 2**20} MB free",
        )


def backup_engine(engine: Engine, dest: str | Path) -> Path:
    """Write a backup of the database behind ``engine`` to ``dest``."""
    dest_p = Path(dest)
    raw = engine.raw_connection()
    try:
        copy_connection(raw.driver_connection, dest_p, engine_key(engine))
    finally:
        raw.close()
    return dest_p


def make_backup(
    engine: Engine,
    db_path: str | Path,
    *,
    kind: str = "manual",
    out: str | Path | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Back up a desk (to ``out``, or a new file in its backups folder) and rotate."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind}")
    when = now or datetime.now()
    dest = Path(out) if out else _new_name(Path(db_path), kind, when)
    backup_engine(engine, dest)
    if out is None:
        rotate(db_path)
    return BackupInfo(dest, kind, when, dest.stat().st_size)


def list_backups(db_path: str | Path) -> list[BackupInfo]:
    """The desk's backups in its backups folder, oldest first."""
    folder = backups_dir(db_path)
    stem = Path(db_path).stem
    out: list[BackupInfo] = []
    if not folder.is_dir():
        return out
    for f in folder.iterdir():
        m = _NAME.match(f.name)
        if not m or m.group("stem") != stem or m.group("kind") not in KINDS:
            continue
        stamp = m.group("stamp")[:15]
        out.append(
            BackupInfo(
                f, m.group("kind"), datetime.strptime(stamp, "%Y%m%d-%H%M%S"), f.stat().st_size
            )
        )
    out.sort(key=lambda b: (b.made_at, b.path.name))
    return out


def rotate(db_path: str | Path) -> list[Path]:
    """Remove automatic backups beyond the number kept for their kind."""
    removed: list[Path] = []
    backups = list_backups(db_path)
    for kind, keep in KEEP.items():
        mine = [b for b in backups if b.kind == kind]
        for b in mine[: max(len(mine) - keep, 0)]:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def daily_backup_if_due(
    engine: Engine, db_path: str | Path, today: date | None = None
) -> BackupInfo | None:
    """Make today's automatic backup unless one exists (the desktop calls this at start
    and once a day while running)."""
    day = today or date.today()
    if any(b.kind == "daily" and b.made_at.date() == day for b in list_backups(db_path)):
        return None
    return make_backup(engine, db_path, kind="daily")


def backup_before_migration(engine: Engine, db_path: str | Path) -> BackupInfo | None:
    """Back up a desk that holds data and is about to be migrated."""
    from legalaid.db import migrate

    if engine.dialect.name != "sqlite" or str(db_path) in ("", ":memory:"):
        return None
    if not Path(db_path).exists():
        return None
    current = migrate.current_revision(engine)
    if current is None or current == migrate.head_revision():
        return None
    return make_backup(engine, db_path, kind="premigration")


# -- restore ------------------------------------------------------------------------------


def verify_backup(path: str | Path, key: bytes | None) -> tuple[int, str]:
    """Check a database file as a restore source: integrity, schema, audit chain.

    Returns the number of audit events verified and the schema revision. Raises
    BackupError naming the first problem. The file is only read.
    """
    from alembic.script import ScriptDirectory

    from legalaid.db import migrate
    from legalaid.db.engine import make_engine
    from legalaid.services.audit import verify_chain

    p = Path(path)
    kind = file_kind(p)
    if kind in (FileKind.MISSING, FileKind.EMPTY):
        raise BackupError(f"备份文件不存在或为空：{p}", f"The backup {p} is missing or empty")
    if kind == FileKind.ENCRYPTED and key is None:
        raise BackupError(
            "该备份已加密或不是数据库文件，需要本机的数据库密钥",
            "The backup is encrypted (or not a database); the desk key is needed",
        )
    conn = connect(p, key) if kind == FileKind.ENCRYPTED else connect(p)
    try:
        errors = integrity_errors(conn)
    finally:
        conn.close()
    if errors:
        raise BackupError(
            "备份文件已损坏，未作任何更改：" + "; ".join(errors[:3]),
            "The backup is corrupt; nothing was changed: " + "; ".join(errors[:3]),
        )
    engine = make_engine(p, cipher_key=key if kind == FileKind.ENCRYPTED else None, null_pool=True)
    try:
        try:
            revision = migrate.current_revision(engine)
        except Exception as exc:
            raise BackupError(
                f"备份文件无法读取：{exc}", f"The backup cannot be read: {exc}"
            ) from exc
        if revision is None:
            raise BackupError("该文件不是本系统的数据库", "The file is not a legalaid database")
        scripts = ScriptDirectory.from_config(migrate.alembic_config())
        try:
            known = scripts.get_revision(revision) is not None
        except Exception:
            known = False
        if not known:
            raise BackupError(
                f"备份来自更新版本的程序（版本 {revision}），请先升级",
                f"The backup was made by a newer version (revision {revision}); upgrade first",
            )
        with Session(engine) as s:
            report = verify_chain(s)
        if not report.ok:
            raise BackupError(
                f"备份中的操作日志在第{report.broken_at_seq}条断链，未作任何更改",
                f"The backup's audit log is broken at event {report.broken_at_seq} "
                f"({report.reason}); nothing was changed",
            )
        return report.checked, revision
    finally:
        engine.dispose()


def restore(
    db_path: str | Path, backup_file: str | Path, key: bytes | None = None
) -> RestoreReport:
    """Replace the desk at ``db_path`` with a verified copy of ``backup_file``.

    Args:
        db_path: the desk database (need not exist).
        backup_file: the backup to restore; it is never modified.
        key: the desk's SQLCipher key (None for a plain desk).

    Raises:
        BackupError: the backup failed a check; the desk was not touched.
    """
    from legalaid.security.desk import export_plain_to_encrypted

    db = Path(db_path).resolve()
    src = Path(backup_file)
    stage = db.with_name(f".{db.name}.restore-{os.getpid()}")
    stage_plain = stage.with_name(stage.name + ".plain")
    for f in (stage, stage_plain):
        f.unlink(missing_ok=True)
        remove_sidecars(f)
    try:
        # Work on a copy: the checks open the file, and opening may write to it.
        if key is not None and file_kind(src) == FileKind.PLAIN:
            shutil.copyfile(src, stage_plain)
            checked, revision = verify_backup(stage_plain, None)
            export_plain_to_encrypted(stage_plain, stage, key)
        else:
            shutil.copyfile(src, stage)
            checked, revision = verify_backup(stage, key)
        if key is None and file_kind(stage) == FileKind.ENCRYPTED:
            raise BackupError(
                "本机数据库未加密，不能恢复加密的备份；请先加密本机数据库",
                "This desk is not encrypted; encrypt it before restoring an encrypted backup",
            )
        safety = _safety_backup(db, key)
        _write_into(stage, db, key)
        return RestoreReport(src, checked, safety, revision)
    finally:
        for f in (stage, stage_plain):
            f.unlink(missing_ok=True)
            remove_sidecars(f)


def _safety_backup(db: Path, key: bytes | None) -> Path | None:
    """Back up the current desk before a restore; None if it is missing or unreadable."""
    if file_kind(db) in (FileKind.MISSING, FileKind.EMPTY):
        return None
    conn = connect(db, key)
    try:
        if integrity_errors(conn):
            return None
        dest = _new_name(db, "prerestore", datetime.now())
        copy_connection(conn, dest, key)
    finally:
        conn.close()
    rotate(db)
    return dest


def _write_into(stage: Path, db: Path, key: bytes | None) -> None:
    src = connect(stage, key)
    try:
        current_ok = False
        if file_kind(db) not in (FileKind.MISSING, FileKind.EMPTY):
            dst = connect(db, key)
            try:
                current_ok = not integrity_errors(dst)
                if current_ok:
                    # Under the desk's own lock, in one transaction: a crash half-way
                    # leaves the old desk.
                    src.backup(dst)
                    errors = integrity_errors(dst)
                    if errors:
                        raise BackupError(
                            "恢复后校验失败：" + "; ".join(errors[:3]),
                            "The restored desk failed its check: " + "; ".join(errors[:3]),
                        )
            finally:
                dst.close()
        if not current_ok:
            # The desk is missing or unreadable (the usual reason to restore): move
            # whatever is there aside and put a fresh copy in its place.
            if db.exists():
                aside = db.with_name(f"{db.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
                os.replace(db, aside)
                for suffix in ("-wal", "-shm"):
                    side = db.with_name(db.name + suffix)
                    if side.exists():
                        os.replace(side, aside.with_name(aside.name + suffix))
            copy_connection(src, db, key)
    finally:
        src.close()
