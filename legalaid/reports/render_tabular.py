"""CSV and .xlsx renderings of the report tables.

CSV: one file holding every table one after another: a title row, the header, the rows
and a blank line, then the definitions; UTF-8 with a byte-order mark so Excel on Chinese
Windows opens it correctly. XLSX: a 说明 sheet (title, office, period, definitions) and
one sheet per table. Text cells are neutralised against formula injection in both.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from legalaid.reports.cells import as_text, neutralise
from legalaid.reports.model import Summary
from legalaid.reports.tables import Cell, Percent, Table, Yuan, build_tables
from legalaid.rules.money import fen_to_decimal


def header_lines(sm: Summary) -> list[tuple[str, str]]:
    """The facts printed above the tables in every format."""
    return [
        ("报表", sm.title),
        ("单位", sm.office_name),
        ("统计期间", f"{sm.period.label}（{sm.period.start:%Y-%m-%d}至{sm.period.end:%Y-%m-%d}）"),
        ("包含单位", "、".join(sm.office_names)),
        ("生成日期", f"{sm.generated_on:%Y-%m-%d}"),
    ]


def render_csv(sm: Summary, tables: list[Table] | None = None) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for k, v in header_lines(sm):
        w.writerow([neutralise(k), neutralise(v)])
    w.writerow([])
    for t in tables or build_tables(sm):
        w.writerow([neutralise(t.title)])
        w.writerow([neutralise(c) for c in t.columns])
        for row in t.rows:
            w.writerow([neutralise(as_text(c)) for c in row])
        if t.note:
            w.writerow([neutralise("注：" + t.note)])
        w.writerow([])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


_HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
_BOLD = Font(bold=True)
_SHEET_BAD = set("[]:*?/\\")


def sheet_title(title: str, taken: set[str]) -> str:
    """An Excel sheet name (≤31 chars, no []:*?/\\), unique in the workbook."""
    name = "".join("_" if ch in _SHEET_BAD else ch for ch in title)[:31] or "Sheet"
    base, n = name, 2
    while name in taken:
        suffix = f"({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


def _put(ws: object, row: int, col: int, cell: Cell | Yuan | Percent) -> None:
    c = ws.cell(row=row, column=col)  # type: ignore[attr-defined]
    if isinstance(cell, Yuan):
        c.value = fen_to_decimal(cell.fen)
        c.number_format = "#,##0.00"
    elif isinstance(cell, Percent):
        if cell.value is None:
            c.value = "—"
        else:
            c.value = cell.value
            c.number_format = "0.0"
    elif isinstance(cell, Decimal):
        c.value = cell
        c.number_format = "0.0"
    elif isinstance(cell, int):
        c.value = cell
    elif cell is None:
        c.value = None
    else:
        c.value = neutralise(cell)
        c.data_type = "s"  # never a formula, whatever the text


def render_xlsx(sm: Summary, tables: list[Table] | None = None) -> bytes:
    wb = Workbook()
    ws: Any = wb.active
    taken: set[str] = set()
    ws.title = sheet_title("说明", taken)
    r = 1
    for k, v in header_lines(sm):
        _put(ws, r, 1, k)
        _put(ws, r, 2, v)
        ws.cell(row=r, column=1).font = _BOLD
        r += 1
    r += 1
    _put(ws, r, 1, "统计口径")
    ws.cell(row=r, column=1).font = _BOLD
    r += 1
    for d in sm.definitions:
        _put(ws, r, 1, d.term)
        _put(ws, r, 2, d.text)
        ws.cell(row=r, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        r += 1
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 100

    for t in tables or build_tables(sm):
        if t.key == "definitions":
            continue  # on the 说明 sheet
        sheet = wb.create_sheet(sheet_title(t.title, taken))
        _put(sheet, 1, 1, t.title)
        sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
        for j, head in enumerate(t.columns, start=1):
            _put(sheet, 2, j, head)
            hc = sheet.cell(row=2, column=j)
            hc.font = _BOLD
            hc.fill = _HEAD_FILL
        for i, row in enumerate(t.rows, start=3):
            for j, cell in enumerate(row, start=1):
                _put(sheet, i, j, cell)
        if t.note:
            _put(sheet, len(t.rows) + 4, 1, "注：" + t.note)
        for j, head in enumerate(t.columns, start=1):
            widest = max(
                [len(head) * 2 + 2]
                + [len(as_text(row[j - 1])) * (2 if j == 1 else 1) + 2 for row in t.rows]
            )
            sheet.column_dimensions[get_column_letter(j)].width = min(max(widest, 10), 60)
        sheet.freeze_panes = "B3"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
