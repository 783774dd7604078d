"""Dialogs that record referrals, mediation and proceedings through ``col.procedures``
(each event creates the statutory deadlines that follow from it)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from legalaid import dto
from legalaid.inputs import (
    AgreementInput,
    DecisionInput,
    MediationInput,
    ProceedingInput,
    ReferralInput,
    ReferralUpdate,
)
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
from ui.case.common import FormDialog, qtr
from ui.case.money import InstalmentEditor

if TYPE_CHECKING:
    from ui.case.window import CaseWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("ProcedureDialogs", text)


def _dialog(
    win: CaseWindow, title: str, action: Any, name: str, version: int | None = None
) -> FormDialog:
    dlg = FormDialog(win.ctx, title, action, win, version=version, name=name)
    dlg.reload_requested.connect(win.reload)
    return dlg


def add_referral(win: CaseWindow) -> FormDialog:
    case_id = win.case_id

    def action(col: Any, v: dict[str, Any]) -> Any:
        return col.procedures.add_referral(
            case_id,
            ReferralInput(
                direction=v["direction"],
                body_type=v["body_type"],
                body_name=v["body_name"] or "",
                sent_on=v["sent_on"],
                kind=v["kind"],
                their_reference=v["their_reference"],
                notes=v["notes"],
            ),
        )

    dlg = _dialog(win, qtr("ProcedureDialogs", "Record a referral"), action, "referralDialog")
    dlg.choice(
        "direction",
        qtr("ProcedureDialogs", "&Direction"),
        [
            (qtr("ProcedureDialogs", "Outgoing (we send the case)"), "outgoing"),
            (qtr("ProcedureDialogs", "Incoming (sent to us)"), "incoming"),
        ],
    )
    dlg.code("body_type", qtr("ProcedureDialogs", "&Body"), BODY_TYPES, "arbitration")
    dlg.text("body_name", qtr("ProcedureDialogs", "Body &name"), "")
    dlg.code("kind", qtr("ProcedureDialogs", "&Kind"), REFERRAL_KINDS, "transfer")
    dlg.text("their_reference", qtr("ProcedureDialogs", "Their &reference no."), "")
    dlg.date("sent_on", qtr("ProcedureDialogs", "&Sent on"), win.ctx.today())
    dlg.text("notes", qtr("ProcedureDialogs", "N&otes"), "", multiline=True)
    return dlg


def update_referral(win: CaseWindow, r: dto.ReferralInfo) -> FormDialog:
    def action(col: Any, v: dict[str, Any]) -> Any:
        return col.procedures.update_referral(
            r.id,
            ReferralUpdate(
                expected_version=v["version"],
                status=v["status"],
                accepted_on=v["accepted_on"],
                their_reference=v["their_reference"],
                outcome=v["outcome"],
                outcome_on=v["outcome_on"],
                notes=v["notes"],
            ),
        )

    dlg = _dialog(
        win,
        qtr("ProcedureDialogs", "Referral to {0}").format(r.body_name),
        action,
        "referralUpdateDialog",
        r.version,
    )
    dlg.code("status", qtr("ProcedureDialogs", "&Status"), REFERRAL_STATUSES, r.status)
    dlg.date("accepted_on", qtr("ProcedureDialogs", "&Accepted on"), r.accepted_on, optional=True)
    dlg.text("their_reference", qtr("ProcedureDialogs", "Their &reference no."), r.their_reference)
    dlg.text("outcome", qtr("ProcedureDialogs", "&Outcome"), r.outcome, multiline=True)
    dlg.date("outcome_on", qtr("ProcedureDialogs", "Outcome o&n"), r.outcome_on, optional=True)
    dlg.text("notes", qtr("ProcedureDialogs", "N&otes"), r.notes, multiline=True)
    return dlg


def start_mediation(win: CaseWindow) -> FormDialog:
    case_id = win.case_id
    d = win.detail

    def action(col: Any, v: dict[str, Any]) -> Any:
        return col.procedures.start_mediation(
            case_id,
            MediationInput(
                started_on=v["started_on"],
                stage=v["stage"],
                mediator_id=v["mediator_id"],
                referral_id=v["referral_id"],
                notes=v["notes"],
            ),
        )

    dlg = _dialog(win, qtr("ProcedureDialogs", "Start mediation"), action, "mediationDialog")
    dlg.date("started_on", qtr("ProcedureDialogs", "&Started on"), win.ctx.today())
    dlg.code("stage", qtr("ProcedureDialogs", "S&tage"), MEDIATION_STAGES, "pre_arbitration")
    mediators = [(s.name, s.id) for s in win.ctx.staff if s.active]
    dlg.choice(
        "mediator_id",
        qtr("ProcedureDialogs", "&Mediator"),
        [(qtr("ProcedureDialogs", "(none)"), None), *mediators],
    )
    dlg.choice(
        "referral_id",
        qtr("ProcedureDialogs", "Under &referral"),
        [(qtr("ProcedureDialogs", "(none)"), None)]
        + [(f"{r.body_name} {r.sent_on:%Y-%m-%d}", r.id) for r in (d.referrals if d else ())],
    )
    dlg.text("notes", qtr("ProcedureDialogs", "N&otes"), "", multiline=True)
    return dlg


def add_session(win: CaseWindow, m: dto.MediationInfo) -> FormDialog:
    def action(col: Any, v: dict[str, Any]) -> Any:
        return col.procedures.add_session(m.id, v["held_at"], v["place"], v["summary"])

    dlg = _dialog(win, qtr("ProcedureDialogs", "Mediation session"), action, "sessionDialog")
    dlg.moment(
        "held_at",
        qtr("ProcedureDialogs", "&Held at"),
        datetime.combine(win.ctx.today(), time(9, 30)),
    )
    dlg.text("place", qtr("ProcedureDialogs", "&Place"), "")
    dlg.text("summary", qtr("ProcedureDialogs", "&Summary"), "", multiline=True)
    return dlg


def record_agreement(win: CaseWindow, m: dto.MediationInfo) -> FormDialog:
    def action(col: Any, v: dict[str, Any]) -> Any:
        return col.procedures.record_agreement(
            m.id,
            AgreementInput(
                agreement_on=v["agreement_on"],
                amount=v["amount"] or "",
                performance_deadline=v["performance_deadline"],
                instalments=list(v["instalments"]),
            ),
            expected_version=v["version"],
        )

    dlg = _dialog(
        win, qtr("ProcedureDialogs", "Mediation agreement"), action, "agreementDialog", m.version
    )
    today = win.ctx.today()
    dlg.date("agreement_on", qtr("ProcedureDialogs", "&Agreed on"), today)
    dlg.text("amount", qtr("ProcedureDialogs", "&Amount (yuan)"), "")
    dlg.date(
        "performance_deadline",
        qtr("ProcedureDialogs", "&Performance deadline"),
        today + timedelta(days=30),
    )
    editor = InstalmentEditor(today + timedelta(days=30))
    dlg.extra(
        "instalments",
        qtr("ProcedureDialogs", "&Instalments (optional; must add up)"),
        editor,
        editor.plan,
    )
    return dlg


def update_mediation(win: CaseWindow, m: dto.MediationInfo) -> FormDialog:
    def action(col: Any, v: dict[str, Any]) -> Any:
        return col.procedures.update_mediation(
            m.id,
            expected_version=v["version"],
            status=v["status"],
            performance=v["performance"],
            performed_on=v["performed_on"],
            confirmation=v["confirmation"],
            confirmed_on=v["confirmed_on"],
        )

    dlg = _dialog(
        win,
        qtr("ProcedureDialogs", "Mediation: performance and confirmation"),
        action,
        "mediationUpdateDialog",
        m.version,
    )
    dlg.code("status", qtr("ProcedureDialogs", "&Status"), MEDIATION_STATUSES, m.status)
    dlg.code("performance", qtr("ProcedureDialogs", "&Performance"), PERFORMANCE, m.performance)
    dlg.date(
        "performed_on", qtr("ProcedureDialogs", "Performed o&n"), m.performed_on, optional=True
    )
    dlg.code(
        "confirmation",
        qtr("ProcedureDialogs", "Judicial &confirmation"),
        CONFIRMATION,
        m.confirmation,
    )
    dlg.date(
        "confirmed_on", qtr("ProcedureDialogs", "Con&firmed on"), m.confirmed_on, optional=True
    )
    return dlg


def add_proceeding(win: CaseWindow) -> FormDialog:
    case_id = win.case_id

    def action(col: Any, v: dict[str, Any]) -> Any:
        return col.procedures.add_proceeding(
            case_id,
            ProceedingInput(
                kind=v["kind"],
                body_name=v["body_name"] or "",
                applied_on=v["applied_on"],
                tribunal_number=v["tribunal_number"],
                accepted_on=v["accepted_on"],
            ),
        )

    dlg = _dialog(
        win, qtr("ProcedureDialogs", "Arbitration or litigation"), action, "proceedingDialog"
    )
    dlg.code("kind", qtr("ProcedureDialogs", "&Kind"), PROCEEDING_KINDS, "arbitration")
    dlg.text("body_name", qtr("ProcedureDialogs", "&Tribunal / court"), "")
    dlg.text("tribunal_number", qtr("ProcedureDialogs", "Case &no. there"), "")
    dlg.date("applied_on", qtr("ProcedureDialogs", "&Applied on"), win.ctx.today())
    dlg.date("accepted_on", qtr("ProcedureDialogs", "A&ccepted on"), None, optional=True)
    return dlg


def accept_proceeding(win: CaseWindow, p: dto.ProceedingInfo) -> FormDialog:
    def action(col: Any, v: dict[str, Any]) -> Any:
        return col.procedures.update_proceeding(
            p.id,
            expected_version=v["version"],
            accepted_on=v["accepted_on"],
            tribunal_number=v["tribunal_number"],
        )

    dlg = _dialog(
        win,
        qtr("ProcedureDialogs", "Accepted: {0}").format(p.body_name),
        action,
        "proceedingUpdateDialog",
        p.version,
    )
    dlg.date(
        "accepted_on", qtr("ProcedureDialogs", "A&ccepted on"), p.accepted_on or win.ctx.today()
    )
    dlg.text("tribunal_number", qtr("ProcedureDialogs", "Case &no. there"), p.tribunal_number)
    return dlg


def add_hearing(win: CaseWindow, p: dto.ProceedingInfo) -> FormDialog:
    def action(col: Any, v: dict[str, Any]) -> Any:
        return col.procedures.add_hearing(p.id, v["held_at"], v["place"], v["notes"])

    dlg = _dialog(
        win, qtr("ProcedureDialogs", "Hearing: {0}").format(p.body_name), action, "hearingDialog"
    )
    dlg.moment(
        "held_at",
        qtr("ProcedureDialogs", "&Held at"),
        datetime.combine(win.ctx.today(), time(9, 0)),
    )
    dlg.text("place", qtr("ProcedureDialogs", "&Place"), "")
    dlg.text("notes", qtr("ProcedureDialogs", "N&otes"), "", multiline=True)
    return dlg


def record_decision(win: CaseWindow, p: dto.ProceedingInfo) -> FormDialog:
    def action(col: Any, v: dict[str, Any]) -> Any:
        return col.procedures.record_decision(
            p.id,
            DecisionInput(
                decision_kind=v["decision_kind"],
                received_on=v["received_on"],
                result=v["result"],
                amount_awarded=v["amount_awarded"],
            ),
            expected_version=v["version"],
        )

    dlg = _dialog(
        win,
        qtr("ProcedureDialogs", "Award or judgment: {0}").format(p.body_name),
        action,
        "decisionDialog",
        p.version,
    )
    default = "non_final" if p.kind == "arbitration" else "judgment"
    dlg.code("decision_kind", qtr("ProcedureDialogs", "&Kind"), AWARD_KINDS, default)
    dlg.date("received_on", qtr("ProcedureDialogs", "&Received on"), win.ctx.today())
    dlg.text("amount_awarded", qtr("ProcedureDialogs", "&Amount awarded (yuan)"), "")
    dlg.text("result", qtr("ProcedureDialogs", "Re&sult"), "", multiline=True)
    return dlg
