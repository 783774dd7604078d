"""Plain data objects handed out by the facade. Frozen: callers can keep them, pass them
between threads and compare them; they never touch the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class OpChanges:
    """What an operation changed, so each view refreshes only its part.

    ``kinds`` names the kinds of record touched (``case``, ``consultation``, ``person``,
    ``employer``, ``deadline``, ``note``, ``document``, ``recovery``, ``office``,
    ``staff``, ``settings``); ``case_ids`` the cases affected.
    """

    kinds: frozenset[str] = frozenset()
    case_ids: frozenset[str] = frozenset()

    def touches(self, *kinds: str) -> bool:
        return any(k in self.kinds for k in kinds)

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(self.kinds | other.kinds, self.case_ids | other.case_ids)

    @classmethod
    def of(cls, *kinds: str, case_id: str | None = None) -> OpChanges:
        return cls(frozenset(kinds), frozenset({case_id} if case_id else ()))


@dataclass(frozen=True)
class Op(Generic[T]):
    """The result of a change: the value produced and what changed."""

    value: T
    changes: OpChanges


@dataclass(frozen=True)
class OfficeInfo:
    id: str
    name: str
    short_name: str | None
    parent_id: str | None
    case_prefix: str
    number_format: str
    address: str | None
    phone: str | None
    version: int


@dataclass(frozen=True)
class StaffInfo:
    id: str
    office_id: str
    name: str
    username: str
    role_code: str
    phone: str | None
    email: str | None
    active: bool
    version: int


@dataclass(frozen=True)
class RoleInfo:
    code: str
    name_zh: str
    name_en: str
    permissions: tuple[str, ...]


@dataclass(frozen=True)
class PersonInfo:
    id: str
    office_id: str
    name: str
    gender: str | None
    id_number: str | None
    birth_date: date | None
    phone: str | None
    address: str | None
    hukou_type: str | None
    union_member: bool
    hardship_worker: bool
    migrant_worker: bool
    employment_form: str | None
    legal_relation: str | None
    occupation: str | None
    version: int


@dataclass(frozen=True)
class EmployerInfo:
    id: str
    office_id: str
    name: str
    credit_code: str | None
    address: str | None
    legal_representative: str | None
    industry: str | None
    phone: str | None
    version: int


@dataclass(frozen=True)
class ConsultationInfo:
    id: str
    office_id: str
    consulted_at: datetime
    channel: str
    topic: str
    caller_name: str
    caller_phone: str | None
    person_id: str | None
    employer_name: str | None
    question: str | None
    answer_summary: str | None
    staff_id: str | None
    staff_name: str | None
    case_id: str | None
    case_number: str | None
    worker_count: int
    version: int


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: str
    number: str
    title: str
    status: str
    dispute_type: str
    source: str
    handling_method: str | None
    received_on: date
    accepted_on: date | None
    closed_on: date | None
    office_id: str
    lead_staff_id: str | None
    lead_staff_name: str | None
    worker_count: int
    amount_claimed_fen: int
    recovered_fen: int
    first_applicant: str | None
    first_employer: str | None
    next_due_on: date | None


@dataclass(frozen=True)
class CaseInfo:
    id: str
    office_id: str
    number: str
    year: int
    seq: int
    title: str
    status: str
    outcome: str | None
    dispute_type: str
    other_dispute_types: tuple[str, ...]
    source: str
    handling_method: str | None
    received_on: date
    accepted_on: date | None
    closed_on: date | None
    lead_staff_id: str | None
    consultation_id: str | None
    worker_count: int
    amount_claimed_fen: int
    amount_awarded_fen: int | None
    facts: str | None
    claims_text: str | None
    refusal_reason: str | None
    closing_summary: str | None
    reopen_reason: str | None
    urgent: bool
    archived: bool
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class ApplicantInfo:
    link_id: str
    person: PersonInfo
    role: str
    position: int


@dataclass(frozen=True)
class RespondentInfo:
    link_id: str
    employer: EmployerInfo
    role: str
    parent_link_id: str | None
    position: int


@dataclass(frozen=True)
class WageClaimInfo:
    id: str
    case_id: str
    person_id: str
    person_name: str
    employer_id: str | None
    employer_name: str | None
    period_start: date | None
    period_end: date | None
    amount_fen: int
    description: str | None
    version: int


@dataclass(frozen=True)
class RecoveryInfo:
    id: str
    case_id: str
    received_on: date
    amount_fen: int
    kind: str
    channel: str
    payer: str | None
    person_id: str | None
    person_name: str | None
    wage_claim_id: str | None
    note: str | None
    created_at: datetime


@dataclass(frozen=True)
class InstalmentInfo:
    id: str
    case_id: str
    mediation_id: str | None
    due_on: date
    amount_fen: int
    paid: bool
    version: int


@dataclass(frozen=True)
class ReferralInfo:
    id: str
    case_id: str
    direction: str
    body_type: str
    body_name: str
    kind: str
    their_reference: str | None
    sent_on: date
    accepted_on: date | None
    status: str
    outcome: str | None
    outcome_on: date | None
    notes: str | None
    version: int


@dataclass(frozen=True)
class MediationSessionInfo:
    id: str
    held_at: datetime
    place: str | None
    summary: str | None


@dataclass(frozen=True)
class MediationInfo:
    id: str
    case_id: str
    referral_id: str | None
    stage: str
    mediator_id: str | None
    mediator_name: str | None
    started_on: date
    status: str
    agreement_on: date | None
    agreement_amount_fen: int | None
    performance_deadline: date | None
    performance: str
    performed_on: date | None
    confirmation: str
    confirmed_on: date | None
    notes: str | None
    sessions: tuple[MediationSessionInfo, ...]
    version: int


@dataclass(frozen=True)
class HearingInfo:
    id: str
    held_at: datetime
    place: str | None
    notes: str | None


@dataclass(frozen=True)
class ProceedingInfo:
    id: str
    case_id: str
    kind: str
    body_name: str
    tribunal_number: str | None
    applied_on: date
    accepted_on: date | None
    decision_kind: str | None
    decision_received_on: date | None
    result: str | None
    amount_awarded_fen: int | None
    appeal_deadline: date | None
    hearings: tuple[HearingInfo, ...]
    version: int


@dataclass(frozen=True)
class DeadlineInfo:
    id: str
    office_id: str
    case_id: str | None
    case_number: str | None
    title: str
    rule_id: str | None
    statutory: bool
    trigger_on: date | None
    due_on: date
    remind_on: date | None
    explanation: str | None
    warning: str | None
    responsible_id: str | None
    responsible_name: str | None
    done_at: datetime | None
    version: int

    def overdue(self, today: date) -> bool:
        return self.done_at is None and self.due_on < today


@dataclass(frozen=True)
class NoteRevisionInfo:
    id: str
    body: str
    author_id: str | None
    author_name: str | None
    created_at: datetime


@dataclass(frozen=True)
class NoteInfo:
    id: str
    case_id: str
    author_id: str | None
    author_name: str | None
    created_at: datetime
    body: str
    revisions: tuple[NoteRevisionInfo, ...]


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    case_id: str
    kind: str
    title: str
    filename: str
    template_id: str | None
    template_version: str | None
    file_format: str | None
    sha256: str
    size: int
    storage_path: str | None
    author_id: str | None
    created_at: datetime


@dataclass(frozen=True)
class AuditInfo:
    id: str
    seq: int
    at: datetime
    staff_id: str | None
    staff_name: str | None
    action: str
    entity: str
    entity_id: str
    case_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class CaseTotals:
    claimed_fen: int
    awarded_fen: int
    recovered_fen: int
    wage_recovered_fen: int
    outstanding_fen: int


@dataclass(frozen=True)
class CaseDetail:
    """Everything about one case, as the case workspace and documents need it."""

    case: CaseInfo
    office: OfficeInfo
    lead_staff: StaffInfo | None
    assisting_staff: tuple[StaffInfo, ...]
    applicants: tuple[ApplicantInfo, ...]
    respondents: tuple[RespondentInfo, ...]
    claims: tuple[WageClaimInfo, ...]
    recoveries: tuple[RecoveryInfo, ...]
    instalments: tuple[InstalmentInfo, ...]
    referrals: tuple[ReferralInfo, ...]
    mediations: tuple[MediationInfo, ...]
    proceedings: tuple[ProceedingInfo, ...]
    deadlines: tuple[DeadlineInfo, ...]
    notes: tuple[NoteInfo, ...]
    documents: tuple[DocumentInfo, ...]
    totals: CaseTotals
    allowed_transitions: tuple[str, ...]


@dataclass(frozen=True)
class DuplicateReport:
    """Existing records that share an ID number, phone or credit code with new input."""

    people: tuple[PersonInfo, ...] = ()
    employers: tuple[EmployerInfo, ...] = ()
    cases: tuple[CaseRow, ...] = ()
    consultations: tuple[ConsultationInfo, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.people or self.employers or self.cases or self.consultations)


@dataclass(frozen=True)
class SearchResults:
    cases: tuple[CaseRow, ...] = ()
    people: tuple[PersonInfo, ...] = ()
    employers: tuple[EmployerInfo, ...] = ()
    consultations: tuple[ConsultationInfo, ...] = ()


@dataclass(frozen=True)
class DashboardData:
    today: date
    my_open_cases: tuple[CaseRow, ...]
    overdue: tuple[DeadlineInfo, ...]
    due_soon: tuple[DeadlineInfo, ...]
    recent_consultations: tuple[ConsultationInfo, ...]
    month_consultations: int
    month_cases_accepted: int
    month_cases_closed: int
    month_recovered_fen: int
    open_cases: int


@dataclass(frozen=True)
class CaseFilter:
    """Filters of the case list; every field optional."""

    office_ids: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    open_only: bool = False
    dispute_types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    staff_id: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    overdue_on: date | None = None  # only cases with a deadline overdue on this day
    text: str = ""
    include_archived: bool = False


@dataclass(frozen=True)
class Sort:
    column: str = "received_on"
    descending: bool = True


@dataclass(frozen=True)
class PageRequest:
    filter: CaseFilter = field(default_factory=CaseFilter)
    sort: Sort = field(default_factory=Sort)
    offset: int = 0
    limit: int = 100
