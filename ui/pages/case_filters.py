"""The case list's filter bar: search-as-you-type and the filters, remembered between runs."""

from __future__ import annotations

import contextlib
import json
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from legalaid import dto
from legalaid.vocab import CASE_SOURCES, CASE_STATUSES, DISPUTE_TYPES
from ui.context import AppContext
from ui.widgets.forms import CodeCombo, DebouncedLineEdit, date_edit, from_qdate, to_qdate

SETTINGS_KEY = "cases/filter"
OPEN = "__open__"


class CaseFilterBar(QWidget):
    """Filters of the case list.

    Signals:
        changed(object): the new ``dto.CaseFilter`` (search text after a 250 ms pause).
    """

    changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._muted = False
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)

        self.search = DebouncedLineEdit(250)
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(
            self.tr("Search case number, title, worker, employer, notes…  (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.settled.connect(lambda _t: self._emit())
        self.search.returnPressed.connect(self.search.flush)

        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Open cases"), OPEN)
        for code in CASE_STATUSES.codes():
            self.status.addItem(ctx.label(CASE_STATUSES, code), code)
        self.dispute = CodeCombo(DISPUTE_TYPES, ctx.lang, blank=self.tr("All dispute types"))
        self.source = CodeCombo(CASE_SOURCES, ctx.lang, blank=self.tr("All sources"))
        self.staff = QComboBox()
        self.office = QComboBox()
        self.use_dates = QCheckBox(self.tr("Received"))
        today = ctx.today()
        self.date_from = date_edit(today.replace(month=1, day=1))
        self.date_to = date_edit(today)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.reset_button = QPushButton(self.tr("Clear filters"))
        self.reset_button.clicked.connect(self.reset)

        grid.addWidget(self.search, 0, 0, 1, 3)
        grid.addWidget(self.status, 0, 3)
        grid.addWidget(self.dispute, 0, 4)
        grid.addWidget(self.source, 0, 5)
        grid.addWidget(self.staff, 1, 0)
        grid.addWidget(self.office, 1, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        grid.addLayout(dates, 1, 2, 1, 2)
        grid.addWidget(self.overdue, 1, 4)
        grid.addWidget(self.reset_button, 1, 5)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)

        for combo in (self.status, self.dispute, self.source, self.staff, self.office):
            combo.currentIndexChanged.connect(lambda _i: self._emit())
        for box in (self.use_dates, self.overdue):
            box.toggled.connect(lambda _b: self._emit())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(
                lambda _d: self._emit() if self.use_dates.isChecked() else None
            )
        self.fill_reference()
        ctx.reference_changed.connect(self.fill_reference)

    # -- reference lists -------------------------------------------------------------------

    def fill_reference(self) -> None:
        """(Re)fill the staff and office drop-downs, keeping the current choices."""
        self._muted = True
        try:
            _refill(
                self.staff,
                self.tr("All staff"),
                [(s.name, s.id) for s in self.ctx.staff if s.active],
            )
            _refill(
                self.office,
                self.tr("All offices"),
                [(o.short_name or o.name, o.id) for o in self.ctx.offices],
            )
        finally:
            self._muted = False

    # -- the filter ------------------------------------------------------------------------

    def current(self) -> dto.CaseFilter:
        status = self.status.currentData()
        office = self.office.currentData()
        dispute = self.dispute.code()
        source = self.source.code()
        use_dates = self.use_dates.isChecked()
        return dto.CaseFilter(
            office_ids=(office,) if office else (),
            statuses=(status,) if status and status != OPEN else (),
            open_only=status == OPEN,
            dispute_types=(dispute,) if dispute else (),
            sources=(source,) if source else (),
            staff_id=self.staff.currentData() or None,
            received_from=from_qdate(self.date_from.date()) if use_dates else None,
            received_to=from_qdate(self.date_to.date()) if use_dates else None,
            overdue_on=self.ctx.today() if self.overdue.isChecked() else None,
            text=self.search.text().strip(),
        )

    def _emit(self) -> None:
        if not self._muted:
            self.changed.emit(self.current())

    def reset(self) -> None:
        self._muted = True
        try:
            self.search.clear()
            for combo in (self.status, self.dispute, self.source, self.staff, self.office):
                combo.setCurrentIndex(0)
            self.use_dates.setChecked(False)
            self.overdue.setChecked(False)
        finally:
            self._muted = False
        self._emit()

    # -- remembering ----------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {
            "text": self.search.text(),
            "status": self.status.currentData(),
            "dispute": self.dispute.code(),
            "source": self.source.code(),
            "staff": self.staff.currentData(),
            "office": self.office.currentData(),
            "use_dates": self.use_dates.isChecked(),
            "from": from_qdate(self.date_from.date()).isoformat(),
            "to": from_qdate(self.date_to.date()).isoformat(),
            "overdue": self.overdue.isChecked(),
        }

    def save(self) -> None:
        self.ctx.settings.setValue(SETTINGS_KEY, json.dumps(self.state()))

    def restore(self) -> None:
        raw = self.ctx.settings.value(SETTINGS_KEY)
        if not raw:
            return
        try:
            state = json.loads(str(raw))
        except ValueError:
            return
        self._muted = True
        try:
            self.search.setText(str(state.get("text") or ""))
            _select(self.status, state.get("status"))
            _select(self.dispute, state.get("dispute"))
            _select(self.source, state.get("source"))
            _select(self.staff, state.get("staff"))
            _select(self.office, state.get("office"))
            self.use_dates.setChecked(bool(state.get("use_dates")))
            for edit, key in ((self.date_from, "from"), (self.date_to, "to")):
                with contextlib.suppress(KeyError, TypeError, ValueError):
                    edit.setDate(to_qdate(date.fromisoformat(state[key])))
            self.overdue.setChecked(bool(state.get("overdue")))
        finally:
            self._muted = False


def _refill(combo: QComboBox, blank: str, items: list[tuple[str, str]]) -> None:
    current = combo.currentData()
    combo.clear()
    combo.addItem(blank, None)
    for text, data in items:
        combo.addItem(text, data)
    _select(combo, current)


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data) if data is not None else 0
    combo.setCurrentIndex(max(index, 0))
