"""The audit log: every change and every view of sensitive personal data.

Events form a hash chain (each event's hash covers the previous one's), so a removed
or edited event is detected by :func:`verify_chain`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from itertools import chain
from typing import Any, NamedTuple

from sqlalchemy import Table, inspect, select
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Mapper, Session

from legalaid import dto
from legalaid.db.base import new_id, utcnow
from legalaid.models import AuditEvent, Staff

GENESIS = "0" * 64
_LAST_KEY = "legalaid_audit_last"


def _plain(value: Any) -> Any:
    if isinstance(value, date):  # (a datetime is a date too)
        return value.isoformat()
    return value


def snapshot(obj: Any, fields: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The column values of an ORM row as JSON-ready data."""
    mapper = inspect(obj).mapper
    names = fields or tuple(c.key for c in mapper.column_attrs)
    return {n: _plain(getattr(obj, n)) for n in names}


class _Defaults(NamedTuple):
    template: dict[str, Any]  # every column: its scalar default, or None
    now: tuple[str, ...]  # columns that default to the current time
    calls: tuple[tuple[str, Callable[[], Any]], ...]  # columns with another default


@cache
def _defaults(model: type) -> _Defaults:
    template: dict[str, Any] = {}
    now: list[str] = []
    calls: list[tuple[str, Callable[[], Any]]] = []
    mapper: Mapper[Any] = inspect(model)
    for attr in mapper.column_attrs:
        default = attr.columns[0].default  # type: ignore[union-attr]
        template[attr.key] = default.arg if default is not None and default.is_scalar else None
        if default is not None and not default.is_scalar:
            fn = getattr(default.arg, "__wrapped__", None)  # the callable as declared
            if fn is None:
                raise TypeError(f"{model.__name__}.{attr.key}: unsupported column default")
            if fn is utcnow:
                now.append(attr.key)
            else:
                calls.append((attr.key, fn))
    return _Defaults(template, tuple(now), tuple(calls))


def new_row(model: type, values: Mapping[str, Any], now: datetime | None = None) -> dict[str, Any]:
    """Every column of a new ``model`` row: ``values`` with the model's defaults filled
    in as an ORM insert would (a new key, created and updated ``now``, version 1), so
    rows can be inserted in bulk (:func:`insert_rows`) and :func:`snapshot_row` reads
    like :func:`snapshot`."""
    d = _defaults(model)
    row = {**d.template, **values}
    if len(row) != len(d.template):
        raise TypeError(f"{model.__name__} has no column {sorted(row.keys() - d.template)}")
    if d.now:
        at = now or utcnow()
        for key in d.now:
            if key not in values:
                row[key] = at
    for key, fn in d.calls:
        if key not in values:
            row[key] = fn()
    return row


def snapshot_row(row: Mapping[str, Any], fields: Iterable[str] | None = None) -> dict[str, Any]:
    """:func:`snapshot` of a row given as the dict of :func:`new_row`."""
    return {
        n: v.isoformat() if isinstance(v := row[n], date) else v
        for n in (row if fields is None else fields)
    }


def table_of(model: type) -> Table:
    """The table of a mapped class, for Core statements."""
    mapper: Mapper[Any] = inspect(model)
    table = mapper.local_table
    assert isinstance(table, Table)
    return table


class _InsertPlan(NamedTuple):
    head: str  # INSERT INTO t (c1, c2, ...) VALUES
    one: str  # (?, ?, ...): one row's placeholders
    keys: tuple[str, ...]  # the row dict keys, in column order
    procs: tuple[Callable[[Any], Any] | None, ...]  # each column's bind processor


@cache
def _insert_plan(model: type, dialect: Dialect) -> _InsertPlan:
    assert dialect.paramstyle == "qmark", "SQLite placeholders expected"
    mapper: Mapper[Any] = inspect(model)
    table = table_of(model)
    attrs = [(attr.columns[0], attr.key) for attr in mapper.column_attrs]  # type: ignore[union-attr]
    quote = dialect.identifier_preparer
    names = ", ".join(quote.format_column(col) for col, _ in attrs)
    return _InsertPlan(
        f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ",
        "(" + ", ".join("?" * len(attrs)) + ")",
        tuple(key for _, key in attrs),
        tuple(col.type.dialect_impl(dialect).bind_processor(dialect) for col, _ in attrs),
    )


#: Rows per INSERT statement at most. A multi-row statement costs SQLite far less than
#: one statement per row: the statement journal and the search index's pending terms
#: are handled once per statement, not once per row.
ROWS_PER_INSERT = 500


def insert_rows(session: Session, model: type, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (every column, as :func:`new_row` makes them) with multi-row
    INSERT statements, each value converted by its column's type as a Core insert
    would. Triggers still run for every row, in order. The session's identity map does
    not see the rows (load them with ``session.get`` where an object is wanted)."""
    if not rows:
        return
    session.flush()  # pending ORM rows first (the rows may refer to them)
    conn = session.connection()
    plan = _insert_plan(model, conn.dialect)
    columns: list[Sequence[Any]] = [[r[k] for r in rows] for k in plan.keys]
    for i, proc in enumerate(plan.procs):
        if proc is not None:
            columns[i] = _converted(columns[i], proc)
    values = list(zip(*columns, strict=True))
    per = max(1, min(ROWS_PER_INSERT, _max_variables(conn) // len(plan.keys)))
    full = ""
    for i in range(0, len(values), per):
        batch = values[i : i + per]
        if len(batch) == per:
            full = full or plan.head + ", ".join([plan.one] * per)
            sql = full
        else:
            sql = plan.head + ", ".join([plan.one] * len(batch))
        conn.exec_driver_sql(sql, tuple(chain.from_iterable(batch)))


def _max_variables(conn: Connection) -> int:
    """How many ``?`` one statement may hold (999 before SQLite 3.32)."""
    getlimit = getattr(conn.connection.driver_connection, "getlimit", None)
    if getlimit is None:
        return 999
    return int(getlimit(getattr(sqlite3, "SQLITE_LIMIT_VARIABLE_NUMBER", 9)))


def _converted(values: Sequence[Any], proc: Callable[[Any], Any]) -> list[Any]:
    """``proc`` over ``values``, once per distinct value (a column of new rows repeats
    the same timestamp, date or flag thousands of times)."""
    done: dict[Any, Any] = {}
    out = []
    for v in values:
        try:
            out.append(done[v])
        except KeyError:
            out.append(done.setdefault(v, proc(v)))
        except TypeError:  # unhashable
            out.append(proc(v))
    return out


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that changed, from both sides."""
    keys = [k for k in after if before.get(k) != after.get(k) and k not in ("updated_at",)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


# json.dumps(..., ensure_ascii=False, sort_keys=True[, separators=(",", ":")]), kept.
_HASH_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
_STORED_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    payload = _HASH_JSON.encode(fields)
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


_HASHED = ("id", "seq", "office_id", "staff_id", "action", "entity", "entity_id", "case_id",
           "before", "after")  # fmt: skip


def _hashed_fields(ev: AuditEvent | Mapping[str, Any]) -> dict[str, Any]:
    """What an event's hash covers, from the stored event or the row about to be."""
    if isinstance(ev, Mapping):
        fields = {k: ev[k] for k in _HASHED}
        fields["at"] = ev["at"].isoformat()
    else:
        fields = {k: getattr(ev, k) for k in _HASHED}
        fields["at"] = ev.at.isoformat()
    return fields


class Change(NamedTuple):
    """One event for :func:`record_many`."""

    action: str
    entity: str
    entity_id: str
    office_id: str | None
    case_id: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


def _json(data: dict[str, Any] | None) -> str | None:
    return _STORED_JSON.encode(data) if data else None


def _head(session: Session) -> tuple[int, str]:
    """The (seq, hash) of the last event, cached on the session for its transaction."""
    last = session.info.get(_LAST_KEY)
    if last is None:
        row = session.execute(
            select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
        ).first()
        last = (row[0], row[1]) if row else (0, GENESIS)
    return last[0], last[1]


def _chain(
    session: Session, staff_id: str | None, events: Iterable[Change]
) -> list[dict[str, Any]]:
    """The rows of ``events`` appended to the chain (not yet written), moving the
    session's cached head past them."""
    seq, prev = _head(session)
    rows = []
    for ev in events:
        seq += 1
        row = {
            "id": new_id(),
            "seq": seq,
            "at": utcnow(),
            "office_id": ev.office_id,
            "staff_id": staff_id,
            "action": ev.action,
            "entity": ev.entity,
            "entity_id": ev.entity_id,
            "case_id": ev.case_id,
            "before": _json(ev.before),
            "after": _json(ev.after),
            "prev_hash": prev,
        }
        row["hash"] = prev = event_hash(prev, _hashed_fields(row))
        rows.append(row)
    session.info[_LAST_KEY] = (seq, prev)
    return rows


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
    change = Change(action, entity, entity_id, office_id, case_id, before, after)
    ev = AuditEvent(**_chain(session, staff_id, [change])[0])
    session.add(ev)
    return ev


def record_many(session: Session, *, staff_id: str | None, events: Sequence[Change]) -> int:
    """Append ``events``, in order, to the chain inside the caller's transaction with
    one bulk insert; the same events, seqs and hashes as one :func:`record` each.
    Pending ORM changes are flushed first, so events recorded earlier with
    :func:`record` come first in the table too. Returns how many were written."""
    if not events:
        return 0
    insert_rows(session, AuditEvent, _chain(session, staff_id, events))
    return len(events)


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
