"""The desktop side of synchronisation: automatic and on-demand rounds on the worker
(:class:`SyncController`), the status-bar text, the conflicts view and the sync settings.

The main window calls :func:`install_sync` once; everything else is wired here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStyle, QTabWidget, QToolBar

from ui.sync.controller import SyncController

if TYPE_CHECKING:
    from ui.sync.conflicts import ConflictsDialog
    from ui.sync.settings_group import SyncSettingsTab

__all__ = ["ConflictsDialog", "SyncController", "SyncSettingsTab", "SyncUi", "install_sync"]


def __getattr__(name: str) -> Any:
    # The conflicts view and the settings tab are imported when first used.
    if name == "ConflictsDialog":
        from ui.sync.conflicts import ConflictsDialog

        return ConflictsDialog
    if name == "SyncSettingsTab":
        from ui.sync.settings_group import SyncSettingsTab

        return SyncSettingsTab
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SyncUi(QObject):
    """The sync actions, menu, status-bar label and settings tab of one main window."""

    def __init__(self, window: QMainWindow, label: QLabel) -> None:
        # The window is only the parent: a Python reference back to it would keep the
        # deleted window's wrapper alive (a rebuilt window on a language switch).
        super().__init__(window)
        self.ctx: Any = window.ctx  # type: ignore[attr-defined]
        self.controller = SyncController(self.ctx, self)
        self.label = label
        self.dialog: ConflictsDialog | None = None
        label.setCursor(Qt.CursorShape.PointingHandCursor)
        label.setToolTip(self.tr("Click to see the sync conflicts"))
        label.installEventFilter(self)
        self.controller.status_changed.connect(label.setText)

        style = window.style()
        self.sync_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload), self.tr("Sync"), window
        )
        self.sync_action.setObjectName("syncNowAction")
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.setToolTip(self.tr("Synchronise with the sync server now (F9)"))
        self.sync_action.triggered.connect(lambda _c=False: self.controller.sync_now())
        self.conflicts_action = QAction(self.tr("Sync &conflicts…"), window)
        self.conflicts_action.setObjectName("syncConflictsAction")
        self.conflicts_action.triggered.connect(lambda _c=False: self.show_conflicts())
        for action in (self.sync_action, self.conflicts_action):
            window.addAction(action)

        bar = window.menuBar()
        menu = bar.addMenu(self.tr("S&ync"))
        menu.addAction(self.sync_action)
        menu.addAction(self.conflicts_action)
        menus = [a for a in bar.actions() if a.menu() is not None and a is not menu.menuAction()]
        if menus:  # before Help, which stays last
            bar.insertMenu(menus[-1], menu)
        toolbar = window.findChild(QToolBar, "mainToolBar")
        if toolbar is not None:
            toolbar.addAction(self.sync_action)

        self._settings_tab: SyncSettingsTab | None = None
        self.controller.refresh(self._started)

    def add_settings_tab(self, settings: QTabWidget) -> SyncSettingsTab:
        """Add the sync tab to the settings page (the window calls this when it builds
        that page)."""
        from ui.sync.settings_group import SyncSettingsTab

        self._settings_tab = SyncSettingsTab(self.controller)
        settings.addTab(self._settings_tab, self.tr("Sync"))
        return self._settings_tab

    @property
    def settings_tab(self) -> SyncSettingsTab:
        """The sync tab of the settings page (building that page if need be)."""
        if self._settings_tab is None:
            window = self.parent()
            getattr(window, "settings_page", None)  # builds it, which adds the tab
        if self._settings_tab is None:
            raise AttributeError("the window has no settings page")
        return self._settings_tab

    def _started(self) -> None:
        if self.controller.configured:
            self.controller.sync_now()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() == QEvent.Type.MouseButtonRelease:
            self.show_conflicts()
            return True
        return False

    def show_conflicts(self) -> ConflictsDialog:
        if self.dialog is None:
            from ui.sync.conflicts import ConflictsDialog

            window = self.parent()
            assert isinstance(window, QMainWindow)
            self.dialog = ConflictsDialog(self.ctx, window, self.controller.sync_now)
            self.dialog.finished.connect(self._closed)
        else:
            self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None


def install_sync(window: QMainWindow) -> SyncUi:
    """Wire synchronisation into the main window (its ``sync_label`` and menus)."""
    return SyncUi(window, window.sync_label)  # type: ignore[attr-defined]
