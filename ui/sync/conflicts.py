"""The conflicts view: fields two desks changed at once, both values, who and when; the
user chooses one value or enters a combined one (``ConflictService``)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from legalaid.errors import LegalAidError, ValidationError
from legalaid.sync.conflicts import ConflictInfo, ConflictService
from ui.context import AppContext
from ui.i18n import message, pick

Index = QModelIndex | QPersistentModelIndex


def _when(c: Any) -> str:
    return c.astimezone().strftime("%Y-%m-%d %H:%M") if c else "—"


class ConflictsModel(QAbstractTableModel):
    """One row per conflict: case, record, field, the candidates, opened."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[ConflictInfo] = []
        self.headers = [
            self.tr("Case"), self.tr("Record"), self.tr("Field"), self.tr("Values"),
            self.tr("Status"), self.tr("Opened"),
        ]

    def set_rows(self, rows: list[ConflictInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        c = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        col = index.column()
        if col == 0:
            return c.case_number or "—"
        if col == 1:
            return pick(c.table_zh, c.table_en, self.lang)
        if col == 2:
            return pick(c.field_zh, c.field_en, self.lang)
        if col == 3:
            return " | ".join(cand.display for cand in c.candidates)
        if col == 4:
            if c.status == "resolving":
                return self.tr("Chosen %1, sent at next sync").replace(
                    "%1", c.chosen_display or ""
                )
            return self.tr("Open") if c.status == "open" else self.tr("Resolved")
        if col == 5:
            return _when(c.created_at)
        return None


def parse_value(info: ConflictInfo, text: str) -> Any:
    """A typed combined value as the database stores it (money in yuan → fen)."""
    text = text.strip().replace(",", "").replace("，", "").removeprefix("¥")
    if info.column.endswith("_fen"):
        try:
            fen = Decimal(text) * 100
        except InvalidOperation:
            fen = Decimal("NaN")
        if not fen.is_finite() or fen != fen.to_integral_value():
            raise ValidationError.single(
                "chosen_value", "money", "请输入金额（元，最多两位小数）",
                "Enter an amount in yuan (at most two decimals)",
            )
        return int(fen)
    return text or None


class ConflictsDialog(QDialog):
    """Lists open conflicts; choosing or combining resolves one.

    Signals:
        resolved(object): the ``ConflictInfo`` after a choice.
    """

    resolved = Signal(object)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, sync_now: Any = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sync_now = sync_now
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Two desks changed these fields without seeing each other's edit. The field "
            "keeps its first value until you choose one, or enter a combined value. The "
            "choice reaches the other desks with the next sync."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ConflictsModel(ctx.lang, self)
        self.table = QTableView()
        self.table.setObjectName("conflictsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        layout.addWidget(self.table, 1)

        self.detail = QLabel()
        self.detail.setObjectName("conflictDetail")
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        self.candidates = QListWidget()
        self.candidates.setObjectName("conflictCandidates")
        self.candidates.setMaximumHeight(110)
        self.candidates.itemDoubleClicked.connect(lambda _i: self.choose_selected())
        layout.addWidget(self.candidates)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("&Use the selected value"))
        self.choose_button.setObjectName("chooseButton")
        self.choose_button.clicked.connect(self.choose_selected)
        row.addWidget(self.choose_button)
        row.addSpacing(24)
        row.addWidget(QLabel(self.tr("Or a combined value:")))
        self.combined = QLineEdit()
        self.combined.setObjectName("combinedValue")
        row.addWidget(self.combined, 1)
        self.combine_button = QPushButton(self.tr("Use &combined value"))
        self.combine_button.setObjectName("combineButton")
        self.combine_button.clicked.connect(self.use_combined)
        row.addWidget(self.combine_button)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("conflictError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if sync_now is not None:
            sync_button = buttons.addButton(
                self.tr("Sync now"), QDialogButtonBox.ButtonRole.ActionRole
            )
            sync_button.clicked.connect(lambda: self.sync_now())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ctx.changes.connect(self._on_changes)
        self._show_current()
        self.reload()

    # -- data ------------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.current()
        keep = current.id if current else None

        def done(rows: list[ConflictInfo]) -> None:
            self.model.set_rows(rows)
            target = next((i for i, c in enumerate(rows) if c.id == keep), 0)
            if rows:
                self.table.selectRow(target)
            self._show_current()

        self.ctx.query(self, lambda col: ConflictService(col).list()).success(
            done
        ).run_in_background()

    def _on_changes(self, changes: Any, _initiator: object) -> None:
        if changes.touches("conflict", "case"):
            self.reload()

    def current(self) -> ConflictInfo | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _show_current(self) -> None:
        c = self.current()
        self.candidates.clear()
        self.error.hide()
        open_ = c is not None and c.status == "open"
        for w in (self.choose_button, self.combine_button, self.combined):
            w.setEnabled(open_)
        if c is None:
            self.detail.setText(self.tr("No open conflicts."))
            return
        lang = self.ctx.lang
        title = f"{c.case_number or ''} {c.case_title or ''}".strip() or c.record_id
        self.detail.setText(
            self.tr("%1 — %2 of %3; now: %4")
            .replace("%1", title)
            .replace("%2", pick(c.field_zh, c.field_en, lang))
            .replace("%3", pick(c.table_zh, c.table_en, lang))
            .replace("%4", c.current_display)
        )
        for cand in c.candidates:
            text = (
                self.tr("%1 — set by %2 at %3")
                .replace("%1", cand.display)
                .replace("%2", cand.user or "?")
                .replace("%3", _when(cand.at))
            )
            if cand.is_current:
                text += self.tr(" (current)")
            self.candidates.addItem(QListWidgetItem(text))
        if c.candidates:
            self.candidates.setCurrentRow(0)
        if c.column.endswith("_fen") and isinstance(c.current_value, int):
            self.combined.setPlaceholderText(self.tr("amount in yuan, e.g. 13000.00"))
        else:
            self.combined.setPlaceholderText("")

    # -- resolving -------------------------------------------------------------------------

    def choose_selected(self) -> None:
        c = self.current()
        index = self.candidates.currentRow()
        if c is None or index < 0:
            return
        self._run(lambda col: ConflictService(col).choose(c.id, index))

    def use_combined(self) -> None:
        c = self.current()
        if c is None:
            return
        try:
            value = parse_value(c, self.combined.text())
        except ValidationError as exc:
            self._fail(exc)
            return
        self._run(lambda col: ConflictService(col).resolve(c.id, value))

    def _run(self, fn: Any) -> None:
        def done(op: Any) -> None:
            self.combined.clear()
            self.resolved.emit(op.value)
            if self.sync_now is not None:
                self.sync_now()  # the choice reaches the service and the other desks

        self.ctx.op(self, fn).success(done).failure(self._fail).run_in_background()

    def _fail(self, exc: BaseException) -> bool:
        if not isinstance(exc, LegalAidError):
            return False
        if isinstance(exc, ValidationError) and exc.errors:
            text = "；".join(pick(e.zh, e.en, self.ctx.lang) for e in exc.errors)
        else:
            text = message(exc, self.ctx.lang)
        self.error.setText(text)
        self.error.show()
        return True
