"""The GUI-stall benchmark (bench/gui_stall.py) end to end on a small desk: the real main
window, every operation started through its page or controller, the stall meter ticking.
Only that it measured is checked; timings are the benchmark's business."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

# The benchmark is a package of the repository (tests/ui has no __init__.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import gui_stall
from legalaid.collection import Collection
from legalaid.db.engine import register_functions
from legalaid.ledger import export_ledger


def small_ledger(desk: Path, folder: Path) -> Path:
    """The desk's own ledger, renumbered so that importing it adds cases."""
    src = folder / "ledger-src.sqlite3"
    shutil.copy(desk, src)
    conn = sqlite3.connect(src)
    register_functions(conn)
    conn.execute("UPDATE cases SET number = replace(number, '洪工援', '台账援')")
    conn.commit()
    conn.close()
    col = Collection(src)
    try:
        written = export_ledger(col, folder / "ledger.csv")
    finally:
        col.close()
    return next(p for p in written if p.name.endswith("-案件.csv"))


def test_every_operation_is_measured(big_db, tmp_path: Path) -> None:
    desk = tmp_path / "desk.sqlite3"
    shutil.copy(big_db[0], desk)
    ledger = small_ledger(desk, tmp_path)
    with sqlite3.connect(desk) as conn:  # its own records count as synchronised already
        conn.execute("UPDATE sync_log SET state = 1")
    conn.close()
    outcomes = gui_stall.run(
        desk,
        work=tmp_path,
        ledger=ledger,
        ledger_rows=200,
        sync_cases=200,
        sync_inprocess=True,
        idle_seconds=0.3,
        log=lambda _msg: None,
    )
    assert [o.error for o in outcomes if o.error] == []
    names = [o.op for o in outcomes]
    for part in ("idle", "Excel", "summary", "PDF", "document", "sync", "ledger"):
        assert any(part in name for name in names), (part, names)
    for o in outcomes:
        assert o.seconds > 0 and o.stalls, o.op
    assert "stalls > 100 ms" in gui_stall.table(outcomes)
