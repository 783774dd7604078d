"""``generate()``: fill a desk database with a demo history."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event

from legalaid.collection import Collection
from legalaid.db.engine import make_engine
from legalaid.demo.plan import Planner

# Up to this many cases the demo goes through the facade; beyond it, the bulk loader.
FACADE_LIMIT = 2_000

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    path: Path
    mode: str  # "facade" | "bulk"
    cases: int
    offices: int
    years: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)


def _fast_engine(path: Path) -> Any:
    """The desk engine, but without waiting for fsync: demo data is rebuilt, not saved.
    The next open of the file gets the usual durable settings."""
    engine = make_engine(path)

    def relax(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA synchronous = OFF")

    event.listen(engine, "connect", relax)
    return engine


def generate(
    path: str | Path,
    *,
    cases: int = 300,
    seed: int = 1,
    offices: int | None = None,
    mode: str = "auto",
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Generate a reproducible demo history into the desk database at ``path``.

    Args:
        path: the desk database (created and upgraded if needed).
        cases: how many cases.
        seed: the same seed (and ``today``) gives the same data.
        offices: how many offices (default: a city federation and ten districts, more
            for province-sized histories).
        mode: ``"facade"``, ``"bulk"`` or ``"auto"`` (facade up to FACADE_LIMIT cases).
        today: the desk's today, the last day of the history (default: today).
        progress: called with (stage, done, total).
    """
    path = Path(path)
    planner = Planner(cases, seed=seed, offices=offices, today=today)
    chosen = mode if mode != "auto" else ("facade" if cases <= FACADE_LIMIT else "bulk")
    if chosen not in ("facade", "bulk"):
        raise ValueError(f"unknown mode {mode!r}")
    started = time.perf_counter()
    col = Collection(path, engine=_fast_engine(path), today=lambda: planner.today)
    timings: dict[str, float] = {}
    try:
        if chosen == "facade":
            from legalaid.demo.facade import FacadeLoader

            FacadeLoader(col, planner).load(
                (lambda d, t: progress("cases", d, t)) if progress else None
            )
        else:
            from legalaid.demo.bulk import BulkLoader

            loader = BulkLoader(col, planner)
            loader.load(progress)
            timings = loader.timings
    finally:
        col.close()
    return DemoSummary(
        path=path,
        mode=chosen,
        cases=cases,
        offices=len(planner.offices),
        years=planner.years,
        seconds=time.perf_counter() - started,
        timings=timings,
    )
