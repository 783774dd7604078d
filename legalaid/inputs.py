"""What callers hand to the facade to create or change records. Values are raw (as
typed in a form or read from a sheet); the core validates and normalises them.

Amounts are either text in yuan as a person types it ("1,234.50", "¥800") or an int
already in fen (分).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(kw_only=True)
class PersonInput:
    name: str
    id_number: str | None = None
    gender: str | None = None
    birth_date: date | None = None
    phone: str | None = None
    address: str | None = None
    hukou_type: str | None = None
    union_member: bool = False
    hardship_worker: bool = False
    migrant_worker: bool = False
    employment_form: str | None = None
    legal_relation: str | None = None
    occupation: str | None = None
    health_notes: str | None = None
    notes: str | None = None


@dataclass(kw_only=True)
class EmployerInput:
    name: str
    credit_code: str | None = None
    address: str | None = None
    legal_representative: str | None = None
    industry: str | None = None
    phone: str | None = None


@dataclass(kw_only=True)
class ConsultationInput:
    caller_name: str
    channel: str
    topic: str
    consulted_at: datetime | None = None
    caller_phone: str | None = None
    person_id: str | None = None
    # The caller recorded as a person in the same transaction (instead of person_id).
    person: PersonInput | None = None
    employer_name: str | None = None
    question: str | None = None
    answer_summary: str | None = None
    staff_id: str | None = None
    worker_count: int = 1
    office_id: str | None = None


@dataclass(kw_only=True)
class ApplicantInput:
    """An applicant: an existing person (``person_id``) or a new one (``person``)."""

    person_id: str | None = None
    person: PersonInput | None = None
    role: str = "applicant"


@dataclass(kw_only=True)
class RespondentInput:
    employer_id: str | None = None
    employer: EmployerInput | None = None
    role: str = "employer"
    parent_index: int | None = None  # index of the contractor above it in this list


@dataclass(kw_only=True)
class CaseInput:
    title: str
    dispute_type: str
    source: str
    received_on: date
    applicants: list[ApplicantInput] = field(default_factory=list)
    respondents: list[RespondentInput] = field(default_factory=list)
    other_dispute_types: list[str] = field(default_factory=list)
    handling_method: str | None = None
    lead_staff_id: str | None = None
    assisting_staff_ids: list[str] = field(default_factory=list)
    consultation_id: str | None = None
    worker_count: int | None = None
    amount_claimed: str | int | None = None  # yuan text or fen int
    facts: str | None = None
    claims_text: str | None = None
    urgent: bool = False
    office_id: str | None = None
    number: str | None = None  # an existing number (ledger import); else allocated


@dataclass(kw_only=True)
class CaseUpdate:
    """Changes to a case's descriptive fields. ``None`` leaves a field as it is."""

    expected_version: int
    title: str | None = None
    dispute_type: str | None = None
    other_dispute_types: list[str] | None = None
    source: str | None = None
    handling_method: str | None = None
    lead_staff_id: str | None = None
    assisting_staff_ids: list[str] | None = None
    received_on: date | None = None
    worker_count: int | None = None
    amount_claimed: str | int | None = None
    amount_awarded: str | int | None = None
    facts: str | None = None
    claims_text: str | None = None
    urgent: bool | None = None
    # Optional fields to empty (``None`` above means "leave as it is").
    clear: tuple[str, ...] = ()


@dataclass(kw_only=True)
class WageClaimInput:
    person_id: str
    amount: str | int
    employer_id: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    description: str | None = None


@dataclass(kw_only=True)
class RecoveryInput:
    received_on: date
    amount: str | int
    kind: str = "wage_arrears"
    channel: str = "employer"
    payer: str | None = None
    person_id: str | None = None
    wage_claim_id: str | None = None
    note: str | None = None
    instalment_id: str | None = None


@dataclass(kw_only=True)
class ReferralInput:
    direction: str
    body_type: str
    body_name: str
    sent_on: date
    kind: str = "transfer"
    their_reference: str | None = None
    notes: str | None = None


@dataclass(kw_only=True)
class ReferralUpdate:
    expected_version: int
    status: str | None = None
    accepted_on: date | None = None
    their_reference: str | None = None
    outcome: str | None = None
    outcome_on: date | None = None
    notes: str | None = None


@dataclass(kw_only=True)
class MediationInput:
    started_on: date
    stage: str = "pre_arbitration"
    mediator_id: str | None = None
    referral_id: str | None = None
    notes: str | None = None


@dataclass(kw_only=True)
class AgreementInput:
    """A mediation agreement: amount, performance deadline and optional instalments."""

    agreement_on: date
    amount: str | int
    performance_deadline: date
    instalments: list[tuple[date, str | int]] = field(default_factory=list)


@dataclass(kw_only=True)
class ProceedingInput:
    kind: str
    body_name: str
    applied_on: date
    tribunal_number: str | None = None
    accepted_on: date | None = None


@dataclass(kw_only=True)
class DecisionInput:
    """An award or judgment received."""

    decision_kind: str
    received_on: date
    result: str | None = None
    amount_awarded: str | int | None = None


@dataclass(kw_only=True)
class DeadlineInput:
    title: str
    due_on: date | None = None
    rule_id: str | None = None
    trigger_on: date | None = None
    responsible_id: str | None = None
    remind_days: int | None = None
    case_id: str | None = None
