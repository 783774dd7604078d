"""Run the benchmark suite: ``python -m bench.run --sizes 10k,100k,1m``.

Builds (once) or reuses demo databases of each size under bench/data/, then times each
operation through the facade and against its floor in bare SQLite, and prints a table:
operation, size, median, p95, floor and ratio, with the issue's target beside it.
``--smoke`` (what CI runs) does every operation a couple of times on 10k cases, with
no timing assertions.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bench import dbs
from bench.desktop import app_start, peak_rss
from bench.ops import TARGETS, Bench, Result


def fmt_time(v: float | None, unit: str = "s") -> str:
    if v is None:
        return "—"
    if unit == "MB":
        return f"{v:.0f} MB"
    if v < 1:
        return f"{v * 1000:.1f} ms" if v < 0.01 else f"{v * 1000:.0f} ms"
    return f"{v:.2f} s"


def row(r: Result) -> list[str]:
    if r.status != "ok":
        short, _, why = r.status.partition(":")
        note = "; ".join(x for x in (why.strip(), r.note) if x)
        return [r.op, dbs.label(r.size), short, "", "", "", TARGETS.get(r.op, ""), note]
    ratio = f"{r.ratio:.1f}×" if r.ratio is not None else "—"
    return [
        r.op, dbs.label(r.size), fmt_time(r.median, r.unit), fmt_time(r.p95, r.unit),
        fmt_time(r.floor_median, r.unit), ratio, TARGETS.get(r.op, ""), r.note,
    ]  # fmt: skip


STEP_NAMES = {
    "ledger_import": "ledger import, 10,000 rows",
    "document_docx": "document .docx",
    "document_pdf": "document .pdf",
    "list_first_page": "case list: count + first page",
    "search_all": "search keystroke → results",
    "open_case": "open a case",
    "save_case": "save a case",
    "report_json": "monthly summary (JSON)",
    "report_pdf": "monthly summary (PDF)",
}

HEAD = ["operation", "size", "median", "p95", "floor", "ratio", "target", "note"]


def table(results: list[Result], markdown: bool = False) -> str:
    rows = [HEAD] + [row(r) for r in results]
    if markdown:
        out = ["| " + " | ".join(HEAD) + " |", "|" + "---|" * len(HEAD)]
        out += ["| " + " | ".join(c.replace("|", "/") for c in r) + " |" for r in rows[1:]]
        return "\n".join(out)
    widths = [max(_w(r[i]) for r in rows) for i in range(len(HEAD) - 1)]
    lines = []
    for r in rows:
        cells = [r[i] + " " * (widths[i] - _w(r[i])) for i in range(len(HEAD) - 1)]
        lines.append("  ".join(cells) + "  " + r[-1])
        if r is rows[0]:
            lines.append("-" * (sum(widths) + 2 * len(widths) + 4))
    return "\n".join(lines)


def _w(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def machine() -> str:
    import os

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}, SQLite "
        f"{__import__('sqlite3').sqlite_version}, {platform.system()} {platform.release()}"
    )


def run_size(n: int, args: argparse.Namespace) -> list[Result]:
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    path = dbs.ensure(n, data=args.data, rebuild=args.rebuild, log=log)
    info = dbs.meta(path) or {}
    today = date.fromisoformat(info.get("today", date.today().isoformat()))
    repeat = args.repeat or (3 if args.smoke else 20)
    ledger = None if "ledger" in args.skip else dbs.ensure_ledger(today, data=args.data, log=log)
    results: list[Result] = []
    only = set(args.only.split(",")) if args.only else None

    def want(key: str) -> bool:
        return (only is None or key in only) and key not in args.skip

    if want("start"):
        results.append(app_start(path, n, 1 if args.smoke else 3))
        _progress(results[-1])
    bench = Bench(path, today, repeat=repeat, smoke=args.smoke)
    try:
        steps = [
            ("list", bench.list_first_page), ("list", bench.list_scroll),
            ("list", bench.list_jump), ("search", bench.search_all),
            ("search", bench.search_list), ("open", bench.open_case),
            ("save", bench.save_case), ("dashboard", bench.dashboard),
            ("report", bench.report_json), ("report", bench.report_pdf),
            ("ledger", _named("ledger_import", lambda: bench.ledger_import(ledger))),
            ("docs", _named("document_docx", lambda: bench.document("docx"))),
            ("docs", _named("document_pdf", lambda: bench.document("pdf"))),
            ("backup", bench.backup),
        ]  # fmt: skip
        for key, step in steps:
            if not want(key):
                continue
            try:
                results.append(step())
            except Exception as exc:
                name = STEP_NAMES.get(getattr(step, "__name__", key), key)
                results.append(Result(name, n, status=f"failed: {type(exc).__name__}: {exc}"[:200]))
            _progress(results[-1])
    finally:
        bench.close()
    if want("rss"):
        results.append(peak_rss(path, n, 6.0 if args.smoke else 15.0))
        _progress(results[-1])
    return results


def _named(name: str, fn: Any) -> Any:
    fn.__name__ = name
    return fn


def _progress(r: Result) -> None:
    print("  " + "  ".join(c for c in row(r)[:6] if c), file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    p.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k,100k,1m")
    p.add_argument("--smoke", action="store_true", help="quick pass (CI): few repetitions")
    p.add_argument("--repeat", type=int, default=0, help="samples per operation")
    p.add_argument("--only", default="", help="only these: start,list,search,open,save,"
                   "dashboard,report,ledger,docs,backup,rss")  # fmt: skip
    p.add_argument("--skip", default="", help="skip these (same names)")
    p.add_argument("--rebuild", action="store_true", help="rebuild the databases")
    p.add_argument("--markdown", help="also write the table as Markdown to this file")
    p.add_argument("--data", type=Path, default=dbs.DATA, help="where the databases live")
    args = p.parse_args(argv)
    args.skip = set(filter(None, args.skip.split(",")))
    sizes = [dbs.parse_size(s) for s in args.sizes.split(",") if s.strip()]
    started = time.perf_counter()
    results: list[Result] = []
    for n in sizes:
        print(f"== {dbs.label(n)} cases ==", file=sys.stderr, flush=True)
        results += run_size(n, args)
    header = f"legalaid benchmark, {datetime.now():%Y-%m-%d %H:%M}, {machine()}"
    print(header)
    print(table(results))
    print(f"({time.perf_counter() - started:.0f} s)")
    out = args.data / f"results-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    records = [
        {"op": r.op, "size": r.size, "median": r.median, "p95": r.p95, "floor": r.floor_median,
         "ratio": r.ratio, "unit": r.unit, "status": r.status, "note": r.note,
         "samples": r.samples}
        for r in results
    ]  # fmt: skip
    doc = {"header": header, "results": records}
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1), "utf-8")
    if args.markdown:
        Path(args.markdown).write_text(header + "\n\n" + table(results, markdown=True) + "\n")
    failed = [r for r in results if r.status.startswith("failed")]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
