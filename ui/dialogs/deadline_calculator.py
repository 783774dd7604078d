"""The deadline calculator: a statutory rule and a start date give the due date and the
reasoning (start day not counted, holiday roll-over, working days...)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from legalaid.rules.deadlines import DeadlineComputation
from ui.context import AppContext
from ui.i18n import pick
from ui.widgets.forms import date_edit, from_qdate


class DeadlineCalculator(QDialog):
    """Rule + start date → due date and reasoning lines, from ``col.deadlines.compute``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("deadlineCalculator")
        self.setWindowTitle(self.tr("Deadline calculator"))
        self.computation: DeadlineComputation | None = None
        self._seq = 0
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.rule = QComboBox()
        self.rule.setObjectName("ruleCombo")
        self.rule.setMinimumWidth(420)
        self.start = date_edit(ctx.today())
        self.start.setObjectName("startDate")
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: #555;")
        form.addRow(self.tr("&Rule"), self.rule)
        form.addRow(self.tr("&Start date"), self.start)
        form.addRow("", self.source)
        layout.addLayout(form)
        self.due = QLabel("—")
        self.due.setObjectName("dueDate")
        font = self.due.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.due.setFont(font)
        layout.addWidget(self.due)
        self.reasoning = QPlainTextEdit()
        self.reasoning.setObjectName("reasoning")
        self.reasoning.setReadOnly(True)
        self.reasoning.setMinimumHeight(150)
        layout.addWidget(self.reasoning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 420)
        self.rule.currentIndexChanged.connect(lambda _i: self.compute())
        self.start.dateChanged.connect(lambda _d: self.compute())
        self._rules: dict[str, Any] = {}
        ctx.query(self, lambda col: col.deadlines.rules()).success(
            self._fill
        ).urgent().run_in_background()

    def _fill(self, rules: tuple[Any, ...]) -> None:
        self.rule.blockSignals(True)
        for r in rules:
            self._rules[r.id] = r
            self.rule.addItem(pick(r.title_zh, r.title_en, self.ctx.lang), r.id)
        self.rule.blockSignals(False)
        self.compute()

    def set_inputs(self, rule_id: str, start: date) -> None:
        from ui.widgets.forms import to_qdate

        self.rule.blockSignals(True)
        self.rule.setCurrentIndex(max(self.rule.findData(rule_id), 0))
        self.rule.blockSignals(False)
        self.start.setDate(to_qdate(start))
        self.compute()

    def compute(self) -> None:
        rule_id = self.rule.currentData()
        if not rule_id:
            return
        rule = self._rules.get(rule_id)
        if rule is not None:
            lang = self.ctx.lang
            self.source.setText(
                f"{pick(rule.source_zh, rule.source_en, lang)} — "
                f"{pick(rule.trigger_zh, rule.trigger_en, lang)}"
            )
        start = from_qdate(self.start.date())
        self._seq += 1
        seq = self._seq
        self.ctx.query(self, lambda col: col.deadlines.compute(rule_id, start)).success(
            lambda res: self.show_result(res, seq)
        ).urgent().run_in_background()

    def show_result(self, result: DeadlineComputation, seq: int | None = None) -> None:
        if seq is not None and seq != self._seq:
            return
        self.computation = result
        lang = self.ctx.lang
        self.due.setText(self.tr("Due: %1").replace("%1", result.due.isoformat()))
        lines = [pick(s.zh, s.en, lang) for s in result.steps]
        lines += ["⚠ " + pick(w.zh, w.en, lang) for w in result.warnings]
        self.reasoning.setPlainText("\n".join(lines))
