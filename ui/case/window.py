"""The window for one case: header, tabs, menus; loads the case detail on the database
thread and reloads whenever a change broadcast names this case."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.errors import NotFoundError
from legalaid.services.lifecycle import REOPENING
from legalaid.vocab import CASE_STATUSES
from ui.case.common import ensure_translator
from ui.case.deadlines import DeadlinesTab
from ui.case.documents import DocumentsTab
from ui.case.header import CaseHeader, transition_text
from ui.case.history import HistoryTab
from ui.case.money import MoneyTab
from ui.case.notes import NotesTab
from ui.case.overview import OverviewTab
from ui.case.parties import PartiesTab
from ui.case.procedures import ProceduresTab
from ui.context import AppContext


class CaseWindow(QMainWindow):
    """Everything about one case, from intake to closing.

    Signals:
        loaded(object): a CaseDetail was loaded and shown (after every refresh).
        closed(): the window accepted to close (it is deleted afterwards).
    """

    loaded = Signal(object)
    closed = Signal()

    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        ensure_translator(ctx.lang)
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.detail: dto.CaseDetail | None = None
        self._loading = False
        self._load_again = False
        self._closing_ok = False
        self.setObjectName("caseWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Case") + "[*]")
        self.resize(1280, 760)

        self.header = CaseHeader(ctx)
        self.header.transition_requested.connect(self.request_transition)
        self.overview = OverviewTab(ctx, case_id)
        self.banner = self._make_banner()
        self.overview.dirty_changed.connect(self._dirty_changed)
        self.overview.conflict.connect(self.banner.setVisible)
        self.overview.reload_requested.connect(self.reload)
        self.parties = PartiesTab(self)
        self.money = MoneyTab(self)
        self.procedures = ProceduresTab(self)
        self.deadlines = DeadlinesTab(self)
        self.notes = NotesTab(self)
        self.documents = DocumentsTab(self)
        self.history = HistoryTab(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tab_pages: list[tuple[str, QWidget]] = [
            (self.tr("Overview"), self.overview),
            (self.tr("Parties"), self.parties),
            (self.tr("Claims && recoveries"), self.money),
            (self.tr("Referrals, mediation, proceedings"), self.procedures),
            (self.tr("Deadlines"), self.deadlines),
            (self.tr("Notes"), self.notes),
            (self.tr("Documents"), self.documents),
            (self.tr("History"), self.history),
        ]
        for n, (title, page) in enumerate(self.tab_pages, start=1):
            self.tabs.addTab(page, f"&{n} {title}")
        self.tabs.currentChanged.connect(self._tab_changed)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._make_menus()
        self.statusBar().showMessage(self.tr("Loading…"))
        ctx.changes.connect(self._on_changes)
        self.reload()

    # -- building ------------------------------------------------------------------------

    def _make_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("conflictBanner")
        banner.setStyleSheet("#conflictBanner { background: #fff3e0; border: 1px solid #ffb74d; }")
        row = QHBoxLayout(banner)
        row.setContentsMargins(8, 4, 8, 4)
        text = QLabel(
            self.tr(
                "This case was changed elsewhere while you were editing the overview. "
                "Your edits are kept; saving will ask whether to overwrite."
            )
        )
        text.setWordWrap(True)
        row.addWidget(text, 1)
        take = QPushButton(self.tr("Show &their version"))
        take.setObjectName("takeTheirs")
        take.clicked.connect(self.overview.take_theirs)
        row.addWidget(take)
        banner.hide()
        return banner

    def make_action(
        self,
        text: str,
        slot: Callable[[], object],
        *,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def tool_button(self, action: QAction) -> QToolButton:
        """A button for an action (the action also sits in the Actions menu)."""
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if action.objectName():
            button.setObjectName(action.objectName() + "Button")
        return button

    def _make_menus(self) -> None:
        bar = self.menuBar()
        case_menu = bar.addMenu(self.tr("&Case"))
        self.save_action = self.make_action(
            self.tr("&Save"),
            self.overview.save,
            shortcut=QKeySequence.StandardKey.Save,
            name="saveAction",
        )
        self.save_action.setEnabled(False)
        case_menu.addAction(self.save_action)
        undo = self.overview.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.overview.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo_action, self.redo_action = undo, redo
        case_menu.addAction(undo)
        case_menu.addAction(redo)
        case_menu.addSeparator()
        case_menu.addAction(
            self.make_action(self.tr("Re&fresh"), self.reload, shortcut="F5", name="refresh")
        )
        case_menu.addAction(
            self.make_action(self.tr("&Close"), self.close, shortcut=QKeySequence.StandardKey.Close)
        )
        self.status_menu = bar.addMenu(self.tr("S&tatus"))
        actions_menu = bar.addMenu(self.tr("&Actions"))
        for title, page in self.tab_pages:
            acts: list[QAction] = getattr(page, "menu_actions", list)()
            if acts:
                sub = actions_menu.addMenu(title.replace("&&", "&"))
                for a in acts:
                    sub.addAction(a)
        view = bar.addMenu(self.tr("&View"))
        for n, (title, _page) in enumerate(self.tab_pages, start=1):
            view.addAction(
                self.make_action(
                    title.replace("&&", "&"),
                    self._show_tab(n - 1),
                    shortcut=f"Ctrl+{n}",
                    name=f"showTab{n}",
                )
            )

    def _show_tab(self, index: int) -> Callable[[], None]:
        return lambda: self.tabs.setCurrentIndex(index)

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch the case again (coalesced: at most one load in flight, one queued)."""
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        case_id = self.case_id
        self.ctx.query(self, lambda col: col.cases.detail(case_id)).success(self._loaded).failure(
            self._load_failed
        ).urgent().run_in_background()

    def _loaded(self, d: dto.CaseDetail) -> None:
        self._loading = False
        if self._load_again:
            self._load_again = False
            self.reload()
        self.detail = d
        self.setWindowTitle(f"{d.case.number} {d.case.title}[*]")
        self.header.set_detail(d)
        self.overview.set_detail(d)
        for _title, page in self.tab_pages[1:]:
            page.set_detail(d)  # type: ignore[attr-defined]
        self._fill_status_menu(d)
        self.statusBar().showMessage(self.tr("Version {0} · loaded").format(d.case.version), 4000)
        self.loaded.emit(d)

    def _load_failed(self, exc: BaseException) -> bool:
        self._loading = False
        if isinstance(exc, NotFoundError):
            self.statusBar().showMessage(self.tr("This case no longer exists."))
        return False

    def _fill_status_menu(self, d: dto.CaseDetail) -> None:
        self.status_menu.clear()
        for n, target in enumerate(d.allowed_transitions, start=1):
            self.status_menu.addAction(
                self.make_action(
                    f"&{n} " + transition_text(self.ctx, d.case.status, target),
                    self._transition_slot(target),
                    name=f"to_{target}",
                )
            )

    def _transition_slot(self, target: str) -> Callable[[], object]:
        return lambda: self.request_transition(target)

    def _on_changes(self, changes: dto.OpChanges, _initiator: object) -> None:
        # Employer edits carry no case ids, and staff names show in the header.
        if self.case_id in changes.case_ids or changes.touches("staff", "office", "employer"):
            self.reload()

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        shown = getattr(page, "shown", None)
        if shown is not None:
            shown()

    def _dirty_changed(self, dirty: bool) -> None:
        self.save_action.setEnabled(dirty)
        self.setWindowModified(dirty)

    # -- status changes --------------------------------------------------------------------

    def request_transition(self, target: str) -> QWidget | None:
        """Open the dialog for moving the case to ``target``; returns it."""
        if self.detail is None:
            return None
        from ui.case.transition import TransitionDialog

        d = self.detail
        dialog = TransitionDialog(
            self.ctx, d, target, reopening=(d.case.status, target) in REOPENING, parent=self
        )
        dialog.reload_requested.connect(self.reload)
        dialog.open()
        return dialog

    def status_label(self) -> str:
        return self.ctx.label(CASE_STATUSES, self.detail.case.status) if self.detail else ""

    # -- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_ok or not self.overview.is_dirty():
            event.accept()
            self.closed.emit()
            return
        event.ignore()
        box = QMessageBox(self)
        box.setObjectName("unsavedPrompt")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("The overview of this case has unsaved changes. Save them?"))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: QAbstractButton) -> None:
            which = box.standardButton(button)
            if which == QMessageBox.StandardButton.Save:
                self.overview.save(then=self._close_now)
            elif which == QMessageBox.StandardButton.Discard:
                self._close_now()

        box.buttonClicked.connect(answered)
        box.open()

    def _close_now(self) -> None:
        self._closing_ok = True
        self.close()
