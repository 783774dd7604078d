"""The 历史 tab: the case's audit events in plain words (who, when, what changed from
what to what), views of personal data shown on request."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from legalaid import dto
from legalaid.rules.money import format_yuan
from legalaid.vocab import (
    APPLICANT_ROLES,
    AWARD_KINDS,
    BODY_TYPES,
    CASE_SOURCES,
    CASE_STATUSES,
    CONFIRMATION,
    DISPUTE_TYPES,
    HANDLING_METHODS,
    MEDIATION_STAGES,
    MEDIATION_STATUSES,
    OUTCOMES,
    PERFORMANCE,
    PROCEEDING_KINDS,
    RECOVERY_CHANNELS,
    RECOVERY_KINDS,
    REFERRAL_KINDS,
    REFERRAL_STATUSES,
    RESPONDENT_ROLES,
    Vocabulary,
)
from ui.case.common import qtr
from ui.format import moment
from ui.models.rows import GREY, Column, RowsModel
from ui.widgets.tables import make_table

if TYPE_CHECKING:
    from ui.case.window import CaseWindow

C = "CaseHistory"
ACTIONS = {
    "create": QT_TRANSLATE_NOOP("CaseHistory", "added"),
    "update": QT_TRANSLATE_NOOP("CaseHistory", "changed"),
    "view": QT_TRANSLATE_NOOP("CaseHistory", "viewed"),
    "transition": QT_TRANSLATE_NOOP("CaseHistory", "status changed"),
    "archive": QT_TRANSLATE_NOOP("CaseHistory", "removed"),
    "generate": QT_TRANSLATE_NOOP("CaseHistory", "generated"),
}
ENTITIES = {
    "case": QT_TRANSLATE_NOOP("CaseHistory", "case"),
    "wage_claim": QT_TRANSLATE_NOOP("CaseHistory", "wage claim"),
    "recovery": QT_TRANSLATE_NOOP("CaseHistory", "payment received"),
    "instalment": QT_TRANSLATE_NOOP("CaseHistory", "instalment"),
    "referral": QT_TRANSLATE_NOOP("CaseHistory", "referral"),
    "mediation": QT_TRANSLATE_NOOP("CaseHistory", "mediation"),
    "mediation_session": QT_TRANSLATE_NOOP("CaseHistory", "mediation session"),
    "proceeding": QT_TRANSLATE_NOOP("CaseHistory", "arbitration / litigation"),
    "hearing": QT_TRANSLATE_NOOP("CaseHistory", "hearing"),
    "deadline": QT_TRANSLATE_NOOP("CaseHistory", "deadline"),
    "note": QT_TRANSLATE_NOOP("CaseHistory", "note"),
    "document": QT_TRANSLATE_NOOP("CaseHistory", "document"),
    "case_applicants": QT_TRANSLATE_NOOP("CaseHistory", "applicant"),
    "case_respondents": QT_TRANSLATE_NOOP("CaseHistory", "respondent"),
    "person": QT_TRANSLATE_NOOP("CaseHistory", "party"),
    "employer": QT_TRANSLATE_NOOP("CaseHistory", "employer"),
}
FIELDS = {
    "status": QT_TRANSLATE_NOOP("CaseHistory", "status"),
    "outcome": QT_TRANSLATE_NOOP("CaseHistory", "outcome"),
    "title": QT_TRANSLATE_NOOP("CaseHistory", "title"),
    "dispute_type": QT_TRANSLATE_NOOP("CaseHistory", "dispute type"),
    "source": QT_TRANSLATE_NOOP("CaseHistory", "source"),
    "handling_method": QT_TRANSLATE_NOOP("CaseHistory", "handling"),
    "received_on": QT_TRANSLATE_NOOP("CaseHistory", "received on"),
    "accepted_on": QT_TRANSLATE_NOOP("CaseHistory", "accepted on"),
    "closed_on": QT_TRANSLATE_NOOP("CaseHistory", "closed on"),
    "lead_staff_id": QT_TRANSLATE_NOOP("CaseHistory", "lead staff"),
    "responsible_id": QT_TRANSLATE_NOOP("CaseHistory", "responsible"),
    "mediator_id": QT_TRANSLATE_NOOP("CaseHistory", "mediator"),
    "worker_count": QT_TRANSLATE_NOOP("CaseHistory", "workers"),
    "amount_claimed_fen": QT_TRANSLATE_NOOP("CaseHistory", "amount claimed"),
    "amount_awarded_fen": QT_TRANSLATE_NOOP("CaseHistory", "amount awarded"),
    "amount_fen": QT_TRANSLATE_NOOP("CaseHistory", "amount"),
    "agreement_amount_fen": QT_TRANSLATE_NOOP("CaseHistory", "agreed amount"),
    "facts": QT_TRANSLATE_NOOP("CaseHistory", "facts"),
    "claims_text": QT_TRANSLATE_NOOP("CaseHistory", "claims"),
    "urgent": QT_TRANSLATE_NOOP("CaseHistory", "urgent"),
    "refusal_reason": QT_TRANSLATE_NOOP("CaseHistory", "reason for refusal"),
    "closing_summary": QT_TRANSLATE_NOOP("CaseHistory", "closing summary"),
    "reopen_reason": QT_TRANSLATE_NOOP("CaseHistory", "reason for reopening"),
    "reason": QT_TRANSLATE_NOOP("CaseHistory", "reason"),
    "due_on": QT_TRANSLATE_NOOP("CaseHistory", "due on"),
    "done_at": QT_TRANSLATE_NOOP("CaseHistory", "done at"),
    "kind": QT_TRANSLATE_NOOP("CaseHistory", "kind"),
    "channel": QT_TRANSLATE_NOOP("CaseHistory", "channel"),
    "payer": QT_TRANSLATE_NOOP("CaseHistory", "payer"),
    "body_type": QT_TRANSLATE_NOOP("CaseHistory", "body"),
    "body_name": QT_TRANSLATE_NOOP("CaseHistory", "body name"),
    "their_reference": QT_TRANSLATE_NOOP("CaseHistory", "their reference"),
    "sent_on": QT_TRANSLATE_NOOP("CaseHistory", "sent on"),
    "stage": QT_TRANSLATE_NOOP("CaseHistory", "stage"),
    "agreement_on": QT_TRANSLATE_NOOP("CaseHistory", "agreed on"),
    "performance_deadline": QT_TRANSLATE_NOOP("CaseHistory", "performance deadline"),
    "performance": QT_TRANSLATE_NOOP("CaseHistory", "performance"),
    "confirmation": QT_TRANSLATE_NOOP("CaseHistory", "judicial confirmation"),
    "tribunal_number": QT_TRANSLATE_NOOP("CaseHistory", "tribunal case no."),
    "applied_on": QT_TRANSLATE_NOOP("CaseHistory", "applied on"),
    "decision_kind": QT_TRANSLATE_NOOP("CaseHistory", "decision"),
    "decision_received_on": QT_TRANSLATE_NOOP("CaseHistory", "decision received on"),
    "appeal_deadline": QT_TRANSLATE_NOOP("CaseHistory", "appeal deadline"),
    "result": QT_TRANSLATE_NOOP("CaseHistory", "result"),
    "held_at": QT_TRANSLATE_NOOP("CaseHistory", "held at"),
    "place": QT_TRANSLATE_NOOP("CaseHistory", "place"),
    "body": QT_TRANSLATE_NOOP("CaseHistory", "text"),
    "role": QT_TRANSLATE_NOOP("CaseHistory", "role"),
    "name": QT_TRANSLATE_NOOP("CaseHistory", "name"),
    "period_start": QT_TRANSLATE_NOOP("CaseHistory", "owed from"),
    "period_end": QT_TRANSLATE_NOOP("CaseHistory", "owed to"),
    "paid": QT_TRANSLATE_NOOP("CaseHistory", "paid"),
    "note": QT_TRANSLATE_NOOP("CaseHistory", "note"),
    "summary": QT_TRANSLATE_NOOP("CaseHistory", "summary"),
    "filename": QT_TRANSLATE_NOOP("CaseHistory", "file"),
    "template_id": QT_TRANSLATE_NOOP("CaseHistory", "template"),
}
# The same column means something else on some records.
ENTITY_FIELDS = {
    ("recovery", "received_on"): QT_TRANSLATE_NOOP("CaseHistory", "date received"),
    ("deadline", "title"): QT_TRANSLATE_NOOP("CaseHistory", "deadline"),
}
DOCUMENT_KINDS = {
    "generated": QT_TRANSLATE_NOOP("CaseHistory", "generated"),
    "attachment": QT_TRANSLATE_NOOP("CaseHistory", "evidence file"),
}
VOCABS: dict[str, Vocabulary] = {
    "status": CASE_STATUSES,
    "outcome": OUTCOMES,
    "dispute_type": DISPUTE_TYPES,
    "source": CASE_SOURCES,
    "handling_method": HANDLING_METHODS,
    "channel": RECOVERY_CHANNELS,
    "body_type": BODY_TYPES,
    "stage": MEDIATION_STAGES,
    "performance": PERFORMANCE,
    "confirmation": CONFIRMATION,
    "decision_kind": AWARD_KINDS,
}
KIND_VOCABS: dict[str, Vocabulary] = {
    "recovery": RECOVERY_KINDS,
    "proceeding": PROCEEDING_KINDS,
    "referral": REFERRAL_KINDS,
}
STATUS_VOCABS: dict[str, Vocabulary] = {
    "referral": REFERRAL_STATUSES,
    "mediation": MEDIATION_STATUSES,
}
ROLE_VOCABS: dict[str, Vocabulary] = {
    "case_applicants": APPLICANT_ROLES,
    "case_respondents": RESPONDENT_ROLES,
}
LIMIT = 60  # characters of long text shown in a line


def _t(text: object) -> str:
    return QCoreApplication.translate(C, str(text))


class Describer:
    """Turns an audit event into a readable line in the interface language."""

    def __init__(self, lang: str, staff: dict[str, str]) -> None:
        self.lang = lang
        self.staff = staff
        self.titles: dict[str, str] = {}  # deadline id → title, to say which one changed

    def value(self, entity: str, field: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return qtr("CaseHistory", "yes") if value else qtr("CaseHistory", "no")
        if field.endswith("_fen") and isinstance(value, int):
            return format_yuan(value)
        if field.endswith("_id") and field in ("lead_staff_id", "responsible_id", "mediator_id"):
            return self.staff.get(str(value), qtr("CaseHistory", "(someone)"))
        vocab = VOCABS.get(field)
        if field == "kind" and entity == "document":
            return _t(DOCUMENT_KINDS.get(str(value), str(value)))
        if field == "kind":
            vocab = KIND_VOCABS.get(entity)
        elif field == "status" and entity in STATUS_VOCABS:
            vocab = STATUS_VOCABS[entity]
        elif field == "role":
            vocab = ROLE_VOCABS.get(entity)
        if vocab is not None:
            return vocab.label(str(value), self.lang)
        if field.endswith("_at") and isinstance(value, str):
            try:
                return moment(datetime.fromisoformat(value))
            except ValueError:
                return value
        text = str(value).replace("\n", " ")
        if isinstance(value, str) and len(text) > LIMIT:
            text = text[: LIMIT - 1] + "…"
        if isinstance(value, date):
            return value.isoformat()
        return text

    def changes(self, ev: dto.AuditInfo) -> str:
        before, after = ev.before or {}, ev.after or {}
        if ev.action == "view":
            people = after.get("people") or []
            return qtr("CaseHistory", "opened the case ({0} people's personal data shown)").format(
                len(people)
            )
        if "applicants_added" in after:
            return qtr("CaseHistory", "{0} applicants added").format(after["applicants_added"])
        if "respondent_added" in after:
            return qtr("CaseHistory", "a respondent added")
        parts = []
        if ev.action == "update" and ev.entity_id in self.titles and "title" not in after:
            parts.append(f"「{self.titles[ev.entity_id]}」")
        keys = (
            [k for k in after if k in FIELDS]
            if ev.action != "create"
            else [k for k in after if k in FIELDS and after[k] not in (None, "", False, 0)]
        )
        if ev.action in ("update", "transition"):  # some events keep whole snapshots
            keys = [k for k in keys if k not in before or before[k] != after[k]]
        for k in keys:
            new = self.value(ev.entity, k, after[k])
            label = _t(ENTITY_FIELDS.get((ev.entity, k), FIELDS[k]))
            if ev.action in ("update", "transition") and k in before:
                old = self.value(ev.entity, k, before[k])
                parts.append(f"{label}：{old} → {new}")
            else:
                parts.append(f"{label}：{new}")
        return "；".join(parts)


class HistoryTab(QWidget):
    def __init__(self, window: CaseWindow) -> None:
        super().__init__()
        self.win = window
        self.ctx = window.ctx
        self.setObjectName("historyTab")
        self.events: list[dto.AuditInfo] = []
        self.describer = Describer(self.ctx.lang, {})
        self.model: RowsModel[dto.AuditInfo] = RowsModel(
            [
                Column(self.tr("When"), lambda e: moment(e.at)),
                Column(self.tr("Who"), lambda e: e.staff_name or self.tr("(system)")),
                Column(self.tr("Did"), lambda e: _t(ACTIONS.get(e.action, e.action))),
                Column(self.tr("What"), lambda e: _t(ENTITIES.get(e.entity, e.entity))),
                Column(
                    self.tr("Details"),
                    self.describer.changes,
                    color=lambda e: GREY if e.action == "view" else None,
                    tooltip=self.describer.changes,
                ),
            ],
            key=lambda e: e.id,
            parent=self,
        )
        self.view = make_table(self.model)
        self.view.setObjectName("historyTable")
        for col, width in ((0, 130), (1, 70), (2, 80), (3, 110)):
            self.view.setColumnWidth(col, width)
        self.show_views = QCheckBox(self.tr("Show &views of personal data"))
        self.show_views.toggled.connect(lambda _on: self._fill())
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.show_views)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self._stale = True

    def set_detail(self, d: dto.CaseDetail) -> None:
        self.describer.titles = {x.id: x.title for x in d.deadlines}
        self._stale = True
        if self.isVisible():
            self.load()

    def shown(self) -> None:
        if self._stale:
            self.load()

    def load(self) -> None:
        self._stale = False
        case_id = self.win.case_id
        self.ctx.query(self, lambda col: col.cases.history(case_id)).success(
            self._loaded
        ).run_in_background()

    def _loaded(self, events: list[dto.AuditInfo]) -> None:
        self.describer.staff = {s.id: s.name for s in self.ctx.staff}
        self.events = sorted(events, key=lambda e: e.seq, reverse=True)
        self._fill()

    def _fill(self) -> None:
        rows = [e for e in self.events if self.show_views.isChecked() or e.action != "view"]
        self.model.set_rows(rows)
        self.count.setText(self.tr("{0} events").format(len(rows)))
