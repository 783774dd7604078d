"""``legalaid report monthly|annual|range``: supervisors' summaries as PDF, .docx, .xlsx,
CSV or JSON (``--out -`` writes to standard output)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from legalaid.reports.periods import Period
from legalaid.reports.service import FORMATS, ReportService
from legalaid.rules.dates import parse_date


def _period(args: argparse.Namespace) -> Period:
    if args.report_command == "monthly":
        return Period.parse_month(args.month)
    if args.report_command == "annual":
        return Period.year(args.year)
    return Period.between(
        parse_date(args.from_, "from", "起始日期"), parse_date(args.to, "to", "截止日期")
    )


def cmd_report(args: argparse.Namespace) -> int:
    from legalaid.cli.core import open_collection

    period = _period(args)
    fmt = args.format or _format_from(args.out)
    with open_collection(args) as col:
        office_id = col.admin.office_by_name(args.office).id if args.office else None
        service = ReportService(col)
        summary = service.summary(period, office_id=office_id)
        if args.out == "-":
            sys.stdout.buffer.write(service.render(summary, fmt))
            sys.stdout.flush()
            return 0
        path = service.export(summary, fmt, Path(args.out))
    print(path)
    return 0


def _format_from(out: str) -> str:
    suffix = Path(out).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "json"


def register(commands: Any) -> None:
    from legalaid.cli import group

    report = group(commands, "report", "supervisors' summaries (统计报表)")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--office", help="office name; its district offices are included and broken out"
        )
        p.add_argument(
            "--format", choices=FORMATS, help="output format (default: from --out's suffix)"
        )
        p.add_argument("--out", required=True, help="output file, or - for standard output")
        p.set_defaults(handler=cmd_report)

    p = report.add_parser("monthly", help="one month, e.g. --month 2026-03")
    p.add_argument("--month", required=True, help="YYYY-MM")
    common(p)
    p = report.add_parser("annual", help="one year, e.g. --year 2026")
    p.add_argument("--year", required=True, type=int, help="YYYY")
    common(p)
    p = report.add_parser("range", help="any date range, both days included")
    p.add_argument("--from", dest="from_", required=True, help="first day, YYYY-MM-DD")
    p.add_argument("--to", required=True, help="last day, YYYY-MM-DD")
    common(p)
