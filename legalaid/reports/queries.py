"""The SQL behind a summary. Every figure is an aggregate computed by the database
(GROUP BY over indexed date ranges); Python only adds up the grouped rows.

Each function takes the office ids in scope (always an explicit list, so SQLite can use
the ``(office_id, date)`` indexes) and returns plain tuples.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    and_,
    case,
    cast,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import ColumnElement, UnaryExpression

from legalaid.models import (
    Case,
    CaseApplicant,
    Consultation,
    Deadline,
    Mediation,
    Person,
    Recovery,
    Referral,
    Staff,
)
from legalaid.reports.periods import REPORT_TZ, Period

Rows = list[tuple[Any, ...]]

# Hours between midnight UTC and the next midnight in China Standard Time.
_CST_TO_UTC_HOURS = 24 - int(REPORT_TZ.utcoffset(None).total_seconds() // 3600)  # type: ignore[union-attr]


def _dialect(s: Session) -> str:
    return s.get_bind().dialect.name


def _days_between(s: Session, earlier: Any, later: Any) -> ColumnElement[Any]:
    """Whole days from ``earlier`` to ``later`` (date columns)."""
    if _dialect(s) == "sqlite":
        return cast(func.julianday(later) - func.julianday(earlier), Integer)
    return cast(later - earlier, Integer)


def _done_late(s: Session) -> ColumnElement[bool]:
    """A deadline finished after the end of its due day (Beijing time)."""
    if _dialect(s) == "sqlite":
        # done_at is stored as naive UTC text; the due day ends at 16:00 UTC.
        limit = func.datetime(Deadline.due_on, f"+{_CST_TO_UTC_HOURS} hours")
        return Deadline.done_at >= limit
    return Deadline.done_at >= (
        cast(Deadline.due_on, Date) + literal_column(f"interval '{_CST_TO_UTC_HOURS} hours'")
    )


def _greatest(s: Session, a: Any, b: Any) -> ColumnElement[Any]:
    return case((a >= b, a), else_=b)


# -- case sets ----------------------------------------------------------------------------
#
# SQLite picks one index per table. For cases the date indexes are the selective ones;
# the office and status indexes would walk every case an office ever had. On SQLite a
# unary ``+`` before a column keeps the planner off that column's index.


def _plain(s: Session, column: Any) -> Any:
    """``column`` as an expression SQLite will not use an index for."""
    if _dialect(s) != "sqlite":
        return column
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


def accepted_in(s: Session, p: Period) -> ColumnElement[bool]:
    return Case.accepted_on.between(p.start, p.end)


def closed_in(s: Session, p: Period) -> ColumnElement[bool]:
    return and_(Case.closed_on.between(p.start, p.end), _plain(s, Case.status) == "closed")


def open_at(s: Session, end: date) -> ColumnElement[bool]:
    # Two index-friendly branches on closed_on: still open (IS NULL: the open cases) or
    # closed after the end (a short range for recent periods).
    return and_(
        _plain(s, Case.accepted_on) <= end,
        or_(Case.closed_on.is_(None), Case.closed_on > end),
    )


def _live_cases(s: Session, office_ids: Sequence[str]) -> ColumnElement[bool]:
    return and_(_plain(s, Case.office_id).in_(office_ids), Case.archived_at.is_(None))


CASE_DIMENSIONS = (
    Case.office_id,
    Case.dispute_type,
    Case.source,
    Case.handling_method,
    Case.lead_staff_id,
    Case.outcome,
)


def closed_any_in(s: Session, p: Period) -> ColumnElement[bool]:
    """Closing date in ``p``, whatever the status (refusals carry one too): the rows a
    closed-case tally and the ledger amounts counted on the closing date come from."""
    return Case.closed_on.between(p.start, p.end)


def _is_closed() -> ColumnElement[bool]:
    return Case.status == "closed"


def case_groups(s: Session, office_ids: Sequence[str], where: ColumnElement[bool]) -> Rows:
    """Cases matching ``where`` grouped by office, dispute type, source, handling method,
    lead staff and outcome: ``(*dims, count, closed_count, days_to_close_sum,
    days_counted, ledger_fen, ledger_wage_fen)``; the ``closed`` figures count only cases
    whose status is closed."""
    days = _days_between(s, Case.accepted_on, Case.closed_on)
    counted = and_(_is_closed(), Case.closed_on.is_not(None), Case.accepted_on.is_not(None))
    q = (
        select(
            *CASE_DIMENSIONS,
            func.count(),
            func.coalesce(func.sum(case((_is_closed(), 1), else_=0)), 0),
            func.coalesce(func.sum(case((counted, days), else_=0)), 0),
            func.coalesce(func.sum(case((counted, 1), else_=0)), 0),
            func.coalesce(func.sum(Case.ledger_recovered_fen), 0),
            func.coalesce(func.sum(Case.ledger_wage_recovered_fen), 0),
        )
        .where(_live_cases(s, office_ids), where)
        .group_by(*CASE_DIMENSIONS)
    )
    return [tuple(r) for r in s.execute(q).all()]


def _applicant_count(case_col: Any) -> Any:
    return (
        select(func.count())
        .where(CaseApplicant.case_id == case_col, CaseApplicant.archived_at.is_(None))
        .scalar_subquery()
    )


def workers_of_named(s: Session, office_ids: Sequence[str], p: Period) -> Rows:
    """Registered applicants of cases accepted in ``p``:
    ``(office_id, migrant, hardship, union, employment_form, count)``."""
    q = (
        select(
            Case.office_id,
            Person.migrant_worker,
            Person.hardship_worker,
            Person.union_member,
            Person.employment_form,
            func.count(),
        )
        .select_from(Case)
        .join(
            CaseApplicant,
            and_(CaseApplicant.case_id == Case.id, CaseApplicant.archived_at.is_(None)),
        )
        .join(Person, Person.id == CaseApplicant.person_id)
        .where(_live_cases(s, office_ids), accepted_in(s, p))
        .group_by(
            Case.office_id,
            Person.migrant_worker,
            Person.hardship_worker,
            Person.union_member,
            Person.employment_form,
        )
    )
    return [tuple(r) for r in s.execute(q).all()]


def workers_unnamed(s: Session, office_ids: Sequence[str], p: Period, group_min: int) -> Rows:
    """Workers of cases accepted in ``p`` beyond the registered applicants, with the
    first applicant's attributes, plus group-case counts:
    ``(office_id, migrant, hardship, union, employment_form, extra_workers, cases,
    group_cases, group_workers)``."""
    first_person = (
        select(CaseApplicant.person_id)
        .where(CaseApplicant.case_id == Case.id, CaseApplicant.archived_at.is_(None))
        .order_by(CaseApplicant.position)
        .limit(1)
        .scalar_subquery()
    )
    per_case = (
        select(
            Case.office_id.label("office_id"),
            Case.worker_count.label("wc"),
            _applicant_count(Case.id).label("n"),
            first_person.label("first_pid"),
        )
        .where(_live_cases(s, office_ids), accepted_in(s, p))
        .subquery()
    )
    first = aliased(Person)
    heads = _greatest(s, per_case.c.wc, per_case.c.n)
    extra = case((per_case.c.wc > per_case.c.n, per_case.c.wc - per_case.c.n), else_=0)
    is_group = heads >= group_min
    q = (
        select(
            per_case.c.office_id,
            first.migrant_worker,
            first.hardship_worker,
            first.union_member,
            first.employment_form,
            func.coalesce(func.sum(extra), 0),
            func.count(),
            func.coalesce(func.sum(case((is_group, 1), else_=0)), 0),
            func.coalesce(func.sum(case((is_group, heads), else_=0)), 0),
        )
        .select_from(per_case)
        .outerjoin(first, first.id == per_case.c.first_pid)
        .group_by(
            per_case.c.office_id,
            first.migrant_worker,
            first.hardship_worker,
            first.union_member,
            first.employment_form,
        )
    )
    return [tuple(r) for r in s.execute(q).all()]


def workers_total(s: Session, office_ids: Sequence[str], p: Period) -> Rows:
    """``(office_id, cases, workers)`` of cases accepted in ``p`` (for comparisons)."""
    n = _applicant_count(Case.id)
    heads = case((Case.worker_count >= n, Case.worker_count), else_=n)
    q = (
        select(Case.office_id, func.count(), func.coalesce(func.sum(heads), 0))
        .where(_live_cases(s, office_ids), accepted_in(s, p))
        .group_by(Case.office_id)
    )
    return [tuple(r) for r in s.execute(q).all()]


def case_counts(s: Session, office_ids: Sequence[str], p: Period) -> Rows:
    """``(office_id, accepted, closed, ledger_fen, ledger_wage_fen)`` in ``p`` (for
    comparisons); the ledger amounts are those counted on a closing date in ``p``."""
    out: dict[str, list[int]] = {}
    q = (
        select(Case.office_id, func.count())
        .where(_live_cases(s, office_ids), accepted_in(s, p))
        .group_by(Case.office_id)
    )
    for office_id, n in s.execute(q).all():
        out.setdefault(office_id, [0, 0, 0, 0])[0] = int(n)
    q2 = (
        select(
            Case.office_id,
            func.coalesce(func.sum(case((_is_closed(), 1), else_=0)), 0),
            func.coalesce(func.sum(Case.ledger_recovered_fen), 0),
            func.coalesce(func.sum(Case.ledger_wage_recovered_fen), 0),
        )
        .where(_live_cases(s, office_ids), closed_any_in(s, p))
        .group_by(Case.office_id)
    )
    for office_id, closed, fen, wage in s.execute(q2).all():
        out.setdefault(office_id, [0, 0, 0, 0])[1:] = [int(closed), int(fen), int(wage)]
    return [(k, *v) for k, v in out.items()]


# -- consultations ------------------------------------------------------------------------


def consultation_groups(s: Session, office_ids: Sequence[str], p: Period) -> Rows:
    """``(office_id, channel, topic, staff_id, count, workers)``."""
    t0, t1 = p.utc_bounds()
    q = (
        select(
            Consultation.office_id,
            Consultation.channel,
            Consultation.topic,
            Consultation.staff_id,
            func.count(),
            func.coalesce(func.sum(Consultation.worker_count), 0),
        )
        .where(
            Consultation.office_id.in_(office_ids),
            Consultation.consulted_at >= t0,
            Consultation.consulted_at < t1,
            Consultation.archived_at.is_(None),
        )
        .group_by(
            Consultation.office_id,
            Consultation.channel,
            Consultation.topic,
            Consultation.staff_id,
        )
    )
    return [tuple(r) for r in s.execute(q).all()]


def consultation_counts(s: Session, office_ids: Sequence[str], p: Period) -> Rows:
    """``(office_id, count)``."""
    t0, t1 = p.utc_bounds()
    q = (
        select(Consultation.office_id, func.count())
        .where(
            Consultation.office_id.in_(office_ids),
            Consultation.consulted_at >= t0,
            Consultation.consulted_at < t1,
            Consultation.archived_at.is_(None),
        )
        .group_by(Consultation.office_id)
    )
    return [tuple(r) for r in s.execute(q).all()]


# -- money --------------------------------------------------------------------------------


def recovery_groups(s: Session, office_ids: Sequence[str], p: Period) -> Rows:
    """Recovery rows received in ``p``: ``(office_id, kind, count, amount_fen)``."""
    q = (
        select(
            Recovery.office_id,
            Recovery.kind,
            func.count(),
            func.coalesce(func.sum(Recovery.amount_fen), 0),
        )
        .join(Case, Case.id == Recovery.case_id)
        .where(
            Recovery.office_id.in_(office_ids),
            Recovery.received_on.between(p.start, p.end),
            Recovery.archived_at.is_(None),
            Case.archived_at.is_(None),
        )
        .group_by(Recovery.office_id, Recovery.kind)
    )
    return [tuple(r) for r in s.execute(q).all()]


def ledger_open(s: Session, office_ids: Sequence[str], p: Period) -> Rows:
    """Amounts recorded by imported ledgers on cases not closed, counted on the
    acceptance date (the date received, if not accepted): ``(office_id, cases, total_fen,
    wage_fen)``. Closed cases' amounts come with the closed-case queries (closing date)."""
    q = (
        select(
            Case.office_id,
            func.count(),
            func.coalesce(func.sum(Case.ledger_recovered_fen), 0),
            func.coalesce(func.sum(Case.ledger_wage_recovered_fen), 0),
        )
        .where(
            _live_cases(s, office_ids),
            Case.closed_on.is_(None),  # the open cases: a short stretch of its index
            or_(Case.ledger_recovered_fen > 0, Case.ledger_wage_recovered_fen > 0),
            func.coalesce(Case.accepted_on, Case.received_on).between(p.start, p.end),
        )
        .group_by(Case.office_id)
    )
    return [tuple(r) for r in s.execute(q).all()]


# -- referrals, mediations, deadlines -----------------------------------------------------


def referral_groups(s: Session, office_ids: Sequence[str], p: Period) -> Rows:
    """Referrals sent or received in ``p``: ``(office_id, direction, body_type, status,
    count)``."""
    q = (
        select(
            Referral.office_id,
            Referral.direction,
            Referral.body_type,
            Referral.status,
            func.count(),
        )
        .join(Case, Case.id == Referral.case_id)
        .where(
            Referral.office_id.in_(office_ids),
            Referral.sent_on.between(p.start, p.end),
            Referral.archived_at.is_(None),
            Case.archived_at.is_(None),
        )
        .group_by(Referral.office_id, Referral.direction, Referral.body_type, Referral.status)
    )
    return [tuple(r) for r in s.execute(q).all()]


def mediation_groups(s: Session, office_ids: Sequence[str], p: Period) -> Rows:
    """Mediations started in ``p``: ``(office_id, stage, status, count, agreed_fen)``."""
    q = (
        select(
            Mediation.office_id,
            Mediation.stage,
            Mediation.status,
            func.count(),
            func.coalesce(func.sum(Mediation.agreement_amount_fen), 0),
        )
        .join(Case, Case.id == Mediation.case_id)
        .where(
            Mediation.office_id.in_(office_ids),
            Mediation.started_on.between(p.start, p.end),
            Mediation.archived_at.is_(None),
            Case.archived_at.is_(None),
        )
        .group_by(Mediation.office_id, Mediation.stage, Mediation.status)
    )
    return [tuple(r) for r in s.execute(q).all()]


def missed_deadline_groups(s: Session, office_ids: Sequence[str], p: Period, today: date) -> Rows:
    """Deadlines due in ``p`` (before today) not done by the end of their due day:
    ``(office_id, responsible_id, statutory, count)``."""
    last = min(p.end, today - timedelta(days=1))
    if last < p.start:
        return []
    q = (
        select(
            Deadline.office_id,
            Deadline.responsible_id,
            Deadline.statutory,
            func.count(),
        )
        .outerjoin(Case, Case.id == Deadline.case_id)
        .where(
            Deadline.office_id.in_(office_ids),
            Deadline.due_on.between(p.start, last),
            Deadline.archived_at.is_(None),
            or_(Deadline.case_id.is_(None), Case.archived_at.is_(None)),
            or_(Deadline.done_at.is_(None), _done_late(s)),
        )
        .group_by(Deadline.office_id, Deadline.responsible_id, Deadline.statutory)
    )
    return [tuple(r) for r in s.execute(q).all()]


def staff_names(s: Session, staff_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """``{staff_id: (name, office_id)}``."""
    if not staff_ids:
        return {}
    q = select(Staff.id, Staff.name, Staff.office_id).where(Staff.id.in_(list(staff_ids)))
    return {sid: (name, oid) for sid, name, oid in s.execute(q).all()}


__all__ = [
    "CASE_DIMENSIONS",
    "Rows",
    "accepted_in",
    "case_counts",
    "case_groups",
    "closed_any_in",
    "closed_in",
    "consultation_counts",
    "consultation_groups",
    "ledger_open",
    "mediation_groups",
    "missed_deadline_groups",
    "open_at",
    "recovery_groups",
    "referral_groups",
    "staff_names",
    "workers_of_named",
    "workers_total",
    "workers_unnamed",
]
