"""The 转介/调解/仲裁诉讼 tab: a timeline of referrals, mediations (sessions, agreement)
and proceedings (hearings, award / judgment), and the deadlines those events created —
the ones created by the last action shown in bold."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.vocab import (
    AWARD_KINDS,
    BODY_TYPES,
    CONFIRMATION,
    MEDIATION_STAGES,
    MEDIATION_STATUSES,
    PERFORMANCE,
    PROCEEDING_KINDS,
    REFERRAL_KINDS,
    REFERRAL_STATUSES,
)
from ui.case import procedure_dialogs as dialogs
from ui.case.common import FormDialog
from ui.case.deadlines import deadline_model, explanation
from ui.case.models import Node, TreeModel
from ui.format import day, moment, money
from ui.widgets.tables import make_table

if TYPE_CHECKING:
    from ui.case.window import CaseWindow

REFERRAL = QColor("#1565c0")
MEDIATION = QColor("#2e7d32")
PROCEEDING = QColor("#6a1b9a")


class ProceduresTab(QWidget):
    def __init__(self, window: CaseWindow) -> None:
        super().__init__()
        self.win = window
        self.ctx = window.ctx
        self.setObjectName("proceduresTab")
        self.detail: dto.CaseDetail | None = None
        self._before: set[str] | None = None
        self.new_ids: set[str] = set()

        self.timeline = TreeModel(
            [self.tr("Date"), self.tr("Event"), self.tr("Body / details"),
             self.tr("Status / result")],
            self,
        )
        self.view = QTreeView()
        self.view.setObjectName("timeline")
        self.view.setModel(self.timeline)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for col, width in ((0, 150), (1, 200), (2, 380)):
            self.view.setColumnWidth(col, width)

        self.deadlines = deadline_model(self.ctx, self, self.new_ids)
        self.deadline_view = make_table(self.deadlines)
        self.deadline_view.setObjectName("procedureDeadlines")
        for col, width in ((0, 90), (1, 330), (2, 50), (3, 80), (4, 60)):
            self.deadline_view.setColumnWidth(col, width)
        self.created = QLabel()
        self.created.setObjectName("createdDeadlines")
        self.created.setWordWrap(True)
        self.created.setTextFormat(Qt.TextFormat.RichText)
        self.created.setStyleSheet("background: #fff8e1; padding: 4px;")
        self.created.hide()

        w = window
        mk = w.make_action
        self.a_referral = mk(self.tr("&Referral…"), self._open(dialogs.add_referral),
                             name="addReferral")
        self.a_referral_upd = mk(self.tr("Referral &outcome…"), self._on_selected(
            "referral", dialogs.update_referral), name="updateReferral")
        self.a_mediation = mk(self.tr("Start &mediation…"), self._open(dialogs.start_mediation),
                              name="startMediation")
        self.a_session = mk(self.tr("Mediation &session…"), self._on_selected(
            "mediation", dialogs.add_session), name="addSession")
        self.a_agreement = mk(self.tr("Mediation a&greement…"), self._on_selected(
            "mediation", dialogs.record_agreement), name="recordAgreement")
        self.a_mediation_upd = mk(self.tr("Performance / &confirmation…"), self._on_selected(
            "mediation", dialogs.update_mediation), name="updateMediation")
        self.a_proceeding = mk(self.tr("Arbitration / &litigation…"),
                               self._open(dialogs.add_proceeding), name="addProceeding")
        self.a_accept = mk(self.tr("Acce&pted…"), self._on_selected(
            "proceeding", dialogs.accept_proceeding), name="acceptProceeding")
        self.a_hearing = mk(self.tr("&Hearing…"), self._on_selected(
            "proceeding", dialogs.add_hearing), name="addHearing")
        self.a_decision = mk(self.tr("Award / &judgment…"), self._on_selected(
            "proceeding", dialogs.record_decision), name="recordDecision")

        buttons = QGridLayout()
        groups = [
            (self.tr("Referral:"), [self.a_referral, self.a_referral_upd]),
            (self.tr("Mediation:"), [self.a_mediation, self.a_session, self.a_agreement,
                                     self.a_mediation_upd]),
            (self.tr("Proceedings:"), [self.a_proceeding, self.a_accept, self.a_hearing,
                                       self.a_decision]),
        ]
        for row, (caption, acts) in enumerate(groups):
            buttons.addWidget(QLabel(caption), row, 0)
            for n, a in enumerate(acts, start=1):
                buttons.addWidget(w.tool_button(a), row, n)
        buttons.setColumnStretch(5, 1)

        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("<b>Deadlines these events started</b> (open ones; the "
                                    "newest in bold)")))
        ll.addWidget(self.created)
        ll.addWidget(self.deadline_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.last_dialog: FormDialog | None = None

    def menu_actions(self) -> list[QAction]:
        return [self.a_referral, self.a_referral_upd, self.a_mediation, self.a_session,
                self.a_agreement, self.a_mediation_upd, self.a_proceeding, self.a_accept,
                self.a_hearing, self.a_decision]

    # -- actions -----------------------------------------------------------------------

    def _run(self, dlg: FormDialog) -> FormDialog:
        """Open ``dlg``; after it saves, the deadlines it created are shown apart."""
        if self.detail is not None:
            before = {d.id for d in self.detail.deadlines}
            dlg.submitted.connect(lambda _v: setattr(self, "_before", before))
        self.last_dialog = dlg
        dlg.open()
        return dlg

    def _open(self, make: Callable[[CaseWindow], FormDialog]) -> Callable[[], FormDialog]:
        return lambda: self._run(make(self.win))

    def _on_selected(
        self, kind: str, make: Callable[[CaseWindow, Any], FormDialog]
    ) -> Callable[[], FormDialog | None]:
        def run() -> FormDialog | None:
            target = self.selected(kind)
            if target is None:
                self.win.statusBar().showMessage(self._missing_text(kind), 5000)
                return None
            return self._run(make(self.win, target))

        return run

    def _missing_text(self, kind: str) -> str:
        return {
            "referral": self.tr("Record a referral first."),
            "mediation": self.tr("Start a mediation first."),
        }.get(kind, self.tr("Record an arbitration or litigation stage first."))

    def selected(self, kind: str) -> Any:
        """The selected event of ``kind`` (or the one a selected child belongs to), else
        the latest of that kind."""
        node = self.timeline.node(self.view.currentIndex())
        while node is not None:
            payload = node.payload
            if _kind_of(payload) == kind:
                return payload
            node = node.parent
        d = self.detail
        if d is None:
            return None
        items = {"referral": d.referrals, "mediation": d.mediations,
                 "proceeding": d.proceedings}[kind]
        return items[-1] if items else None

    # -- showing -----------------------------------------------------------------------

    def set_detail(self, d: dto.CaseDetail) -> None:
        self.detail = d
        self._fill_timeline(d)
        if self._before is not None:
            self.new_ids.clear()
            self.new_ids.update(x.id for x in d.deadlines if x.id not in self._before)
            self._before = None
            self._show_created(d)
        self.deadlines.set_rows([x for x in d.deadlines if x.done_at is None or
                                 x.id in self.new_ids])

    def _show_created(self, d: dto.CaseDetail) -> None:
        made = [x for x in d.deadlines if x.id in self.new_ids]
        if not made:
            self.created.hide()
            return
        lines = []
        for x in made:
            why = "；".join(explanation(x, self.ctx.lang)[-2:])
            lines.append(f"<b>{x.title}</b>：{day(x.due_on)}" + (f"（{why}）" if why else ""))
        self.created.setText(self.tr("New deadlines:") + "<br>" + "<br>".join(lines))
        self.created.show()

    def _fill_timeline(self, d: dto.CaseDetail) -> None:
        ctx = self.ctx
        lab = ctx.label
        events: list[tuple[date, int, Node]] = []
        for r in d.referrals:
            direction = self.tr("to") if r.direction == "outgoing" else self.tr("from")
            node = Node(
                [day(r.sent_on),
                 self.tr("Referral {0} {1}").format(direction, lab(BODY_TYPES, r.body_type)),
                 " ".join(x for x in (r.body_name, lab(REFERRAL_KINDS, r.kind),
                                      r.their_reference or "") if x),
                 lab(REFERRAL_STATUSES, r.status) + (f"：{r.outcome}" if r.outcome else "")],
                payload=r, color=REFERRAL, bold=True, tooltip=r.notes,
            )
            if r.accepted_on:
                node.add(Node([day(r.accepted_on), self.tr("Accepted"), "", ""]))
            events.append((r.sent_on, 0, node))
        for m in d.mediations:
            node = Node(
                [day(m.started_on),
                 self.tr("Mediation ({0})").format(lab(MEDIATION_STAGES, m.stage)),
                 self.tr("Mediator: {0}").format(m.mediator_name or "—"),
                 lab(MEDIATION_STATUSES, m.status)],
                payload=m, color=MEDIATION, bold=True, tooltip=m.notes,
            )
            for s in m.sessions:
                node.add(Node([moment(s.held_at), self.tr("Session"),
                               " ".join(x for x in (s.place or "", s.summary or "") if x), ""],
                              payload=s, tooltip=s.summary))
            if m.agreement_on:
                node.add(Node(
                    [day(m.agreement_on), self.tr("Agreement"),
                     self.tr("{0}, to be performed by {1}").format(
                         money(m.agreement_amount_fen), day(m.performance_deadline)),
                     "、".join((lab(PERFORMANCE, m.performance),
                               lab(CONFIRMATION, m.confirmation)))],
                    payload=m,
                ))
            events.append((m.started_on, 1, node))
        for p in d.proceedings:
            status = (self.tr("accepted {0}").format(day(p.accepted_on)) if p.accepted_on
                      else self.tr("awaiting acceptance"))
            node = Node(
                [day(p.applied_on), lab(PROCEEDING_KINDS, p.kind),
                 " ".join(x for x in (p.body_name, p.tribunal_number or "") if x), status],
                payload=p, color=PROCEEDING, bold=True,
            )
            for h in p.hearings:
                node.add(Node([moment(h.held_at), self.tr("Hearing"), h.place or "",
                               h.notes or ""], payload=h))
            if p.decision_kind and p.decision_received_on:
                awarded = money(p.amount_awarded_fen) if p.amount_awarded_fen is not None else ""
                node.add(Node(
                    [day(p.decision_received_on), lab(AWARD_KINDS, p.decision_kind),
                     " ".join(x for x in (awarded, p.result or "") if x),
                     self.tr("appeal by {0}").format(day(p.appeal_deadline))
                     if p.appeal_deadline else ""],
                    payload=p, tooltip=p.result,
                ))
            events.append((p.applied_on, 2, node))
        events.sort(key=lambda e: (e[0], e[1]))
        self.timeline.set_roots([n for _d, _k, n in events])
        self.view.expandAll()


def _kind_of(payload: Any) -> str:
    if isinstance(payload, dto.ReferralInfo):
        return "referral"
    if isinstance(payload, dto.MediationInfo):
        return "mediation"
    if isinstance(payload, dto.ProceedingInfo):
        return "proceeding"
    return ""
