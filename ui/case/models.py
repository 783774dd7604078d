"""Item models of the case window.

Flat lists use the desktop's ``RowsModel`` (ui/models/rows.py). Trees (the contractor
chain of respondents, the procedure timeline with its sessions and hearings) use
``TreeModel`` below: small, rebuilt from the case detail each time it changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

Index = QModelIndex | QPersistentModelIndex
PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(eq=False)
class Node:
    """One row of a tree: its cell texts, what it stands for, its children."""

    texts: list[str]
    payload: Any = None
    children: list[Node] = field(default_factory=list)
    color: QColor | None = None
    bold: bool = False
    tooltip: str | None = None
    parent: Node | None = field(default=None, repr=False)
    row: int = 0

    def add(self, child: Node) -> Node:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child


class TreeModel(QAbstractItemModel):
    """A read-only tree of :class:`Node` with fixed columns."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self._root = Node([])

    def set_roots(self, roots: Sequence[Node]) -> None:
        self.beginResetModel()
        self._root = Node([])
        for node in roots:
            self._root.add(node)
        self.endResetModel()

    def roots(self) -> list[Node]:
        return list(self._root.children)

    def walk(self) -> list[Node]:
        out: list[Node] = []
        stack = list(reversed(self._root.children))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out

    def node(self, index: Index) -> Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, Node) else None

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        return self.createIndex(node.row, column, node)

    # -- Qt ------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(self.headers) or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        owner = self.node(parent) or self._root
        if row >= len(owner.children):
            return QModelIndex()
        return self.createIndex(row, column, owner.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        owner = self.node(parent) or self._root
        return len(owner.children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return node.texts[col] if col < len(node.texts) else ""
        if role == Qt.ItemDataRole.ForegroundRole and node.color is not None:
            return QBrush(node.color)
        if role == Qt.ItemDataRole.FontRole and node.bold and col == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip
        if role == PAYLOAD_ROLE:
            return node.payload
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None
