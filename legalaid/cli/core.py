"""Core commands: init, case, deadline, export cases."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from legalaid import dto
from legalaid.cli import group
from legalaid.collection import Collection
from legalaid.config import default_db_path
from legalaid.errors import ConfigurationError, ValidationError
from legalaid.rules.dates import parse_date
from legalaid.rules.money import yuan_str
from legalaid.vocab import CASE_SOURCES, CASE_STATUSES, DISPUTE_TYPES, HANDLING_METHODS, OUTCOMES


def open_collection(args: argparse.Namespace, *, must_exist: bool = True) -> Collection:
    """The desk database named by --db / $LEGALAID_DB / the data folder."""
    path = default_db_path(getattr(args, "db", None))
    if must_exist and not path.exists():
        raise ConfigurationError(
            f"数据库不存在：{path}（请先运行 legalaid init）",
            f"No database at {path} (run `legalaid init` first)",
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    from legalaid.security.sqlfiles import is_encrypted

    if path.exists() and is_encrypted(path):
        # An encrypted desk opens only with a user's password (LEGALAID_USER /
        # LEGALAID_PASSWORD, or a prompt on a terminal).
        from legalaid.cli.trust import open_desk_for_cli

        return open_desk_for_cli(args)
    return Collection(path)


def register(commands: Any) -> None:
    p = commands.add_parser("init", help="create a desk database with its first office")
    p.add_argument("--office", required=True, help="office name, e.g. 南昌市总工会")
    p.add_argument("--prefix", required=True, help="case-number prefix, e.g. 洪工援")
    p.add_argument("--admin", default="admin", help="username of the first administrator")
    p.add_argument("--admin-name", default="管理员", help="name of the first administrator")
    p.set_defaults(handler=cmd_init)

    cases = group(commands, "case", "list and show cases")
    p = cases.add_parser("list", help="one case a line, its number first")
    p.add_argument("--status", choices=CASE_STATUSES.codes())
    p.add_argument("--open", action="store_true", help="open cases only")
    p.add_argument("--search", default="", help="text to search for")
    p.add_argument("--limit", type=int, default=0, help="at most this many (0: all)")
    p.set_defaults(handler=cmd_case_list)
    p = cases.add_parser("show", help="everything about one case")
    p.add_argument("number")
    p.set_defaults(handler=cmd_case_show)

    deadline = group(commands, "deadline", "statutory deadline rules")
    p = deadline.add_parser("rules", help="list rule ids with their periods")
    p.set_defaults(handler=cmd_deadline_rules)
    p = deadline.add_parser("calc", help="compute a due date")
    p.add_argument("--rule", required=True, help="rule id (see `deadline rules`)")
    p.add_argument("--from", dest="start", required=True, help="trigger date YYYY-MM-DD")
    p.add_argument("--holidays", help="extra holiday data file (JSON or CSV)")
    p.set_defaults(handler=cmd_deadline_calc)

    export = group(commands, "export", "export data")
    p = export.add_parser("cases", help="the case list as .xlsx or .csv")
    p.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    p.add_argument("--out", required=True, help="output file, or - for CSV on stdout")
    p.set_defaults(handler=cmd_export_cases)


def cmd_init(args: argparse.Namespace) -> int:
    path = default_db_path(args.db)
    with open_collection(args, must_exist=False) as col:
        if col.admin.is_initialised():
            raise ConfigurationError(f"数据库已初始化：{path}", f"{path} is already set up")
        office = col.admin.create_office(args.office, args.prefix).value
        col.admin.create_staff(args.admin_name, args.admin, "admin", office_id=office.id)
    print(f"created {path}: {office.name} ({office.case_prefix})")
    return 0


def _all_rows(col: Collection, f: dto.CaseFilter, limit: int) -> list[dto.CaseRow]:
    rows: list[dto.CaseRow] = []
    page = 1000
    while True:
        want = page if not limit else min(page, limit - len(rows))
        chunk = col.cases.page(dto.PageRequest(filter=f, offset=len(rows), limit=want))
        rows.extend(chunk)
        if len(chunk) < want or (limit and len(rows) >= limit):
            return rows


def cmd_case_list(args: argparse.Namespace) -> int:
    f = dto.CaseFilter(
        statuses=(args.status,) if args.status else (), open_only=args.open, text=args.search
    )
    with open_collection(args) as col:
        for r in _all_rows(col, f, args.limit):
            print(
                f"{r.number}\t{r.received_on}\t{CASE_STATUSES.zh(r.status)}\t"
                f"{DISPUTE_TYPES.zh(r.dispute_type)}\t{r.first_applicant or ''}\t{r.title}"
            )
    return 0


def cmd_case_show(args: argparse.Namespace) -> int:
    with open_collection(args) as col:
        d = col.cases.detail(col.cases.by_number(args.number).id)
    c = d.case
    out = [
        f"案件编号 number: {c.number}",
        f"案件名称 title: {c.title}",
        f"状态 status: {CASE_STATUSES.zh(c.status)} ({c.status})",
        f"案由 dispute: {DISPUTE_TYPES.zh(c.dispute_type)}",
        f"来源 source: {CASE_SOURCES.zh(c.source)}",
        f"办理方式 method: {HANDLING_METHODS.zh(c.handling_method)}",
        f"登记 received: {c.received_on}  受理 accepted: {c.accepted_on or ''}  "
        f"结案 closed: {c.closed_on or ''}",
        f"结果 outcome: {OUTCOMES.zh(c.outcome)}",
        f"承办人 lead: {d.lead_staff.name if d.lead_staff else ''}",
        f"涉及职工 workers: {c.worker_count}",
        f"申请人 applicants: {', '.join(a.person.name for a in d.applicants)}",
        f"被申请人 respondents: {', '.join(r.employer.name for r in d.respondents)}",
        f"诉求金额 claimed: {yuan_str(d.totals.claimed_fen)}",
        f"裁判金额 awarded: {yuan_str(d.totals.awarded_fen)}",
        f"已追回 recovered: {yuan_str(d.totals.recovered_fen)}",
        f"未追回 outstanding: {yuan_str(d.totals.outstanding_fen)}",
    ]
    for dl in d.deadlines:
        mark = "✓" if dl.done_at else ("!" if dl.statutory else " ")
        out.append(f"期限 deadline {mark} {dl.due_on} {dl.title}")
    print("\n".join(out))
    return 0


def cmd_deadline_rules(args: argparse.Namespace) -> int:
    from legalaid.rules.statutes import load_rules

    for rule in load_rules():
        print(f"{rule.id}\t{rule.period_zh}\t{rule.title_zh}\t{rule.source_zh}")
    return 0


def cmd_deadline_calc(args: argparse.Namespace) -> int:
    from legalaid.rules.deadlines import compute_rule
    from legalaid.rules.holidays import HolidayCalendar

    start = parse_date(args.start, "from")
    path = default_db_path(args.db)
    if path.exists():
        with Collection(path) as col:
            cal = col.calendar.get()
    else:
        cal = HolidayCalendar.default()
    if args.holidays:
        cal.load_file(args.holidays)
    result = compute_rule(args.rule, start, cal)
    print(result.due.isoformat())
    for step in result.steps:
        print(f"  {step.zh}", file=sys.stderr)
    for warning in result.warnings:
        print(f"警告 warning: {warning.zh} / {warning.en}")
    return 0


EXPORT_COLUMNS: tuple[tuple[str, Callable[[dto.CaseRow], object]], ...] = (
    ("案件编号", lambda r: r.number),
    ("案件名称", lambda r: r.title),
    ("状态", lambda r: CASE_STATUSES.zh(r.status)),
    ("案由", lambda r: DISPUTE_TYPES.zh(r.dispute_type)),
    ("来源", lambda r: CASE_SOURCES.zh(r.source)),
    ("办理方式", lambda r: HANDLING_METHODS.zh(r.handling_method)),
    ("登记日期", lambda r: r.received_on.isoformat()),
    ("受理日期", lambda r: r.accepted_on.isoformat() if r.accepted_on else ""),
    ("结案日期", lambda r: r.closed_on.isoformat() if r.closed_on else ""),
    ("承办人", lambda r: r.lead_staff_name or ""),
    ("申请人", lambda r: r.first_applicant or ""),
    ("用人单位", lambda r: r.first_employer or ""),
    ("涉及职工人数", lambda r: r.worker_count),
    ("诉求金额", lambda r: yuan_str(r.amount_claimed_fen)),
    ("已追回金额", lambda r: yuan_str(r.recovered_fen)),
)


def safe_cell(value: object) -> object:
    """Neutralise spreadsheet formula injection: text starting = + - @ gets a quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_case_export(
    rows: list[dto.CaseRow], fmt: str, out: str | Path, *, today: date | None = None
) -> None:
    """Write case rows as .xlsx or .csv atomically (a temp file renamed into place)."""
    header = [name for name, _ in EXPORT_COLUMNS]
    data = [[safe_cell(fn(r)) for _, fn in EXPORT_COLUMNS] for r in rows]
    if str(out) == "-":
        if fmt != "csv":
            raise ValidationError.single(
                "out", "format", "只有CSV可输出到标准输出", "Only CSV to stdout"
            )
        w = csv.writer(sys.stdout)
        w.writerow(header)
        w.writerows(data)
        return
    target = Path(out)
    tmp = target.with_name(target.name + ".part")
    if fmt == "csv":
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            w.writerows(data)
    else:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("案件")
        ws.append(header)
        for row in data:
            ws.append(row)
        wb.save(tmp)
    tmp.replace(target)


def cmd_export_cases(args: argparse.Namespace) -> int:
    with open_collection(args) as col:
        rows = _all_rows(col, dto.CaseFilter(), 0)
    write_case_export(rows, args.format, args.out)
    if args.out != "-":
        print(f"{len(rows)} cases → {args.out}")
    return 0
