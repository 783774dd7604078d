"""Helpers for the desktop tests (waiting for the database thread, typing Chinese)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ui.context import AppContext


def wait_idle(qtbot: object, ctx: AppContext, timeout: int = 15000) -> None:
    """Wait until the database thread has nothing left to do."""
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=timeout)  # type: ignore[attr-defined]


def type_text(qtbot: object, widget: object, text: str) -> None:
    """Type ``text`` key by key; characters outside ASCII (Chinese names) arrive as key
    events carrying text, as an input method delivers them."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)  # type: ignore[attr-defined]
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget,
                QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch),  # type: ignore[arg-type]
            )
