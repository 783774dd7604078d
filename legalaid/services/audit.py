"""The audit log: every change and every view of sensitive personal data.

Events form a hash chain (each event's hash covers the previous one's), so a removed
or edited event is detected by :func:`verify_chain`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from legalaid import dto
from legalaid.db.base import new_id, utcnow
from legalaid.models import AuditEvent, Staff

GENESIS = "0" * 64
_LAST_KEY = "legalaid_audit_last"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(obj: Any, fields: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The column values of an ORM row as JSON-ready data."""
    mapper = inspect(obj).mapper
    names = fields or tuple(c.key for c in mapper.column_attrs)
    return {n: _plain(getattr(obj, n)) for n in names}


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that changed, from both sides."""
    keys = [k for k in after if before.get(k) != after.get(k) and k not in ("updated_at",)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    payload = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def _hashed_fields(ev: AuditEvent) -> dict[str, Any]:
    return {
        "id": ev.id,
        "seq": ev.seq,
        "at": ev.at.isoformat(),
        "office_id": ev.office_id,
        "staff_id": ev.staff_id,
        "action": ev.action,
        "entity": ev.entity,
        "entity_id": ev.entity_id,
        "case_id": ev.case_id,
        "before": ev.before,
        "after": ev.after,
    }


def record(
    session: Session,
    *,
    staff_id: str | None,
    action: str,
    entity: str,
    entity_id: str,
    office_id: str | None,
    case_id: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain inside the caller's transaction."""
    last = session.info.get(_LAST_KEY)
    if last is None:
        row = session.execute(
            select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
        ).first()
        last = (row[0], row[1]) if row else (0, GENESIS)
    seq, prev = last[0] + 1, last[1]
    ev = AuditEvent(
        id=new_id(),
        seq=seq,
        at=utcnow(),
        office_id=office_id,
        staff_id=staff_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        case_id=case_id,
        before=json.dumps(before, ensure_ascii=False, sort_keys=True) if before else None,
        after=json.dumps(after, ensure_ascii=False, sort_keys=True) if after else None,
        prev_hash=prev,
    )
    ev.hash = event_hash(prev, _hashed_fields(ev))
    session.add(ev)
    session.info[_LAST_KEY] = (seq, ev.hash)
    return ev


VIEW_WINDOW = timedelta(minutes=10)


def recently_viewed(
    session: Session, entity: str, entity_id: str, staff_id: str | None, now: datetime
) -> bool:
    """Whether this actor's view of this record was already logged in the last minutes;
    a window that reloads after every change then logs one view, not dozens."""
    last = session.scalar(
        select(AuditEvent.at)
        .where(
            AuditEvent.entity == entity,
            AuditEvent.entity_id == entity_id,
            AuditEvent.action == "view",
            AuditEvent.staff_id.is_(None) if staff_id is None else AuditEvent.staff_id == staff_id,
        )
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    )
    return last is not None and now - last < VIEW_WINDOW


def forget_cached_head(session: Session) -> None:
    session.info.pop(_LAST_KEY, None)


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at_seq: int | None
    reason: str | None

    @property
    def ok(self) -> bool:
        return self.broken_at_seq is None


def verify_chain(session: Session, batch: int = 5000) -> ChainReport:
    """Walk the chain in order; report the first event whose link or hash is wrong."""
    prev, expected_seq, checked = GENESIS, 1, 0
    last_seq = 0
    while True:
        rows = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.seq > last_seq)
            .order_by(AuditEvent.seq)
            .limit(batch)
        ).all()
        if not rows:
            return ChainReport(checked, None, None)
        for ev in rows:
            if ev.seq != expected_seq:
                return ChainReport(checked, expected_seq, f"event {expected_seq} is missing")
            if ev.prev_hash != prev:
                return ChainReport(checked, ev.seq, "link to the previous event is broken")
            if event_hash(prev, _hashed_fields(ev)) != ev.hash:
                return ChainReport(checked, ev.seq, "event content does not match its hash")
            prev, expected_seq, checked, last_seq = ev.hash, ev.seq + 1, checked + 1, ev.seq
        session.expunge_all()


def to_info(ev: AuditEvent, staff_name: str | None) -> dto.AuditInfo:
    return dto.AuditInfo(
        id=ev.id,
        seq=ev.seq,
        at=ev.at,
        staff_id=ev.staff_id,
        staff_name=staff_name,
        action=ev.action,
        entity=ev.entity,
        entity_id=ev.entity_id,
        case_id=ev.case_id,
        before=json.loads(ev.before) if ev.before else None,
        after=json.loads(ev.after) if ev.after else None,
    )


def events_for_case(session: Session, case_id: str) -> Iterator[dto.AuditInfo]:
    rows = session.execute(
        select(AuditEvent, Staff.name)
        .outerjoin(Staff, Staff.id == AuditEvent.staff_id)
        .where(AuditEvent.case_id == case_id)
        .order_by(AuditEvent.seq)
    ).all()
    for ev, name in rows:
        yield to_info(ev, name)
