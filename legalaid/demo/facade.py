"""Loading a demo history through the facade, the way desks enter data.

Every record passes the core's validation, case numbers are allocated by the core,
each change is audited and the statutory deadlines are created by the events that
trigger them. This is the path for a demo of a few hundred cases; large histories use
:mod:`legalaid.demo.bulk`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from legalaid import dto
from legalaid.collection import Collection
from legalaid.demo.data import INDUSTRIES
from legalaid.demo.model import CasePlan, ConsultationPlan, EmployerPlan, PersonPlan
from legalaid.demo.plan import Planner
from legalaid.inputs import (
    AgreementInput,
    ApplicantInput,
    CaseInput,
    ConsultationInput,
    DecisionInput,
    EmployerInput,
    MediationInput,
    PersonInput,
    ProceedingInput,
    RecoveryInput,
    ReferralInput,
    ReferralUpdate,
    RespondentInput,
    WageClaimInput,
)
from legalaid.models import (
    Case,
    CaseApplicant,
    CaseRespondent,
    Deadline,
    Mediation,
    Proceeding,
    Referral,
)

Progress = Callable[[int, int], None]


def person_input(p: PersonPlan) -> PersonInput:
    return PersonInput(
        name=p.name,
        id_number=p.id_number,
        gender=p.gender,
        birth_date=p.birth_date,
        phone=p.phone,
        address=p.address,
        hukou_type=p.hukou_type,
        union_member=p.union_member,
        hardship_worker=p.hardship_worker,
        migrant_worker=p.migrant_worker,
        employment_form=p.employment_form,
        legal_relation=p.legal_relation,
        occupation=p.occupation,
    )


def employer_input(e: EmployerPlan) -> EmployerInput:
    return EmployerInput(
        name=e.name,
        credit_code=e.credit_code,
        address=e.address,
        legal_representative=e.legal_representative,
        industry=INDUSTRIES[e.industry][0],
        phone=e.phone,
    )


class FacadeLoader:
    """Writes a planner's history into ``col`` through its services."""

    def __init__(self, col: Collection, planner: Planner) -> None:
        self.col = col
        self.p = planner
        self.office_ids: dict[int, str] = {}
        self.staff: dict[int, dto.StaffInfo] = {}
        self.people: dict[str, str] = {}  # plan key -> person id
        self.employers: dict[str, str] = {}

    # -- organisation ---------------------------------------------------------------------

    def setup(self) -> None:
        existing = {o.name: o for o in self.col.admin.offices()}
        prefixes = {o.case_prefix for o in existing.values()}
        for o in self.p.offices:
            if o.name in existing:
                self.office_ids[o.index] = existing[o.name].id
                continue
            prefix = o.prefix
            while prefix in prefixes:  # an office set up by hand already uses it
                prefix = prefix.replace("工援", "示工援", 1)
            prefixes.add(prefix)
            parent = self.office_ids.get(o.parent) if o.parent is not None else None
            info = self.col.admin.create_office(
                o.name, prefix, parent_id=parent, short_name=o.short_name,
                address=o.address, phone=o.phone,
            ).value  # fmt: skip
            self.office_ids[o.index] = info.id
        for st in self.p.staff:
            try:
                self.staff[st.index] = self.col.admin.staff_by_username(st.username)
                continue
            except Exception:
                pass
            self.staff[st.index] = self.col.admin.create_staff(
                st.name, st.username, st.role, office_id=self.office_ids[st.office], phone=st.phone
            ).value

    # -- the history ----------------------------------------------------------------------

    def load(self, progress: Progress | None = None) -> int:
        self.setup()
        done = 0
        for block in self.p.blocks():
            for plan in block.cases:
                self.case(plan)
                done += 1
                if progress:
                    progress(done, self.p.total)
            for c in block.consultations:
                self.consultation(c, block.office)
        self.col.set_actor(None)
        return done

    def consultation(self, c: ConsultationPlan, office: int, person_id: str | None = None) -> str:
        return self.col.consultations.create(
            ConsultationInput(
                caller_name=c.caller_name,
                channel=c.channel,
                topic=c.topic,
                consulted_at=c.consulted_at,
                caller_phone=c.caller_phone,
                person_id=person_id,
                employer_name=c.employer_name,
                question=c.question,
                answer_summary=c.answer,
                staff_id=self.staff[c.staff].id,
                worker_count=c.worker_count,
                office_id=self.office_ids[office],
            )
        ).value.id

    def _person_id(self, p: PersonPlan, office: int) -> str:
        if p.key not in self.people:
            info = self.col.parties.create_person(
                person_input(p), office_id=self.office_ids[office]
            ).value
            self.people[p.key] = info.id
        return self.people[p.key]

    def case(self, plan: CasePlan) -> None:
        col = self.col
        lead = self.staff[plan.lead_staff] if plan.lead_staff is not None else None
        col.set_actor(lead)
        consultation_id = None
        if plan.consultation is not None:
            assert plan.consultation.person is not None
            pid = self._person_id(plan.consultation.person, plan.office)
            consultation_id = self.consultation(plan.consultation, plan.office, pid)
        applicants = [
            ApplicantInput(person_id=self.people[a.key])
            if a.key in self.people
            else ApplicantInput(person=person_input(a))
            for a in plan.applicants
        ]
        if len(applicants) > 1:
            applicants[0].role = "representative"
        respondents = [
            RespondentInput(employer_id=self.employers[e.key], role=role, parent_index=parent)
            if e.key in self.employers
            else RespondentInput(employer=employer_input(e), role=role, parent_index=parent)
            for e, role, parent in plan.respondents
        ]
        info = col.cases.create(
            CaseInput(
                title=plan.title,
                dispute_type=plan.dispute_type,
                source=plan.source,
                received_on=plan.received_on,
                applicants=applicants,
                respondents=respondents,
                other_dispute_types=plan.other_dispute_types,
                handling_method=plan.handling_method,
                lead_staff_id=lead.id if lead else None,
                assisting_staff_ids=[self.staff[i].id for i in plan.assisting_staff],
                consultation_id=consultation_id,
                worker_count=plan.worker_count,
                amount_claimed=plan.amount_claimed_fen,
                facts=plan.facts,
                claims_text=plan.claims_text,
                urgent=plan.urgent,
                office_id=self.office_ids[plan.office],
            )
        ).value
        case_id = info.id
        with col.read() as s:
            person_ids = list(
                s.scalars(
                    select(CaseApplicant.person_id)
                    .where(CaseApplicant.case_id == case_id)
                    .order_by(CaseApplicant.position)
                )
            )
            employer_ids = list(
                s.scalars(
                    select(CaseRespondent.employer_id)
                    .where(CaseRespondent.case_id == case_id)
                    .order_by(CaseRespondent.position)
                )
            )
        for a, pid in zip(plan.applicants, person_ids, strict=True):
            self.people[a.key] = pid
        for (e, _, _), eid in zip(plan.respondents, employer_ids, strict=True):
            self.employers[e.key] = eid
        self._life(plan, case_id, person_ids, employer_ids)

    def _version(self, model: Any, row_id: str) -> int:
        with self.col.read() as s:
            return int(s.scalar(select(model.version).where(model.id == row_id)) or 0)

    def _life(
        self, plan: CasePlan, case_id: str, person_ids: list[str], employer_ids: list[str]
    ) -> None:
        col = self.col
        cases = col.cases
        for ref in plan.referrals:
            if ref.direction == "incoming":
                self._referral(case_id, ref)
        if plan.final_status == "refused":
            cases.transition(
                case_id, "refused", expected_version=self._version(Case, case_id),
                on=plan.closed_on, reason=plan.refusal_reason,
            )  # fmt: skip
            return
        if plan.accepted_on is None:
            if plan.final_status == "eligibility_review":
                cases.transition(
                    case_id, "eligibility_review", expected_version=self._version(Case, case_id),
                    on=plan.received_on,
                )  # fmt: skip
            return
        cases.transition(
            case_id, "accepted", expected_version=self._version(Case, case_id), on=plan.accepted_on
        )
        # The legal-aid decision was made on acceptance: tick its deadline off.
        with col.read() as s:
            decision = s.execute(
                select(Deadline.id, Deadline.version).where(
                    Deadline.source_ref == f"case:{case_id}:received", Deadline.done_at.is_(None)
                )
            ).all()
        for did, version in decision:
            col.deadlines.set_done(did, expected_version=version)
        if plan.progress_status:
            cases.transition(
                case_id, plan.progress_status, expected_version=self._version(Case, case_id),
                on=plan.progress_on,
            )  # fmt: skip
        if plan.claims:
            col.money.add_claims(
                case_id,
                [
                    WageClaimInput(
                        person_id=person_ids[c.person],
                        amount=c.amount_fen,
                        employer_id=employer_ids[c.employer] if c.employer is not None else None,
                        period_start=c.period_start,
                        period_end=c.period_end,
                        description=c.description,
                    )
                    for c in plan.claims
                ],
            )
        for ref in plan.referrals:
            if ref.direction == "outgoing":
                self._referral(case_id, ref)
        for med in plan.mediations:
            mid = col.procedures.start_mediation(
                case_id,
                MediationInput(
                    started_on=med.started_on,
                    stage=med.stage,
                    mediator_id=self.staff[med.mediator].id if med.mediator is not None else None,
                ),
            ).value
            for held, place, summary in med.sessions:
                col.procedures.add_session(mid, held, place, summary)
            if med.status == "agreed":
                assert med.agreement_on and med.performance_deadline
                col.procedures.record_agreement(
                    mid,
                    AgreementInput(
                        agreement_on=med.agreement_on,
                        amount=med.agreement_amount_fen or 0,
                        performance_deadline=med.performance_deadline,
                    ),
                    expected_version=self._version(Mediation, mid),
                )
            if med.status == "failed" or med.performance != "pending" or med.confirmation != "none":
                col.procedures.update_mediation(
                    mid,
                    expected_version=self._version(Mediation, mid),
                    status="failed" if med.status == "failed" else None,
                    performance=med.performance if med.performance != "pending" else None,
                    performed_on=med.performed_on,
                    confirmation=med.confirmation if med.confirmation != "none" else None,
                    confirmed_on=med.confirmed_on,
                )
        for proc in plan.proceedings:
            pid = col.procedures.add_proceeding(
                case_id,
                ProceedingInput(
                    kind=proc.kind, body_name=proc.body_name, applied_on=proc.applied_on
                ),
            ).value
            if proc.accepted_on is not None:
                col.procedures.update_proceeding(
                    pid, expected_version=self._version(Proceeding, pid),
                    accepted_on=proc.accepted_on, tribunal_number=proc.tribunal_number,
                )  # fmt: skip
            for held, place in proc.hearings:
                col.procedures.add_hearing(pid, held, place)
            if proc.decision_kind and proc.decision_received_on:
                col.procedures.record_decision(
                    pid,
                    DecisionInput(
                        decision_kind=proc.decision_kind,
                        received_on=proc.decision_received_on,
                        result=proc.result,
                        amount_awarded=proc.amount_awarded_fen,
                    ),
                    expected_version=self._version(Proceeding, pid),
                )
        for rec in plan.recoveries:
            col.money.record_recovery(
                case_id,
                RecoveryInput(
                    received_on=rec.received_on,
                    amount=rec.amount_fen,
                    kind=rec.kind,
                    channel=rec.channel,
                    payer=rec.payer,
                    person_id=person_ids[rec.person] if rec.person is not None else None,
                ),
            )
        for note in plan.notes:
            nid = col.notes.add(case_id, note.bodies[0]).value
            for body in note.bodies[1:]:
                col.notes.revise(nid, body)
        if plan.final_status == "closed":
            cases.transition(
                case_id, "closed", expected_version=self._version(Case, case_id),
                on=plan.closed_on, outcome=plan.outcome, summary=plan.closing_summary,
            )  # fmt: skip

    def _referral(self, case_id: str, ref: object) -> None:
        from legalaid.demo.model import ReferralPlan

        assert isinstance(ref, ReferralPlan)
        rid = self.col.procedures.add_referral(
            case_id,
            ReferralInput(
                direction=ref.direction, body_type=ref.body_type, body_name=ref.body_name,
                sent_on=ref.sent_on, kind=ref.kind, their_reference=ref.their_reference,
            ),
        ).value.id  # fmt: skip
        if ref.status != "sent":
            self.col.procedures.update_referral(
                rid,
                ReferralUpdate(
                    expected_version=self._version(Referral, rid),
                    status=ref.status,
                    accepted_on=ref.accepted_on,
                    outcome=ref.outcome,
                    outcome_on=ref.outcome_on,
                ),
            )
