"""Change capture on the desk: triggers generated from the model metadata catch every
write path, stamp it with the hybrid logical clock, and refuse deletes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from legalaid.collection import Collection
from legalaid.db import migrate
from legalaid.db.engine import make_engine, register_functions
from legalaid.inputs import CaseUpdate
from legalaid.sync import capture, schema, state
from legalaid.sync import hlc as H
from tests.sync.helpers import TODAY, case_input, copy_desk, open_desk


@pytest.fixture
def desk(desk_template: Path, tmp_path: Path) -> Collection:
    col = Collection(copy_desk(desk_template, tmp_path / "d.db"), today=lambda: TODAY)
    office = col.admin.create_office("南昌市总工会", "洪工援").value
    col.set_actor(col.admin.create_staff("李律师", "li", "supervisor", office_id=office.id).value)
    yield col
    col.close()


def log_rows(col: Collection) -> list[tuple[str, str, str, dict, dict | None, int]]:
    with state.raw_read(col) as conn:
        return [
            (r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4]) if r[4] else None, r[5])
            for r in conn.execute(
                "SELECT tbl, pk, op, new, old, hlc FROM sync_log ORDER BY seq"
            )
        ]


def test_every_synchronised_table_has_capture_triggers(desk: Collection) -> None:
    with state.raw_read(desk) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert capture.triggers_current(_Shim(conn))
    for spec in schema.tables().values():
        assert f"sync_{spec.name}_ai" in names
        assert f"sync_{spec.name}_bd" in names
        assert (f"sync_{spec.name}_au" in names) == (not spec.push_only)


def test_insert_logs_every_column_update_only_changed_ones(desk: Collection) -> None:
    case = desk.cases.create(case_input(_desk(desk))).value
    rows = [r for r in log_rows(desk) if r[0] == "cases"]
    assert len(rows) == 1
    _tbl, pk, op, new, old, _ = rows[0]
    assert (pk, op, old) == (case.id, "I", None)
    assert set(new) == set(schema.tables()["cases"].column_names)
    assert "version" not in new

    desk.cases.update(case.id, CaseUpdate(expected_version=case.version, title="新标题"))
    upd = [r for r in log_rows(desk) if r[0] == "cases"][-1]
    assert upd[2] == "U"
    assert set(upd[3]) == {"title", "updated_at"}
    assert upd[4]["title"] == case.title
    # The row's base travels with every update (archive vs edit detection).
    assert set(upd[4]) == {"title", "updated_at", "archived_at"}


def test_raw_sql_writes_are_captured_and_deletes_refused(desk: Collection) -> None:
    case = desk.cases.create(case_input(_desk(desk))).value
    raw = sqlite3.connect(desk.path)
    register_functions(raw)  # the search triggers need them; capture does not
    raw.execute("UPDATE cases SET facts = '直接写入' WHERE id = ?", (case.id,))
    raw.commit()
    assert log_rows(desk)[-1][3] == {"facts": "直接写入"}
    with pytest.raises(sqlite3.IntegrityError, match="archived, never deleted"):
        raw.execute("DELETE FROM cases WHERE id = ?", (case.id,))
    with pytest.raises(sqlite3.IntegrityError, match="key"):
        raw.execute("UPDATE people SET id = 'x' WHERE 1")
    raw.close()


def test_stamps_increase_and_follow_the_clock_floor(desk: Collection) -> None:
    case = desk.cases.create(case_input(_desk(desk))).value
    stamps = [r[5] for r in log_rows(desk)]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert abs(H.wall_ms(stamps[-1]) - H.now_ms()) < 60_000
    # Seen a stamp an hour ahead: later local stamps come after it.
    ahead = H.pack(H.now_ms() + 3_600_000)
    with state.raw_write(desk) as conn:
        conn.execute("UPDATE sync_local SET hlc_floor = ? WHERE id = 1", (ahead,))
    desk.cases.update(case.id, CaseUpdate(expected_version=desk.cases.get(case.id).version,
                                          facts="后来的修改"))
    assert log_rows(desk)[-1][5] > ahead


def test_applying_transaction_is_not_captured(desk: Collection) -> None:
    case = desk.cases.create(case_input(_desk(desk))).value
    before = len(log_rows(desk))
    with state.raw_write(desk, applying=True) as conn:
        conn.execute("UPDATE cases SET title = '来自服务器' WHERE id = ?", (case.id,))
    assert len(log_rows(desk)) == before
    with state.raw_read(desk) as conn:
        assert conn.execute("SELECT applying FROM sync_local").fetchone()[0] == 0
    # A failed applying transaction leaves capture on.
    with pytest.raises(RuntimeError), state.raw_write(desk, applying=True) as conn:
        conn.execute("UPDATE cases SET title = 'x' WHERE id = ?", (case.id,))
        raise RuntimeError("crash")
    desk.cases.update(case.id, CaseUpdate(expected_version=desk.cases.get(case.id).version,
                                          facts="本地修改"))
    assert len(log_rows(desk)) == before + 2  # the update and its audit event


def test_without_the_clock_row_writes_fail_loudly(desk: Collection) -> None:
    raw = sqlite3.connect(desk.path)
    register_functions(raw)
    raw.execute("DELETE FROM sync_local")
    raw.commit()
    with pytest.raises(sqlite3.IntegrityError, match="NOT NULL"):
        raw.execute("UPDATE offices SET phone = '0791-86123456'")
    raw.close()


def test_upgrading_a_desk_with_data_logs_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path)
    migrate.upgrade(engine, "0002")
    engine.dispose()
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO offices (id, name, case_prefix, number_format, created_at, updated_at, "
        "version) VALUES ('o1', '老单位', '洪工援', '{prefix}〔{year}〕第{seq:04d}号', "
        "'2024-01-01 00:00:00', '2024-01-01 00:00:00', 1)"
    )
    raw.commit()
    raw.close()
    col = Collection(path)
    try:
        rows = log_rows(col)
        assert [(r[0], r[1], r[2]) for r in rows] == [("offices", "o1", "I")]
        assert rows[0][3]["name"] == "老单位"
    finally:
        col.close()


def test_downgrade_removes_sync_tables(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "x.db")
    migrate.upgrade(engine, "0003")
    migrate.downgrade(engine, "0002")
    with engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    engine.dispose()
    assert not any(n.startswith("sync_") for n in names)


def test_stale_triggers_are_detected_and_reinstalled(desk: Collection) -> None:
    with state.raw_write(desk) as conn:
        conn.execute("DROP TRIGGER sync_cases_au")
    with state.raw_read(desk) as conn:
        assert not capture.triggers_current(_Shim(conn))
    client = open_desk(desk.path, "http://127.0.0.1:9", "li").client
    client.ensure_capture()
    with state.raw_read(desk) as conn:
        assert capture.triggers_current(_Shim(conn))


class _Shim:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def exec_driver_sql(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)


def _desk(col: Collection):  # type: ignore[no-untyped-def]
    """A minimal stand-in for helpers.Desk (case_input only needs ``col``)."""

    class _D:
        pass

    d = _D()
    d.col = col  # type: ignore[attr-defined]
    return d
