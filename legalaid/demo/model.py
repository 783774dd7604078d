"""The demo data as plain records, before it reaches a database.

The planner (``legalaid.demo.plan``) produces these; the facade loader
(``legalaid.demo.facade``) and the bulk loader (``legalaid.demo.bulk``) write them.
Keeping one description for both paths is what makes the two databases comparable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(slots=True)
class OfficePlan:
    index: int
    name: str
    short_name: str
    prefix: str
    parent: int | None
    region: str
    address: str
    phone: str
    weight: float = 1.0


@dataclass(slots=True)
class StaffPlan:
    index: int
    office: int
    name: str
    username: str
    role: str
    phone: str


@dataclass(slots=True)
class EmployerPlan:
    key: str  # stable within a seed: "o<office>e<n>"
    office: int
    industry: str
    name: str
    credit_code: str
    address: str
    legal_representative: str
    phone: str | None


@dataclass(slots=True)
class PersonPlan:
    key: str
    name: str
    gender: str
    id_number: str | None
    birth_date: date
    phone: str | None
    address: str | None
    hukou_type: str
    union_member: bool
    hardship_worker: bool
    migrant_worker: bool
    employment_form: str
    legal_relation: str
    occupation: str


@dataclass(slots=True)
class ConsultationPlan:
    consulted_at: datetime
    channel: str
    topic: str
    caller_name: str
    caller_phone: str | None
    employer_name: str | None
    question: str
    answer: str
    staff: int
    worker_count: int = 1
    person: PersonPlan | None = None  # set for the consultation a case came from


@dataclass(slots=True)
class ClaimPlan:
    person: int  # index into CasePlan.applicants
    employer: int | None  # index into CasePlan.respondents
    period_start: date
    period_end: date
    amount_fen: int
    description: str


@dataclass(slots=True)
class RecoveryPlan:
    received_on: date
    amount_fen: int
    kind: str
    channel: str
    payer: str
    person: int | None = None


@dataclass(slots=True)
class ReferralPlan:
    direction: str
    body_type: str
    body_name: str
    kind: str
    sent_on: date
    their_reference: str | None
    status: str
    accepted_on: date | None
    outcome: str | None
    outcome_on: date | None


@dataclass(slots=True)
class MediationPlan:
    stage: str
    mediator: int | None
    started_on: date
    sessions: list[tuple[datetime, str, str]]
    status: str
    agreement_on: date | None = None
    agreement_amount_fen: int | None = None
    performance_deadline: date | None = None
    performance: str = "pending"
    performed_on: date | None = None
    confirmation: str = "none"
    confirmed_on: date | None = None


@dataclass(slots=True)
class ProceedingPlan:
    kind: str
    body_name: str
    tribunal_number: str | None
    applied_on: date
    accepted_on: date | None
    hearings: list[tuple[datetime, str]]
    decision_kind: str | None = None
    decision_received_on: date | None = None
    result: str | None = None
    amount_awarded_fen: int | None = None


@dataclass(slots=True)
class NotePlan:
    written_on: date
    author: int | None
    bodies: list[str]  # revisions, oldest first


@dataclass(slots=True)
class CasePlan:
    office: int
    year: int
    seq: int
    received_on: date
    title: str
    dispute_type: str
    other_dispute_types: list[str]
    source: str
    handling_method: str | None
    lead_staff: int | None
    assisting_staff: list[int]
    worker_count: int
    amount_claimed_fen: int
    facts: str
    claims_text: str
    urgent: bool
    applicants: list[PersonPlan]
    respondents: list[tuple[EmployerPlan, str, int | None]]  # employer, role, parent index
    # The life cycle: statuses passed through after intake, with their dates.
    accepted_on: date | None = None
    progress_status: str | None = None
    progress_on: date | None = None
    final_status: str = "intake"  # where the case is today
    outcome: str | None = None
    closed_on: date | None = None
    refusal_reason: str | None = None
    closing_summary: str | None = None
    claims: list[ClaimPlan] = field(default_factory=list)
    recoveries: list[RecoveryPlan] = field(default_factory=list)
    referrals: list[ReferralPlan] = field(default_factory=list)
    mediations: list[MediationPlan] = field(default_factory=list)
    proceedings: list[ProceedingPlan] = field(default_factory=list)
    notes: list[NotePlan] = field(default_factory=list)
    consultation: ConsultationPlan | None = None  # the one the case came from

    @property
    def amount_awarded_fen(self) -> int | None:
        """What the latest decision awarded (as recording decisions sets it)."""
        awarded = None
        for p in self.proceedings:
            if p.amount_awarded_fen is not None:
                awarded = p.amount_awarded_fen
        return awarded


@dataclass(slots=True)
class Block:
    """The cases of one office in one year, numbered in the order received, plus the
    consultations of that office and year that did not become cases."""

    office: int
    year: int
    cases: list[CasePlan]
    consultations: list[ConsultationPlan]
