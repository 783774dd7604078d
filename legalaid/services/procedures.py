"""Referrals, mediation and proceedings. Recording an event creates the statutory
deadlines that follow from it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from legalaid import dto
from legalaid.inputs import (
    AgreementInput,
    DecisionInput,
    MediationInput,
    ProceedingInput,
    ReferralInput,
    ReferralUpdate,
)
from legalaid.models import Case, Hearing, Mediation, MediationSession, Proceeding, Referral
from legalaid.services import convert
from legalaid.services.audit import diff, snapshot
from legalaid.services.checks import Checker
from legalaid.services.common import check_version, get_row
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

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from legalaid.collection import Collection

# Which rule a referral of this kind to this body starts.
REFERRAL_RULES = {
    ("court", "delegated_mediation"): "court_delegated_mediation",
    ("court", "entrusted_mediation"): "court_entrusted_mediation",
    ("labour_inspection", "complaint"): "labour_inspection_acceptance",
    ("labour_inspection", "transfer"): "labour_inspection_acceptance",
    ("legal_aid_centre", "legal_aid"): "legal_aid_decision",
}

# Which rules a decision received starts.
DECISION_RULES = {
    "final": ("final_award_worker_suit", "final_award_set_aside"),
    "non_final": ("nonfinal_award_suit",),
    "judgment": ("judgment_appeal",),
    "ruling": ("ruling_appeal",),
}


class ProcedureService:
    def __init__(self, col: Collection) -> None:
        self.col = col

    def _changes(self, case_id: str) -> dto.OpChanges:
        return dto.OpChanges.of("case", "deadline", case_id=case_id)

    # -- referrals ----------------------------------------------------------------------

    def add_referral(self, case_id: str, data: ReferralInput) -> dto.Op[dto.ReferralInfo]:
        chk = Checker()
        chk.require(
            data.direction in ("outgoing", "incoming"),
            "direction",
            "unknown_code",
            "方向只能是转出或转入",
            "Direction must be outgoing or incoming",
        )
        chk.code(BODY_TYPES, data.body_type, "body_type")
        chk.code(REFERRAL_KINDS, data.kind, "kind")
        name = chk.text(data.body_name, "body_name", 200, required=True)
        ref = chk.text(data.their_reference, "their_reference", 100)
        notes = chk.text(data.notes, "notes", 5000, multiline=True)
        chk.not_future(data.sent_on, "sent_on", self.col.today())
        chk.done()
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            row = Referral(
                office_id=case.office_id,
                case_id=case.id,
                direction=data.direction,
                body_type=data.body_type,
                body_name=name,
                kind=data.kind,
                their_reference=ref,
                sent_on=data.sent_on,
                notes=notes,
            )
            s.add(row)
            s.flush()
            self.col.audit(
                s,
                "create",
                "referral",
                row.id,
                office_id=case.office_id,
                case_id=case.id,
                after=snapshot(row),
            )
            rule = REFERRAL_RULES.get((data.body_type, data.kind))
            if rule and data.direction == "outgoing":
                self.col.deadlines.add_for_rule(
                    s, case, rule, data.sent_on, source_ref=f"referral:{row.id}"
                )
            return dto.Op(convert.referral(row), self._changes(case.id))

    def update_referral(self, referral_id: str, upd: ReferralUpdate) -> dto.Op[dto.ReferralInfo]:
        chk = Checker()
        if upd.status is not None:
            chk.code(REFERRAL_STATUSES, upd.status, "status")
        outcome = chk.text(upd.outcome, "outcome", 5000, multiline=True)
        ref = chk.text(upd.their_reference, "their_reference", 100)
        chk.not_future(upd.accepted_on, "accepted_on", self.col.today())
        chk.not_future(upd.outcome_on, "outcome_on", self.col.today())
        chk.done()
        with self.col.write() as s:
            row = get_row(s, Referral, referral_id, "转介", "referral")
            self.col.require("case.write", case_id=row.case_id, session=s)
            check_version(row, upd.expected_version, "referral")
            c2 = Checker()
            c2.order(row.sent_on, upd.accepted_on, "sent_on", "accepted_on")
            c2.order(upd.accepted_on or row.sent_on, upd.outcome_on, "accepted_on", "outcome_on")
            c2.done()
            before = snapshot(row)
            for k, v in (
                ("status", upd.status),
                ("accepted_on", upd.accepted_on),
                ("their_reference", ref),
                ("outcome", outcome),
                ("outcome_on", upd.outcome_on),
                ("notes", upd.notes),
            ):
                if v is not None:
                    setattr(row, k, v)
            s.flush()
            b, a = diff(before, snapshot(row))
            self.col.audit(
                s,
                "update",
                "referral",
                row.id,
                office_id=row.office_id,
                case_id=row.case_id,
                before=b,
                after=a,
            )
            return dto.Op(convert.referral(row), self._changes(row.case_id))

    # -- mediation ---------------------------------------------------------------------

    def start_mediation(self, case_id: str, data: MediationInput) -> dto.Op[str]:
        """Open a mediation; the 15-day window to reach agreement starts (Art.14)."""
        chk = Checker()
        chk.code(MEDIATION_STAGES, data.stage, "stage")
        notes = chk.text(data.notes, "notes", 5000, multiline=True)
        chk.not_future(data.started_on, "started_on", self.col.today())
        chk.done()
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            row = Mediation(
                office_id=case.office_id,
                case_id=case.id,
                stage=data.stage,
                mediator_id=data.mediator_id,
                started_on=data.started_on,
                referral_id=data.referral_id,
                notes=notes,
            )
            s.add(row)
            s.flush()
            self.col.audit(
                s,
                "create",
                "mediation",
                row.id,
                office_id=case.office_id,
                case_id=case.id,
                after=snapshot(row),
            )
            self.col.deadlines.add_for_rule(
                s,
                case,
                "mediation_agreement_window",
                data.started_on,
                source_ref=f"mediation:{row.id}",
            )
            return dto.Op(row.id, self._changes(case.id))

    def add_session(
        self,
        mediation_id: str,
        held_at: datetime,
        place: str | None = None,
        summary: str | None = None,
    ) -> dto.Op[str]:
        chk = Checker()
        place_v = chk.text(place, "place", 200)
        summary_v = chk.text(summary, "summary", 10000, multiline=True)
        chk.done()
        with self.col.write() as s:
            med = get_row(s, Mediation, mediation_id, "调解", "mediation")
            self.col.require("case.write", case_id=med.case_id, session=s)
            row = MediationSession(
                office_id=med.office_id,
                mediation_id=med.id,
                held_at=held_at,
                place=place_v,
                summary=summary_v,
            )
            s.add(row)
            s.flush()
            self.col.audit(
                s,
                "create",
                "mediation_session",
                row.id,
                office_id=med.office_id,
                case_id=med.case_id,
                after=snapshot(row),
            )
            return dto.Op(row.id, self._changes(med.case_id))

    def record_agreement(
        self, mediation_id: str, data: AgreementInput, *, expected_version: int
    ) -> dto.Op[None]:
        """A mediation agreement: judicial confirmation window (30 days), the performance
        deadline (after which a payment order may be sought) and any instalments."""
        chk = Checker()
        amount = chk.amount(data.amount, "amount", required=True)
        chk.order(
            data.agreement_on, data.performance_deadline, "agreement_on", "performance_deadline"
        )
        chk.not_future(data.agreement_on, "agreement_on", self.col.today())
        inst_amounts = [
            chk.amount(a, f"instalments[{i}].amount", required=True)
            for i, (_, a) in enumerate(data.instalments)
        ]
        if data.instalments and amount is not None:
            chk.require(
                sum(a or 0 for a in inst_amounts) == amount,
                "instalments",
                "sum",
                "分期金额合计须等于协议金额",
                "The instalments must add up to the agreed amount",
            )
        chk.done()
        with self.col.write() as s:
            med = get_row(s, Mediation, mediation_id, "调解", "mediation")
            self.col.require("case.write", case_id=med.case_id, session=s)
            check_version(med, expected_version, "mediation")
            case = get_row(s, Case, med.case_id, "案件", "case")
            before = snapshot(med)
            med.status = "agreed"
            med.agreement_on = data.agreement_on
            med.agreement_amount_fen = amount
            med.performance_deadline = data.performance_deadline
            s.flush()
            b, a = diff(before, snapshot(med))
            self.col.audit(
                s,
                "update",
                "mediation",
                med.id,
                office_id=med.office_id,
                case_id=med.case_id,
                before=b,
                after=a,
            )
            for d in self.col.deadlines_for_ref(s, f"mediation:{med.id}"):
                d.done_at = self.col.now()
            self.col.deadlines.add_for_rule(
                s,
                case,
                "judicial_confirmation",
                data.agreement_on,
                source_ref=f"agreement:{med.id}",
            )
            self.col.deadlines.add_on_date(
                s,
                case,
                "调解协议履行期限届满（未履行可申请支付令）",
                data.performance_deadline,
                source_ref=f"agreement-performance:{med.id}",
                statutory=True,
                explanation="劳动争议调解仲裁法第十六条：到期未履行的，可持调解协议书申请支付令\t"
                "Art.16: if not performed by this date, apply for a payment order",
            )
            if data.instalments:
                self.col.money.add_instalments_in(s, case, data.instalments, inst_amounts, med.id)
            return dto.Op(None, dto.OpChanges.of("case", "deadline", "recovery", case_id=case.id))

    def update_mediation(
        self,
        mediation_id: str,
        *,
        expected_version: int,
        status: str | None = None,
        performance: str | None = None,
        performed_on: object = None,
        confirmation: str | None = None,
        confirmed_on: object = None,
    ) -> dto.Op[None]:
        from datetime import date

        chk = Checker()
        if status is not None:
            chk.code(MEDIATION_STATUSES, status, "status")
        if performance is not None:
            chk.code(PERFORMANCE, performance, "performance")
        if confirmation is not None:
            chk.code(CONFIRMATION, confirmation, "confirmation")
        chk.done()
        with self.col.write() as s:
            med = get_row(s, Mediation, mediation_id, "调解", "mediation")
            self.col.require("case.write", case_id=med.case_id, session=s)
            check_version(med, expected_version, "mediation")
            before = snapshot(med)
            if status is not None:
                med.status = status
            if performance is not None:
                med.performance = performance
            if isinstance(performed_on, date):
                med.performed_on = performed_on
            if confirmation is not None:
                med.confirmation = confirmation
            if isinstance(confirmed_on, date):
                med.confirmed_on = confirmed_on
            s.flush()
            if med.performance == "full":
                for d in self.col.deadlines_for_ref(s, f"agreement-performance:{med.id}"):
                    d.done_at = self.col.now()
            if med.confirmation in ("applied", "confirmed"):
                for d in self.col.deadlines_for_ref(s, f"agreement:{med.id}"):
                    d.done_at = self.col.now()
            b, a = diff(before, snapshot(med))
            self.col.audit(
                s,
                "update",
                "mediation",
                med.id,
                office_id=med.office_id,
                case_id=med.case_id,
                before=b,
                after=a,
            )
            return dto.Op(None, self._changes(med.case_id))

    # -- proceedings ---------------------------------------------------------------------

    def add_proceeding(self, case_id: str, data: ProceedingInput) -> dto.Op[str]:
        """An arbitration or litigation stage. Arbitration: 5 days to accept (Art.29);
        once accepted, 45 days to the award (Art.43); a payment order: 5 days to decide."""
        chk = Checker()
        chk.code(PROCEEDING_KINDS, data.kind, "kind")
        body = chk.text(data.body_name, "body_name", 200, required=True)
        number = chk.text(data.tribunal_number, "tribunal_number", 100)
        chk.not_future(data.applied_on, "applied_on", self.col.today())
        chk.order(data.applied_on, data.accepted_on, "applied_on", "accepted_on")
        chk.done()
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            row = Proceeding(
                office_id=case.office_id,
                case_id=case.id,
                kind=data.kind,
                body_name=body,
                tribunal_number=number,
                applied_on=data.applied_on,
                accepted_on=data.accepted_on,
            )
            s.add(row)
            s.flush()
            self.col.audit(
                s,
                "create",
                "proceeding",
                row.id,
                office_id=case.office_id,
                case_id=case.id,
                after=snapshot(row),
            )
            self._proceeding_deadlines(s, case, row)
            return dto.Op(row.id, self._changes(case.id))

    def _proceeding_deadlines(self, s: Session, case: Case, row: Proceeding) -> None:
        dl = self.col.deadlines
        if row.kind == "arbitration":
            if row.accepted_on is None:
                dl.add_for_rule(
                    s,
                    case,
                    "arbitration_acceptance",
                    row.applied_on,
                    source_ref=f"proceeding:{row.id}:applied",
                )
            else:
                for d in self.col.deadlines_for_ref(s, f"proceeding:{row.id}:applied"):
                    d.done_at = self.col.now()
                dl.add_for_rule(
                    s,
                    case,
                    "arbitration_award",
                    row.accepted_on,
                    source_ref=f"proceeding:{row.id}:accepted",
                )
        elif row.kind == "payment_order":
            dl.add_for_rule(
                s,
                case,
                "payment_order_decision",
                row.applied_on,
                source_ref=f"proceeding:{row.id}:applied",
            )

    def update_proceeding(
        self,
        proceeding_id: str,
        *,
        expected_version: int,
        accepted_on: object = None,
        tribunal_number: str | None = None,
    ) -> dto.Op[None]:
        from datetime import date

        with self.col.write() as s:
            row = get_row(s, Proceeding, proceeding_id, "仲裁/诉讼", "proceeding")
            self.col.require("case.write", case_id=row.case_id, session=s)
            check_version(row, expected_version, "proceeding")
            case = get_row(s, Case, row.case_id, "案件", "case")
            before = snapshot(row)
            chk = Checker()
            if isinstance(accepted_on, date):
                chk.order(row.applied_on, accepted_on, "applied_on", "accepted_on")
                chk.not_future(accepted_on, "accepted_on", self.col.today())
                row.accepted_on = accepted_on
            if tribunal_number is not None:
                row.tribunal_number = chk.text(tribunal_number, "tribunal_number", 100)
            chk.done()
            s.flush()
            self._proceeding_deadlines(s, case, row)
            b, a = diff(before, snapshot(row))
            self.col.audit(
                s,
                "update",
                "proceeding",
                row.id,
                office_id=row.office_id,
                case_id=row.case_id,
                before=b,
                after=a,
            )
            return dto.Op(None, self._changes(row.case_id))

    def record_decision(
        self, proceeding_id: str, data: DecisionInput, *, expected_version: int
    ) -> dto.Op[list[dto.DeadlineInfo]]:
        """An award or judgment received: the appeal / set-aside windows start the next
        day and roll over holidays; returns the deadlines created."""
        chk = Checker()
        chk.code(AWARD_KINDS, data.decision_kind, "decision_kind")
        amount = chk.amount(data.amount_awarded, "amount_awarded")
        result = chk.text(data.result, "result", 20000, multiline=True)
        chk.not_future(data.received_on, "received_on", self.col.today())
        chk.done()
        with self.col.write() as s:
            row = get_row(s, Proceeding, proceeding_id, "仲裁/诉讼", "proceeding")
            self.col.require("case.write", case_id=row.case_id, session=s)
            check_version(row, expected_version, "proceeding")
            c2 = Checker()
            c2.order(row.applied_on, data.received_on, "applied_on", "received_on")
            c2.done()
            case = get_row(s, Case, row.case_id, "案件", "case")
            before = snapshot(row)
            row.decision_kind = data.decision_kind
            row.decision_received_on = data.received_on
            row.result = result
            row.amount_awarded_fen = amount
            for ref in (f"proceeding:{row.id}:applied", f"proceeding:{row.id}:accepted"):
                for d in self.col.deadlines_for_ref(s, ref):
                    d.done_at = self.col.now()
            created = []
            for rule in DECISION_RULES.get(data.decision_kind, ()):
                created.append(
                    self.col.deadlines.add_for_rule(
                        s, case, rule, data.received_on, source_ref=f"decision:{row.id}"
                    )
                )
            if created:
                row.appeal_deadline = created[0].due_on
            if amount is not None:  # the latest decision's award is what the case is owed
                case.amount_awarded_fen = amount
            s.flush()
            b, a = diff(before, snapshot(row))
            self.col.audit(
                s,
                "update",
                "proceeding",
                row.id,
                office_id=row.office_id,
                case_id=row.case_id,
                before=b,
                after=a,
            )
            return dto.Op(
                [convert.deadline(d, case.number) for d in created], self._changes(case.id)
            )

    def add_hearing(
        self,
        proceeding_id: str,
        held_at: datetime,
        place: str | None = None,
        notes: str | None = None,
    ) -> dto.Op[str]:
        """A hearing; it shows as a deadline on its day so it is never missed."""
        chk = Checker()
        place_v = chk.text(place, "place", 200)
        notes_v = chk.text(notes, "notes", 5000, multiline=True)
        chk.done()
        with self.col.write() as s:
            proc = get_row(s, Proceeding, proceeding_id, "仲裁/诉讼", "proceeding")
            self.col.require("case.write", case_id=proc.case_id, session=s)
            case = get_row(s, Case, proc.case_id, "案件", "case")
            row = Hearing(
                office_id=proc.office_id,
                proceeding_id=proc.id,
                held_at=held_at,
                place=place_v,
                notes=notes_v,
            )
            s.add(row)
            s.flush()
            self.col.audit(
                s,
                "create",
                "hearing",
                row.id,
                office_id=proc.office_id,
                case_id=proc.case_id,
                after=snapshot(row),
            )
            local = held_at.astimezone()
            self.col.deadlines.add_on_date(
                s,
                case,
                f"开庭（{proc.body_name} {local:%H:%M}）",
                local.date(),
                source_ref=f"hearing:{row.id}",
                statutory=False,
                remind_days=2,
            )
            return dto.Op(row.id, self._changes(proc.case_id))
