"""The benchmarked operations, each timed through the facade and (where one exists)
against its floor in bare SQLite.

An operation whose module has not landed yet is reported as "n/a (not built)";
nothing is ever faked.
"""

from __future__ import annotations

import importlib.util
import math
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench import floor

# Targets from the issue (seconds, or MB for memory), shown beside the figures.
TARGETS: dict[str, str] = {
    "app start → window shown": "≤ 1.5 s",
    "case list: count + first page": "≤ 150 ms",
    "search keystroke → results": "p95 ≤ 100 ms",
    "case list filtered by text": "p95 ≤ 100 ms",
    "open a case": "≤ 100 ms",
    "save a case": "≤ 50 ms",
    "monthly summary (JSON)": "≤ 1 s",
    "monthly summary (PDF)": "≤ 3 s",
    "ledger import, 10,000 rows": "≤ 10 s",
    "document .docx": "≤ 150 ms",
    "document .pdf": "≤ 300 ms",
    "desktop peak RSS": "≤ 400 MB",
}

SEARCHES = ("王", "建工", "张伟", "劳务有限公司", "〔2025〕第01", "3601211985", "138", "拖欠工资",
            "外卖", "物业", "刘", "骑手", "南昌县", "红谷滩", "李明")  # fmt: skip


@dataclass
class Result:
    op: str
    size: int
    samples: list[float] = field(default_factory=list)  # seconds (or MB for memory)
    floor: list[float] = field(default_factory=list)
    unit: str = "s"
    note: str = ""
    status: str = "ok"  # ok | n/a (not built) | failed: ...

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def p95(self) -> float | None:
        if not self.samples:
            return None
        s = sorted(self.samples)
        return s[max(0, math.ceil(0.95 * len(s)) - 1)]  # nearest rank

    @property
    def floor_median(self) -> float | None:
        return statistics.median(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        m, f = self.median, self.floor_median
        return m / f if m is not None and f else None


def timed(fn: Callable[[], Any], n: int, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def have(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


class Bench:
    """The operations on one benchmark database."""

    def __init__(self, path: Path, today: date, *, repeat: int, smoke: bool) -> None:
        from legalaid.collection import Collection

        self.path = path
        self.today = today
        self.repeat = repeat
        self.smoke = smoke
        self.col = Collection(path, today=lambda: today)
        self.raw = floor.connect(path)
        self.size = self.raw.execute("SELECT count(*) FROM cases").fetchone()[0]
        rng = random.Random(0)
        top = self.raw.execute("SELECT max(rowid) FROM cases").fetchone()[0]
        rowids = sorted({rng.randint(1, top) for _ in range(200)})
        marks = ",".join("?" * len(rowids))
        self.case_ids = [
            r[0] for r in self.raw.execute(f"SELECT id FROM cases WHERE rowid IN ({marks})", rowids)
        ]
        rng.shuffle(self.case_ids)
        # A big group case too: the slowest case screen a desk opens.
        big = self.raw.execute("SELECT id FROM cases ORDER BY worker_count DESC LIMIT 1").fetchone()
        self.case_ids.insert(0, big[0])
        self.lawyer = self.raw.execute(
            "SELECT lead_staff_id, count(*) FROM cases WHERE status NOT IN ('closed', 'refused') "
            "GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
        ).fetchone()[0]

    def close(self) -> None:
        self.col.close()
        self.raw.close()

    def result(self, op: str) -> Result:
        return Result(op, self.size)

    # -- the case list ---------------------------------------------------------------------

    def list_first_page(self) -> Result:
        from legalaid import dto

        r = self.result("case list: count + first page")
        f = dto.CaseFilter()

        def facade() -> None:
            self.col.cases.count(f)
            self.col.cases.page(dto.PageRequest(f, dto.Sort(), 0, 100))

        r.samples = timed(facade, self.repeat)
        r.floor = timed(lambda: floor.list_page(self.raw, 0), self.repeat)
        return r

    def list_scroll(self) -> Result:
        from legalaid import dto

        r = self.result("case list: scroll (next page)")
        pages = iter(range(1, 10_000))
        fpages = iter(range(1, 10_000))
        r.samples = timed(
            lambda: self.col.cases.page(dto.PageRequest(offset=next(pages) * 100, limit=100)),
            self.repeat,
        )
        r.floor = timed(lambda: floor.page_only(self.raw, next(fpages) * 100), self.repeat)
        r.note = "pages 2, 3, 4… of 100 rows"
        return r

    def list_jump(self) -> Result:
        from legalaid import dto

        r = self.result("case list: jump to middle")
        mid = self.size // 2
        n = max(3, self.repeat // 4)
        r.samples = timed(lambda: self.col.cases.page(dto.PageRequest(offset=mid, limit=100)), n)
        r.floor = timed(lambda: floor.page_only(self.raw, mid), n)
        r.note = f"OFFSET {mid:,}"
        return r

    # -- search ------------------------------------------------------------------------------

    def _cycle(self) -> Callable[[], str]:
        it = iter(SEARCHES * 100)
        return lambda: next(it)

    def search_all(self) -> Result:
        r = self.result("search keystroke → results")
        n = len(SEARCHES) if self.smoke else 2 * len(SEARCHES)
        q = self._cycle()
        r.samples = timed(lambda: self.col.search.all(q()), n)
        fq = self._cycle()
        r.floor = timed(lambda: floor.search_all(self.raw, fq()), n)
        r.note = "cases, people, employers, consultations; 15 queries"
        return r

    def search_list(self) -> Result:
        from legalaid import dto

        r = self.result("case list filtered by text")
        n = len(SEARCHES) if self.smoke else 2 * len(SEARCHES)
        q = self._cycle()

        def facade() -> None:
            f = dto.CaseFilter(text=q())
            self.col.cases.count(f)
            self.col.cases.page(dto.PageRequest(f, dto.Sort(), 0, 100))

        r.samples = timed(facade, n)
        fq = self._cycle()
        r.floor = timed(lambda: floor.search_list(self.raw, fq()), n)
        r.note = "count + first page"
        return r

    # -- one case ------------------------------------------------------------------------------

    def open_case(self) -> Result:
        r = self.result("open a case")
        ids = iter(self.case_ids * 3)
        fids = iter(self.case_ids * 3)
        r.samples = timed(lambda: self.col.cases.detail(next(ids)), self.repeat)
        r.floor = timed(lambda: floor.open_case(self.raw, next(fids)), self.repeat)
        r.note = "incl. the largest group case; the facade also audits the view (a write)"
        return r

    def save_case(self) -> Result:
        from legalaid.inputs import CaseUpdate

        r = self.result("save a case")
        ids = iter(self.case_ids[1:] * 3)

        def facade() -> None:
            cid = next(ids)
            version = self.col.cases.get(cid).version
            stamp = time.time_ns()
            self.col.cases.update(
                cid, CaseUpdate(expected_version=version, claims_text=f"基准测试修改 {stamp}")
            )

        r.samples = timed(facade, self.repeat)
        fids = iter(self.case_ids[1:] * 3)
        r.floor = timed(
            lambda: floor.save_case(self.raw, next(fids), f"基准测试 {time.time_ns()}"),
            self.repeat,
        )
        r.note = "durable commit (synchronous=FULL) with audit"
        return r

    def dashboard(self) -> Result:
        r = self.result("dashboard")
        r.samples = timed(lambda: self.col.dashboard.load(staff_id=self.lawyer), self.repeat)
        r.floor = timed(lambda: floor.dashboard(self.raw, self.lawyer, self.today), self.repeat)
        r.note = "busiest lawyer's open cases, month figures, overdue / due soon"
        return r

    # -- reports, ledger, documents, backup ------------------------------------------------------

    def _last_month(self) -> tuple[int, int, date, date]:
        first = self.today.replace(day=1) - timedelta(days=1)
        start = first.replace(day=1)
        return first.year, first.month, start, first

    def report_json(self) -> Result:
        r = self.result("monthly summary (JSON)")
        if not have("legalaid.reports"):
            r.status = "n/a (not built)"
            return r
        from legalaid.reports import ReportService

        svc = ReportService(self.col)
        year, month, start, end = self._last_month()
        n = max(3, self.repeat // 4)
        r.samples = timed(lambda: svc.render(svc.monthly(year, month), "json"), n)
        r.floor = timed(lambda: floor.monthly_summary(self.raw, start, end), n)
        r.note = f"{year}-{month:02d}, all offices; floor: the main GROUP BY queries"
        return r

    def report_pdf(self) -> Result:
        r = self.result("monthly summary (PDF)")
        if not have("legalaid.reports"):
            r.status = "n/a (not built)"
            return r
        from legalaid.reports import ReportService

        svc = ReportService(self.col)
        year, month, _, _ = self._last_month()
        r.samples = timed(
            lambda: svc.render(svc.monthly(year, month), "pdf"), max(2, self.repeat // 8)
        )
        return r

    def ledger_import(self, ledger: Path | None) -> Result:
        r = self.result("ledger import, 10,000 rows")
        if not have("legalaid.ledger") or ledger is None:
            r.status = "n/a (not built)"
            return r
        from legalaid.ledger.service import import_ledger

        rows = 10_000
        if self.smoke:  # CI: the same path on 500 rows, to stay quick
            rows = 500
            lines = ledger.read_text("utf-8-sig").splitlines(keepends=True)
            small = Path(tempfile.mkdtemp(prefix="bench-ledger-")) / ledger.name
            small.write_text("".join(lines[: rows + 1]), "utf-8-sig")
            ledger = small
        created: list[int] = []
        office = self.raw.execute(
            "SELECT id FROM offices WHERE parent_id IS NULL ORDER BY name LIMIT 1"
        ).fetchone()[0]

        def run() -> None:
            rep = import_ledger(
                self.col, [ledger], office_id=office, dry_run=True, skip_bad_rows=True
            )
            if rep.cases_created < rows * 0.9:
                raise RuntimeError(f"ledger import created only {rep.cases_created} cases")
            created.append(rep.cases_created)

        r.samples = timed(run, 1 if self.smoke or self.size >= 1_000_000 else 2, warmup=0)
        r.note = (
            f"dry run (written, then rolled back); {created[-1]:,} of {rows:,} rows imported, "
            "the rest refused by the importer"
        )
        return r

    def document(self, fmt: str) -> Result:
        r = self.result(f"document .{fmt}")
        if not have("legalaid.documents.service"):
            r.status = "n/a (not built)"
            return r
        from legalaid.documents.service import generate_for_case, generator_for

        gen = generator_for(self.col)
        row = self.raw.execute(
            "SELECT number FROM cases WHERE accepted_on IS NOT NULL AND worker_count = 1 "
            "ORDER BY rowid DESC LIMIT 1"
        ).fetchone()
        out = Path(tempfile.mkdtemp(prefix="bench-doc-"))
        k = iter(range(10_000))
        r.samples = timed(
            lambda: generate_for_case(
                self.col, row[0], "acceptance_notice", fmt, out / f"d{next(k)}.{fmt}",
                generator=gen,
            ),
            max(3, self.repeat // 2),
        )  # fmt: skip
        r.note = "受理通知书 for one case, incl. loading the case and recording the document"
        return r

    def backup(self) -> Result:
        r = self.result("backup")
        with tempfile.TemporaryDirectory(dir=self.path.parent, prefix="bench-backup-") as tmp:
            dest = Path(tmp)
            if have("legalaid.security.backup"):
                from legalaid.security.backup import backup_engine

                k = iter(range(100))
                r.samples = timed(
                    lambda: _replace(backup_engine, self.col.engine, dest / f"b{next(k)}.db"),
                    1,
                    warmup=0,
                )
                r.note = "legalaid.security.backup: online backup + integrity_check"
            else:
                r.samples = timed(lambda: floor.backup(self.raw, dest / "b.db"), 1, warmup=0)
                r.note = "sqlite online backup"
            if self.size < 1_000_000:
                r.floor = timed(lambda: floor.backup(self.raw, dest / "f.db"), 1, warmup=0)
            else:
                r.note += "; floor skipped at this size (disk)"
        return r


def _replace(fn: Callable[..., Any], engine: Any, dest: Path) -> None:
    fn(engine, dest)
    dest.unlink(missing_ok=True)
