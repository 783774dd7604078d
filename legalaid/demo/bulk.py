"""Loading a large demo history straight into the schema.

A million cases through the facade would take hours; here the planner's rows go in with
``executemany`` in large transactions. For the duration of the load only, the search
index triggers and secondary indexes are dropped (the index is rebuilt and the indexes
recreated afterwards), foreign-key checks are off and the journal and fsyncs are
switched off; everything is restored before returning. Offices and staff still go
through the facade. The result keeps the facade's invariants: numbers unique per
office and year with counters advanced past them, valid foreign keys, deadlines as the
events would have created them, an unbroken audit chain.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from legalaid.collection import Collection
from legalaid.db.engine import register_functions
from legalaid.db.search_text import INDEXED, rebuild_statements
from legalaid.demo.facade import FacadeLoader
from legalaid.demo.ids import KeyMaker
from legalaid.demo.plan import Planner
from legalaid.demo.rows import COLUMNS, RowMaker
from legalaid.errors import ConfigurationError

Progress = Callable[[str, int, int], None]

BATCH_CASES = 20_000
CACHE_KIB = 1_000_000  # 1 GB page cache while loading


class BulkLoader:
    def __init__(self, col: Collection, planner: Planner) -> None:
        self.col = col
        self.p = planner
        self.timings: dict[str, float] = {}

    def load(self, progress: Progress | None = None) -> int:
        col = self.col
        with col.read() as s:
            from sqlalchemy import func, select

            from legalaid.models import AuditEvent, Case

            if s.scalar(select(func.count()).select_from(Case)):
                raise ConfigurationError(
                    "批量生成演示数据需要一个没有案件的新数据库",
                    "Bulk demo data needs a new database without cases",
                )
        t0 = time.perf_counter()
        org = FacadeLoader(col, self.p)
        org.setup()
        calendar = col.calendar.get()
        with col.read() as s:
            row = s.execute(
                select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
            ).first()
            head = (int(row[0]), str(row[1])) if row else (0, "0" * 64)
            from legalaid.models import Office

            offices = {
                oid: (fmt, prefix)
                for oid, fmt, prefix in s.execute(
                    select(Office.id, Office.number_format, Office.case_prefix)
                )
            }
        formats = {i: offices[oid] for i, oid in org.office_ids.items()}
        col.close()  # the raw connection below must be the only one
        self.timings["setup"] = time.perf_counter() - t0

        import random

        maker = RowMaker(
            KeyMaker(random.Random(f"{self.p.seed}/keys")),
            org.office_ids,
            {i: s.id for i, s in org.staff.items()},
            calendar,
            head,
        )
        conn = sqlite3.connect(col.path, isolation_level=None, check_same_thread=False)
        register_functions(conn)
        saved = _prepare(conn)
        done = 0
        try:
            t1 = time.perf_counter()
            conn.execute("BEGIN")
            for office in self.p.offices:
                for e in self.p.employers(office.index)[0]:
                    maker.employer(e)
            _flush(conn, maker.take())
            counters: dict[tuple[int, int], int] = {}
            pending = 0
            for block in self.p.blocks():
                fmt, prefix = formats[block.office]
                office_id = org.office_ids[block.office]
                for plan in block.cases:
                    maker.case(plan, fmt.format(prefix=prefix, year=plan.year, seq=plan.seq))
                for c in block.consultations:
                    maker.consultation(c, office_id)
                if block.cases:
                    counters[(block.office, block.year)] = block.cases[-1].seq + 1
                done += len(block.cases)
                pending += len(block.cases)
                if pending >= BATCH_CASES:
                    _flush(conn, maker.take())
                    conn.execute("COMMIT")
                    conn.execute("BEGIN")
                    pending = 0
                    if progress:
                        progress("rows", done, self.p.total)
            _flush(conn, maker.take())
            conn.executemany(
                "INSERT INTO case_number_counters(office_id, year, next_seq) VALUES (?, ?, ?) "
                "ON CONFLICT(office_id, year) DO UPDATE SET next_seq = "
                "max(next_seq, excluded.next_seq)",
                [(org.office_ids[o], y, n) for (o, y), n in counters.items()],
            )
            conn.execute("COMMIT")
            if progress:
                progress("rows", done, self.p.total)
            self.timings["rows"] = time.perf_counter() - t1
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._finish(conn, saved, progress)
            conn.close()
        return done

    def _finish(self, conn: sqlite3.Connection, saved: _Saved, progress: Progress | None) -> None:
        t = time.perf_counter()
        if progress:
            progress("indexes", 0, len(saved.indexes))
        for sql in saved.indexes:
            conn.execute(sql)
        self.timings["indexes"] = time.perf_counter() - t
        t = time.perf_counter()
        if progress:
            progress("search", 0, len(INDEXED))
        conn.execute("BEGIN")
        for stmt in rebuild_statements():
            conn.execute(stmt)
        for sql in saved.triggers:
            conn.execute(sql)
        conn.execute("COMMIT")
        for table in INDEXED:  # merge the index segments the rebuild wrote
            conn.execute(f"INSERT INTO fts_{table}(fts_{table}) VALUES ('optimize')")
        self.timings["search"] = time.perf_counter() - t
        t = time.perf_counter()
        if saved.applying is not None:
            conn.execute("UPDATE sync_local SET applying = ? WHERE id = 1", (saved.applying,))
        conn.execute("ANALYZE")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        self.timings["analyze"] = time.perf_counter() - t


class _Saved:
    def __init__(self, indexes: list[str], triggers: list[str], applying: int | None) -> None:
        self.indexes = indexes
        self.triggers = triggers
        self.applying = applying


def _prepare(conn: sqlite3.Connection) -> _Saved:
    """Switch to load mode: no journal, no fsync, no FK checks, no secondary indexes
    and no search-index insert triggers (all restored by ``_finish``)."""
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute("PRAGMA temp_store = MEMORY")
    tables = tuple(COLUMNS)
    marks = ",".join("?" * len(tables))
    indexes = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        tables,
    ).fetchall()
    fts_triggers = tuple(f"fts_{t}_ai" for t in INDEXED)
    triggers = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        f"AND name IN ({','.join('?' * len(fts_triggers))})",
        fts_triggers,
    ).fetchall()
    _check_columns(conn)
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    # Change capture: the history is loaded as already synchronised (as if pulled from
    # the office server), so the change log does not fill with millions of inserts.
    applying = None
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_local'").fetchone():
        row = conn.execute("SELECT applying FROM sync_local WHERE id = 1").fetchone()
        if row is not None:
            applying = int(row[0])
            conn.execute("UPDATE sync_local SET applying = 1 WHERE id = 1")
    return _Saved([sql for _, sql in indexes], [sql for _, sql in triggers], applying)


def _check_columns(conn: sqlite3.Connection) -> None:
    """Refuse to load if the schema grew a required column the row maker does not fill."""
    for table, cols in COLUMNS.items():
        info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        have = {r[1] for r in info}
        missing = set(cols) - have
        required = {r[1] for r in info if r[3] and r[4] is None and not r[5]} - set(cols)
        if missing or required:
            raise ConfigurationError(
                f"演示数据生成器与数据库结构不一致：{table}",
                f"The demo generator does not match table {table}: "
                f"unknown {sorted(missing)}, unfilled required {sorted(required)}",
            )


def _flush(conn: sqlite3.Connection, rows: dict[str, list[tuple[object, ...]]]) -> None:
    for table, batch in rows.items():
        if batch:
            cols = COLUMNS[table]
            names = ", ".join(f'"{c}"' for c in cols)
            marks = ", ".join("?" * len(cols))
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", batch)


def database_size(path: str | Path) -> int:
    p = Path(path)
    return sum(f.stat().st_size for f in (p, Path(f"{p}-wal")) if f.exists())
