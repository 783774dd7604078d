"""Import and export of the Excel/CSV ledger (台账).

``import_ledger`` reads an .xlsx with sheets 案件 and 咨询 (or CSV files, one per sheet),
checks every row, and — unless a row has an error — imports them all in one transaction.
Importing the same ledger again adds nothing: cases are matched by 案件编号, consultations
by date, caller, phone, channel, topic and answer. ``export_ledger`` writes the same
format, so a ledger round-trips.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from legalaid.ledger import columns as C
from legalaid.ledger.export import ledger_tables, to_csv, to_xlsx
from legalaid.ledger.reader import read_files
from legalaid.ledger.validate import LedgerIssue, check_sheets
from legalaid.ledger.writer import LedgerWriter
from legalaid.models import Office
from legalaid.reports.service import require

if TYPE_CHECKING:
    from legalaid.collection import Collection


@dataclass
class ImportReport:
    """What an import did (or, for a dry run or a refused import, would have done)."""

    dry_run: bool
    imported: bool
    rows_read: int = 0
    cases_created: int = 0
    cases_skipped: list[str] = field(default_factory=list)
    consultations_created: int = 0
    consultations_skipped: int = 0
    staff_created: list[str] = field(default_factory=list)
    rows_rejected: int = 0
    issues: list[LedgerIssue] = field(default_factory=list)
    case_ids: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[LedgerIssue]:
        return [i for i in self.issues if i.level == "error"]

    @property
    def warnings(self) -> list[LedgerIssue]:
        return [i for i in self.issues if i.level == "warning"]


def import_ledger(
    col: Collection,
    paths: list[str | Path],
    *,
    office_id: str | None = None,
    dry_run: bool = False,
    skip_bad_rows: bool = False,
) -> ImportReport:
    """Import ledger files.

    Args:
        paths: one .xlsx (sheets 案件 and 咨询) or .csv files (one per sheet).
        office_id: the office the records belong to (default: the actor's or the only one).
        dry_run: check and try everything, then roll back.
        skip_bad_rows: import the good rows even when some rows have errors (by default
            one bad row means nothing is imported).
    """
    sheets = read_files([Path(p) for p in paths])
    checked = check_sheets(sheets, col.today())
    report = ImportReport(dry_run=dry_run, imported=False)
    report.rows_read = sum(len(s.rows) for s in sheets)
    report.issues = list(checked.issues)
    report.rows_rejected = len(checked.bad_rows())
    if checked.errors and not skip_bad_rows:
        return report
    with col.write() as s:
        office = col.default_office_id(s, office_id)
    require(col, "case.write", office)
    require(col, "consultation.write", office)
    result = LedgerWriter(col, office).write(checked.cases, checked.consultations, dry_run=dry_run)
    report.cases_created = result.cases_created
    report.cases_skipped = result.cases_skipped
    report.consultations_created = result.consultations_created
    report.consultations_skipped = result.consultations_skipped
    report.staff_created = result.staff_created
    report.case_ids = result.case_ids
    report.issues += result.issues
    if result.cases_skipped:
        report.issues.append(
            LedgerIssue(
                C.CASE_SHEET,
                0,
                "案件编号",
                f"{len(result.cases_skipped)}件案件已存在（按案件编号），未重复导入",
                f"{len(result.cases_skipped)} cases already exist (by number) and were skipped",
                "warning",
            )
        )
    report.imported = not dry_run
    return report


def export_ledger(
    col: Collection,
    path: str | Path,
    *,
    office_id: str | None = None,
    encoding: str = "utf-8-sig",
) -> list[Path]:
    """Write the ledger of ``office_id`` (and its district offices; default: every
    office) to ``path``: an .xlsx workbook, or for ``.csv`` two files
    ``<name>-案件.csv`` and ``<name>-咨询.csv``. Returns the files written."""
    target = Path(path)
    if office_id is None and col.actor is not None:
        office_id = col.actor.office_id
    require(col, "report.read", office_id)
    with col.read() as s:
        if office_id is None:
            ids = list(s.scalars(select(Office.id).where(Office.archived_at.is_(None))))
        else:
            ids = col.admin.office_tree_ids(office_id)
        tables = ledger_tables(s, ids)
    if target.suffix.lower() == ".csv":
        written = []
        for t in tables:
            out = target.with_name(f"{target.stem}-{t.sheet}.csv")
            _atomic_write(out, to_csv(t, encoding))
            written.append(out)
        return written
    _atomic_write(target, to_xlsx(tables))
    return [target]


def _atomic_write(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".ledger-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
