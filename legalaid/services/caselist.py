"""Case list queries: filters, sorting, counting and pages, all done in SQL so the list
stays quick on a million cases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, exists, func, literal_column, or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnClause

from legalaid import dto
from legalaid.db.search_text import SEARCH_CAP, fts_rowids, match_query
from legalaid.models import (
    Case,
    CaseApplicant,
    CaseRespondent,
    CaseStaff,
    Deadline,
    Employer,
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
    """A condition on ``cases``: the case's number, title, parties or notes contain
    ``query``.

    Returns None when the query has nothing searchable in it. Each kind of match is
    capped at its newest :data:`SEARCH_CAP` (index rows, then links from people and
    employers to cases), so a broad query ("王", "劳务有限公司") stays quick on a large
    desk; the list then holds the newest matches.
    """
    q = match_query(query)
    if q is None:
        return None

    def linked(link: str, key: str, party: str) -> str:
        # The newest links of the matching parties; a party with hundreds of cases
        # (a large employer) cannot blow the list up.
        return (
            f"SELECT case_id FROM (SELECT l.case_id FROM {link} l JOIN {party} p "
            f"ON p.id = l.{key} WHERE p.rowid IN ({fts_rowids(party)}) "
            f"ORDER BY l.rowid DESC LIMIT {SEARCH_CAP})"
        )

    own = f"SELECT c.id FROM cases c WHERE c.rowid IN ({fts_rowids('cases')})"
    notes = (
        "SELECT n.case_id FROM notes n WHERE n.id IN (SELECT note_id FROM note_revisions "
        f"WHERE rowid IN ({fts_rowids('note_revisions')}))"
    )
    union = " UNION ".join(
        (
            own,
            linked("case_applicants", "person_id", "people"),
            linked("case_respondents", "employer_id", "employers"),
            notes,
        )
    )
    return text(f"cases.id IN ({union})").bindparams(q=q)


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
        matches = text_case_ids(f.text)
        if matches is None:
            return None
        conds.append(matches)
    return stmt.where(and_(*conds)) if conds else stmt


_ROWID: ColumnClause[int] = literal_column("cases.rowid")


def order_by(stmt: Select[Any], sort: dto.Sort) -> Select[Any]:
    # The row id last makes the order total (two offices' cases can share a date and a
    # sequence), so pages never repeat or skip a case; indexes end with it anyway.
    cols = (*SORTABLE.get(sort.column, SORTABLE["received_on"]), _ROWID)
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
    # Choose the page's rows first, reading only what the filter and the order need
    # (often an index alone: a text search's matches are sorted from ix_cases_live_id),
    # then read those rows whole.
    chosen = apply_filter(select(_ROWID).select_from(Case), req.filter)
    if chosen is None:
        return []
    chosen = order_by(chosen, req.sort).offset(max(req.offset, 0)).limit(max(req.limit, 0))
    stmt = order_by(select(Case).where(_ROWID.in_(chosen)), req.sort)
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
