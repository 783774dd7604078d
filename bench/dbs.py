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


def ensure(n: int, *, data: Path = DATA, rebuild: bool = False, log: Any = print) -> Path:
    """The benchmark database of ``n`` cases, built if missing (or ``rebuild``)."""
    from legalaid.demo import generate
    from legalaid.demo.check import check

    data.mkdir(parents=True, exist_ok=True)
    path = db_path(n, data)
    if not rebuild and meta(path) is not None:
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
