"""Columns of deadline lists (dashboard and deadlines page)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from legalaid import dto
from ui.context import AppContext
from ui.format import day
from ui.models.rows import GREY, RED, Column


def explanation(d: dto.DeadlineInfo, lang: str) -> str | None:
    """The stored reasoning (lines of "zh<TAB>en") in the interface language."""
    if not d.explanation:
        return None
    lines = []
    for line in d.explanation.splitlines():
        zh, _, en = line.partition("\t")
        lines.append(zh if lang == "zh" or not en else en)
    return "\n".join(lines)


def deadline_columns(ctx: AppContext) -> list[Column[dto.DeadlineInfo]]:
    """Due date, title, statutory or not, case, responsible; overdue rows in red."""
    statutory = QCoreApplication.translate("DeadlineColumns", "Statutory")
    by_hand = QCoreApplication.translate("DeadlineColumns", "Set by hand")

    def color(d: dto.DeadlineInfo) -> QColor | None:
        if d.done_at is not None:
            return GREY
        return RED if d.overdue(ctx.today()) else None

    return [
        Column(
            QCoreApplication.translate("DeadlineColumns", "Due"),
            lambda d: day(d.due_on),
            color=color,
        ),
        Column(
            QCoreApplication.translate("DeadlineColumns", "Deadline"),
            lambda d: d.title,
            color=color,
            tooltip=lambda d: explanation(d, ctx.lang),
        ),
        Column(
            QCoreApplication.translate("DeadlineColumns", "Kind"),
            lambda d: statutory if d.statutory else by_hand,
            bold=lambda d: d.statutory,
        ),
        Column(
            QCoreApplication.translate("DeadlineColumns", "Case"), lambda d: d.case_number or ""
        ),
        Column(
            QCoreApplication.translate("DeadlineColumns", "Responsible"),
            lambda d: d.responsible_name or "",
        ),
    ]
