"""Cases: creation with parties, numbering, descriptive edits, the life cycle, archive,
and the full case detail."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from legalaid import dto
from legalaid.errors import FieldError, NotFoundError, ValidationError
from legalaid.inputs import (
    ApplicantInput,
    CaseInput,
    CaseUpdate,
    RespondentInput,
    WageClaimInput,
)
from legalaid.models import (
    Case,
    CaseApplicant,
    CaseNumberCounter,
    CaseRespondent,
    CaseStaff,
    Consultation,
    Office,
    Person,
    Staff,
)
from legalaid.services import caselist, convert, lifecycle
from legalaid.services.audit import recently_viewed, snapshot
from legalaid.services.caselist import case_rows
from legalaid.services.checks import Checker
from legalaid.services.common import check_version, get_row
from legalaid.services.money import check_claims
from legalaid.services.parties import check_employer, check_person
from legalaid.vocab import (
    APPLICANT_ROLES,
    CASE_SOURCES,
    DISPUTE_TYPES,
    HANDLING_METHODS,
    OUTCOMES,
    RESPONDENT_ROLES,
)

if TYPE_CHECKING:
    from legalaid.collection import Collection

__all__ = ["CaseService", "case_rows"]

MAX_APPLICANTS = 2000
_SEQ_IN_NUMBER = re.compile(r"(\d+)\D*$")


def _counter(s: Session, office: Office, year: int) -> CaseNumberCounter:
    """The office's counter for ``year``, created past any number already used."""
    counter = s.get(CaseNumberCounter, (office.id, year))
    if counter is None:
        highest = (
            s.scalar(
                select(func.max(Case.seq)).where(Case.office_id == office.id, Case.year == year)
            )
            or 0
        )
        counter = CaseNumberCounter(office_id=office.id, year=year, next_seq=highest + 1)
        s.add(counter)
    return counter


def seq_for_imported_number(s: Session, office: Office, year: int, number: str) -> int:
    """The sequence of a number brought in from elsewhere (a ledger): the digits at its
    end when free, else a newly allocated one; the counter moves past it either way so a
    number allocated later never collides."""
    return seqs_for_imported_numbers(s, office, [(year, number)])[0]


def seqs_for_imported_numbers(
    s: Session, office: Office, numbers: Sequence[tuple[int, str]]
) -> list[int]:
    """``seq_for_imported_number`` for many (year, number) pairs taken one after another."""
    pairs = [(y, int(m.group(1)) if (m := _SEQ_IN_NUMBER.search(n)) else 0) for y, n in numbers]
    taken: dict[int, set[int]] = {year: set() for year, _ in pairs}
    for year, used in taken.items():
        wanted = sorted({q for y, q in pairs if y == year and q > 0})
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            used.update(
                s.scalars(
                    select(Case.seq).where(
                        Case.office_id == office.id, Case.year == year, Case.seq.in_(chunk)
                    )
                )
            )
    # The counter only moves forward, its triggers only up to a number block's start
    # (legalaid.sync.capture). So it moves past a year's imported sequences once (before
    # an allocation, or at the end), and past the last block numbers go in order without
    # reading it back: the same numbers as moving it and reading it back each time.
    past: dict[int, int] = {}  # year -> where imported sequences push the counter
    run: dict[int, int] = {}  # year -> the counter, held here once past every block
    top: dict[int, int] = {}  # year -> _last_block_start
    out: list[int] = []
    for year, seq in pairs:
        if seq > 0 and seq not in taken[year]:
            if year in run:
                run[year] = max(run[year], seq + 1)
            else:
                past[year] = max(past.get(year, 0), seq + 1)
        elif year in run:
            seq = run[year]
            run[year] = seq + 1
        else:
            if year in past:
                counter = _counter(s, office, year)
                counter.next_seq = max(counter.next_seq, past.pop(year))
                s.flush()  # (a new counter is not found by the next ``s.get`` until then)
            seq = allocate_number(s, office, year)[0]
            if year not in top:
                top[year] = _last_block_start(s, office, year)
            if seq + 1 >= top[year]:
                run[year] = seq + 1
        taken[year].add(seq)
        out.append(seq)
    for year, next_seq in (past | run).items():
        counter = _counter(s, office, year)
        counter.next_seq = max(counter.next_seq, next_seq)
    return out


def _last_block_start(s: Session, office: Office, year: int) -> int:
    """Where the desk's last number block for the year starts (0: none)."""
    sql = "SELECT max(start) FROM sync_number_blocks WHERE office_id = :o AND year = :y"
    return int(s.scalar(text(sql), {"o": office.id, "y": year}) or 0)


def allocate_number(s: Session, office: Office, year: int) -> tuple[int, str]:
    """The next sequence and case number for ``office`` in ``year``; never reused."""
    counter = _counter(s, office, year)
    # Triggers may move the counter (into the number block a synchronised desk holds),
    # so read back what the database has before taking a number.
    s.flush()
    s.refresh(counter)
    seq = counter.next_seq
    counter.next_seq = seq + 1
    return seq, office.number_format.format(prefix=office.case_prefix, year=year, seq=seq)


class CaseService:
    def __init__(self, col: Collection) -> None:
        self.col = col

    # -- creation ----------------------------------------------------------------------

    def create(self, data: CaseInput) -> dto.Op[dto.CaseInfo]:
        """Create a case with its applicants and respondents in one transaction."""
        today = self.col.today()
        chk = Checker()
        title = chk.text(data.title, "title", 300, required=True)
        dispute = chk.code(DISPUTE_TYPES, data.dispute_type, "dispute_type")
        others = [
            chk.code(DISPUTE_TYPES, d, "other_dispute_types") for d in data.other_dispute_types
        ]
        source = chk.code(CASE_SOURCES, data.source, "source")
        method = chk.code(HANDLING_METHODS, data.handling_method, "handling_method", required=False)
        claimed = chk.amount(data.amount_claimed, "amount_claimed") or 0
        facts = chk.text(data.facts, "facts", 20000, multiline=True)
        claims = chk.text(data.claims_text, "claims_text", 20000, multiline=True)
        chk.not_future(data.received_on, "received_on", today)
        if len(data.applicants) > MAX_APPLICANTS:
            chk.require(
                False,
                "applicants",
                "too_many",
                f"申请人不能超过{MAX_APPLICANTS}人",
                f"At most {MAX_APPLICANTS} applicants",
            )
        new_people = [
            check_person(a.person, chk, today, prefix=f"applicants[{i}].")
            if a.person is not None
            else None
            for i, a in enumerate(data.applicants)
        ]
        for i, a in enumerate(data.applicants):
            chk.code(APPLICANT_ROLES, a.role, f"applicants[{i}].role")
            chk.require(
                a.person is not None or bool(a.person_id),
                f"applicants[{i}]",
                "required",
                "请选择或填写申请人",
                "Choose or enter the applicant",
            )
        new_employers = [
            check_employer(r.employer, chk, prefix=f"respondents[{i}].")
            if r.employer is not None
            else None
            for i, r in enumerate(data.respondents)
        ]
        for i, r in enumerate(data.respondents):
            chk.code(RESPONDENT_ROLES, r.role, f"respondents[{i}].role")
            if r.parent_index is not None:
                chk.require(
                    0 <= r.parent_index < i,
                    f"respondents[{i}].parent_index",
                    "order",
                    "上级承包方须列在前面",
                    "The contractor above must come first",
                )
        worker_count = data.worker_count or max(len(data.applicants), 1)
        chk.require(
            worker_count >= 1, "worker_count", "range", "涉及职工人数至少为1", "At least one worker"
        )
        chk.done()
        assert title and dispute and source
        with self.col.write() as s:
            office_id = self.col.default_office_id(s, data.office_id)
            self.col.require("case.write", office_id=office_id)
            office = get_row(s, Office, office_id, "工会/服务站", "office")
            self._check_staff(s, data.lead_staff_id, "lead_staff_id")
            for sid in data.assisting_staff_ids:
                self._check_staff(s, sid, "assisting_staff_ids")
            year = data.received_on.year
            if data.number:
                seq, number = self._imported_number(s, office, year, data.number)
            else:
                seq, number = allocate_number(s, office, year)
            case = Case(
                office_id=office_id,
                number=number,
                year=year,
                seq=seq,
                title=title,
                status="intake",
                dispute_type=dispute,
                other_dispute_types=" ".join(o for o in others if o and o != dispute),
                source=source,
                handling_method=method,
                received_on=data.received_on,
                lead_staff_id=data.lead_staff_id,
                consultation_id=data.consultation_id,
                worker_count=worker_count,
                amount_claimed_fen=claimed,
                facts=facts,
                claims_text=claims,
                urgent=data.urgent,
            )
            s.add(case)
            s.flush()
            self._add_applicants(s, case, data.applicants, new_people)
            self._add_respondents(s, case, data.respondents, new_employers)
            for sid in dict.fromkeys(data.assisting_staff_ids):
                s.add(CaseStaff(office_id=office_id, case_id=case.id, staff_id=sid))
            if data.consultation_id:
                consult = get_row(s, Consultation, data.consultation_id, "咨询记录", "consultation")
                consult.case_id = case.id
            s.flush()
            self.col.audit(
                s,
                "create",
                "case",
                case.id,
                office_id=office_id,
                case_id=case.id,
                after=snapshot(case),
            )
            self.col.deadlines.add_for_rule(
                s,
                case,
                "legal_aid_decision",
                data.received_on,
                source_ref=f"case:{case.id}:received",
            )
            return dto.Op(
                convert.case(case),
                dto.OpChanges.of(
                    "case", "deadline", "person", "employer", "consultation", case_id=case.id
                ),
            )

    def _imported_number(
        self, s: Session, office: Office, year: int, number: str
    ) -> tuple[int, str]:
        number = number.strip()
        if s.scalar(select(Case.id).where(Case.number == number)):
            raise ValidationError.single(
                "number",
                "duplicate",
                f"案件编号已存在：{number}",
                f"Case number {number} already exists",
            )
        return seq_for_imported_number(s, office, year, number), number

    def _check_staff(self, s: Session, staff_id: str | None, field: str) -> None:
        if staff_id and s.get(Staff, staff_id) is None:
            raise ValidationError.single(field, "unknown", "工作人员不存在", "No such staff member")

    def _add_applicants(
        self,
        s: Session,
        case: Case,
        applicants: list[ApplicantInput],
        new_people: list[dict[str, object] | None],
    ) -> list[str]:
        """Link applicants (creating new people) and return their person ids in order."""
        start = s.scalar(select(func.count()).where(CaseApplicant.case_id == case.id)) or 0
        person_ids: list[str] = []
        for i, (a, values) in enumerate(zip(applicants, new_people, strict=True)):
            if values is not None:
                person_id = self.col.parties.add_person(s, values, case.office_id).id
            else:
                assert a.person_id is not None
                get_row(s, Person, a.person_id, "当事人", "person")
                person_id = a.person_id
            link = CaseApplicant(
                office_id=case.office_id,
                case_id=case.id,
                person_id=person_id,
                role=a.role,
                position=start + i,
            )
            s.add(link)
            person_ids.append(person_id)
        s.flush()
        return person_ids

    def _add_respondents(
        self,
        s: Session,
        case: Case,
        respondents: list[RespondentInput],
        new_employers: list[dict[str, object] | None],
    ) -> None:
        links: list[CaseRespondent] = []
        start = s.scalar(select(func.count()).where(CaseRespondent.case_id == case.id)) or 0
        for i, (r, values) in enumerate(zip(respondents, new_employers, strict=True)):
            if values is not None:
                existing = self.col.parties.find_employer(
                    s,
                    str(values["name"]),
                    values.get("credit_code"),  # type: ignore[arg-type]
                    case.office_id,
                )
                emp_id = (
                    existing.id
                    if existing
                    else self.col.parties.add_employer(s, values, case.office_id).id
                )
            elif r.employer_id:
                emp_id = r.employer_id
            else:
                raise ValidationError.single(
                    f"respondents[{i}]",
                    "required",
                    "请选择或填写用人单位",
                    "Choose or enter the employer",
                )
            parent = links[r.parent_index].id if r.parent_index is not None else None
            link = CaseRespondent(
                office_id=case.office_id,
                case_id=case.id,
                employer_id=emp_id,
                role=r.role,
                parent_id=parent,
                position=start + i,
            )
            s.add(link)
            s.flush()
            links.append(link)

    def check_applicants(self, applicants: list[ApplicantInput]) -> list[list[FieldError]]:
        """Validate applicants without writing anything: one list of errors per row
        (empty when the row is fine), field names without the ``applicants[i].`` prefix."""
        today = self.col.today()
        out: list[list[FieldError]] = []
        for a in applicants:
            chk = Checker()
            if a.person is not None:
                check_person(a.person, chk, today)
            chk.code(APPLICANT_ROLES, a.role, "role")
            chk.require(
                a.person is not None or bool(a.person_id),
                "person",
                "required",
                "请选择或填写申请人",
                "Choose or enter the applicant",
            )
            out.append(chk.errors)
        return out

    def add_applicants(
        self,
        case_id: str,
        applicants: list[ApplicantInput],
        claims: list[WageClaimInput | None] | None = None,
    ) -> dto.Op[list[str]]:
        """Add applicants to a case (group cases: a whole imported worker list at once),
        with each one's wage claim if given, in one transaction.

        ``claims`` runs parallel to ``applicants``; a claim's ``person_id`` is ignored and
        filled with the applicant's. Returns the applicants' person ids in order.
        """
        today = self.col.today()
        chk = Checker()
        new_people = [
            check_person(a.person, chk, today, prefix=f"applicants[{i}].")
            if a.person is not None
            else None
            for i, a in enumerate(applicants)
        ]
        if claims is not None:
            chk.require(
                len(claims) == len(applicants),
                "claims",
                "length",
                "欠薪主张与申请人数量不一致",
                "Claims and applicants differ in number",
            )
        chk.done()
        given = [(i, c) for i, c in enumerate(claims or []) if c is not None]
        amounts = check_claims([c for _, c in given], prefix="claims")
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            person_ids = self._add_applicants(s, case, applicants, new_people)
            if given:
                filled = [replace(c, person_id=person_ids[i]) for i, c in given]
                self.col.money.add_claims_in(s, case, filled, amounts)
            total = (
                s.scalar(
                    select(func.count()).where(
                        CaseApplicant.case_id == case.id, CaseApplicant.archived_at.is_(None)
                    )
                )
                or 0
            )
            if total > case.worker_count:
                case.worker_count = total
            self.col.audit(
                s,
                "update",
                "case",
                case.id,
                office_id=case.office_id,
                case_id=case.id,
                after={"applicants_added": len(applicants), "claims_added": len(given)},
            )
            kinds = ("case", "person", "recovery") if given else ("case", "person")
            return dto.Op(person_ids, dto.OpChanges.of(*kinds, case_id=case.id))

    def add_respondent(
        self, case_id: str, data: RespondentInput, parent_link_id: str | None = None
    ) -> dto.Op[str]:
        chk = Checker()
        values = check_employer(data.employer, chk) if data.employer else None
        chk.code(RESPONDENT_ROLES, data.role, "role")
        chk.done()
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            data.parent_index = None
            self._add_respondents(s, case, [data], [values])
            link = s.scalars(
                select(CaseRespondent)
                .where(CaseRespondent.case_id == case.id)
                .order_by(CaseRespondent.position.desc())
                .limit(1)
            ).one()
            if parent_link_id:
                link.parent_id = get_row(
                    s, CaseRespondent, parent_link_id, "被申请人", "respondent"
                ).id
            self.col.audit(
                s,
                "update",
                "case",
                case.id,
                office_id=case.office_id,
                case_id=case.id,
                after={"respondent_added": link.employer_id},
            )
            return dto.Op(link.id, dto.OpChanges.of("case", "employer", case_id=case.id))

    def remove_party(self, case_id: str, link_id: str) -> dto.Op[None]:
        """Archive an applicant or respondent link (the person or employer stays)."""
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            link: CaseApplicant | CaseRespondent | None = s.get(CaseApplicant, link_id) or s.get(
                CaseRespondent, link_id
            )
            if link is None or link.case_id != case.id:
                raise NotFoundError("当事人不在本案中", "That party is not on this case")
            link.archived_at = self.col.now()
            self.col.audit(
                s,
                "archive",
                type(link).__tablename__,
                link.id,
                office_id=case.office_id,
                case_id=case.id,
            )
            return dto.Op(None, dto.OpChanges.of("case", case_id=case.id))

    # -- edits and life cycle -------------------------------------------------------------

    def update(self, case_id: str, upd: CaseUpdate) -> dto.Op[dto.CaseInfo]:
        """Save descriptive changes; refused with StaleRecordError if the case changed."""
        chk = Checker()
        title = chk.text(upd.title, "title", 300, required=True) if upd.title is not None else None
        if upd.dispute_type is not None:
            chk.code(DISPUTE_TYPES, upd.dispute_type, "dispute_type")
        if upd.source is not None:
            chk.code(CASE_SOURCES, upd.source, "source")
        if upd.handling_method:
            chk.code(HANDLING_METHODS, upd.handling_method, "handling_method")
        for d in upd.other_dispute_types or []:
            chk.code(DISPUTE_TYPES, d, "other_dispute_types")
        claimed = chk.amount(upd.amount_claimed, "amount_claimed")
        awarded = chk.amount(upd.amount_awarded, "amount_awarded")
        facts = chk.text(upd.facts, "facts", 20000, multiline=True)
        claims = chk.text(upd.claims_text, "claims_text", 20000, multiline=True)
        chk.not_future(upd.received_on, "received_on", self.col.today())
        if upd.worker_count is not None:
            chk.require(
                upd.worker_count >= 1,
                "worker_count",
                "range",
                "涉及职工人数至少为1",
                "At least one worker",
            )
        chk.done()
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            check_version(case, upd.expected_version, "case")
            before = snapshot(case)
            if upd.received_on is not None:
                chk2 = Checker()
                chk2.order(upd.received_on, case.accepted_on, "received_on", "accepted_on")
                chk2.done()
            self._check_staff(s, upd.lead_staff_id, "lead_staff_id")
            simple = {
                "title": title,
                "dispute_type": upd.dispute_type,
                "source": upd.source,
                "handling_method": upd.handling_method,
                "lead_staff_id": upd.lead_staff_id,
                "received_on": upd.received_on,
                "worker_count": upd.worker_count,
                "amount_claimed_fen": claimed,
                "amount_awarded_fen": awarded,
                "facts": facts if upd.facts is not None else None,
                "claims_text": claims if upd.claims_text is not None else None,
                "urgent": upd.urgent,
            }
            for k, v in simple.items():
                if v is not None:
                    setattr(case, k, v)
            bad = [f for f in upd.clear if f not in CLEARABLE]
            if bad:
                raise ValidationError.single(
                    bad[0], "not_clearable", "该项不能清空", f"{bad[0]} cannot be emptied"
                )
            for f in upd.clear:
                setattr(case, CLEARABLE[f], None)
            if upd.other_dispute_types is not None:
                case.other_dispute_types = " ".join(upd.other_dispute_types)
            if upd.assisting_staff_ids is not None:
                self._set_assisting(s, case, upd.assisting_staff_ids)
            s.flush()
            from legalaid.services.audit import diff

            b, a = diff(before, snapshot(case))
            self.col.audit(
                s,
                "update",
                "case",
                case.id,
                office_id=case.office_id,
                case_id=case.id,
                before=b,
                after=a,
            )
            return dto.Op(convert.case(case), dto.OpChanges.of("case", case_id=case.id))

    def _set_assisting(self, s: Session, case: Case, staff_ids: list[str]) -> None:
        current = {
            cs.staff_id: cs
            for cs in s.scalars(
                select(CaseStaff).where(
                    CaseStaff.case_id == case.id, CaseStaff.archived_at.is_(None)
                )
            )
        }
        for sid, link in current.items():
            if sid not in staff_ids:
                link.archived_at = self.col.now()
        for sid in staff_ids:
            if sid not in current:
                self._check_staff(s, sid, "assisting_staff_ids")
                s.add(CaseStaff(office_id=case.office_id, case_id=case.id, staff_id=sid))

    def transition(
        self,
        case_id: str,
        target: str,
        *,
        expected_version: int,
        on: date | None = None,
        outcome: str | None = None,
        reason: str | None = None,
        summary: str | None = None,
    ) -> dto.Op[dto.CaseInfo]:
        """Move a case to ``target`` if the life cycle allows it.

        Accepting sets the acceptance date; refusing needs a reason; closing needs an
        outcome and a date not before acceptance; reopening needs a reason.
        """
        on = on or self.col.today()
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            check_version(case, expected_version, "case")
            lifecycle.check(case.status, target)
            before = snapshot(case)
            chk = Checker()
            chk.not_future(on, "on", self.col.today())
            reason_v = chk.text(reason, "reason", 5000, multiline=True)
            if (case.status, target) in lifecycle.REOPENING:
                chk.require(
                    bool(reason_v),
                    "reason",
                    "required",
                    "重新办理须说明理由",
                    "Reopening needs a reason",
                )
                case.reopen_reason = reason_v
                if target == "accepted":
                    case.closed_on = None
                    case.outcome = None
            if target == "accepted" and case.accepted_on is None:
                chk.order(case.received_on, on, "received_on", "accepted_on")
                case.accepted_on = on
            if target == "refused":
                chk.require(
                    bool(reason_v),
                    "reason",
                    "required",
                    "不予受理须说明理由",
                    "A refusal needs a reason",
                )
                case.refusal_reason = reason_v
                case.closed_on = on
                case.outcome = "refused"
            if target == "closed":
                outcome_v = chk.code(OUTCOMES, outcome, "outcome")
                chk.order(case.accepted_on or case.received_on, on, "accepted_on", "closed_on")
                case.outcome = outcome_v
                case.closed_on = on
                case.closing_summary = chk.text(summary, "summary", 20000, multiline=True)
            chk.done()
            case.status = target
            if target in lifecycle.IN_PROGRESS and case.handling_method is None:
                case.handling_method = _METHOD_FOR.get(target)
            s.flush()
            from legalaid.services.audit import diff

            b, a = diff(before, snapshot(case))
            self.col.audit(
                s,
                "transition",
                "case",
                case.id,
                office_id=case.office_id,
                case_id=case.id,
                before=b,
                after=a,
            )
            changes = {"case"}
            if target in ("accepted", "refused"):
                # The decision the legal-aid decision deadline asked for has been made.
                for d in self.col.deadlines_for_ref(s, f"case:{case.id}:received"):
                    d.done_at = self.col.now()
                    changes.add("deadline")
            if target in ("closed", "refused"):
                n = self.col.deadlines.close_open_for_case(s, case.id)
                if n:
                    changes.add("deadline")
            return dto.Op(
                convert.case(case), dto.OpChanges(frozenset(changes), frozenset({case.id}))
            )

    def archive(self, case_id: str, *, expected_version: int, reason: str) -> dto.Op[None]:
        """Archive (never delete) a case entered by mistake; its number is not reused."""
        chk = Checker()
        reason_v = chk.text(reason, "reason", 2000, required=True)
        chk.done()
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            check_version(case, expected_version, "case")
            case.archived_at = self.col.now()
            self.col.audit(
                s,
                "archive",
                "case",
                case.id,
                office_id=case.office_id,
                case_id=case.id,
                after={"reason": reason_v},
            )
            return dto.Op(None, dto.OpChanges.of("case", "deadline", case_id=case.id))

    # -- reading ------------------------------------------------------------------------

    def get(self, case_id: str) -> dto.CaseInfo:
        self.col.require("case.read", case_id=case_id)
        with self.col.read() as s:
            return convert.case(get_row(s, Case, case_id, "案件", "case"))

    def by_number(self, number: str) -> dto.CaseInfo:
        with self.col.read() as s:
            case = s.scalar(select(Case).where(Case.number == number.strip()))
            if case is None:
                raise NotFoundError(f"没有案件：{number}", f"No case numbered {number}")
            self.col.require("case.read", office_id=case.office_id)
            return convert.case(case)

    def detail(self, case_id: str) -> dto.CaseDetail:
        """Everything about a case. Records that the parties' personal data was viewed."""
        from legalaid.services.detail import load_detail

        self.col.require("case.read", case_id=case_id)
        with self.col.write() as s:
            detail = load_detail(s, case_id, self.col.today())
            if not recently_viewed(s, "case", case_id, self.col.actor_id, self.col.now()):
                self.col.audit(
                    s,
                    "view",
                    "case",
                    case_id,
                    office_id=detail.case.office_id,
                    case_id=case_id,
                    after={"people": [a.person.id for a in detail.applicants]},
                )
            return detail

    def count(self, f: dto.CaseFilter) -> int:
        f = self.col.permissions.case_filter(f)
        with self.col.read() as s:
            return caselist.count(s, f)

    def page(self, req: dto.PageRequest) -> list[dto.CaseRow]:
        req = dataclasses.replace(req, filter=self.col.permissions.case_filter(req.filter))
        with self.col.read() as s:
            return caselist.page(s, req, self.col.today())

    def ids(
        self, f: dto.CaseFilter, sort: dto.Sort | None = None, limit: int | None = None
    ) -> list[str]:
        f = self.col.permissions.case_filter(f)
        with self.col.read() as s:
            return list(caselist.ids(s, f, sort or dto.Sort(), limit))

    def rows(self, case_ids: list[str]) -> list[dto.CaseRow]:
        with self.col.read() as s:
            rows = caselist.rows_by_ids(s, case_ids, self.col.today())
        return [r for r in rows if self.col.permissions.can_see_office(r.office_id)]

    def history(self, case_id: str) -> list[dto.AuditInfo]:
        from legalaid.services.audit import events_for_case

        self.col.require("case.read", case_id=case_id)
        with self.col.read() as s:
            return list(events_for_case(s, case_id))


# CaseUpdate fields that may be emptied, and their columns.
CLEARABLE = {
    "handling_method": "handling_method",
    "lead_staff_id": "lead_staff_id",
    "amount_awarded": "amount_awarded_fen",
    "facts": "facts",
    "claims_text": "claims_text",
}

_METHOD_FOR = {
    "negotiation": "negotiation_mediation",
    "mediation": "negotiation_mediation",
    "arbitration": "arbitration_agency",
    "litigation": "litigation_agency",
    "payment_order": "payment_order",
    "referred": "referral",
}
