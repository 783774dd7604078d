"""ORM rows → frozen data objects. The only place that knows both shapes."""

from __future__ import annotations

from legalaid import dto
from legalaid.models import (
    Case,
    Consultation,
    Deadline,
    Document,
    Employer,
    Instalment,
    Office,
    Person,
    Recovery,
    Referral,
    Staff,
)


def office(o: Office) -> dto.OfficeInfo:
    return dto.OfficeInfo(
        id=o.id,
        name=o.name,
        short_name=o.short_name,
        parent_id=o.parent_id,
        case_prefix=o.case_prefix,
        number_format=o.number_format,
        address=o.address,
        phone=o.phone,
        version=o.version,
    )


def staff(s: Staff) -> dto.StaffInfo:
    return dto.StaffInfo(
        id=s.id,
        office_id=s.office_id,
        name=s.name,
        username=s.username,
        role_code=s.role_code,
        phone=s.phone,
        email=s.email,
        active=s.active,
        version=s.version,
    )


def person(p: Person) -> dto.PersonInfo:
    return dto.PersonInfo(
        id=p.id,
        office_id=p.office_id,
        name=p.name,
        gender=p.gender,
        id_number=p.id_number,
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
        version=p.version,
    )


def employer(e: Employer) -> dto.EmployerInfo:
    return dto.EmployerInfo(
        id=e.id,
        office_id=e.office_id,
        name=e.name,
        credit_code=e.credit_code,
        address=e.address,
        legal_representative=e.legal_representative,
        industry=e.industry,
        phone=e.phone,
        version=e.version,
    )


def consultation(
    c: Consultation, staff_name: str | None = None, case_number: str | None = None
) -> dto.ConsultationInfo:
    return dto.ConsultationInfo(
        id=c.id,
        office_id=c.office_id,
        consulted_at=c.consulted_at,
        channel=c.channel,
        topic=c.topic,
        caller_name=c.caller_name,
        caller_phone=c.caller_phone,
        person_id=c.person_id,
        employer_name=c.employer_name,
        question=c.question,
        answer_summary=c.answer_summary,
        staff_id=c.staff_id,
        staff_name=staff_name,
        case_id=c.case_id,
        case_number=case_number,
        worker_count=c.worker_count,
        version=c.version,
    )


def case(c: Case) -> dto.CaseInfo:
    return dto.CaseInfo(
        id=c.id,
        office_id=c.office_id,
        number=c.number,
        year=c.year,
        seq=c.seq,
        title=c.title,
        status=c.status,
        outcome=c.outcome,
        dispute_type=c.dispute_type,
        other_dispute_types=tuple(c.other_dispute_types.split()),
        source=c.source,
        handling_method=c.handling_method,
        received_on=c.received_on,
        accepted_on=c.accepted_on,
        closed_on=c.closed_on,
        lead_staff_id=c.lead_staff_id,
        consultation_id=c.consultation_id,
        worker_count=c.worker_count,
        amount_claimed_fen=c.amount_claimed_fen,
        amount_awarded_fen=c.amount_awarded_fen,
        facts=c.facts,
        claims_text=c.claims_text,
        refusal_reason=c.refusal_reason,
        closing_summary=c.closing_summary,
        reopen_reason=c.reopen_reason,
        urgent=c.urgent,
        archived=c.archived_at is not None,
        version=c.version,
        updated_at=c.updated_at,
    )


def recovery(r: Recovery, person_name: str | None = None) -> dto.RecoveryInfo:
    return dto.RecoveryInfo(
        id=r.id,
        case_id=r.case_id,
        received_on=r.received_on,
        amount_fen=r.amount_fen,
        kind=r.kind,
        channel=r.channel,
        payer=r.payer,
        person_id=r.person_id,
        person_name=person_name,
        wage_claim_id=r.wage_claim_id,
        note=r.note,
        created_at=r.created_at,
    )


def instalment(i: Instalment) -> dto.InstalmentInfo:
    return dto.InstalmentInfo(
        id=i.id,
        case_id=i.case_id,
        mediation_id=i.mediation_id,
        due_on=i.due_on,
        amount_fen=i.amount_fen,
        paid=i.paid,
        version=i.version,
    )


def referral(r: Referral) -> dto.ReferralInfo:
    return dto.ReferralInfo(
        id=r.id,
        case_id=r.case_id,
        direction=r.direction,
        body_type=r.body_type,
        body_name=r.body_name,
        kind=r.kind,
        their_reference=r.their_reference,
        sent_on=r.sent_on,
        accepted_on=r.accepted_on,
        status=r.status,
        outcome=r.outcome,
        outcome_on=r.outcome_on,
        notes=r.notes,
        version=r.version,
    )


def deadline(
    d: Deadline, case_number: str | None = None, responsible_name: str | None = None
) -> dto.DeadlineInfo:
    return dto.DeadlineInfo(
        id=d.id,
        office_id=d.office_id,
        case_id=d.case_id,
        case_number=case_number,
        title=d.title,
        rule_id=d.rule_id,
        statutory=d.statutory,
        trigger_on=d.trigger_on,
        due_on=d.due_on,
        remind_on=d.remind_on,
        explanation=d.explanation,
        warning=d.warning,
        responsible_id=d.responsible_id,
        responsible_name=responsible_name,
        done_at=d.done_at,
        version=d.version,
    )


def document(d: Document) -> dto.DocumentInfo:
    return dto.DocumentInfo(
        id=d.id,
        case_id=d.case_id,
        kind=d.kind,
        title=d.title,
        filename=d.filename,
        template_id=d.template_id,
        template_version=d.template_version,
        file_format=d.file_format,
        sha256=d.sha256,
        size=d.size,
        storage_path=d.storage_path,
        author_id=d.author_id,
        created_at=d.created_at,
    )
