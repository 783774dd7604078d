"""Benchmark databases under bench/data/: built once with the demo generator, reused.

Each database has a JSON sidecar with how it was built (seed, today, build timings,
row counts), so a rerun knows it can reuse it and the report can say what was measured.
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
SEED = 1
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def parse_size(text: str) -> int:
    text = text.strip().lower()
    if text in SIZES:
        return SIZES[text]
    if text.endswith("k"):
        return int(float(text[:-1]) * 1_000)
    if text.endswith("m"):
        return int(float(text[:-1]) * 1_000_000)
    return int(text)


def label(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1_000 and n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


def db_path(n: int, data: Path = DATA) -> Path:
    return data / f"bench-{label(n).lower()}-s{SEED}.db"


def meta(path: Path) -> dict[str, Any] | None:
    side = path.with_suffix(".json")
    if not side.exists() or not path.exists():
        return None
    return dict(json.loads(side.read_text("utf-8")))


def schema_current(path: Path) -> bool:
    import sqlite3

    from legalaid.db.migrate import head_revision

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row is not None and row[0] == head_revision()


def upgrade_in_place(path: Path) -> None:
    from legalaid.db import migrate
    from legalaid.db.engine import make_engine

    engine = make_engine(path)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()


def ensure_ledger(today: date, *, data: Path = DATA, log: Any = print) -> Path | None:
    """A ledger (台账) of 10,000 cases to import, as an office's export would look:
    made from a separate demo history whose case numbers do not clash with the bench
    databases'. None while the ledger module has not landed."""
    import importlib.util
    import sqlite3
    import tempfile

    if importlib.util.find_spec("legalaid.ledger") is None:
        return None
    from legalaid.collection import Collection
    from legalaid.db.engine import register_functions
    from legalaid.demo import generate
    from legalaid.ledger.service import export_ledger

    data.mkdir(parents=True, exist_ok=True)
    base = data / f"ledger-10k-s{SEED + 1}-{today.isoformat()}.csv"
    cases = base.with_name(f"{base.stem}-案件.csv")
    if cases.exists():
        return cases
    log("building the 10,000-row ledger to import...")
    with tempfile.TemporaryDirectory(dir=data, prefix="ledger-src-") as tmp:
        src = Path(tmp) / "src.db"
        generate(src, cases=10_000, seed=SEED + 1, today=today, mode="bulk")
        conn = sqlite3.connect(src)
        register_functions(conn)
        conn.execute("UPDATE cases SET number = replace(number, '工援', '台账')")
        conn.commit()
        conn.close()
        col = Collection(src, today=lambda: today)
        try:
            written = export_ledger(col, base)
        finally:
            col.close()
    for f in written:
        if f != cases and f.name.endswith("-咨询.csv"):
            f.unlink()  # the benchmark imports the 10,000 case rows
    return cases if cases.exists() else None


def ensure(n: int, *, data: Path = DATA, rebuild: bool = False, log: Any = print) -> Path:
    """The benchmark database of ``n`` cases, built if missing (or ``rebuild``)."""
    from legalaid.demo import generate
    from legalaid.demo.check import check

    data.mkdir(parents=True, exist_ok=True)
    path = db_path(n, data)
    if not rebuild and meta(path) is not None:
        if schema_current(path):
            return path
        # Migrate in place, without the desk's pre-migration backup (a copy of a
        # benchmark file is pointless); build afresh if that fails.
        log(f"{path.name} has an older schema; upgrading it")
        try:
            upgrade_in_place(path)
        except Exception as exc:
            # Never delete a large database on a failed upgrade (a full disk, say): a
            # rebuild takes long and needs more room still. Say what to do instead.
            raise RuntimeError(
                f"could not upgrade {path} ({exc}); free some disk or rerun with --rebuild"
            ) from exc
        return path
    for f in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), path.with_suffix(".json")):
        f.unlink(missing_ok=True)
    log(f"building {path.name} ({n:,} cases)...")
    started = time.perf_counter()
    summary = generate(path, cases=n, seed=SEED, mode="bulk" if n > 2_000 else "facade",
                       today=date.today())  # fmt: skip
    build_s = time.perf_counter() - started
    t = time.perf_counter()
    report = check(path, sample=2000, foreign_keys=n <= 100_000)
    check_s = time.perf_counter() - t
    info = {
        "cases": n,
        "seed": SEED,
        "today": date.today().isoformat(),
        "mode": summary.mode,
        "offices": summary.offices,
        "years": summary.years,
        "build_seconds": round(build_s, 1),
        "build_timings": {k: round(v, 1) for k, v in summary.timings.items()},
        "check_seconds": round(check_s, 1),
        "check_ok": report.ok,
        "problems": report.problems[:10],
        "counts": report.counts,
        "bytes": path.stat().st_size,
    }
    path.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=False, indent=1), "utf-8")
    log(f"built {path.name} in {build_s:.0f} s ({path.stat().st_size / 1e9:.2f} GB), "
        f"invariants {'ok' if report.ok else report.problems[:3]}")  # fmt: skip
    return path
