"""Merging pushed changes into the store: the conflict policy.

Per column of an incoming change, in the order the desk made them:

- **descriptive** columns: last writer wins by ``(hlc, node)``. The loser is kept: in
  ``srv_changes`` every incoming value is recorded with its outcome.
- **guarded** columns (:mod:`legalaid.sync.schema`): the edit lands only if the value it
  was based on (``old``) is still the current one, or it changes nothing. Otherwise a
  conflict is opened holding both values, the cell keeps its current value, and a
  person chooses. Later edits of a cell with an open conflict join that conflict.
- ``archived_at``: guarded, and an archive based on an outdated row (``old.updated_at``
  differs) or an edit made without knowing the row was archived opens a conflict
  instead of silently archiving or resurrecting.
- **append-only** tables accept inserts and archiving only.

Replaying a change (same ``change_id``) returns the recorded outcome and changes
nothing. Each accepted change appends one entry to the feed (``srv_log``).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, func, or_, select

from legalaid.server import tables as T
from legalaid.server.errors import Malformed
from legalaid.server.protocol import Change
from legalaid.server.store import Principal, Scope, Store, utcnow
from legalaid.sync import hlc as H
from legalaid.sync import schema

CONFLICT_TABLE = "sync_conflicts"


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# -- validation ---------------------------------------------------------------------------


def validate(changes: list[Change]) -> None:
    """Refuse a batch that does not fit the schema, naming every bad change (422)."""
    problems: list[dict[str, str]] = []

    def bad(ch: Change, what: str) -> None:
        problems.append({"change_id": ch.change_id, "problem": what})

    for ch in changes:
        if ch.op == "R":
            if ch.tbl != CONFLICT_TABLE or set(ch.new) != {"value"}:
                bad(ch, "a resolution names sync_conflicts and carries only 'value'")
            continue
        spec = schema.spec(ch.tbl)
        if spec is None:
            bad(ch, f"unknown table {ch.tbl}")
            continue
        for part in (ch.new, ch.old or {}):
            for name, value in part.items():
                col = spec.column(name)
                if col is None:
                    bad(ch, f"unknown column {ch.tbl}.{name}")
                elif not schema.value_fits(col, value):
                    bad(ch, f"{ch.tbl}.{name} is not a valid {col.kind}")
        if ch.op == "I":
            if ch.new.get("id") != ch.pk:
                bad(ch, "an insert carries its own key as 'id'")
            for col in spec.columns:
                if not col.nullable and ch.new.get(col.name) is None:
                    bad(ch, f"{ch.tbl}.{col.name} is required")
        elif "id" in ch.new:
            bad(ch, "an update cannot change the key")
        if ch.op == "U" and ch.old is None:
            bad(ch, "an update carries the values it was based on ('old')")
    if problems:
        raise Malformed(
            "同步数据格式不正确，已全部拒收",
            "The pushed changes are malformed; nothing was stored",
            details=problems[:50],
        )


# -- merging -------------------------------------------------------------------------------


@dataclass
class RowState:
    office_id: str
    data: dict[str, Any]
    stamps: dict[str, str]
    exists: bool = True

    def stamp(self, col: str) -> str:
        return self.stamps.get(col, self.stamps.get("*", ""))


@dataclass
class Outcome:
    change_id: str
    status: str
    cols: dict[str, str] = field(default_factory=dict)
    conflict_ids: list[str] = field(default_factory=list)
    reason: str | None = None
    renumbered: bool = False

    def record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status, "cols": self.cols}
        if self.conflict_ids:
            out["conflict_ids"] = self.conflict_ids
        if self.reason:
            out["reason"] = self.reason
        if self.renumbered:
            out["renumbered"] = True
        return out


_INSERT_LOG = T.log.insert()
_UPDATE_ROW = (
    T.rows.update()
    .where(T.rows.c.tbl == bindparam("b_tbl"), T.rows.c.pk == bindparam("b_pk"))
    .values(
        office_id=bindparam("office_id"),
        data=bindparam("data"),
        stamps=bindparam("stamps"),
        seq=bindparam("seq"),
    )
)
# A newer stamp on a cell whose value did not change: no feed entry (desks keep no
# stamps), but the stamp must last, or an older write could later take the cell.
_RESTAMP_ROW = (
    T.rows.update()
    .where(T.rows.c.tbl == bindparam("b_tbl"), T.rows.c.pk == bindparam("b_pk"))
    .values(stamps=bindparam("stamps"))
)


def overall(cols: dict[str, str]) -> str:
    values = set(cols.values())
    for status in ("conflict", "superseded"):
        if status in values:
            return status
    return "accepted"


class Merger:
    """Applies one batch inside one write transaction."""

    def __init__(
        self, store: Store, conn: Connection, p: Principal, node: int, scope: Scope, batch: str
    ) -> None:
        self.store, self.conn, self.p, self.node = store, conn, p, node
        self.scope, self.batch = scope, batch
        self.forbidden: list[dict[str, str]] = []
        self.max_hlc = 0
        self._rows: dict[tuple[str, str], RowState | None] = {}
        self._done: dict[str, str] = {}
        self._open: dict[tuple[str, str, str], dict[str, Any]] = {}
        self._prefetched: set[tuple[str, str]] = set()
        self._dirty: dict[tuple[str, str], int] = {}  # row -> seq of its last feed entry
        self._restamped: set[tuple[str, str]] = set()  # rows whose stamps alone changed
        self._new_changes: list[dict[str, Any]] = []
        self._users: dict[int, str | None] = {}

    # -- storage helpers ---------------------------------------------------------------

    def prefetch(self, changes: list[Change]) -> None:
        """Read what a batch needs in a few queries instead of several per change."""
        ids = [c.change_id for c in changes]
        for i in range(0, len(ids), 500):
            for cid, detail in self.conn.execute(
                select(T.changes.c.change_id, T.changes.c.detail).where(
                    T.changes.c.change_id.in_(ids[i : i + 500])
                )
            ):
                self._done[cid] = detail
        by_table: dict[str, set[str]] = {}
        for c in changes:
            if c.op != "R":
                by_table.setdefault(c.tbl, set()).add(c.pk)
        for tbl, pks in by_table.items():
            self._load_many(tbl, sorted(pks))

    def _load_many(self, tbl: str, pks: list[str]) -> None:
        for i in range(0, len(pks), 500):
            chunk = pks[i : i + 500]
            for key in ((tbl, pk) for pk in chunk):
                self._rows.setdefault(key, None)
                self._prefetched.add(key)
            for r in self.conn.execute(
                select(T.rows.c.pk, T.rows.c.office_id, T.rows.c.data, T.rows.c.stamps).where(
                    T.rows.c.tbl == tbl, T.rows.c.pk.in_(chunk)
                )
            ):
                self._rows[(tbl, r.pk)] = RowState(
                    r.office_id, json.loads(r.data), json.loads(r.stamps)
                )
            for tbl_, pk, col, data in self.conn.execute(
                select(T.conflicts.c.tbl, T.conflicts.c.pk, T.conflicts.c.col,
                       T.conflicts.c.data).where(
                    T.conflicts.c.tbl == tbl,
                    T.conflicts.c.pk.in_(chunk),
                    T.conflicts.c.status == "open",
                )
            ):
                self._open[(tbl_, pk, col)] = json.loads(data)

    def load(self, tbl: str, pk: str) -> RowState | None:
        key = (tbl, pk)
        if key not in self._prefetched:
            self._load_many(tbl, [pk])
        return self._rows.get(key)

    def log(self, tbl: str, pk: str, office: str, kind: str, data: dict[str, Any], hlc: int) -> int:
        seq = self.conn.execute(
            _INSERT_LOG,
            {"tbl": tbl, "pk": pk, "office_id": office, "kind": kind, "data": dumps(data),
             "hlc": hlc},
        ).inserted_primary_key[0]  # type: ignore[index]
        self.max_hlc = max(self.max_hlc, hlc)
        return int(seq)

    def save(self, tbl: str, pk: str, row: RowState, changed: dict[str, Any], hlc: int) -> None:
        """Append the change to the feed; the row itself is written by :meth:`flush`."""
        self._dirty[(tbl, pk)] = self.log(
            tbl, pk, row.office_id, "row", {"id": pk, **changed}, hlc
        )
        self._rows[(tbl, pk)] = row
        self._prefetched.add((tbl, pk))

    def restamp(self, tbl: str, pk: str, row: RowState) -> None:
        """Keep newer cell stamps of a row whose values did not change (see :meth:`flush`)."""
        self._rows[(tbl, pk)] = row
        self._prefetched.add((tbl, pk))
        self._restamped.add((tbl, pk))

    def flush(self) -> None:
        """Write the changed rows and the change records, a statement per kind."""
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        restamps: list[dict[str, Any]] = []
        for tbl, pk in self._restamped - set(self._dirty):
            row = self._rows[(tbl, pk)]
            assert row is not None and row.exists  # only rows already stored get here
            restamps.append({"b_tbl": tbl, "b_pk": pk, "stamps": dumps(row.stamps)})
        if restamps:
            self.conn.execute(_RESTAMP_ROW, restamps)
        for (tbl, pk), seq in self._dirty.items():
            row = self._rows[(tbl, pk)]
            assert row is not None
            values = {"b_tbl": tbl, "b_pk": pk, "office_id": row.office_id,
                      "data": dumps(row.data), "stamps": dumps(row.stamps), "seq": seq}
            (updates if row.exists else inserts).append(values)
            row.exists = True
        if updates:
            self.conn.execute(_UPDATE_ROW, updates)
        if inserts:
            self.conn.execute(
                T.rows.insert(),
                [{"tbl": v.pop("b_tbl"), "pk": v.pop("b_pk"), **v} for v in inserts],
            )
        if self._new_changes:
            self.conn.execute(T.changes.insert(), self._new_changes)
        self._dirty.clear()
        self._restamped.clear()
        self._new_changes = []

    # -- permissions -------------------------------------------------------------------

    def _deny(self, ch: Change, zh: str, en: str) -> Outcome:
        self.forbidden.append(
            {"change_id": ch.change_id, "tbl": ch.tbl, "pk": ch.pk, "zh": zh, "en": en}
        )
        return Outcome(ch.change_id, "rejected", reason="forbidden")

    def _may_write(self, spec: schema.TableSpec, ch: Change, row: RowState | None) -> bool:
        if self.scope.all_offices:
            return True
        if spec.name in schema.ADMIN_TABLES:
            return False
        offices: set[str] = set()
        if row is not None:
            offices.add(row.office_id)
        if "office_id" in ch.new:
            offices.add(str(ch.new["office_id"] or ""))
        if spec.push_only:
            return all(o == "" or self.scope.can_read(o) for o in offices)
        return bool(offices) and all(self.scope.can_write(o) for o in offices)

    # -- the policy ----------------------------------------------------------------------

    def apply(self, ch: Change) -> Outcome:
        done = self._done.get(ch.change_id)
        if done is not None:  # a replayed change: same answer, nothing written
            rec = json.loads(done)
            return Outcome(
                ch.change_id,
                rec["status"],
                rec.get("cols", {}),
                rec.get("conflict_ids", []),
                rec.get("reason"),
                rec.get("renumbered", False),
            )
        if ch.op == "R":
            out = self._resolve(ch)
        else:
            spec = schema.spec(ch.tbl)
            assert spec is not None  # validate() ran first
            out = self._audit(ch) if spec.push_only else self._row_change(spec, ch)
        if out.reason == "forbidden":
            return out
        rec = out.record()
        rec["new"] = ch.new
        if ch.old is not None:
            rec["old"] = ch.old
        detail = dumps(rec)
        self._done[ch.change_id] = detail  # the same change twice in one batch
        self._new_changes.append(
            {
                "change_id": ch.change_id,
                "node": self.node,
                "batch_id": self.batch,
                "received_at": utcnow(),
                "tbl": ch.tbl,
                "pk": ch.pk,
                "hlc": ch.hlc,
                "status": out.status,
                "detail": detail,
            }
        )
        return out

    def _audit(self, ch: Change) -> Outcome:
        office = ch.new.get("office_id") or ""
        if not self._may_write(schema.tables()[ch.tbl], ch, None):
            return self._deny(
                ch, "无权上传该单位的操作日志", "No right to upload this office's audit"
            )
        exists = self.conn.scalar(select(T.audit.c.id).where(T.audit.c.id == ch.pk))
        if not exists:
            self.conn.execute(
                T.audit.insert().values(
                    id=ch.pk,
                    node=self.node,
                    office_id=office or None,
                    data=dumps(ch.new),
                    received_at=utcnow(),
                )
            )
        return Outcome(ch.change_id, "accepted", {c: "accepted" for c in ch.new})

    def _row_change(self, spec: schema.TableSpec, ch: Change) -> Outcome:
        row = self.load(spec.name, ch.pk)
        if not self._may_write(spec, ch, row):
            return self._deny(
                ch,
                "无权修改该单位的数据",
                f"No right to change {spec.name} of that office",
            )
        stamp = H.stamp_key(ch.hlc, self.node)
        if row is None:
            if ch.op != "I":
                return Outcome(ch.change_id, "rejected", reason="unknown_row")
            # Offices and roles are reference data every desk reads.
            office = "" if spec.owner in (None, "id") else str(ch.new.get("office_id") or "")
            data = {c: ch.new.get(c) for c in spec.column_names}
            row = RowState(office, data, {"*": stamp}, exists=False)
            if spec.name == "roles" and self._duplicate_role(data):
                return Outcome(ch.change_id, "rejected", reason="duplicate_key")
            out = Outcome(ch.change_id, "accepted", {c: "accepted" for c in ch.new})
            if spec.name == "cases":
                out.renumbered = self._number(ch.pk, data, stamp)
            self.save(spec.name, ch.pk, row, data, ch.hlc)
            return out
        if spec.append_only and set(ch.new) - {schema.ARCHIVED, schema.UPDATED}:
            if ch.op == "I":  # the same row inserted again: keep the first
                return Outcome(ch.change_id, "superseded", {c: "superseded" for c in ch.new})
            return self._deny(
                ch, "该记录只能追加，不能修改", f"Rows of {spec.name} are append-only"
            )
        return self._update(spec, ch, row, stamp)

    def _duplicate_role(self, data: dict[str, Any]) -> bool:
        for (d,) in self.conn.execute(select(T.rows.c.data).where(T.rows.c.tbl == "roles")):
            if json.loads(d).get("code") == data.get("code"):
                return True
        return False

    def _update(self, spec: schema.TableSpec, ch: Change, row: RowState, stamp: str) -> Outcome:
        old = ch.old or {}
        out = Outcome(ch.change_id, "accepted")
        changed: dict[str, Any] = {}
        cur = row.data
        restamped = False

        def accept(col: str, value: Any) -> None:
            nonlocal restamped
            out.cols[col] = "accepted"
            if cur.get(col) != value:
                cur[col] = value
                changed[col] = value
            if stamp > row.stamp(col):
                # Also when the value is the same: the later write now holds the cell.
                row.stamps[col] = stamp
                restamped = True

        archived = cur.get(schema.ARCHIVED) is not None
        if schema.ARCHIVED in ch.new:
            self._archive_change(spec, ch, row, stamp, out, accept)
        elif archived and old.get(schema.ARCHIVED, None) is None and ch.op == "U":
            # Edited without knowing the row had been archived: the edit is kept (below)
            # and a person decides whether the row comes back.
            cid = self._conflict(
                spec, ch, row, schema.ARCHIVED, None, stamp, note="edited_while_archived"
            )
            out.conflict_ids.append(cid)
            out.cols[schema.ARCHIVED] = "conflict"
        for col, value in ch.new.items():
            if col in (schema.ARCHIVED, "id"):
                continue
            if col in spec.guarded:
                if self._open_conflict(spec.name, ch.pk, col) is not None:
                    out.conflict_ids.append(self._conflict(spec, ch, row, col, value, stamp))
                    out.cols[col] = "conflict"
                elif value == cur.get(col) or (col in old and old[col] == cur.get(col)):
                    accept(col, value)
                else:
                    out.conflict_ids.append(self._conflict(spec, ch, row, col, value, stamp))
                    out.cols[col] = "conflict"
            elif stamp > row.stamp(col):
                accept(col, value)
            else:
                out.cols[col] = "superseded"
        renumber = {"number", "seq", "year", "office_id"} & set(changed)
        if spec.name == "cases" and renumber and self._number(ch.pk, cur, stamp):
            out.renumbered = True
            changed.update(number=cur["number"], seq=cur["seq"])
        if "office_id" in changed and spec.owner == "office_id":
            row.office_id = changed["office_id"]
        if changed:
            self.save(spec.name, ch.pk, row, changed, ch.hlc)
        elif restamped:
            self.restamp(spec.name, ch.pk, row)
        out.status = overall(out.cols)
        return out

    def _archive_change(
        self, spec: schema.TableSpec, ch: Change, row: RowState, stamp: str, out: Outcome,
        accept: Any,
    ) -> None:
        col = schema.ARCHIVED
        cur = row.data
        incoming = ch.new[col]
        old = ch.old or {}
        if self._open_conflict(spec.name, ch.pk, col) is not None:
            out.conflict_ids.append(self._conflict(spec, ch, row, col, incoming, stamp))
            out.cols[col] = "conflict"
        elif (incoming is None) == (cur.get(col) is None):
            # Both archived (keep the first date) or both active: nothing to decide.
            out.cols[col] = "accepted" if incoming == cur.get(col) else "superseded"
        elif ch.op == "U" and old.get(col) == cur.get(col) and (
            incoming is None or old.get(schema.UPDATED) == cur.get(schema.UPDATED)
        ):
            accept(col, incoming)
        else:
            out.conflict_ids.append(self._conflict(spec, ch, row, col, incoming, stamp))
            out.cols[col] = "conflict"

    # -- conflicts ------------------------------------------------------------------------

    def _open_conflict(self, tbl: str, pk: str, col: str) -> dict[str, Any] | None:
        if (tbl, pk) not in self._prefetched:
            self.load(tbl, pk)
        return self._open.get((tbl, pk, col))

    def _username(self, node: int) -> str | None:
        if node not in self._users:
            self._users[node] = self.store.username_of_node(self.conn, node)
        return self._users[node]

    def _candidate(
        self, value: Any, stamp: str, change_id: str | None, note: str | None = None
    ) -> dict[str, Any]:
        hlc, node = H.parse_key(stamp) if stamp else (0, 0)
        return {
            "value": value,
            "stamp": stamp,
            "node": node,
            "user": self._username(node) if node else None,
            "at": H.to_datetime(hlc).isoformat() if hlc else None,
            "change_id": change_id,
            "note": note,
        }

    def _conflict(
        self,
        spec: schema.TableSpec,
        ch: Change,
        row: RowState,
        col: str,
        value: Any,
        stamp: str,
        note: str | None = None,
    ) -> str:
        """Open a conflict on one cell, or add this value to the one already open."""
        incoming = self._candidate(value, stamp, ch.change_id, note)
        existing = self._open_conflict(spec.name, ch.pk, col)
        if existing is None:
            case_id = ch.pk if spec.name == "cases" else row.data.get("case_id")
            current = self._candidate(row.data.get(col), row.stamp(col), None, "current")
            rec = {
                "id": str(uuid.uuid4()),
                "tbl": spec.name,
                "pk": ch.pk,
                "col": col,
                "office_id": row.office_id,
                "case_id": case_id,
                "status": "open",
                "current": row.data.get(col),
                "candidates": [current, incoming],
                "created_at": utcnow().isoformat(),
                "resolved_at": None,
                "resolved_by": None,
                "resolution": None,
            }
            cid = str(rec["id"])
            seq = self.log(CONFLICT_TABLE, cid, row.office_id, "conflict", rec, ch.hlc)
            self.conn.execute(
                T.conflicts.insert().values(
                    id=rec["id"],
                    tbl=spec.name,
                    pk=ch.pk,
                    col=col,
                    office_id=row.office_id,
                    case_id=case_id,
                    status="open",
                    data=dumps(rec),
                    seq=seq,
                )
            )
            self._open[(spec.name, ch.pk, col)] = rec
            return str(rec["id"])
        existing["candidates"].append(incoming)
        self._save_conflict(existing, ch.hlc)
        return str(existing["id"])

    def _save_conflict(self, rec: dict[str, Any], hlc: int) -> None:
        key = (rec["tbl"], rec["pk"], rec["col"])
        if rec["status"] == "open":
            self._open[key] = rec
        else:
            self._open.pop(key, None)
        seq = self.log(CONFLICT_TABLE, rec["id"], rec["office_id"], "conflict", rec, hlc)
        self.conn.execute(
            T.conflicts.update()
            .where(T.conflicts.c.id == rec["id"])
            .values(status=rec["status"], data=dumps(rec), seq=seq)
        )

    def _resolve(self, ch: Change) -> Outcome:
        data = self.conn.scalar(select(T.conflicts.c.data).where(T.conflicts.c.id == ch.pk))
        if data is None:
            return Outcome(ch.change_id, "rejected", reason="unknown_conflict")
        rec = json.loads(data)
        if not self.scope.can_write(rec["office_id"]):
            return self._deny(
                ch, "无权处理该单位的冲突", "No right to resolve that office's conflict"
            )
        col = rec["col"]
        if rec["status"] != "open":
            return Outcome(ch.change_id, "superseded", {col: "superseded"})
        spec = schema.spec(rec["tbl"])
        value = ch.new["value"]
        assert spec is not None
        colspec = spec.column(col)
        if colspec is None or not schema.value_fits(colspec, value) or (
            value is None and not colspec.nullable
        ):
            raise Malformed(
                "冲突处理的取值类型不正确",
                f"The chosen value does not fit {rec['tbl']}.{col}",
                details=[{"change_id": ch.change_id}],
            )
        row = self.load(rec["tbl"], rec["pk"])
        assert row is not None
        stamps = [row.stamp(col)] + [c["stamp"] for c in rec["candidates"] if c.get("stamp")]
        top = max([ch.hlc] + [H.parse_key(s)[0] for s in stamps if s])
        stamp = H.stamp_key(top + 1, self.node)
        row.stamps[col] = stamp
        changed: dict[str, Any] = {}
        if row.data.get(col) != value:
            row.data[col] = value
            changed[col] = value
        if changed:
            self.save(rec["tbl"], rec["pk"], row, changed, top + 1)
        else:  # the chosen value was already current: its new stamp must still last
            self.restamp(rec["tbl"], rec["pk"], row)
        rec.update(
            status="resolved",
            current=value,
            resolved_at=utcnow().isoformat(),
            resolved_by=self.p.username,
            resolution={"value": value, "change_id": ch.change_id},
        )
        self._save_conflict(rec, top + 1)
        return Outcome(ch.change_id, "accepted", {col: "accepted"})

    # -- case numbers -----------------------------------------------------------------------

    def _number(self, case_id: str, data: dict[str, Any], stamp: str) -> bool:
        """Keep case numbers unique; renumber a case whose number another case holds."""
        office, year, seq, number = data["office_id"], data["year"], data["seq"], data["number"]
        cn = T.case_numbers
        renumbered = False
        while self.conn.scalar(
            select(cn.c.case_id).where(
                cn.c.case_id != case_id,
                or_(
                    (cn.c.office_id == office) & (cn.c.year == year) & (cn.c.seq == seq),
                    cn.c.number == number,
                ),
            )
        ):
            seq = self.next_seq(office, year)
            number = self._format_number(office, year, seq, number)
            renumbered = True
        if renumbered:
            data["seq"], data["number"] = seq, number
        self.conn.execute(cn.delete().where(cn.c.case_id == case_id))
        self.conn.execute(
            cn.insert().values(case_id=case_id, office_id=office, year=year, seq=seq, number=number)
        )
        self._bump_counter(office, year, seq + 1)
        return renumbered

    def _format_number(self, office: str, year: int, seq: int, fallback: str) -> str:
        row = self.load("offices", office)
        if row is not None:
            try:
                return str(
                    row.data["number_format"].format(
                        prefix=row.data["case_prefix"], year=year, seq=seq
                    )
                )
            except (KeyError, IndexError, ValueError, AttributeError):
                pass
        return f"{fallback}-{seq}"

    def next_seq(self, office: str, year: int, count: int = 1) -> int:
        c = T.counters
        nxt = self.conn.scalar(
            select(c.c.next_seq).where(c.c.office_id == office, c.c.year == year)
        )
        if nxt is None:
            top = self.conn.scalar(
                select(func.max(T.case_numbers.c.seq)).where(
                    T.case_numbers.c.office_id == office, T.case_numbers.c.year == year
                )
            )
            nxt = (top or 0) + 1
            self.conn.execute(c.insert().values(office_id=office, year=year, next_seq=nxt))
        self.conn.execute(
            c.update()
            .where(c.c.office_id == office, c.c.year == year)
            .values(next_seq=nxt + count)
        )
        return int(nxt)

    def _bump_counter(self, office: str, year: int, at_least: int) -> None:
        c = T.counters
        nxt = self.conn.scalar(
            select(c.c.next_seq).where(c.c.office_id == office, c.c.year == year)
        )
        if nxt is None:
            self.conn.execute(c.insert().values(office_id=office, year=year, next_seq=at_least))
        elif nxt < at_least:
            self.conn.execute(
                c.update()
                .where(c.c.office_id == office, c.c.year == year)
                .values(next_seq=at_least)
            )
