"""Table view defaults used across the pages."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

FIT_LIMIT = 500  # fitting columns reads every row: only for small lists


def make_table(
    model: QAbstractItemModel,
    parent: QWidget | None = None,
    *,
    stretch: int | None = None,
    fit: bool = False,
) -> QTableView:
    """A read-only, row-selecting table with compact rows.

    Args:
        stretch: the column that takes the spare width (else the last one).
        fit: size the other columns to their contents whenever the rows change.
    """
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch is None)
    view.setWordWrap(False)
    if fit:
        timer = QTimer(view)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(lambda: fit_columns(view, stretch))
        model.modelReset.connect(timer.start)
        model.dataChanged.connect(lambda *_: timer.start())
        timer.start()
    elif stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def fit_columns(view: QTableView, stretch: int | None = None) -> None:
    """Columns as wide as their contents; ``stretch`` takes what is left."""
    model = view.model()
    if model is None or model.rowCount() > FIT_LIMIT:
        return
    header = view.horizontalHeader()
    for col in range(model.columnCount()):
        if col != stretch:
            view.resizeColumnToContents(col)
            header.resizeSection(col, min(header.sectionSize(col), 360))
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
