"""Case list queries: filters, sorting, counting and pages, all done in SQL so the list
stays quick on a million cases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select, text
from sqlalchemy.orm import Session

from legalaid import dto
from legalaid.db.search_text import fts_rowids, match_query
from legalaid.models import (
    Case,
    CaseApplicant,
    CaseRespondent,
    CaseStaff,
    Deadline,
    Employer,
    Note,
    Person,
    Recovery,
    Staff,
)
from legalaid.services.lifecycle import OPEN_STATUSES

SORTABLE = {
    "number": (Case.year, Case.seq),
    "received_on": (Case.received_on, Case.seq),
    "accepted_on": (Case.accepted_on, Case.seq),
    "closed_on": (Case.closed_on, Case.seq),
    "status": (Case.status, Case.received_on),
    "title": (Case.title,),
    "dispute_type": (Case.dispute_type, Case.received_on),
    "amount_claimed_fen": (Case.amount_claimed_fen,),
    "worker_count": (Case.worker_count,),
}


def text_case_ids(query: str) -> Any:
    """A SELECT of case ids whose number, title, parties or notes contain ``query``.

    Returns None when the query has nothing searchable in it. Each index lookup is
    capped at the newest matches (see ``fts_rowids``) so a one-character query stays
    quick on a large desk.
    """
    q = match_query(query)
    if q is None:
        return None

    def hits(column: str, table: str) -> Any:
        return text(f"{column} IN ({fts_rowids(table)})").bindparams(q=q)

    own = select(Case.id).where(hits("cases.rowid", "cases"))
    people = (
        select(CaseApplicant.case_id)
        .join(Person, Person.id == CaseApplicant.person_id)
        .where(hits("people.rowid", "people"))
    )
    employers = (
        select(CaseRespondent.case_id)
        .join(Employer, Employer.id == CaseRespondent.employer_id)
        .where(hits("employers.rowid", "employers"))
    )
    notes = select(Note.case_id).where(
        text(
            "notes.id IN (SELECT note_id FROM note_revisions WHERE rowid IN "
            f"({fts_rowids('note_revisions')}))"
        ).bindparams(q=q)
    )
    return own.union(people, employers, notes)


def apply_filter(stmt: Select[Any], f: dto.CaseFilter) -> Select[Any] | None:
    """Add the filter's conditions to a SELECT over ``cases``; None if nothing can match."""
    conds: list[Any] = []
    if not f.include_archived:
        conds.append(Case.archived_at.is_(None))
    if f.office_ids:
        conds.append(Case.office_id.in_(f.office_ids))
    if f.statuses:
        conds.append(Case.status.in_(f.statuses))
    if f.open_only:
        conds.append(Case.status.in_(OPEN_STATUSES))
    if f.dispute_types:
        conds.append(Case.dispute_type.in_(f.dispute_types))
    if f.sources:
        conds.append(Case.source.in_(f.sources))
    if f.staff_id:
        conds.append(
            or_(
                Case.lead_staff_id == f.staff_id,
                exists().where(
                    CaseStaff.case_id == Case.id,
                    CaseStaff.staff_id == f.staff_id,
                    CaseStaff.archived_at.is_(None),
                ),
            )
        )
    if f.received_from:
        conds.append(Case.received_on >= f.received_from)
    if f.received_to:
        conds.append(Case.received_on <= f.received_to)
    if f.overdue_on:
        # Overdue open deadlines are few: find them through the partial index on open
        # deadlines' due dates rather than probing every case.
        conds.append(
            Case.id.in_(
                select(Deadline.case_id).where(
                    Deadline.done_at.is_(None),
                    Deadline.archived_at.is_(None),
                    Deadline.due_on < f.overdue_on,
                )
            )
        )
    if f.text.strip():
        ids = text_case_ids(f.text)
        if ids is None:
            return None
        conds.append(Case.id.in_(ids))
    return stmt.where(and_(*conds)) if conds else stmt


def order_by(stmt: Select[Any], sort: dto.Sort) -> Select[Any]:
    cols = SORTABLE.get(sort.column, SORTABLE["received_on"])
    return stmt.order_by(*(c.desc() if sort.descending else c.asc() for c in cols))


def case_rows(s: Session, cases_stmt: Select[Any], today: date) -> list[dto.CaseRow]:
    """CaseRows for the cases selected by ``cases_stmt`` (a SELECT of Case), in order."""
    base = cases_stmt.subquery()
    c = base.c
    first_applicant = (
        select(Person.name)
        .join(CaseApplicant, CaseApplicant.person_id == Person.id)
        .where(CaseApplicant.case_id == c.id, CaseApplicant.archived_at.is_(None))
        .order_by(CaseApplicant.position)
        .limit(1)
        .scalar_subquery()
    )
    first_employer = (
        select(Employer.name)
        .join(CaseRespondent, CaseRespondent.employer_id == Employer.id)
        .where(CaseRespondent.case_id == c.id, CaseRespondent.archived_at.is_(None))
        .order_by(CaseRespondent.position)
        .limit(1)
        .scalar_subquery()
    )
    recovered = (
        select(func.coalesce(func.sum(Recovery.amount_fen), 0))
        .where(Recovery.case_id == c.id, Recovery.archived_at.is_(None))
        .scalar_subquery()
    )
    next_due = (
        select(func.min(Deadline.due_on))
        .where(Deadline.case_id == c.id, Deadline.done_at.is_(None), Deadline.archived_at.is_(None))
        .scalar_subquery()
    )
    lead_name = select(Staff.name).where(Staff.id == c.lead_staff_id).scalar_subquery()
    stmt = select(
        c.id,
        c.number,
        c.title,
        c.status,
        c.dispute_type,
        c.source,
        c.handling_method,
        c.received_on,
        c.accepted_on,
        c.closed_on,
        c.office_id,
        c.lead_staff_id,
        lead_name,
        c.worker_count,
        c.amount_claimed_fen,
        recovered,
        c.ledger_recovered_fen,
        first_applicant,
        first_employer,
        next_due,
    )
    out = []
    for r in s.execute(stmt).all():
        out.append(
            dto.CaseRow(
                id=r[0],
                number=r[1],
                title=r[2],
                status=r[3],
                dispute_type=r[4],
                source=r[5],
                handling_method=r[6],
                received_on=_d(r[7]),
                accepted_on=_d(r[8]),
                closed_on=_d(r[9]),
                office_id=r[10],
                lead_staff_id=r[11],
                lead_staff_name=r[12],
                worker_count=r[13],
                amount_claimed_fen=r[14],
                recovered_fen=int(r[15] or 0) + int(r[16] or 0),
                first_applicant=r[17],
                first_employer=r[18],
                next_due_on=_d(r[19]),
            )
        )
    del today
    return out


def _d(v: Any) -> Any:
    # Subquery columns of Date type come back as dates; aggregates come back as text.
    if isinstance(v, str):
        return date.fromisoformat(v)
    return v


def count(s: Session, f: dto.CaseFilter) -> int:
    stmt = apply_filter(select(func.count()).select_from(Case), f)
    return 0 if stmt is None else int(s.scalar(stmt) or 0)


def page(s: Session, req: dto.PageRequest, today: date) -> list[dto.CaseRow]:
    stmt = apply_filter(select(Case), req.filter)
    if stmt is None:
        return []
    stmt = order_by(stmt, req.sort).offset(max(req.offset, 0)).limit(max(req.limit, 0))
    return case_rows(s, stmt, today)


def ids(s: Session, f: dto.CaseFilter, sort: dto.Sort, limit: int | None = None) -> Sequence[str]:
    stmt = apply_filter(select(Case.id), f)
    if stmt is None:
        return []
    stmt = order_by(stmt, sort)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(s.scalars(stmt))


def rows_by_ids(s: Session, case_ids: Sequence[str], today: date) -> list[dto.CaseRow]:
    """CaseRows for these ids, in the order given."""
    if not case_ids:
        return []
    rows = {r.id: r for r in case_rows(s, select(Case).where(Case.id.in_(case_ids)), today)}
    return [rows[i] for i in case_ids if i in rows]
