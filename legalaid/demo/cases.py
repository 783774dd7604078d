"""One case's story: parties, claims, and what happened to it up to the desk's today."""

from __future__ import annotations

import bisect
import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from legalaid.demo import data
from legalaid.demo.model import (
    CasePlan,
    ClaimPlan,
    ConsultationPlan,
    EmployerPlan,
    MediationPlan,
    NotePlan,
    PersonPlan,
    ProceedingPlan,
    RecoveryPlan,
    ReferralPlan,
)
from legalaid.demo.people import Weighted, make_person
from legalaid.vocab import OUTCOMES

if TYPE_CHECKING:
    from legalaid.demo.plan import Planner

_DISPUTE = {
    "default": Weighted(
        [
            ("wage_arrears", 52), ("severance", 10), ("work_injury", 8), ("social_insurance", 7),
            ("labour_contract", 6), ("overtime", 5), ("labour_relation", 5), ("dismissal", 5),
            ("other", 2),
        ]
    ),
    "construction": Weighted([("wage_arrears", 82), ("work_injury", 12), ("labour_relation", 6)]),
    "labour_subcontract": Weighted([("wage_arrears", 88), ("work_injury", 12)]),
    "platform": Weighted(
        [("labour_relation", 35), ("wage_arrears", 30), ("work_injury", 20), ("dismissal", 15)]
    ),
    "media": Weighted([("wage_arrears", 45), ("labour_relation", 35), ("labour_contract", 20)]),
}  # fmt: skip
_GROUP_P = {"construction": 0.17, "labour_subcontract": 0.17, "manufacturing": 0.04}
_SOURCE = Weighted(
    [
        ("walk_in", 40), ("hotline_12351", 22), ("phone", 10), ("online", 10),
        ("court_delegated", 7), ("arbitration_referred", 5), ("inspection_referred", 4),
        ("other", 2),
    ]
)  # fmt: skip
_METHOD = Weighted(
    [
        ("negotiation_mediation", 45), ("arbitration_agency", 24), ("document_drafting", 12),
        ("referral", 8), ("litigation_agency", 7), ("payment_order", 4),
    ]
)  # fmt: skip
_PROGRESS = {
    "negotiation_mediation": "negotiation",
    "arbitration_agency": "arbitration",
    "litigation_agency": "litigation",
    "payment_order": "payment_order",
    "referral": "referred",
}
_RECOVERY_KIND = {
    "wage_arrears": "wage_arrears",
    "overtime": "wage_arrears",
    "severance": "compensation",
    "dismissal": "compensation",
    "labour_contract": "compensation",
    "work_injury": "injury",
    "social_insurance": "social_insurance",
}
_CHANNEL_FOR_SOURCE = {"walk_in": "walk_in", "hotline_12351": "hotline_12351", "phone": "phone",
                       "online": "online"}  # fmt: skip
_INCOMING = {
    "court_delegated": ("court", data.COURTS, "delegated_mediation"),
    "arbitration_referred": ("arbitration", data.ARBITRATION, "transfer"),
    "inspection_referred": ("labour_inspection", data.INSPECTION, "transfer"),
}
_OUTGOING = Weighted(
    [
        (("labour_inspection", data.INSPECTION, "complaint"), 50),
        (("hrss", data.HRSS, "transfer"), 20),
        (("legal_aid_centre", data.LEGAL_AID, "legal_aid"), 15),
        (("court", data.COURTS, "delegated_mediation"), 15),
    ]
)
_SUCCESS = frozenset(
    {"mediated", "negotiated", "award_won", "award_partial", "judgment_won", "judgment_partial",
     "paid_by_order"}
)  # fmt: skip


def _yuan(v: float) -> int:
    """Whole yuan as fen, the way claims are usually stated."""
    return int(v) * 100


class CaseMaker:
    """Makes the cases of one office-year block from the block's random stream."""

    def __init__(self, planner: Planner, rng: random.Random, office: int, year: int) -> None:
        self.p = planner
        self.rng = rng
        self.office = office
        self.year = year
        self.today = planner.today
        self.employers, self.cum = planner.employers(office)
        self.recent: list[PersonPlan] = []
        self.n_people = 0
        self.tribunal_seq = 0

    # -- helpers ---------------------------------------------------------------------

    def _employer(self, industries: tuple[str, ...] | None = None) -> EmployerPlan:
        for _ in range(30):
            e = self.employers[bisect.bisect_right(self.cum, self.rng.random() * self.cum[-1])]
            if industries is None or e.industry in industries:
                return e
        return e

    def _person(self, industry: str, on: date) -> PersonPlan:
        if self.recent and self.rng.random() < 0.03:
            return self.rng.choice(self.recent)  # a returning worker
        self.n_people += 1
        person = make_person(
            self.rng, f"o{self.office}y{self.year}p{self.n_people}", self.p.offices[self.office],
            industry, on,
        )  # fmt: skip
        if len(self.recent) < 200:
            self.recent.append(person)
        else:
            self.recent[self.rng.randrange(200)] = person
        return person

    def _after(self, d: date, lo: int, hi: int) -> date:
        return d + timedelta(days=self.rng.randint(lo, hi))

    def _staff(self, *roles: str) -> int:
        return self.p.pick_staff(self.rng, self.office, roles)

    # -- the case --------------------------------------------------------------------------

    def case(self, seq: int, received: date) -> CasePlan:
        rng = self.rng
        employer = self._employer()
        industry = employer.industry
        dispute = _DISPUTE.get(industry, _DISPUTE["default"])(rng)
        group = dispute == "wage_arrears" and rng.random() < _GROUP_P.get(industry, 0.01)
        if group:
            size = min(300, 10 + int(rng.lognormvariate(2.6, 0.8)))
        else:
            size = 1 if rng.random() < 0.9 else rng.randint(2, 5)
        applicants: list[PersonPlan] = []
        seen: set[str] = set()
        for _ in range(size):
            person = self._person(industry, received)
            if person.key not in seen:
                seen.add(person.key)
                applicants.append(person)
        respondents: list[tuple[EmployerPlan, str, int | None]] = []
        if industry == "construction":
            respondents.append((employer, "general_contractor" if group else "employer", None))
            if group or rng.random() < 0.3:
                sub = self._employer(("labour_subcontract",))
                if sub is not employer:
                    respondents.append((sub, "labour_contractor", 0))
        elif industry == "platform":
            respondents.append((employer, "platform", None))
            if rng.random() < 0.4:
                agent = self._employer(("services", "logistics"))
                if agent is not employer:
                    respondents.append((agent, "employer", None))
        else:
            respondents.append((employer, "employer", None))
        direct = len(respondents) - 1
        first = applicants[0]
        who = first.name + (f"等{len(applicants)}人" if len(applicants) > 1 else "")
        wage = rng.randint(35, 95) * 100  # monthly wage, yuan
        months = rng.randint(1, 8)
        owed_from = received - timedelta(days=30 * months + rng.randint(0, 20))
        start = owed_from - timedelta(days=rng.randint(30, 900))
        claims: list[ClaimPlan] = []
        if dispute in ("wage_arrears", "overtime"):
            for i, _ in enumerate(applicants):
                per = _yuan(
                    wage * rng.uniform(0.6, 1.3) * months * (0.3 if dispute == "overtime" else 1)
                )
                what = "拖欠工资" if dispute == "wage_arrears" else "加班费"
                until = received - timedelta(days=rng.randint(0, 20))
                claims.append(ClaimPlan(i, direct, owed_from, until, max(per, 50_000), what))
            claimed = sum(c.amount_fen for c in claims)
        else:
            claimed = _yuan(rng.lognormvariate(9.9, 0.7))  # median ≈ 20,000 yuan
        source = _SOURCE(rng)
        others = []
        if rng.random() < 0.15:
            other = rng.choice(("social_insurance", "overtime", "severance", "labour_contract"))
            if other != dispute:
                others.append(other)
        method = _METHOD(rng)
        if dispute == "labour_relation" and method == "payment_order":
            method = "arbitration_agency"
        lead = self._staff(
            "lawyer" if method in ("arbitration_agency", "litigation_agency") else "mediator",
            "lawyer", "coordinator",
        )  # fmt: skip
        assisting = [self._staff("lawyer", "mediator")] if rng.random() < 0.25 else []
        assisting = [a for a in assisting if a != lead]
        fmt = data.FACTS[dispute]
        facts = fmt.format(
            start=f"{start.year}年{start.month}月", end=f"{owed_from.year}年{owed_from.month}月",
            owed_from=f"{owed_from.year}年{owed_from.month}月", employer=employer.name,
            job=first.occupation, wage=wage, amount=f"{claimed / 100:.0f}",
        )  # fmt: skip
        plan = CasePlan(
            office=self.office,
            year=self.year,
            seq=seq,
            received_on=received,
            title=data.TITLE_FORMS[dispute].format(who=who, employer=employer.name),
            dispute_type=dispute,
            other_dispute_types=others,
            source=source,
            handling_method=method,
            lead_staff=lead,
            assisting_staff=assisting,
            worker_count=len(applicants),
            amount_claimed_fen=claimed,
            facts=facts,
            claims_text=f"请求依法支付{'拖欠工资' if dispute == 'wage_arrears' else '相关款项'}"
            f"共计{claimed / 100:.2f}元。",
            urgent=rng.random() < 0.03,
            applicants=applicants,
            respondents=respondents,
            claims=claims,
        )
        self._consultation(plan)
        self._incoming(plan)
        self._life(plan)
        self._notes(plan)
        return plan

    def _consultation(self, plan: CasePlan) -> None:
        if plan.source not in _CHANNEL_FOR_SOURCE or self.rng.random() < 0.15:
            return
        rng = self.rng
        day = max(plan.received_on - timedelta(days=rng.randint(0, 10)), date(self.year, 1, 1))
        from legalaid.demo.plan import local_time

        first = plan.applicants[0]
        plan.consultation = ConsultationPlan(
            consulted_at=local_time(rng, day),
            channel=_CHANNEL_FOR_SOURCE[plan.source],
            topic=plan.dispute_type,
            caller_name=first.name,
            caller_phone=first.phone,
            employer_name=plan.respondents[0][0].name,
            question=rng.choice(data.QUESTIONS[plan.dispute_type]).format(months=rng.randint(1, 8)),
            answer="建议申请法律援助，已指导填写申请表。",
            staff=plan.lead_staff if plan.lead_staff is not None else self._staff("lawyer"),
            worker_count=plan.worker_count,
            person=first,
        )

    def _incoming(self, plan: CasePlan) -> None:
        if plan.source not in _INCOMING:
            return
        body_type, names, kind = _INCOMING[plan.source]
        sent = plan.received_on - timedelta(days=self.rng.randint(0, 3))
        plan.referrals.append(
            ReferralPlan(
                "incoming", body_type, self.rng.choice(names), kind, sent,
                f"（{plan.year}）洪{self.rng.randint(1, 9999):04d}号", "accepted",
                plan.received_on, None, None,
            )
        )  # fmt: skip

    # -- the life cycle --------------------------------------------------------------------

    def _life(self, plan: CasePlan) -> None:
        rng, today = self.rng, self.today
        r = plan.received_on
        if rng.random() < 0.04:  # refused at review
            day = self._after(r, 2, 7)
            if day <= today:
                plan.final_status, plan.outcome, plan.closed_on = "refused", "refused", day
                plan.refusal_reason = rng.choice(
                    (
                        "不属于工会法律援助范围",
                        "申请人经济状况不符合援助条件",
                        "已超过仲裁时效且无中断事由",
                    )
                )
                plan.handling_method = None
            else:
                plan.final_status = "eligibility_review"
            return
        accepted = self._after(r, 0, 4)
        if accepted > today:
            plan.final_status = "intake" if rng.random() < 0.5 else "eligibility_review"
            return
        plan.accepted_on = accepted
        plan.final_status = "accepted"
        method = plan.handling_method or "negotiation_mediation"
        progress = _PROGRESS.get(method)
        t = accepted
        if progress:
            t = self._after(accepted, 0, 3)
            if t > today:
                return
            plan.progress_status, plan.progress_on = progress, t
            plan.final_status = progress
        close: date | None
        outcome: str
        if method == "document_drafting":
            close, outcome = (
                self._after(t, 1, 15),
                ("advice_only" if rng.random() < 0.7 else "negotiated"),
            )
        elif method == "negotiation_mediation":
            close, outcome = self._negotiate(plan, t)
        elif method == "arbitration_agency":
            close, outcome = self._arbitrate(plan, t)
        elif method == "litigation_agency":
            close, outcome = self._litigate(plan, t)
        elif method == "payment_order":
            close, outcome = self._payment_order(plan, t)
        else:
            close, outcome = self._refer(plan, t)
        if rng.random() < 0.04 and plan.final_status != "referred":
            self._complaint(plan, t)
        if close is not None and close <= today:
            plan.final_status, plan.outcome, plan.closed_on = "closed", outcome, close
            plan.closing_summary = f"本案以“{OUTCOMES.zh(outcome)}”结案。"
        self._recover(plan)

    def _negotiate(self, plan: CasePlan, t: date) -> tuple[date | None, str]:
        rng = self.rng
        if rng.random() < 0.35:
            outcome = "negotiated" if rng.random() < 0.85 else "withdrawn"
            return self._after(t, 5, 50), outcome
        plan.progress_status = plan.final_status = "mediation"
        med = self._mediation(plan, t, "pre_arbitration")
        if med.status == "agreed":
            assert med.performance_deadline is not None
            return self._after(med.performance_deadline, 0, 5), "mediated"
        if med.status == "failed":
            return self._after(t, 20, 40), "other"
        return None, "mediated"

    def _mediation(self, plan: CasePlan, start: date, stage: str) -> MediationPlan:
        rng, today = self.rng, self.today
        med = MediationPlan(stage, self._staff("mediator", "coordinator"), start, [], "ongoing")
        plan.mediations.append(med)
        day = start
        for _ in range(rng.randint(1, 3)):
            day = self._after(day, 2, 8)
            if day > today:
                return med
            from legalaid.demo.plan import local_time

            med.sessions.append(
                (
                    local_time(rng, day),
                    rng.choice(data.PLACES),
                    "双方到场，就欠付金额和支付方式进行协商。",
                )
            )
        if rng.random() < 0.2:
            med.status = "failed"
            return med
        agreed = self._after(day, 0, 3)
        if agreed > today:
            return med
        med.status = "agreed"
        med.agreement_on = agreed
        med.agreement_amount_fen = int(plan.amount_claimed_fen * rng.uniform(0.7, 1.0)) // 100 * 100
        med.performance_deadline = self._after(agreed, 7, 40)
        if rng.random() < 0.2:
            confirmed = self._after(agreed, 3, 20)
            if confirmed <= today:
                med.confirmation, med.confirmed_on = "confirmed", confirmed
        if med.performance_deadline <= today:
            roll = rng.random()
            med.performance = "full" if roll < 0.85 else "partial" if roll < 0.93 else "defaulted"
            med.performed_on = med.performance_deadline - timedelta(days=rng.randint(0, 5))
            med.performed_on = max(med.performed_on, agreed)
        return med

    def _tribunal_no(self, prefix: str, year: int) -> str:
        self.tribunal_seq += 1
        return f"{prefix}〔{year}〕{self.office + 1}-{self.tribunal_seq}号"

    def _arbitration(self, plan: CasePlan, t: date, final_ok: bool) -> ProceedingPlan | None:
        rng, today = self.rng, self.today
        applied = self._after(t, 3, 20)
        if applied > today:
            return None
        proc = ProceedingPlan("arbitration", rng.choice(data.ARBITRATION), None, applied, None, [])
        plan.proceedings.append(proc)
        accepted = self._after(applied, 1, 5)
        if accepted > today:
            return proc
        proc.accepted_on = accepted
        proc.tribunal_number = self._tribunal_no("洪劳人仲案字", accepted.year)
        from legalaid.demo.plan import local_time

        hearing = self._after(accepted, 15, 35)
        proc.hearings.append(
            (local_time(rng, hearing), rng.choice(data.PLACES[-1:] + data.ARBITRATION[:1]))
        )
        decided = self._after(accepted, 30, 55)
        if decided > today:
            return proc
        proc.decision_received_on = decided
        small = plan.dispute_type == "wage_arrears" and plan.amount_claimed_fen < 6_000_000
        proc.decision_kind = "final" if final_ok and small else "non_final"
        roll = rng.random()
        share = 1.0 if roll < 0.55 else rng.uniform(0.4, 0.9) if roll < 0.9 else 0.0
        proc.amount_awarded_fen = int(plan.amount_claimed_fen * share) // 100 * 100
        proc.result = (
            "裁决支持申请人的仲裁请求。"
            if share == 1.0
            else ("裁决部分支持申请人的仲裁请求。" if share else "驳回申请人的仲裁请求。")
        )
        return proc

    def _arbitrate(self, plan: CasePlan, t: date) -> tuple[date | None, str]:
        if self.rng.random() < 0.1:
            med = self._mediation(plan, t, "pre_arbitration")
            if med.status == "agreed" and med.performance_deadline:
                return self._after(med.performance_deadline, 0, 5), "mediated"
            t = self._after(t, 15, 20)
        proc = self._arbitration(plan, t, final_ok=True)
        if proc is None or proc.decision_received_on is None:
            return None, "award_won"
        share = (proc.amount_awarded_fen or 0) / max(plan.amount_claimed_fen, 1)
        outcome = "award_won" if share >= 0.99 else "award_partial" if share > 0 else "award_lost"
        return self._after(proc.decision_received_on, 16, 40), outcome

    def _litigate(self, plan: CasePlan, t: date) -> tuple[date | None, str]:
        rng, today = self.rng, self.today
        arb = self._arbitration(plan, t, final_ok=False)
        if arb is None or arb.decision_received_on is None:
            return None, "judgment_won"
        applied = self._after(arb.decision_received_on, 5, 14)
        if applied > today:
            return None, "judgment_won"
        court = ProceedingPlan("first_instance", rng.choice(data.COURTS), None, applied, None, [])
        plan.proceedings.append(court)
        accepted = self._after(applied, 7, 30)
        if accepted > today:
            return None, "judgment_won"
        court.accepted_on = accepted
        court.tribunal_number = self._tribunal_no(f"（{accepted.year}）赣0102民初", accepted.year)
        from legalaid.demo.plan import local_time

        court.hearings.append((local_time(rng, self._after(accepted, 30, 60)), "第二审判庭"))
        decided = self._after(accepted, 60, 150)
        if decided > today:
            return None, "judgment_won"
        roll = rng.random()
        share = 1.0 if roll < 0.55 else rng.uniform(0.4, 0.9) if roll < 0.88 else 0.0
        court.decision_kind, court.decision_received_on = "judgment", decided
        court.amount_awarded_fen = int(plan.amount_claimed_fen * share) // 100 * 100
        court.result = "判决被告支付原告相应款项。" if share else "驳回原告的诉讼请求。"
        outcome = (
            "judgment_won" if share >= 0.99 else "judgment_partial" if share else "judgment_lost"
        )
        return self._after(decided, 16, 40), outcome

    def _payment_order(self, plan: CasePlan, t: date) -> tuple[date | None, str]:
        applied = self._after(t, 2, 10)
        if applied > self.today:
            return None, "paid_by_order"
        accepted = self._after(applied, 3, 5)
        proc = ProceedingPlan("payment_order", self.rng.choice(data.COURTS), None, applied,
                              accepted if accepted <= self.today else None, [])  # fmt: skip
        plan.proceedings.append(proc)
        return self._after(applied, 20, 50), (
            "paid_by_order" if self.rng.random() < 0.75 else "other"
        )

    def _refer(self, plan: CasePlan, t: date) -> tuple[date | None, str]:
        rng, today = self.rng, self.today
        body_type, names, kind = _OUTGOING(rng)
        ref = ReferralPlan("outgoing", body_type, rng.choice(names), kind, t, None, "sent",
                           None, None, None)  # fmt: skip
        plan.referrals.append(ref)
        accepted = self._after(t, 1, 5)
        if accepted <= today:
            ref.status, ref.accepted_on = "in_progress", accepted
            ref.their_reference = f"洪监〔{accepted.year}〕{rng.randint(1, 999)}号"
            done = self._after(accepted, 15, 80)
            if done <= today:
                ref.status, ref.outcome_on = "completed", done
                ref.outcome = rng.choice(("已责令用人单位限期支付", "已立案查处", "已协调解决"))
                return self._after(done, 0, 7), ("referred_out" if rng.random() < 0.9 else "other")
        return None, "referred_out"

    def _complaint(self, plan: CasePlan, t: date) -> None:
        sent = self._after(t, 0, 10)
        if sent <= self.today:
            plan.referrals.append(
                ReferralPlan("outgoing", "labour_inspection", self.rng.choice(data.INSPECTION),
                             "complaint", sent, None, "sent", None, None, None)
            )  # fmt: skip

    # -- money and notes ---------------------------------------------------------------------

    def _recover(self, plan: CasePlan) -> None:
        rng, today = self.rng, self.today
        kind = _RECOVERY_KIND.get(plan.dispute_type, "other")
        payer = plan.respondents[0][0].name
        start = plan.progress_on or plan.accepted_on
        if start is None:
            return
        if plan.final_status == "closed" and plan.outcome in _SUCCESS:
            assert plan.closed_on is not None
            agreed = next(
                (m.agreement_amount_fen for m in plan.mediations if m.agreement_amount_fen), None
            )
            total = (
                plan.amount_awarded_fen
                or agreed
                or int(plan.amount_claimed_fen * rng.uniform(0.6, 1.0))
            )
            end = plan.closed_on
        elif plan.final_status not in ("closed", "refused") and rng.random() < 0.15:
            total = int(plan.amount_claimed_fen * rng.uniform(0.2, 0.5))
            end = today
        else:
            return
        total = total // 100 * 100
        if total <= 0:
            return
        parts = 1 if plan.worker_count > 1 or rng.random() < 0.6 else rng.randint(2, 3)
        span = max((end - start).days, 0)
        days = sorted(start + timedelta(days=rng.randint(0, span)) for _ in range(parts))
        remaining = total
        for i, day in enumerate(days):
            amount = remaining if i == parts - 1 else remaining // (parts - i) // 100 * 100
            remaining -= amount
            if amount <= 0:
                continue
            if plan.worker_count > 1 and plan.respondents[0][1] == "general_contractor":
                channel, who = "general_contractor", payer
            elif any(p.kind == "first_instance" for p in plan.proceedings) and rng.random() < 0.4:
                channel, who = "court_enforcement", rng.choice(data.COURTS)
            else:
                roll = rng.random()
                channel = (
                    "employer"
                    if roll < 0.85
                    else "guarantee_deposit"
                    if roll < 0.93
                    else "advance_fund"
                )
                who = payer
            plan.recoveries.append(
                RecoveryPlan(day, amount, kind, channel, who, 0 if plan.worker_count == 1 else None)
            )

    def _notes(self, plan: CasePlan) -> None:
        rng = self.rng
        end = plan.closed_on or self.today
        span = max((end - plan.received_on).days, 0)
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            day = plan.received_on + timedelta(days=rng.randint(0, span))
            bodies = [rng.choice(data.NOTES)]
            if rng.random() < 0.1:
                bodies.append(bodies[0] + "（已补充核实）")
            plan.notes.append(NotePlan(day, plan.lead_staff, bodies))
        plan.notes.sort(key=lambda n: n.written_on)
