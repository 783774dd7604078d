"""Reading ledger files: an .xlsx workbook with sheets 案件 and 咨询, or CSV files (one
per sheet, UTF-8 or GB18030) recognised by their header row."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from legalaid.errors import ValidationError
from legalaid.ledger.columns import (
    CASE_COLUMNS,
    CASE_SHEET,
    CONSULTATION_COLUMNS,
    CONSULTATION_SHEET,
    norm,
)

#: A raw cell: text, a number, a date/datetime (Excel dates), or None.
Raw = str | int | float | date | datetime | None


@dataclass
class Sheet:
    """The rows of one sheet. ``rows`` are (spreadsheet row number, {column: value})."""

    name: str
    source: str
    columns: list[str]
    rows: list[tuple[int, dict[str, Raw]]] = field(default_factory=list)
    date1904: bool = False


def _header_index(header: list[Any], wanted: tuple[str, ...]) -> dict[str, int]:
    """Known column → position; extra columns are ignored, the first of a duplicate wins."""
    lookup = {norm(c): c for c in wanted}
    out: dict[str, int] = {}
    for i, cell in enumerate(header):
        if cell is None:
            continue
        name = lookup.get(norm(str(cell)))
        if name is not None and name not in out:
            out[name] = i
    return out


def _blank(values: list[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _rows(
    name: str, source: str, table: list[list[Any]], wanted: tuple[str, ...], first_row: int = 1
) -> Sheet:
    """Find the header (the first row naming a known column, within the first 10 rows,
    so a title row above it is allowed) and collect the rows below it."""
    header_at = None
    for i, row in enumerate(table[:10]):
        if len(_header_index(row, wanted)) >= 2:
            header_at = i
            break
    if header_at is None:
        raise ValidationError.single(
            "header",
            "missing",
            f"{source}：找不到表头行（应包含 {'、'.join(wanted[:4])} 等列）",
            f"{source}: no header row found (expected columns such as {', '.join(wanted[:4])})",
        )
    index = _header_index(table[header_at], wanted)
    sheet = Sheet(name, source, list(index))
    for offset, row in enumerate(table[header_at + 1 :], start=header_at + 1):
        values = [row[i] if i < len(row) else None for i in index.values()]
        if _blank(values):
            continue
        sheet.rows.append((first_row + offset, dict(zip(index, values, strict=True))))
    return sheet


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM) if it decodes, else GB18030 (which covers GBK/GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ValidationError.single(
            "file",
            "encoding",
            "CSV文件既不是UTF-8也不是GB18030编码",
            "The CSV file is neither UTF-8 nor GB18030",
        ) from None


def read_csv(path: Path) -> Sheet:
    text = decode_csv(path.read_bytes())
    try:
        table: list[list[Any]] = [list(r) for r in csv.reader(io.StringIO(text))]
    except csv.Error as exc:
        raise ValidationError.single(
            "file", "format", f"CSV格式有误：{exc}", f"Malformed CSV: {exc}"
        ) from exc
    for kind, wanted in ((CASE_SHEET, CASE_COLUMNS), (CONSULTATION_SHEET, CONSULTATION_COLUMNS)):
        for row in table[:10]:
            if len(_header_index(row, wanted)) >= 2 and (
                kind == CONSULTATION_SHEET or "案件编号" in _header_index(row, wanted)
            ):
                return _rows(kind, path.name, table, wanted)
    raise ValidationError.single(
        "header",
        "missing",
        f"{path.name}：无法识别是案件台账还是咨询台账（表头应包含“案件编号”或“咨询日期”）",
        f"{path.name}: not a case or consultation ledger (no 案件编号 / 咨询日期 header)",
    )


def read_xlsx(path: Path) -> list[Sheet]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError.single(
            "file", "unreadable", f"无法读取Excel文件：{exc}", f"Cannot read the workbook: {exc}"
        ) from exc
    try:
        date1904 = bool(getattr(wb, "epoch", None) and wb.epoch.year == 1904)
        sheets = []
        names = {norm(n): n for n in wb.sheetnames}
        for kind, wanted in (
            (CASE_SHEET, CASE_COLUMNS),
            (CONSULTATION_SHEET, CONSULTATION_COLUMNS),
        ):
            real = names.get(norm(kind))
            if real is None:
                continue
            ws = wb[real]
            try:
                # Read-only workbooks parse sheets lazily: damage inside a sheet only
                # shows up here, as XML, zip or EOF errors.
                table = [list(r) for r in ws.iter_rows(values_only=True)]
            except Exception as exc:
                raise ValidationError.single(
                    "file", "unreadable", f"无法读取工作表“{real}”：{exc}",
                    f"Cannot read the sheet {real}: {exc}",
                ) from exc
            sheet = _rows(kind, f"{path.name}:{real}", table, wanted)
            sheet.date1904 = date1904
            sheets.append(sheet)
    finally:
        wb.close()
    if not sheets:
        raise ValidationError.single(
            "sheet",
            "missing",
            f"{path.name}：工作簿中没有“案件”或“咨询”工作表",
            f"{path.name}: the workbook has no sheet named 案件 or 咨询",
        )
    return sheets


def read_files(paths: list[Path]) -> list[Sheet]:
    """Every sheet of the given files; .xlsx may hold both sheets, .csv holds one."""
    out: list[Sheet] = []
    for p in paths:
        if not p.exists():
            raise ValidationError.single(
                "file", "missing", f"文件不存在：{p}", f"No such file: {p}"
            )
        suffix = p.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            out += read_xlsx(p)
        elif suffix in (".csv", ".txt"):
            out.append(read_csv(p))
        else:
            raise ValidationError.single(
                "file",
                "format",
                f"不支持的文件类型：{p.name}（请使用 .xlsx 或 .csv）",
                f"Unsupported file type: {p.name} (use .xlsx or .csv)",
            )
    return out
