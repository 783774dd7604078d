"""期限 — deadlines as a list and on a month calendar; overdue in red, statutory marked;
the calculator dialog."""

from __future__ import annotations

import calendar as pycal
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from ui.context import AppContext
from ui.dialogs.deadline_calculator import DeadlineCalculator
from ui.models.deadline_columns import deadline_columns, explanation
from ui.models.rows import RowsModel
from ui.widgets.forms import from_qdate, to_qdate
from ui.widgets.tables import make_table

MODES = ("month", "overdue", "next30", "open")


class DeadlinesPage(QWidget):
    """Deadlines.

    Signals:
        open_case(str): a deadline's case was opened.
        loaded(): the list and calendar were refreshed.
    """

    open_case = Signal(str)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("deadlinesPage")
        self._marked: list[QDate] = []
        self._seq = 0
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("deadlineCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setMinimumWidth(360)
        left_lay.addWidget(self.calendar)
        legend = QLabel(self.tr("Bold: a deadline falls due. Red: overdue. Underlined: statutory."))
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #555;")
        left_lay.addWidget(legend)
        self.calc_button = QPushButton(self.tr("Deadline calculator…"))
        self.calc_button.clicked.connect(self.open_calculator)
        left_lay.addWidget(self.calc_button)
        left_lay.addStretch(1)
        splitter.addWidget(left)

        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.setObjectName("deadlineMode")
        labels = {
            "month": self.tr("Month shown in the calendar"),
            "overdue": self.tr("Overdue"),
            "next30": self.tr("Next 30 days"),
            "open": self.tr("All open deadlines"),
        }
        for m in MODES:
            self.mode.addItem(labels[m], m)
        self.show_done = QCheckBox(self.tr("Include done"))
        self.done_button = QPushButton(self.tr("Mark done"))
        self.done_button.clicked.connect(self.mark_done)
        self.open_button = QPushButton(self.tr("Open case"))
        self.open_button.clicked.connect(self._open_selected)
        bar.addWidget(self.mode)
        bar.addWidget(self.show_done)
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.done_button)
        right_lay.addLayout(bar)
        self.model = RowsModel[dto.DeadlineInfo](deadline_columns(ctx), key=lambda d: d.id)
        self.view = make_table(self.model, stretch=1, fit=True)
        self.view.setObjectName("deadlineTable")
        self.view.doubleClicked.connect(lambda _i: self._open_selected())
        right_lay.addWidget(self.view, 3)
        self.reasoning = QPlainTextEdit()
        self.reasoning.setReadOnly(True)
        self.reasoning.setPlaceholderText(self.tr("How the selected deadline was computed"))
        self.reasoning.setMaximumHeight(130)
        right_lay.addWidget(self.reasoning, 1)
        splitter.addWidget(right)
        splitter.setSizes([380, 900])

        self.view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show(cur.row()))
        self.mode.currentIndexChanged.connect(lambda _i: self.refresh())
        self.show_done.toggled.connect(lambda _b: self.refresh())
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.refresh())
        self.calendar.clicked.connect(self._date_clicked)
        ctx.changes.connect(self._on_changes)
        self.refresh()

    # -- loading --------------------------------------------------------------------------------

    def month_range(self) -> tuple[date, date]:
        y, m = self.calendar.yearShown(), self.calendar.monthShown()
        return date(y, m, 1), date(y, m, pycal.monthrange(y, m)[1])

    def refresh(self) -> None:
        mode = self.mode.currentData()
        open_only = not self.show_done.isChecked()
        first, last = self.month_range()
        today = self.ctx.today()
        self._seq += 1
        seq = self._seq

        def load(col: Any) -> tuple[list[dto.DeadlineInfo], list[dto.DeadlineInfo]]:
            month = col.deadlines.list(from_=first, to=last, open_only=open_only)
            if mode == "month":
                shown = month
            elif mode == "overdue":
                shown = col.deadlines.list(to=today - timedelta(days=1), open_only=True)
            elif mode == "next30":
                shown = col.deadlines.list(
                    from_=today, to=today + timedelta(days=30), open_only=open_only
                )
            else:
                shown = col.deadlines.list(open_only=open_only)
            return shown, month

        self.ctx.query(self, load).success(lambda res: self._loaded(seq, *res)).run_in_background()

    def _loaded(
        self, seq: int, shown: list[dto.DeadlineInfo], month: list[dto.DeadlineInfo]
    ) -> None:
        if seq != self._seq:
            return
        self.model.set_rows(shown)
        self._mark_calendar(month)
        self._show(self.view.currentIndex().row())
        self.loaded.emit()

    def _mark_calendar(self, month: list[dto.DeadlineInfo]) -> None:
        for qd in self._marked:
            self.calendar.setDateTextFormat(qd, QTextCharFormat())
        self._marked = []
        today = self.ctx.today()
        by_day: dict[date, list[dto.DeadlineInfo]] = {}
        for d in month:
            by_day.setdefault(d.due_on, []).append(d)
        for due, items in by_day.items():
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            if any(d.overdue(today) for d in items):
                fmt.setForeground(QBrush(QColor("#c62828")))
            else:
                fmt.setForeground(QBrush(QColor("#1565c0")))
            if any(d.statutory for d in items):
                fmt.setFontUnderline(True)
            fmt.setToolTip("\n".join(f"{d.title} {d.case_number or ''}" for d in items))
            qd = to_qdate(due)
            self.calendar.setDateTextFormat(qd, fmt)
            self._marked.append(qd)

    def marked_dates(self) -> list[date]:
        return sorted(from_qdate(q) for q in self._marked)

    def _on_changes(self, changes: dto.OpChanges, _initiator: object) -> None:
        if changes.touches("deadline", "case"):
            self.refresh()

    # -- selection and actions -----------------------------------------------------------------

    def _show(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            d = self.model.row(row)
            text = explanation(d, self.ctx.lang) or ""
            if d.warning:
                text += "\n⚠ " + "\n⚠ ".join(
                    (ln.partition("\t")[0] if self.ctx.lang == "zh" else ln.partition("\t")[2])
                    or ln
                    for ln in d.warning.splitlines()
                )
            self.reasoning.setPlainText(text)
        else:
            self.reasoning.clear()

    def _date_clicked(self, qd: QDate) -> None:
        wanted = from_qdate(qd)
        for i, d in enumerate(self.model.rows()):
            if d.due_on == wanted:
                self.view.selectRow(i)
                return

    def selected(self) -> dto.DeadlineInfo | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _open_selected(self) -> None:
        d = self.selected()
        if d is not None and d.case_id:
            self.open_case.emit(d.case_id)

    def mark_done(self) -> None:
        d = self.selected()
        if d is None:
            return
        self.ctx.op(
            self,
            lambda col: col.deadlines.set_done(
                d.id, expected_version=d.version, done=d.done_at is None
            ),
        ).run_in_background()

    def open_calculator(self) -> DeadlineCalculator:
        dialog = DeadlineCalculator(self.ctx, self)
        dialog.open()
        return dialog
