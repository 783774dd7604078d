"""Wage claims, the recovery ledger and instalment plans.

Recoveries are ledger rows: one per payment received, never a running total. A wrong
row is reversed by archiving it with a reason, which the audit log keeps.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid import dto
from legalaid.errors import ValidationError
from legalaid.inputs import RecoveryInput, WageClaimInput
from legalaid.models import Case, CaseApplicant, Instalment, Person, Recovery, WageClaim
from legalaid.services import convert
from legalaid.services.audit import snapshot
from legalaid.services.checks import Checker
from legalaid.services.common import check_version, get_row
from legalaid.vocab import RECOVERY_CHANNELS, RECOVERY_KINDS

if TYPE_CHECKING:
    from legalaid.collection import Collection


def check_claims(claims: list[WageClaimInput], prefix: str = "claims") -> list[int]:
    """Validate claims before anything is written; their amounts in fen."""
    chk = Checker()
    amounts: list[int | None] = []
    for i, c in enumerate(claims):
        amounts.append(chk.amount(c.amount, f"{prefix}[{i}].amount", required=True))
        chk.order(
            c.period_start,
            c.period_end,
            f"{prefix}[{i}].period_start",
            f"{prefix}[{i}].period_end",
        )
        chk.text(c.description, f"{prefix}[{i}].description", 300)
    chk.done()
    return [a or 0 for a in amounts]


class MoneyService:
    def __init__(self, col: Collection) -> None:
        self.col = col

    def add_claims(
        self, case_id: str, claims: list[WageClaimInput]
    ) -> dto.Op[list[dto.WageClaimInfo]]:
        """Record what workers are owed; all rows or none."""
        amounts = check_claims(claims)
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            out = self.add_claims_in(s, case, claims, amounts)
            return dto.Op(out, dto.OpChanges.of("case", "recovery", case_id=case.id))

    def add_claims_in(
        self, s: Session, case: Case, claims: list[WageClaimInput], amounts: list[int]
    ) -> list[dto.WageClaimInfo]:
        """Insert checked claims inside the caller's transaction."""
        applicants = set(
            s.scalars(select(CaseApplicant.person_id).where(CaseApplicant.case_id == case.id))
        )
        out = []
        for i, (c, amount) in enumerate(zip(claims, amounts, strict=True)):
            if c.person_id not in applicants:
                raise ValidationError.single(
                    f"claims[{i}].person_id",
                    "not_party",
                    "该职工不是本案申请人",
                    "That worker is not an applicant in this case",
                )
            row = WageClaim(
                office_id=case.office_id,
                case_id=case.id,
                person_id=c.person_id,
                employer_id=c.employer_id,
                period_start=c.period_start,
                period_end=c.period_end,
                amount_fen=amount,
                description=c.description,
            )
            s.add(row)
            s.flush()
            self.col.audit(
                s,
                "create",
                "wage_claim",
                row.id,
                office_id=case.office_id,
                case_id=case.id,
                after=snapshot(row),
            )
            person = s.get(Person, c.person_id)
            out.append(
                dto.WageClaimInfo(
                    row.id,
                    case.id,
                    row.person_id,
                    person.name if person else "",
                    row.employer_id,
                    None,
                    row.period_start,
                    row.period_end,
                    row.amount_fen,
                    row.description,
                    row.version,
                )
            )
        total = sum(amounts)
        if total > case.amount_claimed_fen:
            case.amount_claimed_fen = total
        return out

    def update_claim(
        self, claim_id: str, amount: str | int, *, expected_version: int
    ) -> dto.Op[None]:
        chk = Checker()
        fen = chk.amount(amount, "amount", required=True)
        chk.done()
        with self.col.write() as s:
            row = get_row(s, WageClaim, claim_id, "欠薪主张", "wage claim")
            self.col.require("case.write", case_id=row.case_id, session=s)
            check_version(row, expected_version, "wage claim")
            before = snapshot(row, ("amount_fen",))
            assert fen is not None
            row.amount_fen = fen
            s.flush()
            self.col.audit(
                s,
                "update",
                "wage_claim",
                row.id,
                office_id=row.office_id,
                case_id=row.case_id,
                before=before,
                after=snapshot(row, ("amount_fen",)),
            )
            return dto.Op(None, dto.OpChanges.of("case", "recovery", case_id=row.case_id))

    def record_recovery(self, case_id: str, data: RecoveryInput) -> dto.Op[dto.RecoveryInfo]:
        """Append one payment received to the case's ledger."""
        chk = Checker()
        amount = chk.amount(data.amount, "amount", required=True)
        chk.require(
            amount is None or amount > 0,
            "amount",
            "range",
            "金额必须大于0",
            "The amount must be above zero",
        )
        chk.code(RECOVERY_KINDS, data.kind, "kind")
        chk.code(RECOVERY_CHANNELS, data.channel, "channel")
        payer = chk.text(data.payer, "payer", 200)
        note = chk.text(data.note, "note", 500)
        chk.not_future(data.received_on, "received_on", self.col.today())
        chk.done()
        assert amount is not None
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            if data.received_on < case.received_on:
                raise ValidationError.single(
                    "received_on",
                    "order",
                    "到账日期早于案件登记日期",
                    "The payment date is before the case was received",
                )
            row = Recovery(
                office_id=case.office_id,
                case_id=case.id,
                person_id=data.person_id,
                wage_claim_id=data.wage_claim_id,
                received_on=data.received_on,
                amount_fen=amount,
                kind=data.kind,
                channel=data.channel,
                payer=payer,
                note=note,
                recorded_by_id=self.col.actor_id,
            )
            s.add(row)
            s.flush()
            changes = {"case", "recovery"}
            if data.instalment_id:
                inst = get_row(s, Instalment, data.instalment_id, "分期", "instalment")
                inst.paid = True
                inst.recovery_id = row.id
                changes.add("deadline")
                for d in self.col.deadlines_for_ref(s, f"instalment:{inst.id}"):
                    d.done_at = self.col.now()
            self.col.audit(
                s,
                "create",
                "recovery",
                row.id,
                office_id=case.office_id,
                case_id=case.id,
                after=snapshot(row),
            )
            return dto.Op(
                convert.recovery(row), dto.OpChanges(frozenset(changes), frozenset({case.id}))
            )

    def reverse_recovery(self, recovery_id: str, reason: str) -> dto.Op[None]:
        """Take a wrongly entered payment out of the totals (kept in the audit log)."""
        chk = Checker()
        reason_v = chk.text(reason, "reason", 500, required=True)
        chk.done()
        with self.col.write() as s:
            row = get_row(s, Recovery, recovery_id, "追回款项", "recovery")
            self.col.require("case.write", case_id=row.case_id, session=s)
            row.archived_at = self.col.now()
            self.col.audit(
                s,
                "archive",
                "recovery",
                row.id,
                office_id=row.office_id,
                case_id=row.case_id,
                before=snapshot(row),
                after={"reason": reason_v},
            )
            return dto.Op(None, dto.OpChanges.of("case", "recovery", case_id=row.case_id))

    def add_instalments(
        self, case_id: str, plan: list[tuple[date, str | int]], *, mediation_id: str | None = None
    ) -> dto.Op[list[dto.InstalmentInfo]]:
        """An instalment plan; each instalment's due date becomes a deadline."""
        chk = Checker()
        amounts = [
            chk.amount(a, f"instalments[{i}].amount", required=True)
            for i, (_, a) in enumerate(plan)
        ]
        chk.done()
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            out = self.add_instalments_in(s, case, plan, amounts, mediation_id)
            return dto.Op(out, dto.OpChanges.of("case", "deadline", "recovery", case_id=case.id))

    def add_instalments_in(self, s, case: Case, plan, amounts, mediation_id):  # type: ignore[no-untyped-def]
        out = []
        for n, ((due, _), fen) in enumerate(zip(plan, amounts, strict=True), start=1):
            inst = Instalment(
                office_id=case.office_id,
                case_id=case.id,
                mediation_id=mediation_id,
                due_on=due,
                amount_fen=fen,
            )
            s.add(inst)
            s.flush()
            from legalaid.rules.money import format_yuan

            self.col.deadlines.add_on_date(
                s,
                case,
                f"第{n}期付款到期（{format_yuan(fen)}）",
                due,
                source_ref=f"instalment:{inst.id}",
                explanation="分期付款到期，未付可申请支付令\tInstalment due; if unpaid a payment "
                "order may be sought",
            )
            self.col.audit(
                s,
                "create",
                "instalment",
                inst.id,
                office_id=case.office_id,
                case_id=case.id,
                after=snapshot(inst),
            )
            out.append(convert.instalment(inst))
        return out
