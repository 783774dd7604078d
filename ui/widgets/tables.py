"""Table view defaults used across the pages."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

FIT_LIMIT = 500  # fitting columns asks the model for cells: only for small lists
FIT_ROWS = 20  # the rows in sight and this many more are measured to fit a column


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
        # Every cell measured is several calls from Qt into the model on the GUI thread,
        # each of which may wait for the GIL while the database thread works.
        header.setResizeContentsPrecision(FIT_ROWS)
        fitter = _Fitter(view, stretch)
        model.modelReset.connect(fitter.request)
        model.dataChanged.connect(lambda *_: fitter.request())
        fitter.request()
    elif stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class _Fitter(QObject):
    """Fits a view's columns after its rows change, but only while it is shown: a table
    on a page nobody has opened yet is fitted when it first appears (fitting reads every
    cell on the GUI thread)."""

    def __init__(self, view: QTableView, stretch: int | None) -> None:
        super().__init__(view)
        self._stretch = stretch
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._fit)
        view.installEventFilter(self)

    def request(self) -> None:
        self._timer.start()

    def _fit(self) -> None:
        view = self.parent()
        if not isinstance(view, QTableView):
            return
        self._pending = not view.isVisible()
        if not self._pending:
            fit_columns(view, self._stretch)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._pending and event.type() == QEvent.Type.Show:
            self._fit()  # before the first paint: no visible jump
        return False


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
