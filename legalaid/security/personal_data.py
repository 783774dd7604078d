"""Personal-data requests (个人信息保护法 Arts. 45, 47): export and anonymise a person.

Export gathers everything held about one worker — their record, the cases they are an
applicant in, wage claims, recoveries paid to them, consultations, and who viewed or
changed their record — as JSON.

Anonymisation removes what identifies them while the statistics stay intact: counts,
amounts, dates, dispute types, categories (gender, hukou type, employment form, union
membership...) are kept; the name becomes an alias, ID number, phone, address, health
and free notes are removed, the birth date is kept to the year, and the person's name,
ID number and phone are cut out of the free text of their cases, notes and
consultations. The search index is rebuilt over the changed rows and freed pages are
overwritten (``secure_delete``). The audit log keeps its events — it is the record of
processing and its hash chain must verify — and gains one ``anonymise`` event that
names no personal data.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from legalaid.errors import ValidationError
from legalaid.models import (
    AuditEvent,
    Case,
    CaseApplicant,
    Consultation,
    Note,
    NoteRevision,
    Office,
    Person,
    Recovery,
    Staff,
    WageClaim,
)
from legalaid.security.permissions import ADMIN_SETTINGS, AUDIT_READ
from legalaid.services.audit import snapshot
from legalaid.services.checks import Checker
from legalaid.services.common import get_row

if TYPE_CHECKING:
    from legalaid.collection import Collection

REDACTED = "［已删除］"
EXPORT_FORMAT = "legalaid.person-export/1"


def _plain(v: Any) -> Any:
    if isinstance(v, datetime | date):
        return v.isoformat()
    return v


def _row(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: _plain(getattr(obj, f)) for f in fields}


def export_person(col: Collection, person_id: str) -> dict[str, Any]:
    """Everything held about one person, as JSON-ready data. The export is audited.

    Needs ``audit.read`` (supervisors, administrators) in the person's office scope.
    """
    with col.write() as s:
        person = get_row(s, Person, person_id, "当事人", "person")
        col.require(AUDIT_READ, office_id=person.office_id)
        office = s.get(Office, person.office_id)
        links = s.execute(
            select(CaseApplicant, Case)
            .join(Case, Case.id == CaseApplicant.case_id)
            .where(CaseApplicant.person_id == person.id)
            .order_by(Case.received_on)
        ).all()
        cases = [
            {
                **_row(
                    c,
                    (
                        "number",
                        "title",
                        "status",
                        "outcome",
                        "dispute_type",
                        "source",
                        "handling_method",
                        "received_on",
                        "accepted_on",
                        "closed_on",
                        "amount_claimed_fen",
                        "amount_awarded_fen",
                        "facts",
                        "claims_text",
                        "closing_summary",
                    ),
                ),
                "role": link.role,
                "removed_from_case": link.archived_at is not None,
            }
            for link, c in links
        ]
        claims = [
            _row(w, ("case_id", "period_start", "period_end", "amount_fen", "description"))
            for w in s.scalars(select(WageClaim).where(WageClaim.person_id == person.id))
        ]
        recoveries = [
            _row(r, ("case_id", "received_on", "amount_fen", "kind", "channel", "payer", "note"))
            for r in s.scalars(select(Recovery).where(Recovery.person_id == person.id))
        ]
        cond = [Consultation.person_id == person.id]
        if person.phone:
            cond.append(Consultation.caller_phone == person.phone)
        consultations = [
            _row(
                c,
                (
                    "consulted_at",
                    "channel",
                    "topic",
                    "caller_name",
                    "caller_phone",
                    "employer_name",
                    "question",
                    "answer_summary",
                ),
            )
            for c in s.scalars(select(Consultation).where(or_(*cond)))
        ]
        processing = [
            {"at": ev.at.isoformat(), "action": ev.action, "staff": name}
            for ev, name in s.execute(
                select(AuditEvent, Staff.name)
                .outerjoin(Staff, Staff.id == AuditEvent.staff_id)
                .where(AuditEvent.entity == "person", AuditEvent.entity_id == person.id)
                .order_by(AuditEvent.seq)
            ).all()
        ]
        col.audit(
            s,
            "export",
            "person",
            person.id,
            office_id=person.office_id,
            after={"cases": len(cases), "consultations": len(consultations)},
        )
        case_ids = {link.case_id: c.number for link, c in links}
        for item in claims + recoveries:
            item["case_number"] = case_ids.get(item.pop("case_id"))
        return {
            "format": EXPORT_FORMAT,
            "exported_at": col.now().isoformat(),
            "office": office.name if office else None,
            "person": snapshot(person),
            "cases": cases,
            "wage_claims": claims,
            "recoveries": recoveries,
            "consultations": consultations,
            "processing_records": processing,
        }


def export_person_json(col: Collection, person_id: str) -> str:
    return json.dumps(export_person(col, person_id), ensure_ascii=False, indent=2)


@dataclass(frozen=True)
class AnonymiseReport:
    person_id: str
    alias: str
    cases: int
    consultations: int
    texts_redacted: int


def alias_for(person_id: str) -> str:
    return "已匿名" + hashlib.sha256(person_id.encode()).hexdigest()[:6].upper()


def _redact(value: str | None, needles: list[str], alias: str, name: str) -> str | None:
    if not value:
        return value
    out = value
    for n in needles:
        out = out.replace(n, alias if n == name else REDACTED)
    return out


def anonymise_person(col: Collection, person_id: str, reason: str) -> AnonymiseReport:
    """Remove what identifies a person, keeping the statistics. Needs ``admin.settings``.

    Raises:
        ValidationError: no reason given (the lawful basis is recorded).
    """
    chk = Checker()
    reason_v = chk.text(reason, "reason", 2000, required=True)
    chk.done()
    with col.write() as s:
        person = get_row(s, Person, person_id, "当事人", "person")
        col.require(ADMIN_SETTINGS, office_id=person.office_id)
        if person.name.startswith("已匿名"):
            raise ValidationError.single(
                "person", "anonymised", "该当事人已匿名化", "This person is already anonymised"
            )
        s.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        alias = alias_for(person.id)
        name = person.name
        needles = sorted(
            {v for v in (name, person.id_number, person.phone) if v and len(v) >= 2},
            key=len,
            reverse=True,
        )
        changed = 0

        def fix(obj: Any, field: str) -> None:
            nonlocal changed
            old = getattr(obj, field)
            new = _redact(old, needles, alias, name)
            if new != old:
                setattr(obj, field, new)
                changed += 1

        case_ids = list(
            s.scalars(select(CaseApplicant.case_id).where(CaseApplicant.person_id == person.id))
        )
        for case in s.scalars(select(Case).where(Case.id.in_(case_ids))):
            for f in (
                "title",
                "facts",
                "claims_text",
                "closing_summary",
                "refusal_reason",
                "reopen_reason",
            ):
                fix(case, f)
        for rev in s.scalars(
            select(NoteRevision)
            .join(Note, Note.id == NoteRevision.note_id)
            .where(Note.case_id.in_(case_ids))
        ):
            fix(rev, "body")
        for claim in s.scalars(select(WageClaim).where(WageClaim.case_id.in_(case_ids))):
            fix(claim, "description")
        for rec in s.scalars(select(Recovery).where(Recovery.case_id.in_(case_ids))):
            fix(rec, "payer")
            fix(rec, "note")
        cond = [Consultation.person_id == person.id]
        if person.phone:
            cond.append(Consultation.caller_phone == person.phone)
        consultations = list(s.scalars(select(Consultation).where(or_(*cond))))
        for c in consultations:
            if c.caller_name == name:
                c.caller_name = alias
            c.caller_phone = None
            for f in ("question", "answer_summary", "caller_name"):
                fix(c, f)

        person.name = alias
        person.id_number = None
        person.phone = None
        person.address = None
        person.health_notes = None
        person.notes = None
        if person.birth_date is not None:
            person.birth_date = date(person.birth_date.year, 1, 1)
        s.flush()
        col.audit(
            s,
            "anonymise",
            "person",
            person.id,
            office_id=person.office_id,
            after={
                "reason": reason_v,
                "fields": ["name", "id_number", "phone", "address", "health_notes", "notes"],
                "cases": len(case_ids),
                "consultations": len(consultations),
                "texts_redacted": changed,
            },
        )
        _purge_search_index(s)
        s.connection().exec_driver_sql("PRAGMA secure_delete = OFF")
        report = AnonymiseReport(person.id, alias, len(case_ids), len(consultations), changed)
    _checkpoint(col)
    return report


def _purge_search_index(s: Session) -> None:
    """Merge the search tables so removed words leave their index segments."""
    from legalaid.db.search_text import INDEXED

    for table in INDEXED:
        s.execute(text(f"INSERT INTO fts_{table}(fts_{table}) VALUES('optimize')"))


def _checkpoint(col: Collection) -> None:
    """Copy the WAL into the database and empty it (old page images live there)."""
    raw = col.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cur.close()
    finally:
        raw.close()
