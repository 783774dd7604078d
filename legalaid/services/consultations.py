"""Consultations (walk-in, phone, the 12351 hotline, online, outreach) and turning one
into a case."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from legalaid import dto
from legalaid.errors import ValidationError
from legalaid.inputs import ApplicantInput, CaseInput, ConsultationInput, PersonInput
from legalaid.models import Case, Consultation, Person, Staff
from legalaid.services import convert
from legalaid.services.audit import snapshot
from legalaid.services.checks import Checker
from legalaid.services.common import get_row
from legalaid.services.parties import check_person
from legalaid.vocab import CHANNELS, DISPUTE_TYPES

if TYPE_CHECKING:
    from legalaid.collection import Collection

CHANNEL_TO_SOURCE = {
    "walk_in": "walk_in",
    "phone": "phone",
    "hotline_12351": "hotline_12351",
    "online": "online",
    "outreach": "other",
}


class ConsultationService:
    def __init__(self, col: Collection) -> None:
        self.col = col

    def create(self, data: ConsultationInput) -> dto.Op[dto.ConsultationInfo]:
        chk = Checker()
        name = chk.text(data.caller_name, "caller_name", 100, required=True)
        chk.code(CHANNELS, data.channel, "channel")
        chk.code(DISPUTE_TYPES, data.topic, "topic")
        phone = chk.phone(data.caller_phone, "caller_phone")
        employer = chk.text(data.employer_name, "employer_name", 200)
        question = chk.text(data.question, "question", 20000, multiline=True)
        answer = chk.text(data.answer_summary, "answer_summary", 20000, multiline=True)
        chk.require(
            1 <= data.worker_count <= 100000,
            "worker_count",
            "range",
            "人数应在1到100000之间",
            "Worker count must be 1–100000",
        )
        when = data.consulted_at or self.col.now()
        if when.tzinfo is None:
            chk.require(False, "consulted_at", "timezone", "时间缺少时区", "Time lacks a time zone")
        else:
            chk.not_future(when.astimezone().date(), "consulted_at", self.col.today())
        person_values = (
            check_person(data.person, chk, self.col.today(), prefix="person.")
            if data.person is not None
            else None
        )
        chk.done()
        assert name is not None
        with self.col.write() as s:
            office_id = self.col.default_office_id(s, data.office_id)
            self.col.require("consultation.write", office_id=office_id)
            person_id = data.person_id
            if person_values is not None:
                person_id = self.col.parties.add_person(s, person_values, office_id).id
            elif person_id:
                get_row(s, Person, person_id, "当事人", "person")
            row = Consultation(
                office_id=office_id,
                consulted_at=when,
                channel=data.channel,
                topic=data.topic,
                caller_name=name,
                caller_phone=phone,
                person_id=person_id,
                employer_name=employer,
                question=question,
                answer_summary=answer,
                staff_id=data.staff_id or self.col.actor_id,
                worker_count=data.worker_count,
            )
            s.add(row)
            s.flush()
            self.col.audit(
                s, "create", "consultation", row.id, office_id=office_id, after=snapshot(row)
            )
            kinds = ("consultation", "person") if person_values is not None else ("consultation",)
            return dto.Op(convert.consultation(row), dto.OpChanges.of(*kinds))

    def get(self, consultation_id: str) -> dto.ConsultationInfo:
        with self.col.read() as s:
            row = get_row(s, Consultation, consultation_id, "咨询记录", "consultation")
            self.col.require("case.read", office_id=row.office_id)
            return convert.consultation(row)

    def recent(
        self, *, office_ids: list[str] | None = None, limit: int = 50, since: date | None = None
    ) -> list[dto.ConsultationInfo]:
        office_ids = self.col.permissions.scoped_office_ids(office_ids)
        with self.col.read() as s:
            q = (
                select(Consultation, Staff.name, Case.number)
                .outerjoin(Staff, Staff.id == Consultation.staff_id)
                .outerjoin(Case, Case.id == Consultation.case_id)
                .where(Consultation.archived_at.is_(None))
            )
            if office_ids:
                q = q.where(Consultation.office_id.in_(office_ids))
            if since:
                from datetime import datetime, time

                q = q.where(
                    Consultation.consulted_at >= datetime.combine(since, time.min).astimezone()
                )
            q = q.order_by(Consultation.consulted_at.desc()).limit(limit)
            return [convert.consultation(c, n, num) for c, n, num in s.execute(q).all()]

    def count(self, office_ids: list[str] | None = None) -> int:
        office_ids = self.col.permissions.scoped_office_ids(office_ids)
        with self.col.read() as s:
            q = (
                select(func.count())
                .select_from(Consultation)
                .where(Consultation.archived_at.is_(None))
            )
            if office_ids:
                q = q.where(Consultation.office_id.in_(office_ids))
            return int(s.scalar(q) or 0)

    def convert_to_case(
        self,
        consultation_id: str,
        *,
        title: str | None = None,
        person: PersonInput | None = None,
        received_on: date | None = None,
        lead_staff_id: str | None = None,
    ) -> dto.Op[dto.CaseInfo]:
        """Open a case from a consultation: its caller becomes the applicant (an existing
        person, or ``person`` with the details taken at intake)."""
        with self.col.read() as s:
            row = get_row(s, Consultation, consultation_id, "咨询记录", "consultation")
            self.col.require("case.write", office_id=row.office_id)
            if row.case_id:
                raise ValidationError.single(
                    "case_id", "exists", "该咨询已转为案件", "This consultation already has a case"
                )
            info = convert.consultation(row)
        applicant = (
            ApplicantInput(person_id=info.person_id)
            if info.person_id and person is None
            else ApplicantInput(
                person=person or PersonInput(name=info.caller_name, phone=info.caller_phone)
            )
        )
        from legalaid.inputs import EmployerInput, RespondentInput

        respondents = (
            [RespondentInput(employer=EmployerInput(name=info.employer_name))]
            if info.employer_name
            else []
        )
        op = self.col.cases.create(
            CaseInput(
                title=title or f"{info.caller_name}{DISPUTE_TYPES.zh(info.topic)}纠纷",
                dispute_type=info.topic,
                source=CHANNEL_TO_SOURCE.get(info.channel, "other"),
                received_on=received_on or self.col.today(),
                applicants=[applicant],
                respondents=respondents,
                consultation_id=info.id,
                lead_staff_id=lead_staff_id or info.staff_id,
                facts=info.question,
                worker_count=info.worker_count,
                office_id=info.office_id,
            )
        )
        return dto.Op(op.value, op.changes | dto.OpChanges.of("consultation"))
