"""The case window's header: number, title, status with the allowed next steps, staff,
key dates and the money totals."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from legalaid import dto
from legalaid.services.lifecycle import REOPENING
from legalaid.vocab import CASE_STATUSES, OUTCOMES
from ui.case.common import qtr
from ui.context import AppContext
from ui.format import day, money

STATUS_COLOURS = {
    "intake": "#5c6bc0",
    "eligibility_review": "#5c6bc0",
    "accepted": "#00897b",
    "refused": "#757575",
    "closed": "#455a64",
}
IN_PROGRESS_COLOUR = "#ef6c00"


def transition_text(ctx: AppContext, current: str, target: str) -> str:
    """What the button for a status change says."""
    if (current, target) in REOPENING:
        return qtr("CaseHeader", "Reopen → {0}").format(ctx.label(CASE_STATUSES, target))
    return ctx.label(CASE_STATUSES, target)


class CaseHeader(QFrame):
    """Signals:
    transition_requested(str): the user chose a next status.
    """

    transition_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("caseHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#caseHeader { background: #f7f9fb; border: 1px solid #d8dee4; border-radius: 4px; }"
            " QLabel#caseNumber { font-size: 15pt; font-weight: bold; color: #1a237e; }"
            " QLabel#caseTitle { font-size: 12pt; }"
            " QLabel.caption { color: #666666; }"
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(3)

        self.number = QLabel()
        self.number.setObjectName("caseNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status = QLabel()
        self.status.setObjectName("caseStatus")
        self.urgent = QLabel(self.tr("Urgent"))
        self.urgent.setStyleSheet(
            "background: #c62828; color: white; border-radius: 3px; padding: 1px 6px;"
        )
        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addWidget(self.title, 1)
        top.addWidget(self.urgent)
        top.addWidget(self.status)
        grid.addLayout(top, 0, 0, 1, 2)

        self.people = QLabel()
        self.people.setObjectName("caseStaff")
        self.dates = QLabel()
        self.dates.setObjectName("caseDates")
        self.dates.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(self.people, 1, 0)
        grid.addWidget(self.dates, 2, 0)

        self.totals = QLabel()
        self.totals.setObjectName("caseTotals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(self.totals, 3, 0)

        steps = QHBoxLayout()
        steps.setSpacing(6)
        self.next_label = QLabel(self.tr("Next step:"))
        steps.addWidget(self.next_label, 0, Qt.AlignmentFlag.AlignTop)
        self.steps_box = QGridLayout()
        self.steps_box.setSpacing(4)
        steps.addLayout(self.steps_box)
        grid.addLayout(steps, 1, 1, 3, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        self.step_buttons: dict[str, QPushButton] = {}

    def set_detail(self, d: dto.CaseDetail) -> None:
        c = d.case
        ctx = self.ctx
        self.number.setText(c.number)
        self.title.setText(c.title)
        self.title.setToolTip(c.title)
        status = ctx.label(CASE_STATUSES, c.status)
        if c.outcome:
            status += " · " + ctx.label(OUTCOMES, c.outcome)
        colour = STATUS_COLOURS.get(c.status, IN_PROGRESS_COLOUR)
        self.status.setText(status)
        self.status.setStyleSheet(
            f"background: {colour}; color: white; border-radius: 3px; padding: 2px 8px;"
            " font-weight: bold;"
        )
        self.urgent.setVisible(c.urgent)
        lead = d.lead_staff.name if d.lead_staff else self.tr("(none)")
        assisting = "、".join(s.name for s in d.assisting_staff) or self.tr("(none)")
        self.people.setText(
            self.tr("Lead: {0}    Assisting: {1}    Office: {2}    Workers: {3}").format(
                lead, assisting, d.office.short_name or d.office.name, c.worker_count
            )
        )
        open_deadlines = [x for x in d.deadlines if x.done_at is None]
        nxt = min((x.due_on for x in open_deadlines), default=None)
        due = day(nxt) or "—"
        if nxt is not None and nxt < ctx.today():
            late = sum(1 for x in open_deadlines if x.due_on < ctx.today())
            overdue = self.tr("({0} overdue)").format(late)
            due = f"<span style='color:#c62828'>{due} {overdue}</span>"
        text = self.tr("Received {0}    Accepted {1}    Closed {2}    Next deadline {3}")
        self.dates.setText(
            text.replace("    ", "&nbsp;" * 4).format(
                day(c.received_on), day(c.accepted_on) or "—", day(c.closed_on) or "—", due
            )
        )
        t = d.totals
        outstanding_colour = "#c62828" if t.outstanding_fen > 0 else "#2e7d32"
        self.totals.setText(
            self.tr(
                "Claimed <b>{0}</b> &nbsp;&nbsp; Awarded <b>{1}</b> &nbsp;&nbsp; "
                "Recovered <b style='color:#2e7d32'>{2}</b> &nbsp;&nbsp; "
                "Outstanding <b style='color:{4}'>{3}</b>"
            ).format(
                money(t.claimed_fen),
                money(t.awarded_fen) if t.awarded_fen else "—",
                money(t.recovered_fen),
                money(t.outstanding_fen),
                outstanding_colour,
            )
        )
        self._set_steps(c.status, d.allowed_transitions)

    def _set_steps(self, current: str, targets: tuple[str, ...]) -> None:
        for button in self.step_buttons.values():
            self.steps_box.removeWidget(button)
            button.deleteLater()
        self.step_buttons.clear()
        for n, target in enumerate(targets):
            button = QPushButton(transition_text(self.ctx, current, target))
            button.setObjectName(f"step_{target}")
            button.clicked.connect(self._emitter(target))
            self.steps_box.addWidget(button, n // 4, n % 4)
            self.step_buttons[target] = button
        self.next_label.setVisible(bool(targets))

    def _emitter(self, target: str) -> Callable[[], None]:
        return lambda: self.transition_requested.emit(target)
