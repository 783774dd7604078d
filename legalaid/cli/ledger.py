"""``legalaid import ledger FILE...`` and ``legalaid export ledger --out FILE``: the
Excel/CSV ledger (台账)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def cmd_import(args: argparse.Namespace) -> int:
    from legalaid.cli.core import open_collection
    from legalaid.ledger import import_ledger

    with open_collection(args) as col:
        office_id = col.admin.office_by_name(args.office).id if args.office else None
        report = import_ledger(
            col,
            args.files,
            office_id=office_id,
            dry_run=args.dry_run,
            skip_bad_rows=args.skip_bad_rows,
        )
    for issue in report.issues:
        print(str(issue), file=sys.stderr)
    if report.errors and not args.skip_bad_rows:
        print(
            f"未导入：{report.rows_rejected}行有错误，全部数据均未写入（可改正后重新导入，"
            "或用 --skip-bad-rows 只导入无误的行）\n"
            f"Nothing imported: {report.rows_rejected} rows have errors.",
            file=sys.stderr,
        )
        return 1
    verb = "试导入（未写入）" if report.dry_run else "已导入"
    print(
        f"{verb}：案件{report.cases_created}件，咨询{report.consultations_created}条；"
        f"已存在而跳过：案件{len(report.cases_skipped)}件，咨询{report.consultations_skipped}条；"
        f"新建工作人员{len(report.staff_created)}人"
        + (f"；有错误而跳过{report.rows_rejected}行" if report.rows_rejected else "")
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from legalaid.cli.core import open_collection
    from legalaid.ledger import export_ledger

    with open_collection(args) as col:
        office_id = col.admin.office_by_name(args.office).id if args.office else None
        paths = export_ledger(col, args.out, office_id=office_id, encoding=args.encoding)
    for p in paths:
        print(p)
    return 0


def register(commands: Any) -> None:
    from legalaid.cli import group

    imp = group(commands, "import", "import data")
    p = imp.add_parser(
        "ledger",
        help="an Excel (.xlsx, sheets 案件 and 咨询) or CSV ledger (台账); all rows or none",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=".xlsx, or .csv files (one a sheet)")
    p.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    p.add_argument(
        "--skip-bad-rows", action="store_true", help="import the good rows even if some are bad"
    )
    p.add_argument("--office", help="office the records belong to (name)")
    p.set_defaults(handler=cmd_import)

    exp = group(commands, "export", "export data")
    p = exp.add_parser("ledger", help="the ledger (台账) as .xlsx, or two .csv files")
    p.add_argument(
        "--out", required=True, help="FILE.xlsx, or FILE.csv (→ FILE-案件.csv, FILE-咨询.csv)"
    )
    p.add_argument("--office", help="office name (its district offices are included)")
    p.add_argument(
        "--encoding",
        default="utf-8-sig",
        choices=("utf-8-sig", "utf-8", "gb18030"),
        help="CSV encoding (default UTF-8 with BOM, which Excel opens correctly)",
    )
    p.set_defaults(handler=cmd_export)
