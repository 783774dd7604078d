"""Deadlines: computed from statutory rules (with holiday roll-over) or set by hand,
created by the events that trigger them, with reminders ahead."""

from __future__ import annotations

import builtins
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid import dto
from legalaid.errors import ValidationError
from legalaid.inputs import DeadlineInput
from legalaid.models import Case, Deadline, Staff
from legalaid.rules.deadlines import DeadlineComputation, Explanation, compute_rule, reminder_date
from legalaid.rules.statutes import StatutoryRule, get_rule, load_rules
from legalaid.services import convert
from legalaid.services.audit import snapshot
from legalaid.services.checks import Checker
from legalaid.services.common import check_version, get_row
from legalaid.services.lifecycle import OPEN_STATUSES

if TYPE_CHECKING:
    from legalaid.collection import Collection

DEFAULT_REMINDER_DAYS = 3


def _lines(items: tuple[Explanation, ...]) -> str | None:
    return "\n".join(f"{e.zh}\t{e.en}" for e in items) or None


class DeadlineService:
    def __init__(self, col: Collection) -> None:
        self.col = col

    # -- rules and the calculator ---------------------------------------------------------

    def rules(self) -> tuple[StatutoryRule, ...]:
        return load_rules()

    def compute(self, rule_id: str, start: date) -> DeadlineComputation:
        """The due date of ``rule_id`` triggered on ``start``, with the reasoning."""
        return compute_rule(rule_id, start, self.col.calendar.get())

    # -- creating -------------------------------------------------------------------------

    def add_for_rule(
        self,
        s: Session,
        case: Case,
        rule_id: str,
        trigger: date,
        *,
        source_ref: str,
        responsible_id: str | None = None,
        title: str | None = None,
    ) -> Deadline:
        """Create (once per ``source_ref`` and rule) the deadline a rule gives."""
        existing = s.scalar(
            select(Deadline).where(
                Deadline.source_ref == source_ref,
                Deadline.rule_id == rule_id,
                Deadline.archived_at.is_(None),
            )
        )
        rule = get_rule(rule_id)
        result = compute_rule(rule, trigger, self.col.calendar.get())
        cal = self.col.calendar.get()
        remind = reminder_date(result.due, rule.reminder_days, cal)
        if existing is not None:
            if existing.due_on != result.due or existing.trigger_on != trigger:
                before = snapshot(existing)
                existing.trigger_on, existing.due_on = trigger, result.due
                existing.remind_on = remind
                existing.explanation = _lines(result.steps)
                existing.warning = _lines(result.warnings)
                s.flush()
                self.col.audit(
                    s,
                    "update",
                    "deadline",
                    existing.id,
                    office_id=case.office_id,
                    case_id=case.id,
                    before=before,
                    after=snapshot(existing),
                )
            return existing
        d = Deadline(
            office_id=case.office_id,
            case_id=case.id,
            title=title or rule.title_zh,
            rule_id=rule.id,
            statutory=rule.statutory,
            trigger_on=trigger,
            due_on=result.due,
            remind_on=remind,
            explanation=_lines(result.steps),
            warning=_lines(result.warnings),
            responsible_id=responsible_id or case.lead_staff_id,
            source_ref=source_ref,
        )
        s.add(d)
        s.flush()
        self.col.audit(
            s,
            "create",
            "deadline",
            d.id,
            office_id=case.office_id,
            case_id=case.id,
            after=snapshot(d),
        )
        return d

    def add_on_date(
        self,
        s: Session,
        case: Case,
        title: str,
        due: date,
        *,
        source_ref: str,
        statutory: bool = False,
        remind_days: int = DEFAULT_REMINDER_DAYS,
        explanation: str | None = None,
    ) -> Deadline:
        existing = s.scalar(
            select(Deadline).where(
                Deadline.source_ref == source_ref, Deadline.archived_at.is_(None)
            )
        )
        if existing is not None:
            if existing.due_on != due:
                existing.due_on = due
                existing.remind_on = reminder_date(due, remind_days, self.col.calendar.get())
            return existing
        d = Deadline(
            office_id=case.office_id,
            case_id=case.id,
            title=title,
            statutory=statutory,
            due_on=due,
            remind_on=reminder_date(due, remind_days, self.col.calendar.get()),
            responsible_id=case.lead_staff_id,
            source_ref=source_ref,
            explanation=explanation,
        )
        s.add(d)
        s.flush()
        self.col.audit(
            s,
            "create",
            "deadline",
            d.id,
            office_id=case.office_id,
            case_id=case.id,
            after=snapshot(d),
        )
        return d

    def create(self, data: DeadlineInput) -> dto.Op[dto.DeadlineInfo]:
        """A deadline from a rule (``rule_id`` + ``trigger_on``) or a date set by hand."""
        chk = Checker()
        title = chk.text(data.title, "title", 200, required=not data.rule_id)
        chk.require(
            bool(data.rule_id and data.trigger_on) or data.due_on is not None,
            "due_on",
            "required",
            "请填写期限日期或选择法定期限规则",
            "Enter a due date or choose a statutory rule",
        )
        if data.remind_days is not None:
            chk.require(
                0 <= data.remind_days <= 365,
                "remind_days",
                "range",
                "提前提醒天数应在0到365之间",
                "Reminder days must be 0–365",
            )
        chk.done()
        with self.col.write() as s:
            if data.case_id is None:
                raise ValidationError.single("case_id", "required", "请选择案件", "Choose a case")
            case = get_row(s, Case, data.case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            if data.responsible_id and s.get(Staff, data.responsible_id) is None:
                raise ValidationError.single(
                    "responsible_id", "unknown", "工作人员不存在", "No such staff member"
                )
            if data.rule_id and data.trigger_on:
                d = self.add_for_rule(
                    s,
                    case,
                    data.rule_id,
                    data.trigger_on,
                    source_ref=f"manual:{self.col.now().isoformat()}",
                    responsible_id=data.responsible_id,
                    title=title,
                )
            else:
                assert data.due_on is not None and title is not None
                d = self.add_on_date(
                    s,
                    case,
                    title,
                    data.due_on,
                    source_ref=f"manual:{self.col.now().isoformat()}",
                    remind_days=data.remind_days
                    if data.remind_days is not None
                    else DEFAULT_REMINDER_DAYS,
                )
                if data.responsible_id:
                    d.responsible_id = data.responsible_id
            return dto.Op(
                convert.deadline(d, case.number), dto.OpChanges.of("deadline", case_id=case.id)
            )

    def set_done(
        self, deadline_id: str, *, expected_version: int, done: bool = True
    ) -> dto.Op[dto.DeadlineInfo]:
        with self.col.write() as s:
            d = get_row(s, Deadline, deadline_id, "期限", "deadline")
            self.col.require("case.write", office_id=d.office_id, case_id=d.case_id, session=s)
            check_version(d, expected_version, "deadline")
            before = snapshot(d, ("done_at",))
            d.done_at = self.col.now() if done else None
            s.flush()
            self.col.audit(
                s,
                "update",
                "deadline",
                d.id,
                office_id=d.office_id,
                case_id=d.case_id,
                before=before,
                after=snapshot(d, ("done_at",)),
            )
            return dto.Op(convert.deadline(d), dto.OpChanges.of("deadline", case_id=d.case_id))

    def reassign(
        self, deadline_id: str, staff_id: str | None, *, expected_version: int
    ) -> dto.Op[dto.DeadlineInfo]:
        """Make another staff member responsible for a deadline (None: nobody)."""
        with self.col.write() as s:
            d = get_row(s, Deadline, deadline_id, "期限", "deadline")
            if d.case_id:
                self.col.require("case.write", case_id=d.case_id, session=s)
            check_version(d, expected_version, "deadline")
            if staff_id is not None and s.get(Staff, staff_id) is None:
                raise ValidationError.single(
                    "responsible_id", "unknown", "工作人员不存在", "No such staff member"
                )
            before = snapshot(d, ("responsible_id",))
            d.responsible_id = staff_id
            s.flush()
            self.col.audit(
                s,
                "update",
                "deadline",
                d.id,
                office_id=d.office_id,
                case_id=d.case_id,
                before=before,
                after=snapshot(d, ("responsible_id",)),
            )
            return dto.Op(convert.deadline(d), dto.OpChanges.of("deadline", case_id=d.case_id))

    def reschedule(
        self, deadline_id: str, due_on: date, *, expected_version: int, reason: str
    ) -> dto.Op[dto.DeadlineInfo]:
        """Move a deadline by hand (a court extended it, say); the reason is kept."""
        chk = Checker()
        reason_v = chk.text(reason, "reason", 1000, required=True)
        chk.done()
        with self.col.write() as s:
            d = get_row(s, Deadline, deadline_id, "期限", "deadline")
            self.col.require("case.write", office_id=d.office_id, case_id=d.case_id, session=s)
            check_version(d, expected_version, "deadline")
            before = snapshot(d)
            d.due_on = due_on
            d.remind_on = reminder_date(due_on, DEFAULT_REMINDER_DAYS, self.col.calendar.get())
            d.explanation = (
                (d.explanation or "") + f"\n手工调整：{reason_v}\tChanged by hand: {reason_v}"
            ).strip()
            s.flush()
            self.col.audit(
                s,
                "update",
                "deadline",
                d.id,
                office_id=d.office_id,
                case_id=d.case_id,
                before=before,
                after=snapshot(d),
            )
            return dto.Op(convert.deadline(d), dto.OpChanges.of("deadline", case_id=d.case_id))

    def close_open_for_case(self, s: Session, case_id: str) -> int:
        """Mark the open deadlines of a finished case done; returns how many."""
        rows = s.scalars(
            select(Deadline).where(
                Deadline.case_id == case_id,
                Deadline.done_at.is_(None),
                Deadline.archived_at.is_(None),
            )
        ).all()
        now = self.col.now()
        for d in rows:
            d.done_at = now
            self.col.audit(
                s,
                "update",
                "deadline",
                d.id,
                office_id=d.office_id,
                case_id=case_id,
                after={"done_at": now.isoformat(), "reason": "case closed"},
            )
        return len(rows)

    # -- lists ------------------------------------------------------------------------------

    def list(
        self,
        *,
        office_ids: list[str] | None = None,
        from_: date | None = None,
        to: date | None = None,
        open_only: bool = True,
        responsible_id: str | None = None,
        limit: int = 1000,
    ) -> builtins.list[dto.DeadlineInfo]:
        """Deadlines of open cases (and case-less ones), by due date."""
        office_ids = self.col.permissions.scoped_office_ids(office_ids)
        with self.col.read() as s:
            q = (
                select(Deadline, Case.number, Staff.name)
                .outerjoin(Case, Case.id == Deadline.case_id)
                .outerjoin(Staff, Staff.id == Deadline.responsible_id)
                .where(Deadline.archived_at.is_(None))
                .where((Deadline.case_id.is_(None)) | (Case.status.in_(OPEN_STATUSES)))
                .where((Case.archived_at.is_(None)) | Deadline.case_id.is_(None))
            )
            if office_ids:
                q = q.where(Deadline.office_id.in_(office_ids))
            if open_only:
                q = q.where(Deadline.done_at.is_(None))
            if from_:
                q = q.where(Deadline.due_on >= from_)
            if to:
                q = q.where(Deadline.due_on <= to)
            if responsible_id:
                q = q.where(Deadline.responsible_id == responsible_id)
            q = q.order_by(Deadline.due_on, Deadline.statutory.desc()).limit(limit)
            return [convert.deadline(d, num, name) for d, num, name in s.execute(q).all()]

    def overdue(
        self, office_ids: builtins.list[str] | None = None, *, limit: int = 200
    ) -> builtins.list[dto.DeadlineInfo]:
        return self.list(
            office_ids=office_ids, to=self.col.today() - timedelta(days=1), limit=limit
        )

    def due_within(
        self, days: int, office_ids: builtins.list[str] | None = None, *, limit: int = 200
    ) -> builtins.list[dto.DeadlineInfo]:
        today = self.col.today()
        return self.list(
            office_ids=office_ids, from_=today, to=today + timedelta(days=days), limit=limit
        )
