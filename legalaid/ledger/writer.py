"""Writing checked ledger rows into the database in ONE transaction.

The facade's ``cases.create`` commits each case on its own and opens the legal-aid
decision deadline of a new application; a ledger import must be all-or-nothing and
brings in historical cases that are already accepted or closed, for which statutory
deadlines would only show up as hundreds of false overdue items. So this narrow writer
uses ``col.write()`` with the core's own validation (``check_person``,
``check_employer`` in :mod:`legalaid.ledger.validate`), its session-level helpers
(``parties.add_people``, ``parties.find_employer_ids``, ``parties.add_employers``,
``admin.ensure_roles``, ``cases.seqs_for_imported_numbers``) and the models, and audits
every record it creates.

A ledger has thousands of rows, so the writer works table by table: it reads what it
needs to know (numbers in use, staff, employers, counters) with a few queries, builds
the rows in Python and inserts each table with one bulk insert, and appends the audit
events in bulk (:func:`legalaid.services.audit.record_many`). The database's own
triggers (search index, sync capture) still run for every row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from legalaid.db.base import utcnow
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
from legalaid.services.audit import (
    Change,
    insert_rows,
    new_row,
    record_many,
    snapshot_row,
    table_of,
)
from legalaid.services.cases import seqs_for_imported_numbers
from legalaid.vocab import BODY_TYPES, DISPUTE_TYPES

if TYPE_CHECKING:
    from legalaid.collection import Collection

#: Role given to a 承办人/接待人 the office does not know yet (an administrator can change it).
NEW_STAFF_ROLE = "lawyer"
# A ledger consultation has a date, not a time: it is stored at noon Beijing time so
# the date reads the same in every time zone a desk may run in.
_CONSULT_TIME = time(12, 0)
_ONE_DAY = timedelta(days=1)
#: Rows written per round: each table gets one bulk insert per round, and a round's
#: rows (not the whole ledger's) are held in memory. Every round sees the rows of the
#: rounds before it in the database, as a row-by-row import saw the rows before it.
CHUNK = 1000


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
                new_cases: list[LedgerCase] = []
                for lc in cases:
                    if lc.number in existing:
                        result.cases_skipped.append(lc.number)
                    else:
                        new_cases.append(lc)
                for i in range(0, len(new_cases), CHUNK):
                    chunk = new_cases[i : i + CHUNK]
                    result.case_ids += self._cases(s, office, chunk, result)
                result.cases_created = len(new_cases)
                self._consultations(s, consultations, result)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return result

    def _audit(self, s: Session, events: Sequence[Change]) -> None:
        record_many(s, staff_id=self.col.actor_id, events=events)

    # -- staff -----------------------------------------------------------------------

    def _load_staff(self, s: Session) -> None:
        rows = s.execute(
            select(Staff.name, Staff.id)
            .where(Staff.office_id == self.office_id)
            .order_by(Staff.active.desc(), Staff.created_at)
        ).all()
        for name, sid in rows:
            self._staff.setdefault(norm(name), sid)

    def _add_staff(self, s: Session, names: Iterable[str | None], result: WriteResult) -> None:
        """Create the 承办人/接待人 among ``names`` the office does not know yet, in order of
        first mention, each with a username no one has (``name``, ``name2``, ...)."""
        rows: list[dict[str, Any]] = []
        taken: set[str] = set()
        for name in names:
            if not name or norm(name) in self._staff:
                continue
            if not rows:
                self.col.admin.ensure_roles(s)
                taken = set(s.scalars(select(func.lower(Staff.username))))
            username, n = name, 1
            while username.lower() in taken:
                n += 1
                username = f"{name}{n}"
            taken.add(_sql_lower(username))
            row = new_row(
                Staff,
                {
                    "office_id": self.office_id,
                    "name": name,
                    "username": username,
                    "role_code": NEW_STAFF_ROLE,
                },
            )
            rows.append(row)
            self._staff[norm(name)] = row["id"]
            result.staff_created.append(name)
        insert_rows(s, Staff, rows)
        self._audit(
            s,
            [
                Change(
                    "create",
                    "staff",
                    r["id"],
                    self.office_id,
                    after={
                        **snapshot_row(r, ("name", "username", "role_code")),
                        "source": "ledger",
                    },
                )
                for r in rows
            ],
        )

    def _staff_id(self, name: str | None) -> str | None:
        return self._staff[norm(name)] if name else None

    # -- cases -----------------------------------------------------------------------

    def _existing_numbers(self, s: Session, numbers: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(numbers), 500):
            chunk = numbers[i : i + 500]
            found.update(s.scalars(select(Case.number).where(Case.number.in_(chunk))))
        return found

    def _cases(
        self, s: Session, office: Office, cases: list[LedgerCase], result: WriteResult
    ) -> list[str]:
        """Write ``cases`` with their applicants, respondents, referrals and notes."""
        if not cases:
            return []
        self._add_staff(s, (lc.staff_name for lc in cases), result)
        seqs = seqs_for_imported_numbers(
            s, office, [(lc.accepted_on.year, lc.number) for lc in cases]
        )
        now = utcnow()
        rows = [self._case_row(lc, seq, now) for lc, seq in zip(cases, seqs, strict=True)]
        insert_rows(s, Case, rows)
        self._audit(
            s,
            [
                Change(
                    "create",
                    "case",
                    row["id"],
                    self.office_id,
                    case_id=row["id"],
                    after={**snapshot_row(row), "source": "ledger", "ledger_row": lc.row},
                )
                for row, lc in zip(rows, cases, strict=True)
            ],
        )
        case_ids = [str(row["id"]) for row in rows]
        self._applicants(s, cases, case_ids, now)
        self._respondents(s, cases, case_ids, now)
        self._referrals_and_notes(s, cases, case_ids, now)
        return case_ids

    def _case_row(self, lc: LedgerCase, seq: int, now: datetime) -> dict[str, Any]:
        names = [str(a["name"]) for a in lc.applicants]
        employer_names = [str(e["name"]) for e in lc.employers]
        title = f"{'、'.join(names[:3])}{'等' if len(names) > 3 else ''}"
        if employer_names:
            title += f"与{employer_names[0]}"
        title = (title + f"{DISPUTE_TYPES.zh(lc.dispute_type)}纠纷")[:300]
        return new_row(
            Case,
            {
                "office_id": self.office_id,
                "number": lc.number,
                "year": lc.accepted_on.year,
                "seq": seq,
                "title": title,
                "status": {"open": "accepted", "closed": "closed", "refused": "refused"}[lc.status],
                "outcome": {"closed": "other", "refused": "refused"}.get(lc.status),
                "dispute_type": lc.dispute_type,
                "other_dispute_types": "",
                "source": lc.source,
                "handling_method": lc.handling_method,
                "received_on": lc.accepted_on,
                "accepted_on": lc.accepted_on if lc.status != "refused" else None,
                "closed_on": lc.closed_on if lc.status != "open" else None,
                "lead_staff_id": self._staff_id(lc.staff_name),
                "worker_count": lc.worker_count,
                "amount_claimed_fen": lc.claimed_fen,
                "refusal_reason": "台账导入" if lc.status == "refused" else None,
                "closing_summary": "台账导入" if lc.status == "closed" else None,
                "ledger_recovered_fen": lc.recovered_fen,
                "ledger_wage_recovered_fen": lc.wage_fen,
            },
            now,
        )

    def _applicants(
        self, s: Session, cases: list[LedgerCase], case_ids: list[str], now: datetime
    ) -> None:
        """A new person for every applicant (as ``parties.add_person`` would), linked."""
        people = self.col.parties.add_people(
            s, [dict(v) for lc in cases for v in lc.applicants], self.office_id
        )
        person_ids = iter(p["id"] for p in people)
        counts = [len(lc.applicants) for lc in cases]
        self._link(s, CaseApplicant, "person_id", case_ids, counts, person_ids, now)

    def _respondents(
        self, s: Session, cases: list[LedgerCase], case_ids: list[str], now: datetime
    ) -> None:
        """Each employer matched as ``parties.find_employer`` matches one (an employer
        added earlier in this ledger counts), else added; then linked."""
        wanted = [_employer_key(v) for lc in cases for v in lc.employers]
        found = self.col.parties.find_employer_ids(s, wanted, self.office_id)
        # Employers added earlier in this ledger, as find_employer would see them:
        # ("code", credit code) or ("name", name) for one stored without a code.
        added: dict[tuple[str, str], int] = {}
        new_values: list[dict[str, object]] = []
        slots: list[str | int] = []  # an existing id, or an index into new_values
        for lc in cases:
            for values in lc.employers:
                name, code = key = _employer_key(values)
                if key in found:
                    slots.append(found[key])
                    continue
                look = ("code", code) if code else ("name", name)
                if look not in added:
                    if code or code is None:  # (one stored with an empty code is never found)
                        added[look] = len(new_values)
                    slots.append(len(new_values))
                    new_values.append(dict(values))
                else:
                    slots.append(added[look])
        rows = self.col.parties.add_employers(s, new_values, self.office_id)
        ids = iter(slot if isinstance(slot, str) else rows[slot]["id"] for slot in slots)
        counts = [len(lc.employers) for lc in cases]
        self._link(s, CaseRespondent, "employer_id", case_ids, counts, ids, now)

    def _link(
        self,
        s: Session,
        model: type,
        party_key: str,
        case_ids: list[str],
        counts: list[int],
        party_ids: Iterator[str],
        now: datetime,
    ) -> None:
        """Link each case to its next ``count`` parties, in order (positions 0, 1, ...)."""
        links = [
            new_row(
                model,
                {
                    "office_id": self.office_id,
                    "case_id": case_id,
                    party_key: next(party_ids),
                    "position": i,
                },
                now,
            )
            for case_id, n in zip(case_ids, counts, strict=True)
            for i in range(n)
        ]
        insert_rows(s, model, links)

    def _referrals_and_notes(
        self, s: Session, cases: list[LedgerCase], case_ids: list[str], now: datetime
    ) -> None:
        referrals: list[dict[str, Any]] = []
        notes: list[dict[str, Any]] = []
        revisions: list[dict[str, Any]] = []
        for lc, case_id in zip(cases, case_ids, strict=True):
            if lc.referral_body:
                referrals.append(
                    new_row(
                        Referral,
                        {
                            "office_id": self.office_id,
                            "case_id": case_id,
                            "direction": "outgoing",
                            "body_type": lc.referral_body,
                            "body_name": BODY_TYPES.zh(lc.referral_body),
                            "kind": "transfer",
                            "sent_on": lc.accepted_on,
                            "status": "completed" if lc.status == "closed" else "sent",
                            "notes": "台账导入",
                        },
                        now,
                    )
                )
            if lc.note:
                base = {"office_id": self.office_id, "author_id": self.col.actor_id}
                note = new_row(Note, {**base, "case_id": case_id}, now)
                notes.append(note)
                revisions.append(
                    new_row(NoteRevision, {**base, "note_id": note["id"], "body": lc.note}, now)
                )
        insert_rows(s, Referral, referrals)
        insert_rows(s, Note, notes)
        insert_rows(s, NoteRevision, revisions)
        events = [
            Change(
                "create", "referral", r["id"], self.office_id, r["case_id"], after=snapshot_row(r)
            )
            for r in referrals
        ]
        events += [
            Change(
                "create", "note", n["id"], self.office_id, n["case_id"], after={"body": rev["body"]}
            )
            for n, rev in zip(notes, revisions, strict=True)
        ]
        self._audit(s, events)

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
        new: list[LedgerConsultation] = []
        for r in rows:
            key = consultation_key(
                r.consulted_on, r.caller_name, r.phone, r.channel, r.topic, r.answer
            )
            if have[key] > 0:
                have[key] -= 1
                result.consultations_skipped += 1
            else:
                new.append(r)
        for i in range(0, len(new), CHUNK):
            self._write_consultations(s, new[i : i + CHUNK], result)

    def _write_consultations(
        self, s: Session, new: list[LedgerConsultation], result: WriteResult
    ) -> None:
        self._add_staff(s, (r.staff_name for r in new), result)
        cases = _ConvertedCases(s, self.office_id, [r for r in new if r.converted])
        now = utcnow()
        out: list[dict[str, Any]] = []
        linked: list[dict[str, Any]] = []
        for r in new:
            case_id = cases.take(r) if r.converted else None
            if r.converted and case_id is None:
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
            row = new_row(
                Consultation,
                {
                    "office_id": self.office_id,
                    "consulted_at": datetime.combine(r.consulted_on, _CONSULT_TIME, REPORT_TZ),
                    "channel": r.channel,
                    "topic": r.topic,
                    "caller_name": r.caller_name,
                    "caller_phone": r.phone,
                    "answer_summary": r.answer,
                    "staff_id": self._staff_id(r.staff_name),
                    "worker_count": 1,
                    "case_id": case_id,
                },
                now,
            )
            out.append(row)
            if case_id is not None:
                linked.append({"b_case": case_id, "b_consultation": row["id"]})
        insert_rows(s, Consultation, out)
        if linked:
            t = table_of(Case).c
            s.execute(
                update(table_of(Case))
                .where(t.id == bindparam("b_case"))
                .values(
                    consultation_id=bindparam("b_consultation"),
                    version=t.version + 1,
                    updated_at=now,
                ),
                linked,
            )
        self._audit(
            s,
            [
                Change(
                    "create",
                    "consultation",
                    row["id"],
                    self.office_id,
                    row["case_id"],
                    after={**snapshot_row(row), "source": "ledger", "ledger_row": r.row},
                )
                for row, r in zip(out, new, strict=True)
            ],
        )
        result.consultations_created += len(out)


class _ConvertedCases:
    """The cases converted consultations became, looked up for all of them at once: same
    office, the caller among the applicants (and the same phone when both have one),
    received on or after the consultation, not archived and not yet linked; the
    earliest received (then lowest number) first, each case taken once."""

    def __init__(self, s: Session, office_id: str, rows: list[LedgerConsultation]) -> None:
        self._by_name: dict[str, list[tuple[date, str, str]]] = {}
        self._phones: dict[str, set[str | None]] = {}
        self._linked: set[str] = set()
        if not rows:
            return
        first = min(r.consulted_on for r in rows)
        names = sorted({r.caller_name for r in rows})
        found: set[tuple[date, str, str, str]] = set()
        for i in range(0, len(names), 500):
            found.update(
                (received, number, case_id, name)
                for received, number, case_id, name in s.execute(
                    select(Case.received_on, Case.number, Case.id, Person.name)
                    .join(CaseApplicant, CaseApplicant.case_id == Case.id)
                    .join(Person, Person.id == CaseApplicant.person_id)
                    .where(
                        Case.office_id == office_id,
                        Case.archived_at.is_(None),
                        Case.consultation_id.is_(None),
                        Case.received_on >= first,
                        Person.name.in_(names[i : i + 500]),
                    )
                )
            )
        for received, number, case_id, name in sorted(found):
            self._by_name.setdefault(name, []).append((received, number, case_id))
        if any(r.phone for r in rows):
            ids = sorted({case_id for _, _, case_id, _ in found})
            for i in range(0, len(ids), 500):
                for case_id, phone in s.execute(
                    select(CaseApplicant.case_id, Person.phone)
                    .join(Person, Person.id == CaseApplicant.person_id)
                    .where(CaseApplicant.case_id.in_(ids[i : i + 500]))
                ):
                    self._phones.setdefault(case_id, set()).add(phone)

    def take(self, r: LedgerConsultation) -> str | None:
        for received, _, case_id in self._by_name.get(r.caller_name, ()):
            if received < r.consulted_on or case_id in self._linked:
                continue
            if r.phone:
                phones = self._phones.get(case_id, set())
                if any(phones) and r.phone not in phones:
                    continue
            self._linked.add(case_id)
            return case_id
        return None


def _employer_key(values: dict[str, object]) -> tuple[str, str | None]:
    code = values.get("credit_code")
    return str(values["name"]), code if isinstance(code, str) else None


def _sql_lower(text: str) -> str:
    """SQLite's own ``lower()`` (ASCII letters only), as a stored username is compared."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
