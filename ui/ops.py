"""One-line background operations (after Anki's ``CollectionOp`` / ``QueryOp``).

``QueryOp`` reads; ``CollectionOp`` changes and, when done, broadcasts the returned
``OpChanges`` on ``ctx.changes`` so each page refreshes only its part::

    ctx.op(self, lambda col: col.consultations.create(data)).success(saved).failure(
        self.form.show_validation).run_in_background()

Failures not handled by ``.failure()`` (it returns True when it handled one) are shown
the standard way (ui.errors.show_error).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from legalaid import dto
from ui.errors import show_error
from ui.tasks import CancelToken

if TYPE_CHECKING:
    from ui.context import AppContext

T = TypeVar("T")


class QueryOp(Generic[T]):
    """A read run on the database thread; ``fn(col) -> T``."""

    def __init__(self, ctx: AppContext, parent: QObject | None, fn: Callable[..., T]) -> None:
        self.ctx = ctx
        self.parent = parent
        self.fn = fn
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], bool | None] | None = None
        self._progress: str | None = None
        self._cancellable = False
        self._urgent = False

    def success(self, fn: Callable[[T], None]) -> QueryOp[T]:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], bool | None]) -> QueryOp[T]:
        """``fn(exc)`` returns True when it dealt with the error itself."""
        self._failure = fn
        return self

    def with_progress(self, label: str, *, cancellable: bool = False) -> QueryOp[T]:
        """Show a progress bar in the status bar; ``fn`` gets ``(col, token)``."""
        self._progress = label
        self._cancellable = cancellable
        return self

    def urgent(self) -> QueryOp[T]:
        """Run before the queued work (small reads the user is waiting for)."""
        self._urgent = True
        return self

    def _alive(self) -> bool:
        return self.parent is None or shiboken6.isValid(self.parent)

    def _deliver(self, value: Any) -> None:
        if self._success is not None and self._alive():
            self._success(value)

    def _on_failure(self, exc: BaseException) -> None:
        if self._failure is not None and self._alive() and self._failure(exc):
            return
        widget = self.parent if isinstance(self.parent, QWidget) else None
        if widget is not None and not shiboken6.isValid(widget):
            widget = None
        show_error(widget.window() if widget else None, exc, self.ctx.lang)

    def run_in_background(self) -> CancelToken:
        progress = self._progress

        def finished(value: Any) -> None:
            if progress is not None:
                self.ctx.progress_finished.emit(token.task_id)
            self._deliver(value)

        def failed(exc: BaseException) -> None:
            if progress is not None:
                self.ctx.progress_finished.emit(token.task_id)
            self._on_failure(exc)

        token = self.ctx.tasks.submit(
            self.fn,
            finished,
            failed,
            with_token=progress is not None,
            urgent=self._urgent,
        )
        if progress is not None:
            self.ctx.progress_started.emit(token.task_id, progress, self._cancellable)
        return token


class CollectionOp(QueryOp[T]):
    """A change; ``fn(col)`` returns a ``dto.Op`` whose changes are broadcast."""

    def _deliver(self, value: Any) -> None:
        if isinstance(value, dto.Op):
            self.ctx.changes.emit(value.changes, self.parent)
        super()._deliver(value)
