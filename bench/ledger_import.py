"""Time the ledger (台账) import on its own, as ``bench.ops.ledger_import`` runs it.

    .venv/bin/python -m bench.ledger_import --db bench/data/bench-10k-s1.db [--repeat 3]
        [--ledger FILE] [--commit] [--profile out.html]

Each run is a dry run by default (the whole import is written, then rolled back), so the
database is left as it was. ``--commit`` imports for real once and then imports the same
ledger again (which must add nothing): use it on a copy only. The ledger defaults to the
10,000-case one ``bench.dbs.ensure_ledger`` builds; the desk's schema must be current.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from bench import dbs
    from legalaid.collection import Collection
    from legalaid.ledger.service import import_ledger

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--ledger", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--commit", action="store_true", help="import for real (on a copy!)")
    ap.add_argument("--profile", type=Path, default=None, help="pyinstrument HTML output")
    args = ap.parse_args(argv)

    today = date.today()
    ledger = args.ledger or dbs.ensure_ledger(today)
    assert ledger is not None
    col = Collection(args.db, today=lambda: today, upgrade=False)
    try:
        with col.engine.connect() as conn:
            office = conn.exec_driver_sql(
                "SELECT id FROM offices WHERE parent_id IS NULL ORDER BY name LIMIT 1"
            ).scalar_one()
            cases = conn.exec_driver_sql("SELECT count(*) FROM cases").scalar_one()
        print(f"{args.db.name}: {cases:,} cases; ledger {ledger.name}")

        def run() -> None:
            t = time.perf_counter()
            rep = import_ledger(
                col, [ledger], office_id=office, dry_run=not args.commit, skip_bad_rows=True
            )
            took = time.perf_counter() - t
            samples.append(took)
            print(
                f"  {took:7.2f} s  created {rep.cases_created:,} cases, "
                f"skipped {len(rep.cases_skipped):,}, staff {len(rep.staff_created)}"
            )

        samples: list[float] = []
        runs = 1 if args.commit else args.repeat
        profiler = None
        if args.profile:
            from pyinstrument import Profiler

            profiler = Profiler()
            profiler.start()
        for _ in range(runs):
            run()
        if profiler is not None:
            profiler.stop()
            args.profile.write_text(profiler.output_html(), "utf-8")
            print(profiler.output_text(unicode=True, color=False, show_all=False)[:12000])
        print(f"median {statistics.median(samples):.2f} s over {len(samples)} run(s)")
        if args.commit:
            samples.clear()
            print("re-import of the same ledger:")
            run()
    finally:
        col.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
