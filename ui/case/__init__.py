"""The case workspace: one window per case.

``open_case_window(ctx, case_id)`` opens it, or brings the case's existing window to the
front, so a case is never open twice in one desktop (two desktops on the same database
are handled by the stale-version checks)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ui.case.window import CaseWindow
    from ui.context import AppContext

_open: dict[str, CaseWindow] = {}


def open_case_window(
    ctx: AppContext, case_id: str, parent: QWidget | None = None
) -> CaseWindow:
    """Show the window of ``case_id``, re-activating it when it is already open."""
    from ui.case.window import CaseWindow

    existing = _open.get(case_id)
    if existing is not None and shiboken6.isValid(existing):
        existing.showNormal() if existing.isMinimized() else existing.show()
        if QGuiApplication.platformName() != "offscreen":  # it cannot raise windows
            existing.raise_()
        existing.activateWindow()
        return existing
    window = CaseWindow(ctx, case_id, parent)
    _open[case_id] = window
    window.closed.connect(lambda cid=case_id, w=window: _forget(cid, w))
    window.destroyed.connect(lambda _obj=None, cid=case_id, w=window: _forget(cid, w))
    window.show()
    return window


def _forget(case_id: str, window: CaseWindow) -> None:
    if _open.get(case_id) is window:
        del _open[case_id]


def open_windows() -> list[CaseWindow]:
    return [w for w in _open.values() if shiboken6.isValid(w)]


__all__ = ["open_case_window", "open_windows"]
