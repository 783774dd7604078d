"""How long the desktop's GUI thread is blocked while long operations run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.gui_stall --db bench/data/bench-10k-s1.db

The real main window is opened on a copy of the database (the desktop writes audit
events as soon as it opens a desk). A precise 10 ms ``QTimer`` on the GUI thread records
the gap between consecutive ticks; a tick late by more than its interval means the event
loop could not run: the *stall* is the gap minus the interval. Each operation is started
through the same page, dialog or controller methods its button or menu calls, and the
harness waits for its finished signal in a ``QEventLoop`` (never ``processEvents``), then
for the refreshes that follow it (the database thread idle again):

- ``idle``: two seconds of nothing, the meter's own noise (and whatever the window
  still builds after it is shown);
- ``export``: the case list's Excel export (案件 → 导出 Excel);
- ``report``: the 统计 page's preview of last month, then its PDF and Excel exports;
- ``docs``: a case window's 文书 tab, 生成文书 → 受理通知书 in Word and in PDF;
- ``sync``: the sync controller against a sync service in its own process (SQLite
  store seeded with ``--sync-cases`` cases): signing in and the first round (a snapshot
  of those cases), a round pulling 1,000 changes, a round pushing 1,000 changes;
- ``ledger`` (last: the next sync round would push every case it adds): the ledger
  (台账) import of the bench ledger of 10,000 cases as a desktop task (``ctx.op``) —
  the desktop has no ledger-import action yet, so this is the task one would run.

Printed per operation: how long it took, the largest stall, the 99th percentile, and how
many stalls exceeded 100 ms (the target is none). ``--trace`` samples the GUI thread's
stack whenever it has not ticked for 60 ms and prints where the longest stalls were.
Asserts nothing; exits non-zero only when an operation failed.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
import traceback
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LEGALAID_ARGON2_FAST", "1")  # the sync service's password hashing

from PySide6.QtCore import QEventLoop, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

INTERVAL_MS = 10
LIMIT_MS = 100.0
# The ledger import runs last: the cases it adds would all be pushed by the next sync round.
OPERATIONS = ("idle", "export", "report", "docs", "sync", "ledger")
SYNC_PASSWORD = "bench-password-1"


# -- measuring ------------------------------------------------------------------------------


@dataclass
class Outcome:
    op: str
    seconds: float = 0.0
    stalls: list[float] = field(default_factory=list)  # ms late, one per tick
    error: str = ""
    note: str = ""
    traces: list[tuple[float, str]] = field(default_factory=list)

    @property
    def worst(self) -> float:
        return max(self.stalls, default=0.0)

    @property
    def p99(self) -> float:
        if not self.stalls:
            return 0.0
        ordered = sorted(self.stalls)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]

    @property
    def over(self) -> int:
        return sum(1 for s in self.stalls if s > LIMIT_MS)


class StallMeter(QObject):
    """Ticks every ``interval_ms`` on the GUI thread; records how late each tick was."""

    def __init__(self, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.stalls: list[float] = []

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.stalls.append(max(0.0, (now - self.last) * 1000 - self.interval_ms))
        self.last = now

    def take(self) -> list[float]:
        out, self.stalls = self.stalls, []
        return out


class StallTracer(threading.Thread):
    """A poor man's profiler of the stalls: samples the GUI thread's Python stack (and the
    database thread's) while the GUI thread has not ticked for a while, and times the
    garbage collector's runs, which hold the GIL for every thread. ``take()`` gives the
    longest stalls seen, where each thread was, and the slow collections."""

    def __init__(self, meter: StallMeter, threshold_ms: float = 60.0) -> None:
        super().__init__(name="stall-tracer", daemon=True)
        self.meter = meter
        self.threshold = threshold_ms / 1000
        self.main = threading.main_thread().ident or 0
        self.worker = 0  # the database thread, once known
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.longest: dict[str, float] = {}
        self.collections: list[tuple[int, float, str]] = []  # generation, ms, thread
        self._gc_started = 0.0
        gc.callbacks.append(self._gc)

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
            return
        ms = (time.perf_counter() - self._gc_started) * 1000
        if ms >= 20:
            thread = "GUI" if threading.get_ident() == self.main else "worker"
            with self.lock:
                self.collections.append((info["generation"], ms, thread))

    @staticmethod
    def _where(frame: Any, depth: int = 6) -> str:
        stack = traceback.extract_stack(frame)[-depth:]
        return " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack))

    def run(self) -> None:
        while not self.stopping.wait(0.02):
            age = time.perf_counter() - self.meter.last
            if age < self.threshold:
                continue
            frames = sys._current_frames()
            if self.main not in frames:
                continue
            where = "GUI: " + self._where(frames[self.main])
            if self.worker in frames:
                where += "\n      worker: " + self._where(frames[self.worker], 4)
            with self.lock:
                self.longest[where] = max(self.longest.get(where, 0.0), age * 1000)

    def take(self) -> list[tuple[float, str]]:
        with self.lock:
            out = sorted(((ms, w) for w, ms in self.longest.items()), reverse=True)[:4]
            if self.collections:
                worst = max(self.collections, key=lambda c: c[1])
                total = sum(c[1] for c in self.collections)
                out.append((worst[1], f"garbage collection: {len(self.collections)} runs "
                            f"≥ 20 ms ({total:.0f} ms in all), the longest generation "
                            f"{worst[0]} on the {worst[2]} thread"))  # fmt: skip
            self.longest.clear()
            self.collections.clear()
        return out

    def stop(self) -> None:
        self.stopping.set()
        if self._gc in gc.callbacks:
            gc.callbacks.remove(self._gc)


class _Done(QObject):
    fired = Signal(object)


# -- the desktop ----------------------------------------------------------------------------


def copy_db(src: Path, dst: Path) -> Path:
    """A consistent copy of a desk that the bench may change, taken through SQLite (the
    source may be in use: a file copy could catch it half-written)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(dst)
    try:
        source.backup(target, pages=65536)
    finally:
        target.close()
        source.close()
    return dst


class Harness:
    """The main window on a desk, the stall meter, and a way to wait for operations."""

    def __init__(
        self, db: Path, work: Path, today: date, *, trace: bool = False, log: Any = print
    ) -> None:
        self.db = db
        self.work = work
        self.today = today
        self.log = log
        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        self.meter = StallMeter()
        self.tracer = StallTracer(self.meter) if trace else None
        self.errors: list[BaseException] = []
        self._fail = _Done()  # an error reported while waiting ends the wait
        self._restore: list[tuple[Any, str, Any]] = []
        self.ctx: Any = None
        self.desktop: Any = None
        self.window: Any = None

    # -- set-up ---------------------------------------------------------------------------

    def open(self) -> None:
        import ui.errors
        import ui.ops
        from ui.app import Desktop, choose_actor, open_context
        from ui.fonts import install_fonts
        from ui.i18n import install_translators

        # An error dialog would wait for a click: record the error and end the wait.
        for module in (ui.ops, ui.errors):
            self._restore.append((module, "show_error", module.show_error))
            module.show_error = self._error  # type: ignore[attr-defined]
        install_fonts(self.app)  # type: ignore[arg-type]
        install_translators("zh")
        settings = QSettings(str(self.work / "desktop.ini"), QSettings.Format.IniFormat)
        self.ctx = open_context(self.db, settings, "zh", today=lambda: self.today)
        choose_actor(self.ctx)
        self.desktop = Desktop(self.ctx)
        self.window = self.desktop.show_main_window()
        self.meter.start()
        if self.tracer is not None:
            self.tracer.worker = self.run_on_worker(lambda _col: threading.get_ident())
            self.tracer.start()
        self.wait_idle(120)

    def close(self) -> None:
        if self.tracer is not None:
            self.tracer.stop()
        self.meter.stop()
        if self.window is not None:
            self.window.close()
        if self.desktop is not None:
            self.desktop.shutdown()
        for module, name, value in self._restore:
            setattr(module, name, value)

    def _error(self, _parent: Any, exc: BaseException, *_rest: Any) -> None:
        self.errors.append(exc)
        self._fail.fired.emit(exc)

    # -- waiting --------------------------------------------------------------------------

    def wait(self, signal: Any, timeout_s: float) -> Any:
        """Run the event loop until ``signal`` (or a reported error, or the timeout);
        returns the signal's arguments, the error, or None on time-out."""
        loop = QEventLoop()
        box: list[Any] = []

        def got(*args: Any) -> None:
            box.append(args[0] if len(args) == 1 else args)
            loop.quit()

        signal.connect(got)
        self._fail.fired.connect(got)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(int(timeout_s * 1000))
        try:
            loop.exec()
        finally:
            timer.stop()
            signal.disconnect(got)
            self._fail.fired.disconnect(got)
        return box[0] if box else None

    def sleep(self, seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def wait_idle(self, timeout_s: float = 60.0) -> None:
        """Until the database thread has nothing queued or running, then a moment more
        for whatever the results started on the GUI thread."""
        deadline = time.perf_counter() + timeout_s
        while time.perf_counter() < deadline:
            if not self.ctx.tasks.busy:
                self.sleep(0.2)
                if not self.ctx.tasks.busy:
                    return
                continue
            self.wait(self.ctx.tasks.busy_changed, deadline - time.perf_counter())
        raise TimeoutError("the database thread stayed busy")

    def run_on_worker(self, fn: Callable[[Any], Any], timeout_s: float = 600.0) -> Any:
        """Set-up work on the database thread, waited for without measuring."""
        done = _Done()
        self.ctx.tasks.submit(fn, done.fired.emit, done.fired.emit)
        out = self.wait(done.fired, timeout_s)
        if isinstance(out, BaseException):
            raise out
        return out

    @contextmanager
    def measuring(self, name: str) -> Iterator[Outcome]:
        """Measures the block and the refreshes after it (until the worker is idle)."""
        self.wait_idle()
        self.meter.take()
        if self.tracer is not None:
            self.tracer.take()
        self.errors.clear()
        out = Outcome(name)
        started = time.perf_counter()
        try:
            yield out
            if not out.seconds:
                out.seconds = time.perf_counter() - started
            if self.errors:
                raise self.errors[0]
            self.wait_idle()
        except Exception as exc:
            out.error = f"{type(exc).__name__}: {exc}"[:200]
        finally:
            out.stalls = self.meter.take()
            if self.tracer is not None:
                out.traces = self.tracer.take()
        self.log(line(out))

    def finish(self, out: Outcome, result: Any, started: float, what: str) -> Any:
        """Checks what ``wait`` returned: the operation's result, else raises."""
        out.seconds = time.perf_counter() - started
        if result is None:
            raise TimeoutError(f"{what} did not finish")
        if isinstance(result, BaseException):
            raise result
        return result


# -- the operations -------------------------------------------------------------------------


def op_idle(h: Harness, seconds: float = 2.0) -> Outcome:
    with h.measuring("idle (nothing started)") as out:
        h.sleep(seconds)
    return out


def op_ledger(h: Harness, ledger: Path | None, rows: int) -> Outcome:
    if ledger is not None and rows < 10_000:  # the same path on fewer rows
        lines = ledger.read_text("utf-8-sig").splitlines(keepends=True)
        small = h.work / ledger.name
        small.write_text("".join(lines[: rows + 1]), "utf-8-sig")
        ledger = small
    with h.measuring(f"ledger import, {rows:,} rows") as out:
        if ledger is None:
            raise RuntimeError("no ledger to import (legalaid.ledger missing)")
        from legalaid import dto
        from legalaid.ledger import import_ledger

        office = h.ctx.office  # into the top office of the acting user's federation
        parents = {o.id: o.parent_id for o in h.ctx.offices}
        office_id = office.id if office is not None else None
        while office_id is not None and parents.get(office_id):
            office_id = parents[office_id]
        path = ledger

        def run(col: Any) -> Any:
            report = import_ledger(col, [path], office_id=office_id, skip_bad_rows=True)
            changes = dto.OpChanges.of("case", "consultation", "person", "employer", "staff")
            return dto.Op(report, changes)

        done = _Done()
        started = time.perf_counter()
        h.ctx.op(h.window, run).success(done.fired.emit).run_in_background()
        op = h.finish(out, h.wait(done.fired, 1800), started, "the import")
        out.note = f"{op.value.cases_created:,} cases imported"
    return out


def op_export(h: Harness) -> Outcome:
    page = h.window.cases
    h.window.show_page(2)
    with h.measuring("case list → Excel") as out:
        path = h.work / "案件列表.xlsx"
        started = time.perf_counter()
        page.export_to(path)
        h.finish(out, h.wait(page.exported, 1800), started, "the export")
        out.note = f"{page.model.rowCount():,} rows, {path.stat().st_size / 1e6:.1f} MB"
    return out


def op_report(h: Harness) -> list[Outcome]:
    view = h.window.reports.content
    h.window.show_page(4)
    view.kind.setCurrentIndex(0)  # last month, all offices: the page's default
    outcomes = []
    with h.measuring("monthly summary: preview") as out:
        started = time.perf_counter()
        view.preview()
        h.finish(out, h.wait(view.previewed, 1800), started, "the preview")
    outcomes.append(out)
    for fmt in ("pdf", "xlsx"):
        with h.measuring(f"monthly summary → {fmt.upper()}") as out:
            path = h.work / f"统计.{fmt}"
            started = time.perf_counter()
            view.export(fmt, path)
            h.finish(out, h.wait(view.exported, 1800), started, "the export")
            out.note = f"{path.stat().st_size / 1e3:.0f} kB"
        outcomes.append(out)
    return outcomes


def op_docs(h: Harness) -> list[Outcome]:
    case_id = h.run_on_worker(_document_case)
    window = h.window.open_case(case_id)
    if window.detail is None:
        h.wait(window.loaded, 60)
    docs = window.documents
    window.tabs.setCurrentWidget(docs)
    outcomes = []
    for fmt in ("docx", "pdf"):
        with h.measuring(f"document 受理通知书 .{fmt}") as out:
            docs.last_dialog = None
            started = time.perf_counter()
            docs.generate()
            deadline = time.perf_counter() + 60
            while docs.last_dialog is None and time.perf_counter() < deadline:
                h.sleep(0.01)
            dlg = docs.last_dialog
            if dlg is None:
                raise TimeoutError("the generate dialog did not open")
            combo = dlg.widgets["template_id"]
            combo.setCurrentIndex(combo.findData("acceptance_notice"))
            fmt_combo = dlg.widgets["fmt"]
            fmt_combo.setCurrentIndex(fmt_combo.findData(fmt))
            shown_in_dialog = dlg._failed  # a refusal is shown under the fields

            def refused(exc: BaseException, shown: Any = shown_in_dialog) -> bool:
                handled = bool(shown(exc))
                h._fail.fired.emit(exc)
                return handled

            dlg._failed = refused
            dlg.ok_button.click()
            op = h.finish(out, h.wait(dlg.submitted, 300), started, "the document")
            out.note = op.value.path.name
        outcomes.append(out)
    window.close()
    return outcomes


def _document_case(col: Any) -> str:
    from sqlalchemy import text

    with col.read() as s:  # an accepted case of one worker with a lawyer in charge
        row = s.execute(
            text(
                "SELECT id FROM cases ORDER BY accepted_on IS NULL, lead_staff_id IS NULL, "
                "worker_count != 1, rowid DESC LIMIT 1"
            )
        ).first()
    if row is None:
        raise RuntimeError("no case to make a document for")
    return str(row[0])


# -- sync -------------------------------------------------------------------------------------


def seed_store(store: Any, url: str, folder: Path, n: int, today: date) -> str:
    """An office of the service holding ``n`` cases: one real case made through an
    admin desk and synchronised, then cloned in the store (as bench/sync_bench.py
    does), under a prefix of its own so no number clashes with the bench desk's."""
    from legalaid.collection import Collection
    from legalaid.inputs import (
        ApplicantInput,
        CaseInput,
        EmployerInput,
        PersonInput,
        RecoveryInput,
        RespondentInput,
    )
    from legalaid.server import tables as T
    from legalaid.sync import hlc as H
    from legalaid.sync.client import SyncClient

    store.add_user("admin", SYNC_PASSWORD, role="admin")
    col = Collection(folder / "seed.db", today=lambda: today)
    client = SyncClient(col, url)
    try:
        client.login("admin", SYNC_PASSWORD)
        office = col.admin.create_office("九江市总工会", "浔工援").value
        staff = col.admin.create_staff(
            "周律师", "zhou_sync", "supervisor", office_id=office.id
        ).value
        col.set_actor(staff)
        case = col.cases.create(
            CaseInput(
                title="李一诉九江某建筑劳务有限公司拖欠工资",
                dispute_type="wage_arrears",
                source="walk_in",
                received_on=today - timedelta(days=20),
                applicants=[ApplicantInput(person=PersonInput(name="李一", phone="13800138000"))],
                respondents=[
                    RespondentInput(employer=EmployerInput(name="九江某建筑劳务有限公司"))
                ],
                amount_claimed=1_234_500,
                facts="申请人于2025年3月入职，从事钢筋工工作，被申请人自2025年7月起拖欠工资。",
                lead_staff_id=staff.id,
            )
        ).value
        col.money.record_recovery(
            case.id, RecoveryInput(received_on=today - timedelta(days=5), amount=500_000)
        )
        client.sync()
    finally:
        client.close()
        col.close()
    wanted = ["cases", "people", "employers", "case_applicants", "case_respondents",
              "recoveries", "deadlines"]  # fmt: skip
    with store.read() as conn:
        templates = {
            r.tbl: json.loads(r.data)
            for r in conn.execute(T.rows.select().where(T.rows.c.tbl.in_(wanted)))
        }
    stamp = json.dumps({"*": H.stamp_key(H.pack(H.now_ms()), 1)})
    batch: list[dict[str, Any]] = []
    with store.write() as conn:
        for i in range(1, n + 1):
            ids = {t: str(uuid.uuid4()) for t in templates}
            rows = {t: dict(v, id=ids[t]) for t, v in templates.items()}
            rows["cases"].update(
                seq=1000 + i,
                number=f"浔工援〔{today.year}〕第{1000 + i:06d}号",
                title=f"李{i}诉九江某建筑劳务有限公司拖欠工资",
            )
            rows["people"]["name"] = f"李{i}"
            rows["employers"]["name"] = f"九江某建筑劳务有限公司{i}"
            if "case_applicants" in rows:
                rows["case_applicants"].update(case_id=ids["cases"], person_id=ids["people"])
            if "case_respondents" in rows:
                rows["case_respondents"].update(case_id=ids["cases"], employer_id=ids["employers"])
            if "recoveries" in rows:
                rows["recoveries"].update(case_id=ids["cases"], person_id=ids["people"])
            if "deadlines" in rows:
                rows["deadlines"].update(case_id=ids["cases"], source_ref=f"case:{ids['cases']}")
            for t, r in rows.items():
                batch.append({"tbl": t, "pk": r["id"], "office_id": office.id,
                              "data": json.dumps(r, ensure_ascii=False), "stamps": stamp,
                              "seq": 0})  # fmt: skip
            if len(batch) >= 20_000:
                conn.execute(T.rows.insert(), batch)
                batch.clear()
        if batch:
            conn.execute(T.rows.insert(), batch)
    return str(office.id)


def op_sync(
    h: Harness, cases: int, changes: int = 1000, *, inprocess: bool = False
) -> list[Outcome]:
    from bench.sync_bench import Server
    from legalaid.server import tables as T
    from legalaid.server.store import Store
    from legalaid.sync import hlc as H

    folder = h.work / "sync"
    folder.mkdir(exist_ok=True)
    url = f"sqlite:///{folder / 'store.db'}"
    store = Store.open(url)
    # Its own process, as the service runs for real (a thread would share the GIL).
    server = Server(store, url, inprocess=inprocess)
    controller = h.window.sync_ui.controller
    outcomes: list[Outcome] = []

    def failed(message: str) -> None:
        h._fail.fired.emit(RuntimeError(message))

    controller.sync_failed.connect(failed)
    try:
        h.log(f"seeding the sync service with {cases:,} cases...")
        office = seed_store(store, server.url, folder, cases, h.today)

        def round_(name: str, start: Callable[[], Any]) -> Outcome:
            with h.measuring(name) as out:
                started = time.perf_counter()
                start()
                report = h.finish(out, h.wait(controller.synced, 1800), started, "the round")
                out.note = (
                    f"pushed {report.pushed:,}, snapshot {report.snapshot_rows:,} rows, "
                    f"pulled {report.pulled:,}"
                )
            outcomes.append(out)
            return out

        def sign_in() -> None:
            controller.login(server.url, "admin", SYNC_PASSWORD, lambda _st: None, failed)

        round_(f"sync: sign in + first round ({cases:,} cases)", sign_in)

        def ids_of(col: Any) -> list[str]:
            from legalaid.sync import state

            with state.raw_read(col) as conn:
                return [
                    r[0]
                    for r in conn.execute(
                        "SELECT id FROM cases WHERE office_id = ? LIMIT ?", (office, changes)
                    )
                ]

        ids = h.run_on_worker(ids_of)
        hlc = H.pack(H.now_ms())
        with store.write() as conn:  # another desk's edits, waiting in the feed
            conn.execute(
                T.log.insert(),
                [
                    {"tbl": "cases", "pk": pk, "office_id": office, "kind": "row",
                     "data": json.dumps({"id": pk, "facts": f"第{i}次补充事实",
                                         "updated_at": f"{h.today} 08:00:00.000000"},
                                        ensure_ascii=False),
                     "hlc": hlc}
                    for i, pk in enumerate(ids)
                ],
            )  # fmt: skip
        round_(f"sync: round pulling {len(ids):,} changes", controller.sync_now)

        def edit(col: Any) -> None:
            from legalaid.sync import state

            with state.raw_write(col) as conn:  # captured by the change triggers
                for i, pk in enumerate(ids):
                    conn.execute("UPDATE cases SET claims_text = ? WHERE id = ?", (f"请求{i}", pk))

        h.run_on_worker(edit)
        round_(f"sync: round pushing {len(ids):,} changes", controller.sync_now)
    except Exception as exc:
        if not outcomes or not outcomes[-1].error:
            outcomes.append(Outcome("sync", error=f"{type(exc).__name__}: {exc}"[:200]))
    finally:
        controller.set_interval(0)
        server.stop()
        store.close()
    return outcomes


# -- running ----------------------------------------------------------------------------------


def line(o: Outcome) -> str:
    if o.error:
        return f"  {o.op}: FAILED {o.error}"
    return (
        f"  {o.op}: {o.seconds:.1f} s, max stall {o.worst:.0f} ms, p99 {o.p99:.0f} ms, "
        f"{o.over} over {LIMIT_MS:.0f} ms ({len(o.stalls)} ticks){'; ' + o.note if o.note else ''}"
    )


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(outcomes: list[Outcome]) -> str:
    rows = [("operation", "duration", "max stall", "p99 stall", f"stalls > {LIMIT_MS:.0f} ms")]
    for o in outcomes:
        if o.error:
            rows.append((o.op, "failed", "", "", ""))
        else:
            rows.append(
                (o.op, f"{o.seconds:.1f} s", f"{o.worst:.0f} ms", f"{o.p99:.0f} ms", str(o.over))
            )
    widths = [max(_width(r[i]) for r in rows) for i in range(5)]
    lines = []
    for r in rows:
        cells = [r[0] + " " * (widths[0] - _width(r[0]))]
        cells += [" " * (w - _width(c)) + c for c, w in zip(r[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells))
    lines += [f"{o.op}: {o.error}" for o in outcomes if o.error]
    return "\n".join(lines)


def run(
    db: Path,
    *,
    ops: tuple[str, ...] = OPERATIONS,
    work: Path | None = None,
    copy: bool = True,
    today: date | None = None,
    ledger: Path | None = None,
    ledger_rows: int = 10_000,
    sync_cases: int = 10_000,
    sync_inprocess: bool = False,
    idle_seconds: float = 2.0,
    trace: bool = False,
    log: Any = print,
) -> list[Outcome]:
    """Open the desktop on (a copy of) ``db`` and measure ``ops``; returns the outcomes."""
    from bench import dbs

    info = dbs.meta(db) or {}
    today = today or date.fromisoformat(info.get("today", date.today().isoformat()))
    if "ledger" in ops and ledger is None:
        ledger = dbs.ensure_ledger(today, log=log)
    tmp = Path(tempfile.mkdtemp(prefix="gui-stall-", dir=work))
    try:
        desk = db
        if copy:
            log(f"copying {db.name} to {tmp}...")
            desk = copy_db(db, tmp / db.name)
        h = Harness(desk, tmp, today, trace=trace, log=log)
        outcomes: list[Outcome] = []
        try:
            h.open()
            steps: dict[str, Callable[[], Any]] = {
                "idle": lambda: op_idle(h, idle_seconds),
                "ledger": lambda: op_ledger(h, ledger, ledger_rows),
                "export": lambda: op_export(h),
                "report": lambda: op_report(h),
                "docs": lambda: op_docs(h),
                "sync": lambda: op_sync(h, sync_cases, inprocess=sync_inprocess),
            }
            for key in OPERATIONS:
                if key not in ops:
                    continue
                try:
                    got = steps[key]()
                except Exception as exc:  # a step that could not even start
                    got = Outcome(key, error=f"{type(exc).__name__}: {exc}"[:200])
                    log(line(got))
                outcomes += got if isinstance(got, list) else [got]
        finally:
            h.close()
        return outcomes
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.gui_stall", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument("--db", type=Path, required=True, help="the desk to open (copied first)")
    p.add_argument("--only", default="", help="comma-separated: " + ",".join(OPERATIONS))
    p.add_argument("--skip", default="", help="skip these (same names)")
    p.add_argument("--work", type=Path, help="folder for the copy and the files written")
    p.add_argument("--no-copy", action="store_true", help="open --db itself (it is changed)")
    p.add_argument("--ledger-rows", type=int, default=10_000)
    p.add_argument("--sync-cases", type=int, default=10_000)
    p.add_argument("--trace", action="store_true", help="print where the GUI thread stalled")
    args = p.parse_args(argv)
    only = [s for s in args.only.split(",") if s] or list(OPERATIONS)
    skip = set(args.skip.split(","))
    unknown = set(only) - set(OPERATIONS)
    if unknown:
        p.error(f"unknown operations: {', '.join(sorted(unknown))}")
    ops = tuple(o for o in only if o not in skip)
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
    outcomes = run(
        args.db, ops=ops, work=args.work, copy=not args.no_copy, ledger_rows=args.ledger_rows,
        sync_cases=args.sync_cases, trace=args.trace, log=log,
    )  # fmt: skip
    from bench import dbs

    cases = (dbs.meta(args.db) or {}).get("cases")
    size = f" ({cases:,} cases)" if isinstance(cases, int) else ""
    print(f"GUI-thread stalls, {args.db.name}{size}, timer every {INTERVAL_MS} ms")
    print(table(outcomes))
    if args.trace:
        for o in outcomes:
            for ms, where in o.traces:
                print(f"  {o.op}: {ms:.0f} ms, {where}")
    return 1 if any(o.error for o in outcomes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
