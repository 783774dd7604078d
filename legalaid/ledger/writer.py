"""Writing checked ledger rows into the database in ONE transaction.

The facade's ``cases.create`` commits each case on its own and opens the legal-aid
decision deadline of a new application; a ledger import must be all-or-nothing and
brings in historical cases that are already accepted or closed, for which statutory
deadlines would only show up as hundreds of false overdue items. So this narrow writer
uses ``col.write()`` with the core's own validation (``check_person``,
``check_employer`` in :mod:`legalaid.ledger.validate`), its session-level helpers
(``parties.add_person``, ``parties.find_employer``, ``parties.add_employer``,
``admin.ensure_roles``, ``cases.seq_for_imported_number``) and the models, and audits every
record it creates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalaid.ledger.columns import norm
from legalaid.ledger.validate import LedgerCase, LedgerConsultation, LedgerIssue
from legalaid.models import (
    Case,
    CaseApplicant,
    CaseRespondent,
    Consultation,
    Note,
    NoteRevision,
    Office,
    Person,
    Referral,
    Staff,
)
from legalaid.reports.periods import REPORT_TZ, day_start_utc, local_date
from legalaid.services.audit import snapshot
from legalaid.services.cases import seq_for_imported_number
from legalaid.vocab import BODY_TYPES, DISPUTE_TYPES

if TYPE_CHECKING:
    from legalaid.collection import Collection

#: Role given to a 承办人/接待人 the office does not know yet (an administrator can change it).
NEW_STAFF_ROLE = "lawyer"
# A ledger consultation has a date, not a time: it is stored at noon Beijing time so
# the date reads the same in every time zone a desk may run in.
_CONSULT_TIME = time(12, 0)
_ONE_DAY = timedelta(days=1)


@dataclass
class WriteResult:
    cases_created: int = 0
    cases_skipped: list[str] = field(default_factory=list)
    consultations_created: int = 0
    consultations_skipped: int = 0
    staff_created: list[str] = field(default_factory=list)
    case_ids: list[str] = field(default_factory=list)
    issues: list[LedgerIssue] = field(default_factory=list)


class _DryRun(Exception):
    """Raised to roll the transaction back after a complete trial import."""


def consultation_key(
    day: object, caller: str, phone: str | None, channel: str, topic: str, answer: str | None
) -> tuple[str, ...]:
    """What makes two consultations "the same" for re-import (there is no number)."""
    return (str(day), norm(caller), phone or "", channel, topic, (answer or "").strip())


class LedgerWriter:
    def __init__(self, col: Collection, office_id: str) -> None:
        self.col = col
        self.office_id = office_id
        self._staff: dict[str, str] = {}

    def write(
        self,
        cases: list[LedgerCase],
        consultations: list[LedgerConsultation],
        *,
        dry_run: bool = False,
    ) -> WriteResult:
        result = WriteResult()
        try:
            with self.col.write() as s:
                office = s.get(Office, self.office_id)
                assert office is not None
                self._load_staff(s)
                existing = self._existing_numbers(s, [c.number for c in cases])
                created: list[tuple[Case, LedgerCase]] = []
                for lc in cases:
                    if lc.number in existing:
                        result.cases_skipped.append(lc.number)
                        continue
                    created.append((self._case(s, office, lc, result), lc))
                self._consultations(s, consultations, result)
                result.cases_created = len(created)
                result.case_ids = [c.id for c, _ in created]
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return result

    # -- staff -----------------------------------------------------------------------

    def _load_staff(self, s: Session) -> None:
        rows = s.execute(
            select(Staff.name, Staff.id)
            .where(Staff.office_id == self.office_id)
            .order_by(Staff.active.desc(), Staff.created_at)
        ).all()
        for name, sid in rows:
            self._staff.setdefault(norm(name), sid)

    def _staff_id(self, s: Session, name: str | None, result: WriteResult) -> str | None:
        if not name:
            return None
        key = norm(name)
        if key in self._staff:
            return self._staff[key]
        self.col.admin.ensure_roles(s)
        username, n = name, 1
        while s.scalar(select(Staff.id).where(func.lower(Staff.username) == username.lower())):
            n += 1
            username = f"{name}{n}"
        member = Staff(
            office_id=self.office_id, name=name, username=username, role_code=NEW_STAFF_ROLE
        )
        s.add(member)
        s.flush()
        self.col.audit(
            s,
            "create",
            "staff",
            member.id,
            office_id=self.office_id,
            after={**snapshot(member, ("name", "username", "role_code")), "source": "ledger"},
        )
        self._staff[key] = member.id
        result.staff_created.append(name)
        return member.id

    # -- cases -----------------------------------------------------------------------

    def _existing_numbers(self, s: Session, numbers: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(numbers), 500):
            chunk = numbers[i : i + 500]
            found.update(s.scalars(select(Case.number).where(Case.number.in_(chunk))))
        return found

    def _number(self, s: Session, office: Office, year: int, number: str) -> int:
        """The sequence of an imported number (see ``seq_for_imported_number``)."""
        return seq_for_imported_number(s, office, year, number)

    def _case(self, s: Session, office: Office, lc: LedgerCase, result: WriteResult) -> Case:
        year = lc.accepted_on.year
        seq = self._number(s, office, year, lc.number)
        names = [str(a["name"]) for a in lc.applicants]
        employer_names = [str(e["name"]) for e in lc.employers]
        title = f"{'、'.join(names[:3])}{'等' if len(names) > 3 else ''}"
        if employer_names:
            title += f"与{employer_names[0]}"
        title = (title + f"{DISPUTE_TYPES.zh(lc.dispute_type)}纠纷")[:300]
        case = Case(
            office_id=self.office_id,
            number=lc.number,
            year=year,
            seq=seq,
            title=title,
            status={"open": "accepted", "closed": "closed", "refused": "refused"}[lc.status],
            outcome={"closed": "other", "refused": "refused"}.get(lc.status),
            dispute_type=lc.dispute_type,
            other_dispute_types="",
            source=lc.source,
            handling_method=lc.handling_method,
            received_on=lc.accepted_on,
            accepted_on=lc.accepted_on if lc.status != "refused" else None,
            closed_on=lc.closed_on if lc.status != "open" else None,
            lead_staff_id=self._staff_id(s, lc.staff_name, result),
            worker_count=lc.worker_count,
            amount_claimed_fen=lc.claimed_fen,
            refusal_reason="台账导入" if lc.status == "refused" else None,
            closing_summary="台账导入" if lc.status == "closed" else None,
            ledger_recovered_fen=lc.recovered_fen,
            ledger_wage_recovered_fen=lc.wage_fen,
        )
        s.add(case)
        s.flush()
        self.col.audit(
            s,
            "create",
            "case",
            case.id,
            office_id=self.office_id,
            case_id=case.id,
            after={**snapshot(case), "source": "ledger", "ledger_row": lc.row},
        )
        for i, values in enumerate(lc.applicants):
            person = self.col.parties.add_person(s, dict(values), self.office_id)
            s.add(
                CaseApplicant(
                    office_id=self.office_id, case_id=case.id, person_id=person.id, position=i
                )
            )
        for i, values in enumerate(lc.employers):
            found = self.col.parties.find_employer(
                s,
                str(values["name"]),
                values.get("credit_code"),  # type: ignore[arg-type]
                self.office_id,
            )
            if (
                found is not None
                and found.credit_code
                and values.get("credit_code")
                not in (
                    None,
                    found.credit_code,
                )
            ):
                found = None  # same name, another credit code: another employer
            emp = found or self.col.parties.add_employer(s, dict(values), self.office_id)
            s.add(
                CaseRespondent(
                    office_id=self.office_id, case_id=case.id, employer_id=emp.id, position=i
                )
            )
        if lc.referral_body:
            ref = Referral(
                office_id=self.office_id,
                case_id=case.id,
                direction="outgoing",
                body_type=lc.referral_body,
                body_name=BODY_TYPES.zh(lc.referral_body),
                kind="transfer",
                sent_on=lc.accepted_on,
                status="completed" if lc.status == "closed" else "sent",
                notes="台账导入",
            )
            s.add(ref)
            s.flush()
            self.col.audit(
                s,
                "create",
                "referral",
                ref.id,
                office_id=self.office_id,
                case_id=case.id,
                after=snapshot(ref),
            )
        if lc.note:
            note = Note(office_id=self.office_id, case_id=case.id, author_id=self.col.actor_id)
            s.add(note)
            s.flush()
            s.add(
                NoteRevision(
                    office_id=self.office_id,
                    note_id=note.id,
                    body=lc.note,
                    author_id=self.col.actor_id,
                )
            )
            self.col.audit(
                s,
                "create",
                "note",
                note.id,
                office_id=self.office_id,
                case_id=case.id,
                after={"body": lc.note},
            )
        s.flush()
        return case

    # -- consultations ---------------------------------------------------------------

    def _consultations(
        self, s: Session, rows: list[LedgerConsultation], result: WriteResult
    ) -> None:
        if not rows:
            return
        first = min(r.consulted_on for r in rows)
        last = max(r.consulted_on for r in rows)
        t0, t1 = day_start_utc(first), day_start_utc(last + _ONE_DAY)
        have: Counter[tuple[str, ...]] = Counter()
        for when, caller, phone, channel, topic, answer in s.execute(
            select(
                Consultation.consulted_at,
                Consultation.caller_name,
                Consultation.caller_phone,
                Consultation.channel,
                Consultation.topic,
                Consultation.answer_summary,
            ).where(
                Consultation.office_id == self.office_id,
                Consultation.consulted_at >= t0,
                Consultation.consulted_at < t1,
                Consultation.archived_at.is_(None),
            )
        ):
            have[consultation_key(local_date(when), caller, phone, channel, topic, answer)] += 1
        linked: set[str] = set()
        for r in rows:
            key = consultation_key(
                r.consulted_on, r.caller_name, r.phone, r.channel, r.topic, r.answer
            )
            if have[key] > 0:
                have[key] -= 1
                result.consultations_skipped += 1
                continue
            row = Consultation(
                office_id=self.office_id,
                consulted_at=datetime.combine(r.consulted_on, _CONSULT_TIME, REPORT_TZ),
                channel=r.channel,
                topic=r.topic,
                caller_name=r.caller_name,
                caller_phone=r.phone,
                answer_summary=r.answer,
                staff_id=self._staff_id(s, r.staff_name, result),
                worker_count=1,
            )
            s.add(row)
            s.flush()
            if r.converted:
                case = self._case_for(s, r, linked)
                if case is None:
                    result.issues.append(
                        LedgerIssue(
                            "咨询",
                            r.row,
                            "是否转立案",
                            f"找不到申请人为“{r.caller_name}”、受理日期不早于咨询日期的案件，"
                            "按未转立案导入",
                            f"No case with applicant {r.caller_name} accepted on or after the "
                            "consultation; imported as not converted",
                            "warning",
                        )
                    )
                else:
                    row.case_id = case.id
                    case.consultation_id = row.id
                    linked.add(case.id)
            self.col.audit(
                s,
                "create",
                "consultation",
                row.id,
                office_id=self.office_id,
                case_id=row.case_id,
                after={**snapshot(row), "source": "ledger", "ledger_row": r.row},
            )
            result.consultations_created += 1

    def _case_for(self, s: Session, r: LedgerConsultation, linked: set[str]) -> Case | None:
        """The case a converted consultation became: same office, the caller among its
        applicants (and the same phone when both have one), received on or after it."""
        q = (
            select(Case)
            .join(CaseApplicant, CaseApplicant.case_id == Case.id)
            .join(Person, Person.id == CaseApplicant.person_id)
            .where(
                Case.office_id == self.office_id,
                Case.archived_at.is_(None),
                Case.consultation_id.is_(None),
                Case.received_on >= r.consulted_on,
                Person.name == r.caller_name,
            )
            .order_by(Case.received_on, Case.number)
        )
        for case in s.scalars(q):
            if case.id in linked:
                continue
            if r.phone:
                phones = set(
                    s.scalars(
                        select(Person.phone)
                        .join(CaseApplicant, CaseApplicant.person_id == Person.id)
                        .where(CaseApplicant.case_id == case.id)
                    )
                )
                if any(phones) and r.phone not in phones:
                    continue
            return case
        return None
