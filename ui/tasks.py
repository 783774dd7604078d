"""All database work runs on one background thread, one task at a time (one writer).

The GUI submits a function of the Collection; the worker runs it and the result (or the
exception) comes back to the GUI thread by signal, where the caller's callbacks run.

A task may be a *generator* function: the worker runs it one step (one ``next()``) at a
time and puts it back at the end of the queue between steps, so a long export never
holds up the case list's page fetches. Such tasks get a :class:`CancelToken` to report
progress and to notice a cancel request between steps.

The garbage collector's full passes hold the GIL, so a pass the worker triggers stalls
the GUI thread for as long as it takes, and it takes as long as there are objects to
scan. Most objects are made once and live as long as the process: the modules, their
tables (a PDF font's glyph tables, SQLAlchemy's mappers) and the main window. Whenever
the worker runs out of work and modules were loaded since the last time, it moves
everything alive into the collector's permanent generation (``gc.freeze``), so full
passes scan only what was made since; they stay short on any desk.
"""

from __future__ import annotations

import gc
import itertools
import logging
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal

log = logging.getLogger(__name__)

TaskFn = Callable[..., Any]


class Cancelled(Exception):
    """Raised inside a task when its cancel was requested."""


class CancelToken:
    """Shared between the GUI (which may cancel) and the worker (which checks)."""

    def __init__(self, task_id: int, report: Callable[[int, int, int], None]) -> None:
        self.task_id = task_id
        self._event = threading.Event()
        self._report = report

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int) -> None:
        self._report(self.task_id, done, total)


@dataclass
class _Task:
    id: int
    fn: TaskFn
    token: CancelToken
    wants_token: bool
    gen: Generator[Any, None, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class DbWorker(QThread):
    """The one thread that touches the Collection.

    Signals:
        finished_task(int, object, object): task id, result, exception (one is None).
        progressed(int, int, int): task id, done, total.
    """

    finished_task = Signal(int, object, object)
    progressed = Signal(int, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legalaid-db")
        self.col: Any = None
        self._queue: deque[_Task] = deque()
        self._cond = threading.Condition()
        self._stopping = False

    def put(self, task: _Task, *, front: bool = False) -> None:
        with self._cond:
            if self._stopping:
                task.token.cancel()
                return
            if front:
                self._queue.appendleft(task)
            else:
                self._queue.append(task)
            self._cond.notify()

    def stop(self) -> None:
        """Finish the current step, drop what is queued, close the Collection."""
        with self._cond:
            self._stopping = True
            for task in self._queue:
                task.token.cancel()
            self._queue.clear()
            self._cond.notify()

    def pending(self) -> int:
        with self._cond:
            return len(self._queue)

    def run(self) -> None:
        while True:
            with self._cond:
                idle = not self._queue and not self._stopping
            if idle:
                settle_heap()
            with self._cond:
                while not self._queue and not self._stopping:
                    self._cond.wait()
                if self._stopping and not self._queue:
                    break
                task = self._queue.popleft()
            self._step(task)
        if self.col is not None:
            try:
                self.col.close()
            except Exception:  # closing must not hang the exit
                log.exception("closing the database failed")
            self.col = None

    def _step(self, task: _Task) -> None:
        try:
            task.token.check()
            if task.gen is None:
                args = (self.col, task.token) if task.wants_token else (self.col,)
                out = task.fn(*args)
                if isinstance(out, Generator):
                    task.gen = out
                else:
                    self.finished_task.emit(task.id, out, None)
                    return
            try:
                next(task.gen)
            except StopIteration as stop:
                self.finished_task.emit(task.id, stop.value, None)
                return
            task.token.check()
            self.put(task)  # yield the thread to whatever else is waiting
        except BaseException as exc:  # every failure goes back to the GUI
            if task.gen is not None:
                task.gen.close()
            self.finished_task.emit(task.id, None, exc)


_modules_at_freeze = 0
_freeze_lock = threading.Lock()


def settle_heap() -> None:
    """Freeze what is alive if modules were loaded since the last time (see the module's
    docstring); the worker calls it whenever it runs out of work.

    Only then: what is frozen is never collected, so a cycle that becomes garbage later
    stays. Module loads are few in a session, and the young generations are collected
    first so that little garbage is frozen with them."""
    global _modules_at_freeze
    with _freeze_lock:
        loaded = len(sys.modules)
        if loaded == _modules_at_freeze:
            return
        _modules_at_freeze = loaded
        gc.collect(1)
        gc.freeze()


@dataclass
class _Pending:
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[BaseException], None] | None
    owner: QObject | None
    token: CancelToken


class TaskManager(QObject):
    """GUI-side front of the worker: submit, cancel, and callbacks on the GUI thread.

    Signals:
        busy_changed(bool): whether any task is queued or running.
        progressed(int, int, int): task id, done, total.
    """

    busy_changed = Signal(bool)
    progressed = Signal(int, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self.worker = DbWorker()
        self.worker.finished_task.connect(self._on_finished)
        self.worker.progressed.connect(self.progressed)
        self.worker.start()

    def submit(
        self,
        fn: TaskFn,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
        with_token: bool = False,
        urgent: bool = False,
    ) -> CancelToken:
        """Queue ``fn(col)`` (or ``fn(col, token)``); callbacks run on the GUI thread.

        Callbacks are skipped when ``owner`` has been deleted meanwhile.
        """
        task_id = next(self._ids)
        token = CancelToken(task_id, self.worker.progressed.emit)
        self._pending[task_id] = _Pending(on_success, on_failure, owner, token)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self.worker.put(_Task(task_id, fn, token, with_token), front=urgent)
        return token

    def cancel(self, task_id: int) -> None:
        pending = self._pending.get(task_id)
        if pending is not None:
            pending.token.cancel()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _on_finished(self, task_id: int, result: object, exc: object) -> None:
        pending = self._pending.pop(task_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if pending is None:
            return
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return
        if exc is None:
            if pending.on_success is not None:
                pending.on_success(result)
        elif pending.on_failure is not None:
            assert isinstance(exc, BaseException)
            pending.on_failure(exc)
        else:
            assert isinstance(exc, BaseException)
            raise exc

    def shutdown(self, timeout_ms: int = 10000) -> None:
        """Stop the worker and wait for it (closes the database)."""
        self.worker.stop()
        self.worker.wait(timeout_ms)
        self._pending.clear()
