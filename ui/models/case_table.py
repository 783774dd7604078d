"""The case list's item model: it holds the row count and a bounded cache of pages, and
fetches pages on the database thread only when the view asks for their rows — the
case table is never loaded into memory, so the list stays smooth on a million cases.

Changing the filter or sort order resets the model (the result set is a new one); a
change broadcast keeps the rows on screen, re-counts, inserts or removes rows at the
end and re-fetches the visible pages (no reset).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from legalaid import dto
from legalaid.services.lifecycle import OPEN_STATUSES
from legalaid.vocab import CASE_SOURCES, CASE_STATUSES, DISPUTE_TYPES, HANDLING_METHODS
from ui.context import AppContext
from ui.format import day, money

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 100
MAX_CACHED_PAGES = 60  # 6,000 rows at most in memory
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE = QColor("#c62828")


@dataclass(frozen=True)
class CaseColumn:
    """A column of the case list.

    Attributes:
        key: stable name (saved column layouts refer to it).
        title: English header; translated in context ``CaseColumns``.
        sort: the core's sort key, or None when the column cannot be sorted.
        text: the cell text.
        right: right-aligned (numbers).
    """

    key: str
    title: str
    sort: str | None
    text: Callable[[dto.CaseRow, AppContext], str]
    right: bool = False


COLUMNS: tuple[CaseColumn, ...] = (
    CaseColumn(
        "number",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Case number")),
        "number",
        lambda r, c: r.number,
    ),
    CaseColumn(
        "title", str(QT_TRANSLATE_NOOP("CaseColumns", "Title")), "title", lambda r, c: r.title
    ),
    CaseColumn(
        "applicant",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Applicant")),
        None,
        lambda r, c: r.first_applicant or "",
    ),
    CaseColumn(
        "employer",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Employer")),
        None,
        lambda r, c: r.first_employer or "",
    ),
    CaseColumn(
        "status",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Status")),
        "status",
        lambda r, c: c.label(CASE_STATUSES, r.status),
    ),
    CaseColumn(
        "dispute_type",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Dispute type")),
        "dispute_type",
        lambda r, c: c.label(DISPUTE_TYPES, r.dispute_type),
    ),
    CaseColumn(
        "source",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Source")),
        None,
        lambda r, c: c.label(CASE_SOURCES, r.source),
    ),
    CaseColumn(
        "handling",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Handling")),
        None,
        lambda r, c: c.label(HANDLING_METHODS, r.handling_method),
    ),
    CaseColumn(
        "staff",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Lead staff")),
        None,
        lambda r, c: r.lead_staff_name or "",
    ),
    CaseColumn(
        "office",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Office")),
        None,
        lambda r, c: c.office_name(r.office_id),
    ),
    CaseColumn(
        "received_on",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Received")),
        "received_on",
        lambda r, c: day(r.received_on),
    ),
    CaseColumn(
        "accepted_on",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Accepted")),
        "accepted_on",
        lambda r, c: day(r.accepted_on),
    ),
    CaseColumn(
        "closed_on",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Closed")),
        "closed_on",
        lambda r, c: day(r.closed_on),
    ),
    CaseColumn(
        "workers",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Workers")),
        "worker_count",
        lambda r, c: str(r.worker_count),
        right=True,
    ),
    CaseColumn(
        "claimed",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Claimed")),
        "amount_claimed_fen",
        lambda r, c: money(r.amount_claimed_fen),
        right=True,
    ),
    CaseColumn(
        "recovered",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Recovered")),
        None,
        lambda r, c: money(r.recovered_fen),
        right=True,
    ),
    CaseColumn(
        "next_due",
        str(QT_TRANSLATE_NOOP("CaseColumns", "Next deadline")),
        None,
        lambda r, c: day(r.next_due_on),
    ),
)
DEFAULT_HIDDEN = ("handling", "office", "accepted_on", "closed_on")


def column_title(column: CaseColumn) -> str:
    return QCoreApplication.translate("CaseColumns", column.title)


class CaseTableModel(QAbstractTableModel):
    """Count + cached pages of ``dto.CaseRow``, fetched lazily through the core.

    Signals:
        count_changed(int): the number of cases matching the query.
        counting(): a new query started; its count is not known yet.
        page_loaded(int): a page (by number) arrived and is shown.
        query_loaded(): a new filter/sort shows its first page and its full count.
    """

    count_changed = Signal(int)
    counting = Signal()
    page_loaded = Signal(int)
    query_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter = dto.CaseFilter()
        self.sort_order = dto.Sort()
        self._count = 0
        self._gen = 0
        self._full_reset = False
        self._pages: OrderedDict[int, list[dto.CaseRow]] = OrderedDict()
        self._stale: set[int] = set()
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._inflight: int | None = None
        self._visible: tuple[int, int] | None = None
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)
        ctx.changes.connect(self._on_changes)

    # -- querying ------------------------------------------------------------------------

    def set_query(self, case_filter: dto.CaseFilter, sort: dto.Sort | None = None) -> None:
        """Show the cases matching ``case_filter`` in ``sort`` order (resets the model).

        The first page is shown as soon as it is read; counting every match (slow on a
        million cases) follows, and the rows below are added when the count arrives.
        """
        self.filter = case_filter
        if sort is not None:
            self.sort_order = sort
        self._gen += 1
        self._full_reset = True
        gen, f, s = self._gen, self.filter, self.sort_order
        self.counting.emit()
        self.ctx.query(
            self, lambda col: col.cases.page(dto.PageRequest(f, s, 0, PAGE_SIZE))
        ).success(lambda rows: self._on_first_page(gen, rows)).urgent().run_in_background()

    def refresh(self) -> None:
        """Re-count and re-fetch what is shown, keeping the rows on screen meanwhile."""
        self._gen += 1
        gen, f = self._gen, self.filter
        self._stale = set(self._pages)
        self._wanted.clear()
        self._inflight = None
        self.ctx.query(self, lambda col: col.cases.count(f)).success(
            lambda n: self._on_recount(gen, n)
        ).run_in_background()

    def _on_first_page(self, gen: int, first: list[dto.CaseRow]) -> None:
        if gen != self._gen:
            return
        self.beginResetModel()
        self._count = len(first)
        self._pages.clear()
        self._stale.clear()
        self._wanted.clear()
        self._inflight = None
        self._full_reset = False
        if first:
            self._pages[0] = first
        self.endResetModel()
        if len(first) < PAGE_SIZE:  # the whole result is on the first page
            self._counted(len(first))
            return
        f = self.filter
        self.ctx.query(self, lambda col: col.cases.count(f)).success(
            lambda n: self._on_count(gen, n)
        ).urgent().run_in_background()

    def _on_count(self, gen: int, count: int) -> None:
        if gen != self._gen:
            return
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:  # changed in between: the refresh will follow
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()
        self._counted(count)

    def _counted(self, count: int) -> None:
        self.count_changed.emit(count)
        self.query_loaded.emit()

    def _on_recount(self, gen: int, count: int) -> None:
        if gen != self._gen:
            return
        old = self._count
        if count > old:
            self.beginInsertRows(QModelIndex(), old, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < old:
            self.beginRemoveRows(QModelIndex(), count, old - 1)
            self._count = count
            self.endRemoveRows()
        # Pages off screen are simply forgotten; visible ones are re-fetched.
        for page in list(self._pages):
            if not self._page_visible(page):
                del self._pages[page]
                self._stale.discard(page)
        for page in sorted(self._stale):
            self._want(page)
        if count != old:
            self.count_changed.emit(count)

    def _on_changes(self, changes: dto.OpChanges, _initiator: object) -> None:
        if changes.touches("case", "deadline", "recovery", "person", "employer", "staff"):
            self.refresh()

    # -- lazy pages ----------------------------------------------------------------------

    def set_visible_rows(self, first: int, last: int) -> None:
        """The rows the view shows; pages far from them are not fetched."""
        self._visible = (first, last)

    def _page_visible(self, page: int) -> bool:
        if self._visible is None:
            return True
        first, last = self._visible
        lo, hi = page * PAGE_SIZE, (page + 1) * PAGE_SIZE - 1
        return hi >= first - PAGE_SIZE and lo <= last + PAGE_SIZE

    def _want(self, page: int) -> None:
        self._wanted[page] = None
        self._wanted.move_to_end(page)
        if not self._pump_timer.isActive():
            self._pump_timer.start()

    def _pump(self) -> None:
        """Fetch the most recently wanted visible page (one request in flight)."""
        if self._inflight is not None or self._full_reset:
            return
        page = None
        while self._wanted:
            candidate, _ = self._wanted.popitem(last=True)
            if self._page_visible(candidate) and (
                candidate not in self._pages or candidate in self._stale
            ):
                page = candidate
                break
        if page is None:
            return
        self._inflight = page
        gen, f, s = self._gen, self.filter, self.sort_order
        req = dto.PageRequest(f, s, page * PAGE_SIZE, PAGE_SIZE)
        self.ctx.query(self, lambda col: col.cases.page(req)).success(
            lambda rows: self._on_page(gen, page, rows)
        ).urgent().run_in_background()

    def _on_page(self, gen: int, page: int, rows: list[dto.CaseRow]) -> None:
        if gen != self._gen:
            return
        self._inflight = None
        self._pages[page] = rows
        self._pages.move_to_end(page)
        self._stale.discard(page)
        while len(self._pages) > MAX_CACHED_PAGES:
            oldest = next(iter(self._pages))
            del self._pages[oldest]
            self._stale.discard(oldest)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.page_loaded.emit(page)
        self._pump()

    def row_at(self, row: int) -> dto.CaseRow | None:
        """The cached row, or None (and a fetch is queued) while it is not loaded."""
        if row < 0 or row >= self._count:
            return None
        page, offset = divmod(row, PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None or page in self._stale:
            self._want(page)
        if rows is None or offset >= len(rows):
            return None
        return rows[offset]

    def loaded_rows(self) -> int:
        return sum(len(rows) for rows in self._pages.values())

    def cached_pages(self) -> list[int]:
        return sorted(self._pages)

    # -- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            CASE_ID_ROLE,
        ):
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column.right
                else None
            )
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row, self.ctx)
        if role == CASE_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title if column.key == "title" else None
        if role == Qt.ItemDataRole.ForegroundRole and self.is_overdue(row):
            return QBrush(OVERDUE)
        return None

    def is_overdue(self, row: dto.CaseRow) -> bool:
        return (
            row.next_due_on is not None
            and row.status in OPEN_STATUSES
            and row.next_due_on < self.ctx.today()
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return column_title(COLUMNS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort is None:
            return
        key = COLUMNS[column].sort
        assert key is not None
        wanted = dto.Sort(key, order == Qt.SortOrder.DescendingOrder)
        if wanted != self.sort_order:
            self.set_query(self.filter, wanted)
