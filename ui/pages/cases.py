"""案件 — the case list: filters, search-as-you-type, sortable and choosable columns,
export to Excel. Rows come from the lazy CaseTableModel."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from ui.context import AppContext
from ui.export import export_cases
from ui.models.case_table import (
    CASE_ID_ROLE,
    COLUMNS,
    DEFAULT_HIDDEN,
    CaseTableModel,
    column_title,
)
from ui.pages.case_filters import CaseFilterBar
from ui.widgets.tables import make_table

HEADER_KEY = "cases/header"
SORT_KEY = "cases/sort"


class CasesPage(QWidget):
    """The case list.

    Signals:
        open_case(str): the user opened a case (double-click or Enter).
        new_case_requested(): the "New case" button.
        exported(str): an export finished (its path).
    """

    open_case = Signal(str)
    new_case_requested = Signal()
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("casesPage")
        layout = QVBoxLayout(self)
        self.filters = CaseFilterBar(ctx)
        layout.addWidget(self.filters)

        bar = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        self.new_button = QPushButton(self.tr("New case"))
        self.new_button.clicked.connect(self.new_case_requested)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_current)
        self.columns_button = QToolButton()
        self.columns_button.setText(self.tr("Columns"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.choose_export_path)
        for w in (self.new_button, self.open_button, self.columns_button, self.export_button):
            bar.addWidget(w)
        layout.addLayout(bar)

        self.model = CaseTableModel(ctx, self)
        self.view = make_table(self.model)
        self.view.setObjectName("caseTable")
        self.view.setSortingEnabled(True)
        self.view.doubleClicked.connect(self._open_index)
        self.view.activated.connect(self._open_index)
        layout.addWidget(self.view, 1)

        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.columns_menu = QMenu(self)
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        self.columns_button.setMenu(self.columns_menu)

        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(30)
        self._visible_timer.timeout.connect(self._report_visible)
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self._visible_timer.start())

        self.model.count_changed.connect(self._show_count)
        self.model.counting.connect(lambda: self.count_label.setText(self.tr("Counting…")))
        self.filters.changed.connect(self._filter_changed)
        self._restore_layout()
        self.filters.restore()
        self.model.set_query(self.filters.current(), self._saved_sort())
        self._sync_sort_indicator()

    # -- layout memory -----------------------------------------------------------------------

    def _saved_sort(self) -> dto.Sort:
        raw = self.ctx.settings.value(SORT_KEY)
        try:
            data = json.loads(str(raw)) if raw else {}
            return dto.Sort(str(data["column"]), bool(data["descending"]))
        except (KeyError, TypeError, ValueError):
            return dto.Sort()

    def _restore_layout(self) -> None:
        header = self.view.horizontalHeader()
        state = self.ctx.settings.value(HEADER_KEY)
        if state is None or not header.restoreState(state):
            for i, column in enumerate(COLUMNS):
                header.setSectionHidden(i, column.key in DEFAULT_HIDDEN)
            widths = {"number": 170, "title": 240, "applicant": 90, "employer": 200}
            for i, column in enumerate(COLUMNS):
                header.resizeSection(i, widths.get(column.key, 96))

    def save_state(self) -> None:
        """Remember the column layout, sort order and filters."""
        self.ctx.settings.setValue(HEADER_KEY, self.view.horizontalHeader().saveState())
        sort = self.model.sort_order
        self.ctx.settings.setValue(
            SORT_KEY, json.dumps({"column": sort.column, "descending": sort.descending})
        )
        self.filters.save()

    def _sync_sort_indicator(self) -> None:
        sort = self.model.sort_order
        for i, column in enumerate(COLUMNS):
            if column.sort == sort.column:
                header = self.view.horizontalHeader()
                header.blockSignals(True)
                header.setSortIndicator(
                    i,
                    Qt.SortOrder.DescendingOrder
                    if sort.descending
                    else Qt.SortOrder.AscendingOrder,
                )
                header.blockSignals(False)
                return

    def _sort_indicator_changed(self, section: int, _order: Qt.SortOrder) -> None:
        if COLUMNS[section].sort is None:  # not sortable: put the indicator back
            QTimer.singleShot(0, self._sync_sort_indicator)

    # -- columns -------------------------------------------------------------------------------

    def _fill_columns_menu(self) -> None:
        self.columns_menu.clear()
        header = self.view.horizontalHeader()
        for i, column in enumerate(COLUMNS):
            action = QAction(column_title(column), self.columns_menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
            self.columns_menu.addAction(action)

    def set_column_visible(self, section: int, visible: bool) -> None:
        header = self.view.horizontalHeader()
        if not visible and header.count() - header.hiddenSectionCount() <= 1:
            return  # keep at least one column
        header.setSectionHidden(section, not visible)
        if visible and header.sectionSize(section) < 40:
            header.resizeSection(section, 100)

    def visible_column_keys(self) -> list[str]:
        header = self.view.horizontalHeader()
        order = sorted(range(len(COLUMNS)), key=header.visualIndex)
        return [COLUMNS[i].key for i in order if not header.isSectionHidden(i)]

    def _header_menu(self, pos: QPoint) -> None:
        self._fill_columns_menu()
        self.columns_menu.popup(self.view.horizontalHeader().mapToGlobal(pos))

    # -- behaviour -----------------------------------------------------------------------------

    def _filter_changed(self, case_filter: dto.CaseFilter) -> None:
        self.model.set_query(case_filter)

    def _show_count(self, n: int) -> None:
        self.count_label.setText(self.tr("%n case(s)", "", n))

    def _report_visible(self) -> None:
        vp = self.view.viewport()
        first = max(self.view.rowAt(0), 0)
        last = self.view.rowAt(vp.height() - 1)
        if last < 0:
            last = self.model.rowCount() - 1
        self.model.set_visible_rows(first, last)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._visible_timer.start()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def current_case_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        value = self.model.data(self.model.index(index.row(), 0), CASE_ID_ROLE)
        return str(value) if value else None

    def open_current(self) -> None:
        case_id = self.current_case_id()
        if case_id:
            self.open_case.emit(case_id)

    def _open_index(self, index: QModelIndex) -> None:
        value = self.model.data(self.model.index(index.row(), 0), CASE_ID_ROLE)
        if value:
            self.open_case.emit(str(value))

    # -- export --------------------------------------------------------------------------------

    def choose_export_path(self) -> None:
        name = "案件列表.xlsx" if self.ctx.lang == "zh" else "cases.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export cases"), str(Path.home() / name), self.tr("Excel (*.xlsx)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Export the filtered list (visible columns) in the background."""
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        fn = export_cases(
            self.ctx, path, self.model.filter, self.model.sort_order, self.visible_column_keys()
        )
        self.export_button.setEnabled(False)

        def done(n: int) -> None:
            self.export_button.setEnabled(True)
            self.exported.emit(str(path))
            del n

        def failed(_exc: BaseException) -> bool:
            self.export_button.setEnabled(True)
            return False

        self.ctx.query(self, fn).with_progress(
            self.tr("Exporting cases to %1").replace("%1", path.name), cancellable=True
        ).success(done).failure(failed).run_in_background()
