"""Online backups, rotation, pre-migration backups and verified restore."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from legalaid.collection import Collection
from legalaid.db import migrate
from legalaid.dto import CaseFilter
from legalaid.security import backup
from legalaid.security.backup import BackupError
from legalaid.security.desk import desk_key, encrypt_desk, sign_in
from legalaid.security.sqlfiles import connect, integrity_errors
from tests.trust.conftest import PASSWORD, World, build_world, case_input


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cases(col: Collection) -> int:
    return col.cases.count(CaseFilter(include_archived=True))


def test_backup_while_desk_is_in_use_and_restore_brings_data_back(world: World) -> None:
    world.col.cases.create(case_input(world.east.id))
    # A reader holds a transaction open during the backup: the desk keeps working.
    with world.col.read() as s:
        from sqlalchemy import text

        s.execute(text("SELECT count(*) FROM cases")).scalar()
        info = backup.make_backup(world.col.engine, world.path)
        world.col.cases.create(case_input(world.east.id, title="备份之后的案件"))
    assert info.kind == "manual" and info.path.parent == backup.backups_dir(world.path)
    conn = connect(info.path)
    assert integrity_errors(conn) == []
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    conn.close()
    assert not info.path.with_name(info.path.name + "-wal").exists()
    assert _cases(world.col) == 2
    world.col.close()

    report = backup.restore(world.path, info.path)
    assert report.audit_events_checked > 10
    assert report.safety_backup is not None and report.safety_backup.exists()
    with Collection(world.path) as col:
        assert _cases(col) == 1
    # The safety backup holds the state just before the restore.
    conn = connect(report.safety_backup)
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 2
    conn.close()


@pytest.mark.parametrize("damage", ["flip_page", "truncate", "not_a_db", "empty"])
def test_restore_refuses_a_corrupt_backup_and_changes_nothing(world: World, damage: str) -> None:
    world.col.cases.create(case_input(world.east.id))
    good = backup.make_backup(world.col.engine, world.path).path
    world.col.close()
    bad = world.path.parent / "bad.db"
    data = bytearray(good.read_bytes())
    if damage == "flip_page":
        # Scramble the middle of the file: b-tree pages no longer parse.
        for i in range(len(data) // 2, len(data) // 2 + 8192):
            data[i] ^= 0x5A
    elif damage == "truncate":
        data = data[: len(data) // 3]
    elif damage == "not_a_db":
        data = bytearray(b"PK\x03\x04 this is a zip, not a database" * 100)
    else:
        data = bytearray()
    bad.write_bytes(bytes(data))
    before = _digest(world.path)
    backups_before = backup.list_backups(world.path)

    with pytest.raises(BackupError) as exc:
        backup.restore(world.path, bad)
    assert (
        "未作任何更改" in exc.value.zh or "不存在或为空" in exc.value.zh or "加密" in exc.value.zh
    )
    assert _digest(world.path) == before
    assert backup.list_backups(world.path) == backups_before  # no safety copy either
    assert not list(world.path.parent.glob(".desk.db.restore-*"))


def test_restore_refuses_a_backup_whose_audit_chain_is_broken(world: World) -> None:
    world.col.cases.create(case_input(world.east.id))
    good = backup.make_backup(world.col.engine, world.path).path
    world.col.close()
    tampered = world.path.parent / "tampered.db"
    shutil.copyfile(good, tampered)
    conn = sqlite3.connect(tampered)
    conn.execute("UPDATE audit_events SET after = '{\"amount\": 1}' WHERE seq = 3")
    conn.commit()
    conn.close()
    before = _digest(world.path)
    with pytest.raises(BackupError) as exc:
        backup.restore(world.path, tampered)
    assert "3" in exc.value.en
    assert _digest(world.path) == before


def test_restore_into_a_damaged_desk_moves_it_aside(world: World) -> None:
    world.col.cases.create(case_input(world.east.id))
    good = backup.make_backup(world.col.engine, world.path).path
    world.col.close()
    world.path.write_bytes(b"garbage" * 1000)
    backup.restore(world.path, good)
    assert list(world.path.parent.glob("desk.db.damaged-*"))
    with Collection(world.path) as col:
        assert _cases(col) == 1


def test_encrypted_backup_and_restore(tmp_path: Path) -> None:
    w = build_world(tmp_path / "desk.db")
    w.col.close()
    encrypt_desk(w.path, "admin", PASSWORD, use_keyring=False)
    col, _ = sign_in(w.path, "admin", PASSWORD)
    col.cases.create(case_input(w.east.id))
    snap = backup.make_backup(col.engine, col.path).path
    col.cases.create(case_input(w.east.id, title="之后"))
    col.close()
    key = desk_key(w.path, "admin", PASSWORD)
    with pytest.raises(BackupError):
        backup.restore(w.path, snap)  # no key: refused
    backup.restore(w.path, snap, key)
    col, _ = sign_in(w.path, "admin", PASSWORD)
    assert _cases(col) == 1
    col.close()


def test_rotation_keeps_the_newest_of_each_kind(world: World) -> None:
    start = datetime(2026, 1, 1, 9, 0, 0)
    for i in range(backup.KEEP["daily"] + 3):
        backup.make_backup(
            world.col.engine, world.path, kind="daily", now=start + timedelta(days=i)
        )
    manual = backup.make_backup(world.col.engine, world.path, kind="manual")
    dailies = [b for b in backup.list_backups(world.path) if b.kind == "daily"]
    assert len(dailies) == backup.KEEP["daily"]
    assert dailies[0].made_at == start + timedelta(days=3)
    assert manual.path.exists()


def test_daily_backup_once_a_day(world: World) -> None:
    first = backup.daily_backup_if_due(world.col.engine, world.path, today=date.today())
    assert first is not None
    assert backup.daily_backup_if_due(world.col.engine, world.path, today=date.today()) is None


def test_backup_before_every_migration(tmp_path: Path) -> None:
    w = build_world(tmp_path / "desk.db")
    w.col.cases.create(case_input(w.east.id))
    w.col.close()
    assert not [b for b in backup.list_backups(w.path) if b.kind == "premigration"]
    # Opening the current schema makes no backup; an older schema is backed up first.
    with Collection(w.path):
        pass
    assert not [b for b in backup.list_backups(w.path) if b.kind == "premigration"]
    from legalaid.db.engine import make_engine

    engine = make_engine(w.path)
    scripts = __import__("alembic.script", fromlist=["ScriptDirectory"]).ScriptDirectory
    head = migrate.head_revision()
    down = scripts.from_config(migrate.alembic_config()).get_revision(head).down_revision
    assert isinstance(down, str)
    migrate.downgrade(engine, down)
    engine.dispose()
    with Collection(w.path) as col:
        assert _cases(col) == 1
    pre = [b for b in backup.list_backups(w.path) if b.kind == "premigration"]
    assert len(pre) == 1
    conn = connect(pre[0].path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == down
    conn.close()


def test_new_desk_makes_no_migration_backup(tmp_path: Path) -> None:
    with Collection(tmp_path / "fresh.db"):
        pass
    assert backup.list_backups(tmp_path / "fresh.db") == []
