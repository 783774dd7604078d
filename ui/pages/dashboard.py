"""工作台 — the first page: this month's numbers, my open cases, overdue deadlines and
those due within 7 days (statutory ones marked), recent consultations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.vocab import CASE_STATUSES, CHANNELS, DISPUTE_TYPES
from ui.context import AppContext
from ui.format import day, moment, money
from ui.models.deadline_columns import deadline_columns
from ui.models.rows import RED, Column, RowsModel
from ui.widgets.tables import make_table

REFRESH_ON = ("case", "consultation", "deadline", "recovery", "staff", "office")


class NumberCard(QFrame):
    """A big number with a caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("numberCard")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555;")
        lay.addWidget(self.value)
        lay.addWidget(self.caption)

    def set_value(self, text: str) -> None:
        self.value.setText(text)


class DashboardPage(QWidget):
    """The desk's first page.

    Signals:
        open_case(str): a case was double-clicked.
        loaded(): fresh numbers are shown.
    """

    open_case = Signal(str)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dashboardPage")
        self.data: dto.DashboardData | None = None
        layout = QVBoxLayout(self)

        cards = QHBoxLayout()
        self.cards = {
            "consultations": NumberCard(self.tr("Consultations this month")),
            "accepted": NumberCard(self.tr("Cases accepted this month")),
            "closed": NumberCard(self.tr("Cases closed this month")),
            "recovered": NumberCard(self.tr("Recovered this month")),
            "open": NumberCard(self.tr("Open cases")),
        }
        for card in self.cards.values():
            cards.addWidget(card)
        layout.addLayout(cards)

        self.mine = RowsModel[dto.CaseRow](
            [
                Column(self.tr("Case number"), lambda r: r.number),
                Column(self.tr("Title"), lambda r: r.title),
                Column(self.tr("Status"), lambda r: ctx.label(CASE_STATUSES, r.status)),
                Column(
                    self.tr("Next deadline"),
                    lambda r: day(r.next_due_on),
                    color=lambda r: RED if r.next_due_on and r.next_due_on < ctx.today() else None,
                ),
            ],
            key=lambda r: r.id,
        )
        self.overdue = RowsModel[dto.DeadlineInfo](deadline_columns(ctx), key=lambda d: d.id)
        self.soon = RowsModel[dto.DeadlineInfo](deadline_columns(ctx), key=lambda d: d.id)
        self.recent = RowsModel[dto.ConsultationInfo](
            [
                Column(self.tr("Time"), lambda c: moment(c.consulted_at)),
                Column(self.tr("Caller"), lambda c: c.caller_name),
                Column(self.tr("Channel"), lambda c: ctx.label(CHANNELS, c.channel)),
                Column(self.tr("Topic"), lambda c: ctx.label(DISPUTE_TYPES, c.topic)),
                Column(self.tr("Case"), lambda c: c.case_number or ""),
            ],
            key=lambda c: c.id,
        )
        grid = QGridLayout()
        self.mine_box, self.mine_view = self._box(self.tr("My open cases"), self.mine, 1)
        self.overdue_box, self.overdue_view = self._box(
            self.tr("Overdue deadlines"), self.overdue, 1
        )
        self.soon_box, self.soon_view = self._box(self.tr("Due within 7 days"), self.soon, 1)
        self.recent_box, self.recent_view = self._box(
            self.tr("Recent consultations"), self.recent, None
        )
        grid.addWidget(self.mine_box, 0, 0)
        grid.addWidget(self.overdue_box, 0, 1)
        grid.addWidget(self.recent_box, 1, 0)
        grid.addWidget(self.soon_box, 1, 1)
        layout.addLayout(grid, 1)

        self.mine_view.doubleClicked.connect(
            lambda i: self.open_case.emit(self.mine.row(i.row()).id)
        )
        for view, model in ((self.overdue_view, self.overdue), (self.soon_view, self.soon)):
            view.doubleClicked.connect(lambda i, m=model: self._open_deadline_case(m, i))
        self.recent_view.doubleClicked.connect(self._open_consultation_case)
        ctx.changes.connect(self._on_changes)
        self.refresh()

    def _box(
        self, title: str, model: RowsModel[Any], stretch: int | None
    ) -> tuple[QGroupBox, QTableView]:
        box = QGroupBox(title)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(6, 6, 6, 6)
        view = make_table(model, stretch=stretch, fit=True)
        lay.addWidget(view)
        return box, view

    def _open_deadline_case(self, model: RowsModel[dto.DeadlineInfo], index: QModelIndex) -> None:
        d = model.row(index.row())
        if d.case_id:
            self.open_case.emit(d.case_id)

    def _open_consultation_case(self, index: QModelIndex) -> None:
        c = self.recent.row(index.row())
        if c.case_id:
            self.open_case.emit(c.case_id)

    def _on_changes(self, changes: dto.OpChanges, _initiator: object) -> None:
        if changes.touches(*REFRESH_ON):
            self.refresh()

    def refresh(self) -> None:
        staff_id = self.ctx.actor.id if self.ctx.actor else None
        self.ctx.query(self, lambda col: col.dashboard.load(staff_id=staff_id)).success(
            self.show_data
        ).run_in_background()

    def show_data(self, data: dto.DashboardData) -> None:
        self.data = data
        self.cards["consultations"].set_value(str(data.month_consultations))
        self.cards["accepted"].set_value(str(data.month_cases_accepted))
        self.cards["closed"].set_value(str(data.month_cases_closed))
        self.cards["recovered"].set_value(money(data.month_recovered_fen))
        self.cards["open"].set_value(str(data.open_cases))
        self.mine.set_rows(data.my_open_cases)
        self.overdue.set_rows(data.overdue)
        self.soon.set_rows(data.due_soon)
        self.recent.set_rows(data.recent_consultations)
        self.mine_box.setTitle(
            self.tr("My open cases (%1)").replace("%1", str(len(data.my_open_cases)))
        )
        self.overdue_box.setTitle(
            self.tr("Overdue deadlines (%1)").replace("%1", str(len(data.overdue)))
        )
        self.soon_box.setTitle(
            self.tr("Due within 7 days (%1)").replace("%1", str(len(data.due_soon)))
        )
        self.loaded.emit()
