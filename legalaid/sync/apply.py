"""Applying what the service sends: feed entries, snapshot rows, corrections.

The service is authoritative: the desk applies its values in feed order, except in
cells this desk has changed and not yet had acknowledged - those are pushed next and
the service's answer (accepted, or the current value) settles them. Applied writes
bump the row's ``version`` so an editor holding the old version gets a
StaleRecordError instead of overwriting.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from legalaid.db.search_text import INDEXED, fill_statement
from legalaid.sync import schema
from legalaid.sync.state import Conn

CONFLICT_TABLE = "sync_conflicts"
_CONFLICT_COLS = (
    "id",
    "tbl",
    "pk",
    "col",
    "office_id",
    "case_id",
    "status",
    "current",
    "candidates",
    "created_at",
    "resolved_at",
    "resolved_by",
    "resolution",
)


class Applier:
    """Writes inside one applying transaction (see :func:`state.raw_write`)."""

    def __init__(self, conn: Conn) -> None:
        self.conn = conn
        self.missing: list[tuple[str, str]] = []
        self.applied = 0
        self._columns: dict[str, set[str]] = {}
        self._required: dict[str, set[str]] = {}
        self.pending = self._pending_cells()

    def _pending_cells(self) -> dict[tuple[str, str], set[str]]:
        out: dict[tuple[str, str], set[str]] = {}
        for tbl, pk, new in self.conn.execute(
            "SELECT tbl, pk, new FROM sync_log WHERE state = 0"
        ):
            cols = out.setdefault((tbl, pk), set())
            cols.update(json.loads(new) if new else ())
        # A pending conflict resolution holds its cell until the service answers.
        for conflict_id, in self.conn.execute(
            "SELECT pk FROM sync_log WHERE state = 0 AND op = 'R'"
        ):
            row = self.conn.execute(
                "SELECT tbl, pk, col FROM sync_conflicts WHERE id = ?", (conflict_id,)
            ).fetchone()
            if row:
                out.setdefault((row[0], row[1]), set()).add(row[2])
        return out

    def columns(self, tbl: str) -> set[str]:
        if tbl not in self._columns:
            info = self.conn.execute(f'PRAGMA table_info("{tbl}")').fetchall()
            spec = schema.spec(tbl)
            synced = set(spec.column_names) if spec else set()
            self._columns[tbl] = {r[1] for r in info} & synced
            self._required[tbl] = {r[1] for r in info if r[3] and r[1] in synced}
        return self._columns[tbl]

    # -- rows ----------------------------------------------------------------------------

    def row(self, tbl: str, pk: str, data: dict[str, Any]) -> None:
        """Apply one row change (full or partial) from the service."""
        if tbl == CONFLICT_TABLE:
            self.conflict(data)
            return
        have = self.columns(tbl)
        if not have:
            return
        skip = self.pending.get((tbl, pk), set())
        values = {c: v for c, v in data.items() if c in have and c not in skip and c != "id"}
        full = self._required[tbl] <= set(data)
        if full and (tbl, pk) not in self.pending:
            if tbl == "roles":
                self._replace_role(pk, data)
            self._upsert(tbl, pk, values)
        elif values:
            cur = self.conn.execute(
                f'UPDATE "{tbl}" SET '
                + ", ".join(f'"{c}" = ?' for c in values)
                + ", version = version + 1 WHERE id = ?",
                (*values.values(), pk),
            )
            if cur.rowcount == 0:
                if full:
                    self._upsert(tbl, pk, values)
                else:
                    self.missing.append((tbl, pk))
        self.applied += 1

    def _upsert(self, tbl: str, pk: str, values: dict[str, Any]) -> None:
        local = schema.local_defaults(tbl)
        cols = ["id", *values, *local]
        sets = ", ".join(f'"{c}" = excluded."{c}"' for c in values)
        self.conn.execute(
            f'INSERT INTO "{tbl}" ({", ".join(chr(34) + c + chr(34) for c in cols)}, version) '
            f"VALUES ({', '.join('?' for _ in cols)}, 1) ON CONFLICT(id) DO UPDATE SET "
            f"{sets}{', ' if sets else ''}version = version + 1",
            (pk, *values.values(), *local.values()),
        )

    def _replace_role(self, pk: str, data: dict[str, Any]) -> None:
        # Roles are reference data keyed by code: a desk's own copy of a role the
        # service already has gives way to the service's row.
        stale = [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM roles WHERE code = ? AND id != ?", (data.get("code"), pk)
            )
        ]
        for rid in stale:
            self.conn.execute("DELETE FROM roles WHERE id = ?", (rid,))
            self.conn.execute(
                "UPDATE sync_log SET state = 2, status = 'replaced' "
                "WHERE tbl = 'roles' AND pk = ? AND state = 0",
                (rid,),
            )

    def rows_many(self, tbl: str, rows: Iterable[dict[str, Any]]) -> int:
        """Full rows of one table (a snapshot page), in one ``executemany``."""
        if tbl == CONFLICT_TABLE:
            n = 0
            for r in rows:
                self.conflict(r)
                n += 1
            return n
        have = self.columns(tbl)
        cols = sorted(have - {"id"})
        local = schema.local_defaults(tbl)
        batch = []
        for r in rows:
            pk = r["id"]
            if (tbl, pk) in self.pending:
                self.row(tbl, pk, r)
                continue
            if tbl == "roles":
                self._replace_role(pk, r)
            batch.append((pk, *(r.get(c) for c in cols), *local.values()))
        if batch:
            names = ", ".join(f'"{c}"' for c in ["id", *cols, *local])
            sets = ", ".join(f'"{c}" = excluded."{c}"' for c in cols)
            # This transaction is not captured anyway; lifting the capture triggers for
            # the bulk insert spares their per-row check. The search triggers are lifted
            # too: one statement indexing the page costs a third of a trigger per row.
            # They are back before commit, and no other connection can see the table
            # in between.
            search = tbl in INDEXED
            saved = self.conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
                "AND (name LIKE 'sync\\_%' ESCAPE '\\' OR name IN (?, ?))",
                (tbl, *((f"fts_{tbl}_ai", f"fts_{tbl}_au") if search else ("", ""))),
            ).fetchall()
            for name, _sql in saved:
                self.conn.execute(f'DROP TRIGGER "{name}"')
            try:
                self.conn.executemany(
                    f'INSERT INTO "{tbl}" ({names}, version) VALUES '
                    f"({', '.join('?' for _ in range(len(cols) + len(local) + 1))}, 1) "
                    f"ON CONFLICT(id) DO UPDATE SET {sets}, version = version + 1",
                    batch,
                )
                if search:
                    self._reindex(tbl, [b[0] for b in batch])
            finally:
                for _name, sql in saved:
                    self.conn.execute(sql)
        self.applied += len(batch)
        return len(batch)

    def _reindex(self, tbl: str, pks: list[str]) -> None:
        """Index these rows of ``tbl`` for search, as its triggers would have."""
        these = "r.id IN (SELECT value FROM json_each(?))"
        keys = (json.dumps(pks),)
        self.conn.execute(
            f'DELETE FROM fts_{tbl} WHERE rowid IN (SELECT r.rowid FROM "{tbl}" r WHERE {these})',
            keys,
        )
        self.conn.execute(fill_statement(tbl, these), keys)

    # -- conflicts ---------------------------------------------------------------------------

    def conflict(self, rec: dict[str, Any]) -> None:
        values = []
        for c in _CONFLICT_COLS:
            v = rec.get(c)
            if c in ("current", "candidates", "resolution"):
                v = json.dumps(v, ensure_ascii=False)
            values.append(v)
        sets = ", ".join(f"{c} = excluded.{c}" for c in _CONFLICT_COLS[1:])
        self.conn.execute(
            f"INSERT INTO sync_conflicts ({', '.join(_CONFLICT_COLS)}) VALUES "
            f"({', '.join('?' for _ in _CONFLICT_COLS)}) ON CONFLICT(id) DO UPDATE SET {sets}",
            values,
        )
        if rec.get("status") != "open":
            self.conn.execute(
                "UPDATE sync_conflicts SET local_choice = NULL WHERE id = ?", (rec["id"],)
            )

    def floor(self, hlc: int) -> None:
        """The clock receive rule: later local stamps exceed everything seen."""
        if hlc:
            self.conn.execute(
                "UPDATE sync_local SET hlc_floor = max(hlc_floor, ?) WHERE id = 1", (hlc,)
            )
