"""Export the filtered case list to an Excel workbook, page by page on the database
thread (a generator task: the list stays responsive and the export can be cancelled).
The file appears only when complete."""

from __future__ import annotations

import os
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any

from legalaid import dto
from legalaid.rules.money import fen_to_decimal
from ui.context import AppContext
from ui.models.case_table import COLUMNS, CaseColumn, column_title
from ui.tasks import CancelToken

CHUNK = 2000
MONEY_COLUMNS = {"claimed": "amount_claimed_fen", "recovered": "recovered_fen"}


def cell_value(column: CaseColumn, row: dto.CaseRow, ctx: AppContext) -> Any:
    """Numbers stay numbers (exact yuan as Decimal), dates stay dates."""
    if column.key in MONEY_COLUMNS:
        return fen_to_decimal(getattr(row, MONEY_COLUMNS[column.key]))
    if column.key == "workers":
        return row.worker_count
    direct = {
        "received_on": row.received_on,
        "accepted_on": row.accepted_on,
        "closed_on": row.closed_on,
        "next_due": row.next_due_on,
    }
    if column.key in direct:
        return direct[column.key]
    return column.text(row, ctx)


def export_cases(
    ctx: AppContext,
    path: Path,
    case_filter: dto.CaseFilter,
    sort: dto.Sort,
    keys: Sequence[str],
) -> Any:
    """A task function ``fn(col, token)`` writing the workbook; returns rows written."""
    columns = [c for c in COLUMNS if c.key in keys] or list(COLUMNS)
    headers = [column_title(c) for c in columns]
    sheet_title = "案件" if ctx.lang == "zh" else "Cases"

    def run(col: Any, token: CancelToken) -> Generator[None, None, int]:
        # openpyxl is a large import: loaded on the database thread by the first export.
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        total = col.cases.count(case_filter)
        token.progress(0, total)
        yield
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(sheet_title)
        head = []
        for text in headers:
            cell = WriteOnlyCell(ws, value=text)
            cell.font = Font(bold=True)
            head.append(cell)
        ws.append(head)
        written = 0
        saved = False
        try:
            while written < total:
                rows = col.cases.page(dto.PageRequest(case_filter, sort, written, CHUNK))
                if not rows:
                    break
                for r in rows:
                    ws.append([cell_value(c, r, ctx) for c in columns])
                written += len(rows)
                token.progress(written, total)
                yield  # let page fetches of the list run between chunks
            token.check()
            tmp = path.with_name(path.name + ".part")
            wb.save(tmp)
            saved = True
            os.replace(tmp, path)
        finally:
            if not saved:  # cancelled or failed: close the sheet's temp file cleanly
                _discard(ws)
        return written

    return run


def _discard(ws: Any) -> None:
    """Finish and remove a write-only sheet's temporary file."""
    try:
        ws.close()
        ws._writer.cleanup()
    except Exception:  # best effort: only a temp file is at stake
        pass
