"""The main window: navigation, the stacked pages, menus, toolbar and status bar. It only
arranges; each page does its own work."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QStyle,
    QToolButton,
    QWidget,
)

from ui.context import AppContext
from ui.dialogs.case_summary import CaseSummaryDialog
from ui.dialogs.new_case import NewCaseDialog
from ui.pages.cases import CasesPage
from ui.pages.consultations import ConsultationsPage
from ui.pages.dashboard import DashboardPage
from ui.pages.deadlines import DeadlinesPage
from ui.pages.report_view import ReportView
from ui.pages.reports import ReportsPage
from ui.pages.settings import SettingsPage
from ui.sync import install_sync

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
PAGE_KEY = "window/page"
CASE_WINDOW_MODULE = "ui.case"


class MainWindow(QMainWindow):
    """The desktop's main window.

    Signals:
        case_opened(str): a case was opened (by any page or action).
        language_chosen(str): the user switched language (the app rebuilds the window).
    """

    case_opened = Signal(str)
    language_chosen = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("legalaid — union legal aid"))
        self.case_windows: dict[str, QWidget] = {}

        self.dashboard = DashboardPage(ctx)
        self.consultations = ConsultationsPage(ctx)
        self.cases = CasesPage(ctx)
        self.deadlines = DeadlinesPage(ctx)
        self.reports = ReportsPage(ctx)
        self.reports.set_content(ReportView(ctx))
        self.settings_page = SettingsPage(ctx)
        self.pages: list[tuple[str, QWidget]] = [
            (self.tr("Dashboard"), self.dashboard),
            (self.tr("Consultations"), self.consultations),
            (self.tr("Cases"), self.cases),
            (self.tr("Deadlines"), self.deadlines),
            (self.tr("Reports"), self.reports),
            (self.tr("Settings"), self.settings_page),
        ]

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(128)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet(
            "QListWidget { font-size: 11pt; } QListWidget::item { padding: 10px 8px; }"
        )
        self.stack = QStackedWidget()
        for title, page in self.pages:
            self.nav.addItem(QListWidgetItem(title))
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        for page in (self.dashboard, self.consultations, self.cases, self.deadlines):
            page.open_case.connect(self.open_case)  # type: ignore[attr-defined]
        self.cases.new_case_requested.connect(self.new_case)
        self.settings_page.language_chosen.connect(self.language_chosen)

        self._build_actions()
        self._build_status_bar()
        self.sync_ui = install_sync(self)  # sync actions, status text, conflicts, settings tab
        ctx.reference_changed.connect(self._show_identity)
        ctx.tasks.busy_changed.connect(self._busy)
        ctx.tasks.progressed.connect(self._progress)
        ctx.progress_started.connect(self._progress_started)
        ctx.progress_finished.connect(self._progress_finished)
        self._show_identity()
        self._restore()

    # -- actions ------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.new_consultation_action = self._action(
            self.tr("New &consultation"), self.new_consultation, "Ctrl+N", sp.SP_FileIcon
        )
        self.new_case_action = self._action(
            self.tr("New c&ase…"), self.new_case, "Ctrl+Shift+N", sp.SP_FileDialogNewFolder
        )
        self.search_action = self._action(
            self.tr("&Search cases"),
            self.search,
            QKeySequence.StandardKey.Find,
            sp.SP_FileDialogContentsView,
        )
        self.save_action = self._action(
            self.tr("&Save"), self.save_current, QKeySequence.StandardKey.Save
        )
        self.export_action = self._action(
            self.tr("&Export case list…"),
            self.cases.choose_export_path,
            None,
            sp.SP_DialogSaveButton,
        )
        self.calculator_action = self._action(
            self.tr("Deadline &calculator…"),
            self.deadlines.open_calculator,
            None,
            sp.SP_FileDialogDetailedView,
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.about_action = self._action(self.tr("&About"), self.about)
        self.page_actions = []
        for i, (title, _page) in enumerate(self.pages):
            self.page_actions.append(
                self._action(title, lambda i=i: self.show_page(i), f"Ctrl+{i + 1}")
            )

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for a in (
            self.new_consultation_action,
            self.new_case_action,
            self.save_action,
            self.export_action,
        ):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.search_action)
        view_menu = bar.addMenu(self.tr("&View"))
        for a in self.page_actions:
            view_menu.addAction(a)
        tools_menu = bar.addMenu(self.tr("&Tools"))
        tools_menu.addAction(self.calculator_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        tools = self.addToolBar(self.tr("Main"))
        tools.setObjectName("mainToolBar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a in (
            self.new_consultation_action,
            self.new_case_action,
            self.search_action,
            self.calculator_action,
        ):
            tools.addAction(a)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.office_label = QLabel()
        self.office_label.setObjectName("officeLabel")
        self.sync_label = QLabel(self.tr("Sync: not set up (working offline)"))
        self.sync_label.setObjectName("syncLabel")
        self.busy_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._cancel_progress)
        for label in (self.user_label, self.office_label, self.sync_label):
            bar.addWidget(label)
        for widget in (self.busy_label, self.progress_bar, self.cancel_button):
            bar.addPermanentWidget(widget)
        self._progress_task: int | None = None

    def _show_identity(self) -> None:
        actor, office = self.ctx.actor, self.ctx.office
        self.user_label.setText(
            self.tr("User: %1 (%2)")
            .replace("%1", actor.name)
            .replace("%2", self.ctx.role_name(actor.role_code))
            if actor
            else self.tr("User: —")
        )
        self.office_label.setText(
            self.tr("Office: %1").replace("%1", office.name) if office else self.tr("Office: —")
        )

    # -- progress ------------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def _progress_started(self, task_id: int, label: str, cancellable: bool) -> None:
        self._progress_task = task_id
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setFormat(label + "  %p%")
        self.progress_bar.setToolTip(label)
        self.progress_bar.show()
        self.cancel_button.setVisible(cancellable)
        self.statusBar().showMessage(label)

    def _progress(self, task_id: int, done: int, total: int) -> None:
        if task_id == self._progress_task and total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def _progress_finished(self, task_id: int) -> None:
        if task_id == self._progress_task:
            self._progress_task = None
            self.progress_bar.hide()
            self.cancel_button.hide()
            self.statusBar().clearMessage()

    def _cancel_progress(self) -> None:
        if self._progress_task is not None:
            self.ctx.tasks.cancel(self._progress_task)

    # -- navigation and commands ---------------------------------------------------------------

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def new_consultation(self) -> None:
        self.show_page(1)
        self.consultations.focus_intake()

    def new_case(self) -> NewCaseDialog:
        dialog = NewCaseDialog(self.ctx, self)
        dialog.created.connect(lambda case: self.open_case(case.id))
        dialog.open()
        return dialog

    def search(self) -> None:
        self.show_page(2)
        self.cases.focus_search()

    def save_current(self) -> None:
        page = self.current_page()
        save = getattr(page, "save_current", None)
        if callable(save):
            save()

    def open_case(self, case_id: str) -> QWidget:
        """Open a case: the case workspace from ``ui.case`` when it is installed
        (``ui.case.open_case_window(ctx, case_id, parent) -> QWidget``), else a read-only
        summary."""
        self.case_opened.emit(case_id)
        existing = self.case_windows.get(case_id)
        if existing is not None:
            existing.show()
            existing.raise_()
            existing.activateWindow()
            return existing
        try:
            module = importlib.import_module(CASE_WINDOW_MODULE)
            opener = module.open_case_window
        except (ImportError, AttributeError):
            window: QWidget = CaseSummaryDialog(self.ctx, case_id, self)
        else:
            window = opener(self.ctx, case_id, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda _o=None, cid=case_id: self.case_windows.pop(cid, None))
        self.case_windows[case_id] = window
        window.show()
        return window

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About legalaid"),
            self.tr(
                "legalaid: consultations, cases, wage-arrears recovery, referrals and "
                "deadlines for union legal-aid desks.\nDatabase: %1"
            ).replace("%1", self.ctx.db_path),
        )

    # -- remembering ----------------------------------------------------------------------------

    def _restore(self) -> None:
        s = self.ctx.settings
        geometry = s.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)
        state = s.value(STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        try:
            page = int(s.value(PAGE_KEY, 0))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            page = 0
        self.show_page(page if 0 <= page < len(self.pages) else 0)

    def save_state(self) -> None:
        s = self.ctx.settings
        s.setValue(GEOMETRY_KEY, self.saveGeometry())
        s.setValue(STATE_KEY, self.saveState())
        s.setValue(PAGE_KEY, self.nav.currentRow())
        self.cases.save_state()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        for window in list(self.case_windows.values()):
            window.close()
        super().closeEvent(event)
