"""The 期限 tab: the case's deadlines (statutory ones marked), done / not done, who is
responsible, the reasoning behind each computed date; new deadlines from a rule or by
hand, and rescheduling with a reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.inputs import DeadlineInput
from ui.case.common import FormDialog, qtr
from ui.context import AppContext
from ui.format import day, moment
from ui.models.rows import GREY, RED, Column, RowsModel
from ui.widgets.tables import make_table

if TYPE_CHECKING:
    from ui.case.window import CaseWindow

STATUTORY = QColor("#ad1457")


def _t(text: str) -> str:
    return QCoreApplication.translate("CaseDeadlines", text)


def explanation(d: dto.DeadlineInfo, lang: str) -> list[str]:
    """The reasoning lines in the interface language (stored as "zh<TAB>en" lines)."""
    out = []
    for block in (d.explanation, d.warning):
        for line in (block or "").splitlines():
            zh, _, en = line.partition("\t")
            out.append(zh if lang == "zh" or not en else en)
    return out


def state_text(d: dto.DeadlineInfo, today: Any) -> str:
    if d.done_at is not None:
        return qtr("CaseDeadlines", "done")
    if d.due_on < today:
        return qtr("CaseDeadlines", "overdue")
    return qtr("CaseDeadlines", "open")


def deadline_model(ctx: AppContext, parent: Any, new_ids: set[str]) -> RowsModel[dto.DeadlineInfo]:
    """The deadline list used by this tab and the procedures tab."""

    def colour(d: dto.DeadlineInfo) -> QColor | None:
        if d.done_at is not None:
            return GREY
        if d.overdue(ctx.today()):
            return RED
        return STATUTORY if d.statutory else None

    return RowsModel(
        [
            Column(
                qtr("CaseDeadlines", "Due on"),
                lambda d: day(d.due_on),
                color=colour,
                bold=lambda d: d.id in new_ids,
            ),
            Column(
                qtr("CaseDeadlines", "Deadline"),
                lambda d: d.title,
                color=colour,
                bold=lambda d: d.id in new_ids,
                tooltip=lambda d: "\n".join(explanation(d, ctx.lang)) or None,
            ),
            Column(
                qtr("CaseDeadlines", "Statutory"),
                lambda d: qtr("CaseDeadlines", "statutory") if d.statutory else "",
            ),
            Column(qtr("CaseDeadlines", "Responsible"), lambda d: d.responsible_name or ""),
            Column(
                qtr("CaseDeadlines", "State"), lambda d: state_text(d, ctx.today()), color=colour
            ),
            Column(qtr("CaseDeadlines", "Remind on"), lambda d: day(d.remind_on)),
            Column(qtr("CaseDeadlines", "Started by"), lambda d: day(d.trigger_on)),
        ],
        key=lambda d: d.id,
        parent=parent,
    )


class DeadlinesTab(QWidget):
    def __init__(self, window: CaseWindow) -> None:
        super().__init__()
        self.win = window
        self.ctx = window.ctx
        self.setObjectName("deadlinesTab")
        self.detail: dto.CaseDetail | None = None
        self.new_ids: set[str] = set()
        self.model = deadline_model(self.ctx, self, self.new_ids)
        self.view = make_table(self.model)
        self.view.setObjectName("deadlineTable")
        for col, width in ((0, 90), (1, 330), (2, 50), (3, 80), (4, 60), (5, 90)):
            self.view.setColumnWidth(col, width)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.show_done = QCheckBox(self.tr("Show &done deadlines"))
        self.show_done.setChecked(True)
        self.show_done.toggled.connect(lambda _on: self._fill())
        self.reasoning = QTextBrowser()
        self.reasoning.setObjectName("deadlineReasoning")

        w = window
        self.act_done = w.make_action(
            self.tr("Mark &done / not done"), self.toggle_done, shortcut="Ctrl+D", name="toggleDone"
        )
        self.act_new = w.make_action(
            self.tr("&New deadline…"), self.new_deadline, name="newDeadline"
        )
        self.act_move = w.make_action(self.tr("Re&schedule…"), self.reschedule, name="reschedule")
        buttons = QHBoxLayout()
        for a in self.menu_actions():
            buttons.addWidget(w.tool_button(a))
        buttons.addStretch(1)
        buttons.addWidget(self.show_done)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.reasoning)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        legend = QLabel(
            self.tr(
                "Statutory deadlines in crimson, overdue in red, done in grey. "
                "Hover a deadline for how its date was computed."
            )
        )
        legend.setWordWrap(True)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        layout.addWidget(legend)

    def menu_actions(self) -> list[QAction]:
        return [self.act_done, self.act_new, self.act_move]

    def set_detail(self, d: dto.CaseDetail) -> None:
        self.detail = d
        self._fill()

    def _fill(self) -> None:
        if self.detail is None:
            return
        rows = [d for d in self.detail.deadlines if self.show_done.isChecked() or not d.done_at]
        self.model.set_rows(rows)
        self._show_selected()

    def selected(self) -> dto.DeadlineInfo | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _show_selected(self) -> None:
        d = self.selected()
        if d is None:
            self.reasoning.clear()
            return
        lines = explanation(d, self.ctx.lang)
        head = f"<b>{d.title}</b> — {day(d.due_on)}"
        if d.done_at:
            head += " " + self.tr("(done {0})").format(moment(d.done_at))
        body = "".join(f"<li>{line}</li>" for line in lines)
        self.reasoning.setHtml(head + (f"<ol>{body}</ol>" if body else ""))

    def toggle_done(self) -> None:
        d = self.selected()
        if d is None:
            return
        deadline_id, done = d.id, d.done_at is None
        self.ctx.op(
            self,
            lambda col: col.deadlines.set_done(deadline_id, expected_version=d.version, done=done),
        ).failure(self._stale).run_in_background()

    def _stale(self, exc: BaseException) -> bool:
        from legalaid.errors import StaleRecordError

        if isinstance(exc, StaleRecordError):
            self.win.reload()
            self.win.statusBar().showMessage(
                self.tr("That deadline was changed elsewhere; it has been reloaded."), 6000
            )
            return True
        return False

    def new_deadline(self) -> None:
        """Load the statutory rules (off the GUI thread), then open the dialog."""
        self.ctx.query(self, lambda col: col.deadlines.rules()).success(
            self._new_dialog
        ).run_in_background()

    def _new_dialog(self, rules: Any) -> None:
        case_id = self.win.case_id

        def action(col: Any, v: dict[str, Any]) -> Any:
            return col.deadlines.create(
                DeadlineInput(
                    title=v["title"] or "",
                    due_on=None if v["rule_id"] else v["due_on"],
                    rule_id=v["rule_id"],
                    trigger_on=v["trigger_on"] if v["rule_id"] else None,
                    responsible_id=v["responsible_id"],
                    remind_days=v["remind_days"],
                    case_id=case_id,
                )
            )

        dlg = FormDialog(self.ctx, self.tr("New deadline"), action, self.win, name="deadlineDialog")
        lang = self.ctx.lang
        dlg.choice(
            "rule_id",
            self.tr("Statutory &rule"),
            [(self.tr("(none: set the date by hand)"), None)]
            + [(r.title_zh if lang == "zh" else r.title_en, r.id) for r in rules],
        )
        dlg.date("trigger_on", self.tr("Rule &starts on"), self.ctx.today())
        dlg.text("title", self.tr("&Title"), "")
        dlg.date("due_on", self.tr("&Due on (by hand)"), self.ctx.today())
        staff = [(s.name, s.id) for s in self.ctx.staff if s.active]
        lead = self.detail.case.lead_staff_id if self.detail else None
        dlg.choice(
            "responsible_id",
            self.tr("Res&ponsible"),
            [(self.tr("(lead staff)"), None), *staff],
            lead,
        )
        dlg.number("remind_days", self.tr("Remind days &before"), 3, 0, 365)
        dlg.open()
        self.last_dialog: FormDialog | None = dlg

    def reschedule(self) -> FormDialog | None:
        d = self.selected()
        if d is None:
            return None
        deadline_id = d.id

        def action(col: Any, v: dict[str, Any]) -> Any:
            return col.deadlines.reschedule(
                deadline_id, v["due_on"], expected_version=v["version"], reason=v["reason"] or ""
            )

        dlg = FormDialog(
            self.ctx,
            self.tr("Reschedule: {0}").format(d.title),
            action,
            self.win,
            version=d.version,
            name="rescheduleDialog",
        )
        dlg.date("due_on", self.tr("&New due date"), d.due_on)
        dlg.text("reason", self.tr("&Reason"), "", multiline=True)
        dlg.reload_requested.connect(self.win.reload)
        dlg.open()
        return dlg
