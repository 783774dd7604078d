"""``col.reports``: supervisors' summaries for a month, a year or any date range, for
one office or a federation with its district offices broken out, in PDF, .docx, .xlsx,
CSV and JSON."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from legalaid.errors import ValidationError
from legalaid.models import Office
from legalaid.reports.definitions import GROUP_CASE_MIN_WORKERS, SETTING_GROUP_MIN
from legalaid.reports.model import Summary
from legalaid.reports.periods import Period
from legalaid.reports.summary import OfficeNode, compute

if TYPE_CHECKING:
    from legalaid.collection import Collection

FORMATS = ("pdf", "docx", "xlsx", "csv", "json")
Progress = Callable[[int, int, str], None]


class ReportService:
    """Summaries of the work done (统计). Reads only; never changes the database."""

    def __init__(self, col: Collection) -> None:
        self.col = col

    # -- computing -------------------------------------------------------------------

    def summary(
        self,
        period: Period,
        *,
        office_id: str | None = None,
        progress: Progress | None = None,
    ) -> Summary:
        """The summary of ``period``.

        Args:
            period: ``Period.month(2026, 3)``, ``Period.year(2026)`` or
                ``Period.between(start, end)``.
            office_id: an office; its district offices are included and broken out.
                ``None`` covers every office in the database.
            progress: called with (step, steps, what) as the queries run.
        """
        group_min = self._group_min()
        actor = self.col.actor
        if office_id is None and actor is not None:
            office_id = actor.office_id  # a supervisor sees their office and those below
        require(self.col, "report.read", office_id)
        with self.col.read() as s:
            nodes = [
                OfficeNode(oid, name, parent)
                for oid, name, parent in s.execute(
                    select(Office.id, Office.name, Office.parent_id).where(
                        Office.archived_at.is_(None)
                    )
                ).all()
            ]
            if office_id is not None:
                if office_id not in {n.id for n in nodes}:
                    raise ValidationError.single(
                        "office", "unknown", "工会/服务站不存在", "No such office"
                    )
                scope = _subtree(nodes, office_id)
                name = next(n.name for n in nodes if n.id == office_id)
            else:
                scope = [n.id for n in nodes]
                roots = [n for n in nodes if n.parent_id is None]
                name = roots[0].name if len(roots) == 1 else "全部单位"
            return compute(
                s,
                period=period,
                office_ids=scope,
                offices=nodes,
                office_name=name,
                today=self.col.today(),
                now=self.col.now(),
                group_min=group_min,
                progress=progress,
            )

    def monthly(self, year: int, month: int, *, office_id: str | None = None) -> Summary:
        return self.summary(Period.month(year, month), office_id=office_id)

    def annual(self, year: int, *, office_id: str | None = None) -> Summary:
        return self.summary(Period.year(year), office_id=office_id)

    def range(self, start: date, end: date, *, office_id: str | None = None) -> Summary:
        return self.summary(Period.between(start, end), office_id=office_id)

    def _group_min(self) -> int:
        raw = self.col.admin.get_setting(SETTING_GROUP_MIN)
        try:
            value = int(raw) if raw else GROUP_CASE_MIN_WORKERS
        except ValueError:
            value = GROUP_CASE_MIN_WORKERS
        return max(value, 2)

    # -- rendering -------------------------------------------------------------------

    def render(self, sm: Summary, fmt: str, progress: Progress | None = None) -> bytes:
        """The summary as the bytes of a file in ``fmt`` (pdf, docx, xlsx, csv, json)."""
        if fmt == "json":
            from legalaid.reports.render_json import render

            data = render(sm)
        elif fmt == "csv":
            from legalaid.reports.render_tabular import render_csv

            data = render_csv(sm)
        elif fmt == "xlsx":
            from legalaid.reports.render_tabular import render_xlsx

            data = render_xlsx(sm)
        elif fmt == "docx":
            from legalaid.reports.render_docx import render_docx

            data = render_docx(sm)
        elif fmt == "pdf":
            from legalaid.reports.render_pdf import render_pdf

            data = render_pdf(sm, progress)
        else:
            raise ValidationError.single(
                "format",
                "unknown_code",
                f"不支持的格式：{fmt}（可选 {'、'.join(FORMATS)}）",
                f"Unknown format {fmt!r} (one of {', '.join(FORMATS)})",
            )
        if progress is not None:
            progress(1, 1, fmt)
        return data

    def export(
        self, sm: Summary, fmt: str, path: str | Path, progress: Progress | None = None
    ) -> Path:
        """Write the summary to ``path``; the file appears whole or not at all."""
        data = self.render(sm, fmt, progress)
        target = Path(path)
        fd, tmp = tempfile.mkstemp(prefix=".report-", dir=target.parent or Path("."))
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target


def require(col: Collection, perm: str, office_id: str | None) -> None:
    """Check a permission through the facade (``col.require``) where the core has it."""
    check = getattr(col, "require", None)
    if check is not None:
        check(perm, office_id=office_id)


def _subtree(nodes: list[OfficeNode], root: str) -> list[str]:
    children: dict[str | None, list[str]] = {}
    for n in nodes:
        children.setdefault(n.parent_id, []).append(n.id)
    out, frontier = [root], [root]
    while frontier:
        frontier = [c for f in frontier for c in children.get(f, [])]
        out += frontier
    return out
