"""The numbers on a desk's first page."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func, select, true

from legalaid import dto
from legalaid.models import Case, Consultation, Recovery
from legalaid.services import caselist

if TYPE_CHECKING:
    from legalaid.collection import Collection


class DashboardService:
    def __init__(self, col: Collection) -> None:
        self.col = col

    def load(
        self,
        *,
        staff_id: str | None = None,
        office_ids: list[str] | None = None,
        soon_days: int = 7,
    ) -> dto.DashboardData:
        today = self.col.today()
        staff_id = staff_id or self.col.actor_id
        month_start = today.replace(day=1)
        offices = tuple(self.col.permissions.scoped_office_ids(office_ids) or ())
        with self.col.read() as s:
            mine = (
                caselist.page(
                    s,
                    dto.PageRequest(
                        filter=dto.CaseFilter(
                            staff_id=staff_id, open_only=True, office_ids=offices
                        ),
                        sort=dto.Sort("received_on", True),
                        limit=50,
                    ),
                    today,
                )
                if staff_id
                else []
            )
            open_cases = caselist.count(s, dto.CaseFilter(open_only=True, office_ids=offices))

            def office_filter(model: Any) -> ColumnElement[bool]:
                return model.office_id.in_(offices) if offices else true()

            start_ts = datetime.combine(month_start, time.min).astimezone()
            consultations = (
                s.scalar(
                    select(func.count())
                    .select_from(Consultation)
                    .where(
                        Consultation.consulted_at >= start_ts,
                        Consultation.archived_at.is_(None),
                        office_filter(Consultation),
                    )
                )
                or 0
            )
            accepted = (
                s.scalar(
                    select(func.count())
                    .select_from(Case)
                    .where(
                        Case.accepted_on >= month_start,
                        Case.archived_at.is_(None),
                        office_filter(Case),
                    )
                )
                or 0
            )
            closed = (
                s.scalar(
                    select(func.count())
                    .select_from(Case)
                    .where(
                        Case.closed_on >= month_start,
                        Case.status == "closed",
                        Case.archived_at.is_(None),
                        office_filter(Case),
                    )
                )
                or 0
            )
            recovered = (
                s.scalar(
                    select(func.coalesce(func.sum(Recovery.amount_fen), 0)).where(
                        Recovery.received_on >= month_start,
                        Recovery.archived_at.is_(None),
                        office_filter(Recovery),
                    )
                )
                or 0
            )
        overdue = self.col.deadlines.overdue(list(offices) or None, limit=100)
        soon = self.col.deadlines.due_within(soon_days, list(offices) or None, limit=100)
        recent = self.col.consultations.recent(office_ids=list(offices) or None, limit=10)
        return dto.DashboardData(
            today=today,
            my_open_cases=tuple(mine),
            overdue=tuple(overdue),
            due_soon=tuple(soon),
            recent_consultations=tuple(recent),
            month_consultations=int(consultations),
            month_cases_accepted=int(accepted),
            month_cases_closed=int(closed),
            month_recovered_fen=int(recovered),
            open_cases=int(open_cases),
        )


__all__ = ["DashboardService", "date"]
