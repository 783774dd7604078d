"""``legalaid demo``: fill a desk database with a realistic, reproducible demo history."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from legalaid.errors import ValidationError


def register(commands: Any) -> None:
    p = commands.add_parser(
        "demo",
        help="fill the desk database with realistic demo data (offices, staff, cases...)",
        description="Generate a seeded, reproducible demo history: offices, staff, employers, "
        "workers, consultations and cases with claims, recoveries, referrals, mediations, "
        "proceedings, deadlines and notes. Up to 2,000 cases go through the core's "
        "services (validation, numbering, audit); more are bulk-loaded.",
    )
    p.add_argument("--cases", type=int, default=300, help="number of cases (default 300)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--offices", type=int, default=None, help="number of offices")
    p.add_argument(
        "--mode", choices=("auto", "facade", "bulk"), default="auto",
        help="how to load (default: facade up to 2,000 cases, bulk beyond)",
    )  # fmt: skip
    p.add_argument("--today", help="the desk's today, YYYY-MM-DD (default: today)")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from legalaid.config import default_db_path
    from legalaid.demo import generate

    if args.cases < 1:
        raise ValidationError.single("cases", "range", "案件数至少为1", "At least one case")
    if args.offices is not None and args.offices < 1:
        raise ValidationError.single("offices", "range", "单位数至少为1", "At least one office")
    today = None
    if args.today:
        try:
            today = date.fromisoformat(args.today)
        except ValueError:
            raise ValidationError.single(
                "today", "format", "日期格式应为YYYY-MM-DD", "Dates are YYYY-MM-DD"
            ) from None
    path = default_db_path(getattr(args, "db", None))
    path.parent.mkdir(parents=True, exist_ok=True)
    last = [-1]

    def progress(stage: str, done: int, total: int) -> None:
        pct = done * 100 // max(total, 1)
        if stage != "cases" or pct != last[0]:
            last[0] = pct
            print(f"\r{stage}: {done}/{total}", end="", file=sys.stderr, flush=True)

    summary = generate(
        path,
        cases=args.cases,
        seed=args.seed,
        offices=args.offices,
        mode=args.mode,
        today=today,
        progress=None if args.quiet else progress,
    )
    if not args.quiet:
        print(file=sys.stderr)
    print(
        f"已生成演示数据 demo data: {summary.cases} 件案件 cases, "
        f"{summary.offices} 个单位 offices, {summary.years} 年 years, {summary.mode}, "
        f"{summary.seconds:.1f} s → {path}"
    )
    return 0
