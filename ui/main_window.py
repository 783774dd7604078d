"""The main window: navigation, the stacked pages, menus, toolbar and status bar. It only
arranges; each page does its own work.

Only the page shown first is built (and its module imported) before the window appears;
every other page is built the first time it is shown or asked for, and the desktop builds
the rest in idle moments after start-up (:meth:`MainWindow.build_pages_when_idle`)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
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
from ui.sync import install_sync

if TYPE_CHECKING:
    from ui.dialogs.new_case import NewCaseDialog
    from ui.pages.cases import CasesPage
    from ui.pages.consultations import ConsultationsPage
    from ui.pages.dashboard import DashboardPage
    from ui.pages.deadlines import DeadlinesPage
    from ui.pages.reports import ReportsPage
    from ui.pages.settings import SettingsPage

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
PAGE_KEY = "window/page"
CASE_WINDOW_MODULE = "ui.case"
IDLE_BUILD_MS = 250  # between two pages built after start-up (the GUI stays responsive)


class PageSpec(NamedTuple):
    """Where a page's class lives (imported when the page is first built)."""

    module: str
    cls: str


# In navigation order (Ctrl+1…6).
PAGES = (
    PageSpec("ui.pages.dashboard", "DashboardPage"),
    PageSpec("ui.pages.consultations", "ConsultationsPage"),
    PageSpec("ui.pages.cases", "CasesPage"),
    PageSpec("ui.pages.deadlines", "DeadlinesPage"),
    PageSpec("ui.pages.reports", "ReportsPage"),
    PageSpec("ui.pages.settings", "SettingsPage"),
)
DASHBOARD, CONSULTATIONS, CASES, DEADLINES, REPORTS, SETTINGS = range(len(PAGES))


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
        self.sync_ui: Any = None  # its settings tab is added when the settings page is built
        self._idle_timer: QTimer | None = None

        titles = [
            self.tr("Dashboard"),
            self.tr("Consultations"),
            self.tr("Cases"),
            self.tr("Deadlines"),
            self.tr("Reports"),
            self.tr("Settings"),
        ]
        # Until a page is built, its place in the stack holds an empty widget.
        self._built: dict[int, QWidget] = {}
        self.pages: list[tuple[str, QWidget]] = [(t, QWidget()) for t in titles]

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(128)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet(
            "QListWidget { font-size: 11pt; } QListWidget::item { padding: 10px 8px; }"
        )
        self.stack = QStackedWidget()
        for title, placeholder in self.pages:
            self.nav.addItem(QListWidgetItem(title))
            self.stack.addWidget(placeholder)
        self.nav.currentRowChanged.connect(self._show_row)
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_status_bar()
        self.sync_ui = install_sync(self)  # sync actions, status text, conflicts
        ctx.reference_changed.connect(self._show_identity)
        ctx.tasks.busy_changed.connect(self._busy)
        ctx.tasks.progressed.connect(self._progress)
        ctx.progress_started.connect(self._progress_started)
        ctx.progress_finished.connect(self._progress_finished)
        self._show_identity()
        self._restore()

    # -- pages --------------------------------------------------------------------------------

    def page(self, index: int) -> QWidget:
        """The page at ``index``, built (and put in its place in the stack) if need be."""
        built = self._built.get(index)
        if built is not None:
            return built
        spec = PAGES[index]
        page: QWidget = getattr(importlib.import_module(spec.module), spec.cls)(self.ctx)
        self._built[index] = page
        placeholder = self.pages[index][1]
        self.pages[index] = (self.pages[index][0], page)
        was_current = self.stack.currentWidget() is placeholder
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if was_current:
            self.stack.setCurrentIndex(index)
        self._wire_page(index, page)
        return page

    def _wire_page(self, index: int, page: Any) -> None:
        if index in (DASHBOARD, CONSULTATIONS, CASES, DEADLINES):
            page.open_case.connect(self.open_case)
        if index == CASES:
            page.new_case_requested.connect(self.new_case)
        elif index == REPORTS:
            from ui.pages.report_view import ReportView

            page.set_content(ReportView(self.ctx))
        elif index == SETTINGS:
            page.language_chosen.connect(self.language_chosen)
            if self.sync_ui is not None:
                self.sync_ui.add_settings_tab(page)

    def is_built(self, index: int) -> bool:
        return index in self._built

    @property
    def dashboard(self) -> DashboardPage:
        return self.page(DASHBOARD)  # type: ignore[return-value]

    @property
    def consultations(self) -> ConsultationsPage:
        return self.page(CONSULTATIONS)  # type: ignore[return-value]

    @property
    def cases(self) -> CasesPage:
        return self.page(CASES)  # type: ignore[return-value]

    @property
    def deadlines(self) -> DeadlinesPage:
        return self.page(DEADLINES)  # type: ignore[return-value]

    @property
    def reports(self) -> ReportsPage:
        return self.page(REPORTS)  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.page(SETTINGS)  # type: ignore[return-value]

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.page(row)
            self.stack.setCurrentIndex(row)

    def build_pages_when_idle(self) -> None:
        """Build the pages not yet shown, one at a time while the database worker is idle,
        so the first visit to each is instant (start-up only builds the page shown)."""
        if self._idle_timer is None:
            self._idle_timer = QTimer(self)
            self._idle_timer.setInterval(IDLE_BUILD_MS)
            self._idle_timer.timeout.connect(self._build_next_page)
        self._idle_timer.start()

    def _build_next_page(self) -> None:
        if self.ctx.tasks.busy:
            return  # the shown page is still loading: it goes first
        missing = [i for i in range(len(PAGES)) if i not in self._built]
        if missing:
            self.page(missing[0])
        if len(missing) <= 1 and self._idle_timer is not None:
            self._idle_timer.stop()

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
            lambda: self.cases.choose_export_path(),
            None,
            sp.SP_DialogSaveButton,
        )
        self.calculator_action = self._action(
            self.tr("Deadline &calculator…"),
            lambda: self.deadlines.open_calculator(),
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
        from ui.dialogs.new_case import NewCaseDialog

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
            from ui.dialogs.case_summary import CaseSummaryDialog

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
        if self.is_built(CASES):
            self.cases.save_state()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        for window in list(self.case_windows.values()):
            window.close()
        super().closeEvent(event)
