"""The 欠薪与追回 tab: wage claims per worker, the ledger of recoveries (one row per
payment), totals per worker and for the case, and instalment plans (each instalment's
due date becomes a deadline)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.inputs import RecoveryInput, WageClaimInput
from legalaid.vocab import RECOVERY_CHANNELS, RECOVERY_KINDS
from ui.case.common import FormDialog
from ui.format import day, money
from ui.models.rows import GREY, RED, Column, RowsModel
from ui.widgets.forms import from_qdate, to_qdate
from ui.widgets.tables import make_table

if TYPE_CHECKING:
    from ui.case.window import CaseWindow


@dataclass(frozen=True)
class WorkerTotal:
    person_id: str
    name: str
    claimed_fen: int
    recovered_fen: int

    @property
    def outstanding_fen(self) -> int:
        return max(self.claimed_fen - self.recovered_fen, 0)


def worker_totals(d: dto.CaseDetail) -> list[WorkerTotal]:
    claimed: dict[str, int] = defaultdict(int)
    recovered: dict[str, int] = defaultdict(int)
    for c in d.claims:
        claimed[c.person_id] += c.amount_fen
    for r in d.recoveries:
        if r.person_id:
            recovered[r.person_id] += r.amount_fen
    return [
        WorkerTotal(a.person.id, a.person.name, claimed[a.person.id], recovered[a.person.id])
        for a in d.applicants
    ]


class InstalmentEditor(QWidget):
    """Rows of (due date, amount) for an instalment plan."""

    def __init__(self, first_due: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_due = first_due
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("instalmentRows")
        self.table.setHorizontalHeaderLabels([self.tr("Due on"), self.tr("Amount (yuan)")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 130)
        self.table.setMinimumHeight(120)
        self.add_button = QPushButton(self.tr("Add &instalment"))
        self.add_button.setObjectName("addInstalment")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(self.tr("Remove last"))
        self.remove_button.clicked.connect(self.remove_last)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self, due: date | None = None, amount: str = "") -> None:
        row = self.table.rowCount()
        if due is None:
            due = self.first_due
            if row:
                prev = self.table.cellWidget(row - 1, 0)
                assert isinstance(prev, QDateEdit)
                due = from_qdate(prev.date()) + timedelta(days=30)
        self.table.insertRow(row)
        edit = QDateEdit(to_qdate(due))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        self.table.setCellWidget(row, 0, edit)
        line = QLineEdit(amount)
        line.setObjectName(f"instalmentAmount{row}")
        self.table.setCellWidget(row, 1, line)
        edit.setFocus()

    def remove_last(self) -> None:
        if self.table.rowCount():
            self.table.removeRow(self.table.rowCount() - 1)

    def plan(self) -> list[tuple[date, str]]:
        out = []
        for row in range(self.table.rowCount()):
            edit, line = self.table.cellWidget(row, 0), self.table.cellWidget(row, 1)
            assert isinstance(edit, QDateEdit) and isinstance(line, QLineEdit)
            out.append((from_qdate(edit.date()), line.text().strip()))
        return out


class MoneyTab(QWidget):
    def __init__(self, window: CaseWindow) -> None:
        super().__init__()
        self.win = window
        self.ctx = ctx = window.ctx
        self.setObjectName("moneyTab")
        self.detail: dto.CaseDetail | None = None

        self.totals = QLabel()
        self.totals.setObjectName("moneyTotals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setWordWrap(True)

        self.workers: RowsModel[WorkerTotal] = RowsModel(
            [
                Column(self.tr("Worker"), lambda w: w.name),
                Column(self.tr("Claimed"), lambda w: money(w.claimed_fen), align_right=True),
                Column(self.tr("Recovered"), lambda w: money(w.recovered_fen), align_right=True),
                Column(
                    self.tr("Outstanding"),
                    lambda w: money(w.outstanding_fen),
                    align_right=True,
                    color=lambda w: RED if w.outstanding_fen else None,
                ),
            ],
            key=lambda w: w.person_id,
            parent=self,
        )
        self.claims: RowsModel[dto.WageClaimInfo] = RowsModel(
            [
                Column(self.tr("Worker"), lambda c: c.person_name),
                Column(self.tr("Owed by"), lambda c: c.employer_name or ""),
                Column(self.tr("Period"), lambda c: _period(c.period_start, c.period_end)),
                Column(self.tr("Amount"), lambda c: money(c.amount_fen), align_right=True),
                Column(self.tr("Note"), lambda c: c.description or ""),
            ],
            key=lambda c: c.id,
            parent=self,
        )
        self.recoveries: RowsModel[dto.RecoveryInfo] = RowsModel(
            [
                Column(self.tr("Received"), lambda r: day(r.received_on)),
                Column(self.tr("Amount"), lambda r: money(r.amount_fen), align_right=True),
                Column(self.tr("Kind"), lambda r: ctx.label(RECOVERY_KINDS, r.kind)),
                Column(self.tr("Channel"), lambda r: ctx.label(RECOVERY_CHANNELS, r.channel)),
                Column(self.tr("Payer"), lambda r: r.payer or ""),
                Column(self.tr("Worker"), lambda r: r.person_name or self.tr("(whole case)")),
                Column(self.tr("Note"), lambda r: r.note or ""),
            ],
            key=lambda r: r.id,
            parent=self,
        )
        self.instalments: RowsModel[dto.InstalmentInfo] = RowsModel(
            [
                Column(self.tr("No."), lambda i: str(self._instalment_no(i)), align_right=True),
                Column(self.tr("Due on"), lambda i: day(i.due_on)),
                Column(self.tr("Amount"), lambda i: money(i.amount_fen), align_right=True),
                Column(
                    self.tr("Paid"),
                    lambda i: self.tr("paid") if i.paid else self.tr("open"),
                    color=lambda i: GREY if i.paid else self._late_colour(i),
                ),
            ],
            key=lambda i: i.id,
            parent=self,
        )
        self.worker_view = make_table(self.workers)
        self.worker_view.setObjectName("workerTotals")
        self.claim_view = make_table(self.claims)
        self.claim_view.setObjectName("claimTable")
        self.recovery_view = make_table(self.recoveries)
        self.recovery_view.setObjectName("recoveryTable")
        self.instalment_view = make_table(self.instalments)
        self.instalment_view.setObjectName("instalmentTable")
        for col, width in ((0, 70), (1, 88), (2, 88), (3, 88)):
            self.worker_view.setColumnWidth(col, width)
        self.claim_view.setColumnWidth(0, 80)
        self.claim_view.setColumnWidth(1, 180)
        self.claim_view.setColumnWidth(2, 170)
        self.recovery_view.setColumnWidth(1, 110)
        self.recovery_view.setColumnWidth(3, 110)
        self.recovery_view.setColumnWidth(4, 170)

        w = window
        self.act_claim = w.make_action(self.tr("Add &claim…"), self.add_claim, name="addClaim")
        self.act_claim_amount = w.make_action(
            self.tr("Change claim &amount…"), self.change_claim, name="changeClaim"
        )
        self.act_recovery = w.make_action(
            self.tr("Record &payment received…"),
            self.record_recovery,
            shortcut="Ctrl+R",
            name="recordRecovery",
        )
        self.act_reverse = w.make_action(
            self.tr("Re&verse payment…"), self.reverse_recovery, name="reverseRecovery"
        )
        self.act_plan = w.make_action(
            self.tr("Instalment p&lan…"), self.add_plan, name="instalmentPlan"
        )
        buttons = QHBoxLayout()
        for a in self.menu_actions():
            buttons.addWidget(w.tool_button(a))
        buttons.addStretch(1)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Per worker</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Wage claims</b>")), 0, 1)
        grid.addWidget(self.worker_view, 1, 0)
        grid.addWidget(self.claim_view, 1, 1)
        grid.addWidget(QLabel(self.tr("<b>Recovery ledger</b> (one row per payment)")), 2, 1)
        grid.addWidget(QLabel(self.tr("<b>Instalments</b>")), 2, 0)
        grid.addWidget(self.instalment_view, 3, 0)
        grid.addWidget(self.recovery_view, 3, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.totals)
        layout.addLayout(buttons)
        layout.addLayout(grid, 1)

    def menu_actions(self) -> list[QAction]:
        return [
            self.act_claim,
            self.act_claim_amount,
            self.act_recovery,
            self.act_reverse,
            self.act_plan,
        ]

    # -- showing -----------------------------------------------------------------------

    def _instalment_no(self, inst: dto.InstalmentInfo) -> int:
        rows = self.instalments.rows()
        same = [i for i in rows if i.mediation_id == inst.mediation_id]
        return same.index(inst) + 1 if inst in same else 0

    def _late_colour(self, inst: dto.InstalmentInfo) -> Any:
        return RED if inst.due_on < self.ctx.today() else None

    def set_detail(self, d: dto.CaseDetail) -> None:
        self.detail = d
        t = d.totals
        unassigned = sum(r.amount_fen for r in d.recoveries if not r.person_id)
        text = self.tr(
            "Case totals: claimed <b>{0}</b>, awarded <b>{1}</b>, recovered <b>{2}</b> "
            "(wages {3}), outstanding <b>{4}</b>."
        ).format(
            money(t.claimed_fen),
            money(t.awarded_fen) if t.awarded_fen else "—",
            money(t.recovered_fen),
            money(t.wage_recovered_fen),
            money(t.outstanding_fen),
        )
        if unassigned:
            text += " " + self.tr(
                "{0} of the recoveries were paid for the whole case, not to a named worker."
            ).format(money(unassigned))
        self.totals.setText(text)
        self.workers.set_rows(worker_totals(d))
        self.claims.set_rows(d.claims)
        self.recoveries.set_rows(d.recoveries)
        self.instalments.set_rows(d.instalments)

    def _current(self, view: Any, model: RowsModel[Any]) -> Any:
        index = view.currentIndex()
        return model.row(index.row()) if index.isValid() else None

    def _people(self) -> list[tuple[str, Any]]:
        d = self.detail
        return [
            (
                a.person.name + (f"（{a.person.id_number[-4:]}）" if a.person.id_number else ""),
                a.person.id,
            )
            for a in (d.applicants if d else ())
        ]

    def _employers(self) -> list[tuple[str, Any]]:
        d = self.detail
        return [(self.tr("(not specified)"), None)] + [
            (r.employer.name, r.employer.id) for r in (d.respondents if d else ())
        ]

    # -- actions -----------------------------------------------------------------------

    def add_claim(self) -> FormDialog:
        case_id = self.win.case_id

        def action(col: Any, v: dict[str, Any]) -> Any:
            return col.money.add_claims(
                case_id,
                [
                    WageClaimInput(
                        person_id=v["person_id"] or "",
                        amount=v["amount"] or "",
                        employer_id=v["employer_id"],
                        period_start=v["period_start"],
                        period_end=v["period_end"],
                        description=v["description"],
                    )
                ],
            )

        dlg = FormDialog(
            self.ctx,
            self.tr("Add wage claim"),
            action,
            self.win,
            name="claimDialog",
            alias_prefix="claims[0].",
        )
        selected = self._current(self.worker_view, self.workers)
        dlg.choice(
            "person_id",
            self.tr("&Worker"),
            self._people(),
            selected.person_id if selected else None,
        )
        employers = self._employers()
        dlg.choice(
            "employer_id",
            self.tr("Owed &by"),
            employers,
            employers[1][1] if len(employers) > 1 else None,
        )
        dlg.date("period_start", self.tr("Owed &from"), None, optional=True)
        dlg.date("period_end", self.tr("Owed &to"), None, optional=True)
        dlg.text("amount", self.tr("&Amount (yuan)"), "")
        dlg.text("description", self.tr("&Note"), "")
        dlg.open()
        return dlg

    def change_claim(self) -> FormDialog | None:
        claim: dto.WageClaimInfo | None = self._current(self.claim_view, self.claims)
        if claim is None:
            return None
        claim_id = claim.id

        def action(col: Any, v: dict[str, Any]) -> Any:
            return col.money.update_claim(
                claim_id, v["amount"] or "", expected_version=v["version"]
            )

        dlg = FormDialog(
            self.ctx,
            self.tr("Change claim: {0}").format(claim.person_name),
            action,
            self.win,
            version=claim.version,
            name="claimAmountDialog",
        )
        dlg.text("amount", self.tr("&Amount (yuan)"), money(claim.amount_fen))
        dlg.reload_requested.connect(self.win.reload)
        dlg.open()
        return dlg

    def record_recovery(self) -> FormDialog:
        case_id = self.win.case_id
        d = self.detail

        def action(col: Any, v: dict[str, Any]) -> Any:
            return col.money.record_recovery(
                case_id,
                RecoveryInput(
                    received_on=v["received_on"],
                    amount=v["amount"] or "",
                    kind=v["kind"],
                    channel=v["channel"],
                    payer=v["payer"],
                    person_id=v["person_id"],
                    instalment_id=v["instalment_id"],
                    note=v["note"],
                ),
            )

        dlg = FormDialog(
            self.ctx, self.tr("Record a payment received"), action, self.win, name="recoveryDialog"
        )
        dlg.date("received_on", self.tr("&Received on"), self.ctx.today())
        dlg.text("amount", self.tr("&Amount (yuan)"), "")
        dlg.code("kind", self.tr("&Kind"), RECOVERY_KINDS, "wage_arrears")
        dlg.code("channel", self.tr("&Channel"), RECOVERY_CHANNELS, "employer")
        payer = d.respondents[0].employer.name if d and d.respondents else ""
        dlg.text("payer", self.tr("&Payer"), payer)
        dlg.choice(
            "person_id", self.tr("For &worker"), [(self.tr("(whole case)"), None), *self._people()]
        )
        open_inst = [i for i in (d.instalments if d else ()) if not i.paid]
        dlg.choice(
            "instalment_id",
            self.tr("Pays &instalment"),
            [(self.tr("(none)"), None)]
            + [(f"{day(i.due_on)}  {money(i.amount_fen)}", i.id) for i in open_inst],
        )
        dlg.text("note", self.tr("&Note"), "")
        dlg.open()
        return dlg

    def reverse_recovery(self) -> FormDialog | None:
        rec: dto.RecoveryInfo | None = self._current(self.recovery_view, self.recoveries)
        if rec is None:
            return None
        rec_id = rec.id

        def action(col: Any, v: dict[str, Any]) -> Any:
            return col.money.reverse_recovery(rec_id, v["reason"] or "")

        dlg = FormDialog(
            self.ctx,
            self.tr("Reverse payment of {0} received {1}").format(
                money(rec.amount_fen), day(rec.received_on)
            ),
            action,
            self.win,
            name="reverseDialog",
        )
        dlg.text("reason", self.tr("&Reason"), "", multiline=True)
        dlg.open()
        return dlg

    def add_plan(self) -> FormDialog:
        case_id = self.win.case_id

        def action(col: Any, v: dict[str, Any]) -> Any:
            return col.money.add_instalments(case_id, v["instalments"])

        dlg = FormDialog(self.ctx, self.tr("Instalment plan"), action, self.win, name="planDialog")
        editor = InstalmentEditor(self.ctx.today() + timedelta(days=30))
        editor.add_row()
        dlg.extra("instalments", self.tr("Instalments"), editor, editor.plan)
        dlg.open()
        return dlg


def _period(start: date | None, end: date | None) -> str:
    if not start and not end:
        return ""
    return f"{day(start) or '…'} — {day(end) or '…'}"
