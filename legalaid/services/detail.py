"""Loading one case with everything attached to it, in a handful of queries."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from legalaid import dto
from legalaid.models import (
    Case,
    CaseApplicant,
    CaseRespondent,
    CaseStaff,
    Deadline,
    Document,
    Employer,
    Hearing,
    Instalment,
    Mediation,
    MediationSession,
    Note,
    NoteRevision,
    Office,
    Person,
    Proceeding,
    Recovery,
    Referral,
    Staff,
    WageClaim,
)
from legalaid.services import convert, lifecycle
from legalaid.services.common import get_row


def _live(model: Any) -> ColumnElement[bool]:
    archived: InstrumentedAttribute[Any] = model.archived_at
    return archived.is_(None)


def load_detail(s: Session, case_id: str, today: date) -> dto.CaseDetail:
    case = get_row(s, Case, case_id, "案件", "case")
    office = s.get(Office, case.office_id)
    assert office is not None
    staff_names: dict[str | None, str] = {
        sid: name for sid, name in s.execute(select(Staff.id, Staff.name)).all()
    }
    lead = s.get(Staff, case.lead_staff_id) if case.lead_staff_id else None
    assisting = s.scalars(
        select(Staff)
        .join(CaseStaff, CaseStaff.staff_id == Staff.id)
        .where(CaseStaff.case_id == case.id, _live(CaseStaff))
    ).all()
    applicants = tuple(
        dto.ApplicantInfo(link.id, convert.person(p), link.role, link.position)
        for link, p in s.execute(
            select(CaseApplicant, Person)
            .join(Person, Person.id == CaseApplicant.person_id)
            .where(CaseApplicant.case_id == case.id, _live(CaseApplicant))
            .order_by(CaseApplicant.position)
        ).all()
    )
    respondents = tuple(
        dto.RespondentInfo(link.id, convert.employer(e), link.role, link.parent_id, link.position)
        for link, e in s.execute(
            select(CaseRespondent, Employer)
            .join(Employer, Employer.id == CaseRespondent.employer_id)
            .where(CaseRespondent.case_id == case.id, _live(CaseRespondent))
            .order_by(CaseRespondent.position)
        ).all()
    )
    people = {a.person.id: a.person.name for a in applicants}
    employers = {r.employer.id: r.employer.name for r in respondents}
    claims = tuple(
        dto.WageClaimInfo(
            c.id,
            c.case_id,
            c.person_id,
            people.get(c.person_id, ""),
            c.employer_id,
            employers.get(c.employer_id or ""),
            c.period_start,
            c.period_end,
            c.amount_fen,
            c.description,
            c.version,
        )
        for c in s.scalars(
            select(WageClaim)
            .where(WageClaim.case_id == case.id, _live(WageClaim))
            .order_by(WageClaim.created_at)
        )
    )
    recoveries = tuple(
        convert.recovery(r, people.get(r.person_id or ""))
        for r in s.scalars(
            select(Recovery)
            .where(Recovery.case_id == case.id, _live(Recovery))
            .order_by(Recovery.received_on, Recovery.created_at)
        )
    )
    instalments = tuple(
        convert.instalment(i)
        for i in s.scalars(
            select(Instalment)
            .where(Instalment.case_id == case.id, _live(Instalment))
            .order_by(Instalment.due_on)
        )
    )
    referrals = tuple(
        convert.referral(r)
        for r in s.scalars(
            select(Referral)
            .where(Referral.case_id == case.id, _live(Referral))
            .order_by(Referral.sent_on)
        )
    )
    mediations = []
    for m in s.scalars(
        select(Mediation)
        .where(Mediation.case_id == case.id, _live(Mediation))
        .order_by(Mediation.started_on)
    ):
        sessions = tuple(
            dto.MediationSessionInfo(x.id, x.held_at, x.place, x.summary)
            for x in s.scalars(
                select(MediationSession)
                .where(MediationSession.mediation_id == m.id, _live(MediationSession))
                .order_by(MediationSession.held_at)
            )
        )
        mediations.append(
            dto.MediationInfo(
                m.id,
                m.case_id,
                m.referral_id,
                m.stage,
                m.mediator_id,
                staff_names.get(m.mediator_id),
                m.started_on,
                m.status,
                m.agreement_on,
                m.agreement_amount_fen,
                m.performance_deadline,
                m.performance,
                m.performed_on,
                m.confirmation,
                m.confirmed_on,
                m.notes,
                sessions,
                m.version,
            )
        )
    proceedings = []
    for p in s.scalars(
        select(Proceeding)
        .where(Proceeding.case_id == case.id, _live(Proceeding))
        .order_by(Proceeding.applied_on)
    ):
        hearings = tuple(
            dto.HearingInfo(h.id, h.held_at, h.place, h.notes)
            for h in s.scalars(
                select(Hearing)
                .where(Hearing.proceeding_id == p.id, _live(Hearing))
                .order_by(Hearing.held_at)
            )
        )
        proceedings.append(
            dto.ProceedingInfo(
                p.id,
                p.case_id,
                p.kind,
                p.body_name,
                p.tribunal_number,
                p.applied_on,
                p.accepted_on,
                p.decision_kind,
                p.decision_received_on,
                p.result,
                p.amount_awarded_fen,
                p.appeal_deadline,
                hearings,
                p.version,
            )
        )
    deadlines = tuple(
        convert.deadline(d, case.number, staff_names.get(d.responsible_id))
        for d in s.scalars(
            select(Deadline)
            .where(Deadline.case_id == case.id, _live(Deadline))
            .order_by(Deadline.due_on)
        )
    )
    notes = []
    note_rows = s.scalars(
        select(Note).where(Note.case_id == case.id, _live(Note)).order_by(Note.created_at)
    ).all()
    revs_by_note: dict[str, list[NoteRevision]] = {}
    if note_rows:
        for r in s.scalars(
            select(NoteRevision)
            .where(NoteRevision.note_id.in_([n.id for n in note_rows]))
            .order_by(NoteRevision.created_at)
        ):
            revs_by_note.setdefault(r.note_id, []).append(r)
    for n in note_rows:
        revs = tuple(
            dto.NoteRevisionInfo(
                r.id, r.body, r.author_id, staff_names.get(r.author_id), r.created_at
            )
            for r in revs_by_note.get(n.id, [])
        )
        notes.append(
            dto.NoteInfo(
                n.id,
                n.case_id,
                n.author_id,
                staff_names.get(n.author_id),
                n.created_at,
                revs[-1].body if revs else "",
                revs,
            )
        )
    documents = tuple(
        convert.document(d)
        for d in s.scalars(
            select(Document)
            .where(Document.case_id == case.id, _live(Document))
            .order_by(Document.created_at)
        )
    )
    recovered = sum(r.amount_fen for r in recoveries) + case.ledger_recovered_fen
    wage = (
        sum(r.amount_fen for r in recoveries if r.kind == "wage_arrears")
        + case.ledger_wage_recovered_fen
    )
    claimed = max(case.amount_claimed_fen, sum(c.amount_fen for c in claims))
    awarded = case.amount_awarded_fen or 0
    basis = awarded or claimed
    totals = dto.CaseTotals(claimed, awarded, recovered, wage, max(basis - recovered, 0))
    del today
    return dto.CaseDetail(
        case=convert.case(case),
        office=convert.office(office),
        lead_staff=convert.staff(lead) if lead else None,
        assisting_staff=tuple(convert.staff(a) for a in assisting),
        applicants=applicants,
        respondents=respondents,
        claims=claims,
        recoveries=recoveries,
        instalments=instalments,
        referrals=referrals,
        mediations=tuple(mediations),
        proceedings=tuple(proceedings),
        deadlines=deadlines,
        notes=tuple(notes),
        documents=documents,
        totals=totals,
        allowed_transitions=lifecycle.allowed(case.status),
    )
