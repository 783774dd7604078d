"""A small table model over a list of frozen data objects (dashboard lists, deadline
lists, duplicates). Replacing rows with the same keys emits dataChanged, not a reset."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

RED = QColor("#c62828")
GREY = QColor("#777777")


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header and how to show a row in it."""

    title: str
    text: Callable[[T], str]
    align_right: bool = False
    color: Callable[[T], QColor | None] | None = None
    bold: Callable[[T], bool] | None = None
    tooltip: Callable[[T], str | None] | None = None


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of ``T`` shown through ``columns``; ``key(row)`` identifies a row."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        key: Callable[[T], object] = id,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.key = key
        self._rows: list[T] = []

    # -- data ----------------------------------------------------------------------------

    def rows(self) -> list[T]:
        return list(self._rows)

    def row(self, index: int) -> T:
        return self._rows[index]

    def set_rows(self, rows: Sequence[T]) -> None:
        new = list(rows)
        if [self.key(r) for r in new] == [self.key(r) for r in self._rows]:
            self._rows = new
            if new:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(new) - 1, len(self.columns) - 1)
                )
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    # -- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            color = col.color(row)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.FontRole and col.bold is not None and col.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
