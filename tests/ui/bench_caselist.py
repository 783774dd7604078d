"""Benchmark of the desktop case list on a large database (prints figures; no asserts).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/bench_caselist.py DB [--user NAME]

Make a large database first, e.g.
    .venv/bin/python -c "from legalaid.demo import generate; generate('big.db',
        cases=1_000_000, mode='bulk')"

Figures: start-up to window shown (the real main.py in a subprocess), first page of the
case list, jumps to random scroll positions (request → rows shown), filter and search
changes, and the longest stall of the GUI event loop meanwhile (a 10 ms timer's worst gap):
the window stays responsive while the database thread works.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from ui.app import choose_actor, open_context  # noqa: E402
from ui.fonts import install_fonts  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.models.case_table import PAGE_SIZE  # noqa: E402
from ui.pages.cases import CasesPage  # noqa: E402


class StallMeter:
    """The worst gap between ticks of a 10 ms timer: how long the GUI could not react."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.clock = QElapsedTimer()
        self.worst = 0
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        gap = self.clock.restart()
        self.worst = max(self.worst, gap)

    def start(self) -> None:
        self.worst = 0
        self.clock.start()
        self.timer.start()

    def stop(self) -> int:
        self.timer.stop()
        return self.worst


def wait(predicate: Any, timeout: float = 120.0) -> float:
    """Process events until ``predicate()``; returns the seconds it took."""
    app = QApplication.instance()
    assert app is not None
    start = time.perf_counter()
    while not predicate():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.perf_counter() - start > timeout:
            raise TimeoutError
    return time.perf_counter() - start


def startup(db: Path, runs: int = 3) -> list[float]:
    """Seconds from process start to the main window shown (main.py, a new process)."""
    figures = []
    for _ in range(runs):
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", str(db), "--quit-after-show"],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            timeout=300,
        )
        wall = time.perf_counter() - started
        inner = [ln for ln in out.stdout.splitlines() if ln.startswith("window shown")]
        print(f"  start-up: {inner[0] if inner else out.stderr[-300:]} (process wall {wall:.2f} s)")
        figures.append(wall)
    return figures


def main(argv: list[str]) -> int:
    db = Path(argv[0])
    user = argv[argv.index("--user") + 1] if "--user" in argv else None
    print(f"database: {db} ({db.stat().st_size / 1e9:.2f} GB)")
    startup(db)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_fonts(app)
    install_translators("zh")
    settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
    ctx = open_context(db, settings, "zh")
    choose_actor(ctx, user)
    meter = StallMeter()
    meter.start()
    t0 = time.perf_counter()
    page = CasesPage(ctx)
    page.resize(1300, 700)
    page.show()
    model = page.model
    counted: list[int] = []
    model.count_changed.connect(counted.append)
    wait(lambda: model.rowCount() > 0)
    first = time.perf_counter() - t0
    wait(lambda: bool(counted))
    total = time.perf_counter() - t0
    print(
        f"rows: {model.rowCount():,}; first page shown after {first * 1000:.0f} ms, "
        f"full count after {total * 1000:.0f} ms; worst GUI stall {meter.stop()} ms"
    )

    rnd = random.Random(1)
    latencies = []
    meter.start()
    for _ in range(15):
        row = rnd.randrange(model.rowCount())
        t = time.perf_counter()
        page.view.scrollTo(model.index(row, 0))
        wait(lambda r=row: model.row_at(r) is not None)
        latencies.append((time.perf_counter() - t) * 1000)
    stall = meter.stop()
    print(
        f"jump to a random row: median {statistics.median(latencies):.0f} ms, "
        f"max {max(latencies):.0f} ms; worst GUI stall {stall} ms; "
        f"rows in memory {model.loaded_rows():,} (page {PAGE_SIZE})"
    )

    meter.start()
    t = time.perf_counter()
    bar = page.filters
    for i in range(3):  # scroll-wheel style: a page at a time from the top
        page.view.verticalScrollBar().setValue(i * 40)
    wait(lambda: model.row_at(120) is not None)
    print(
        f"wheel scroll near the top: {(time.perf_counter() - t) * 1000:.0f} ms; "
        f"worst GUI stall {meter.stop()} ms"
    )

    for label, change in (
        ("status = 已结案", lambda: bar.status.setCurrentIndex(bar.status.findData("closed"))),
        ("+ dispute type", lambda: bar.dispute.set_code("work_injury")),
        ("clear filters", bar.reset),
        ("overdue only", lambda: bar.overdue.setChecked(True)),
    ):
        meter.start()
        t = time.perf_counter()
        loaded: list[int] = []
        model.query_loaded.connect(lambda box=loaded: box.append(1))
        change()
        wait(lambda box=loaded: bool(box))
        model.query_loaded.disconnect()
        print(
            f"filter {label}: {model.rowCount():,} rows in "
            f"{(time.perf_counter() - t) * 1000:.0f} ms; worst GUI stall {meter.stop()} ms"
        )
    bar.reset()
    wait(lambda: not ctx.tasks.busy)
    for text in ("王", "张伟", "宏达"):
        meter.start()
        t = time.perf_counter()
        loaded = []
        model.query_loaded.connect(lambda box=loaded: box.append(1))
        bar.search.setText(text)
        bar.search.textEdited.emit(text)
        wait(lambda box=loaded: bool(box))
        model.query_loaded.disconnect()
        print(
            f"search {text!r}: {model.rowCount():,} rows; {(time.perf_counter() - t) * 1000:.0f}"
            f" ms incl. 250 ms debounce; worst GUI stall {meter.stop()} ms"
        )
    ctx.tasks.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
