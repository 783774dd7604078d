"""The 概况 tab: the case's descriptive fields as a form with undo, saved atomically with
the version it was read at.

Every field edit is an undo command (consecutive typing in one field merges into one).
When the case changes elsewhere while the form has unsaved edits, the form keeps the
user's text: if the change did not touch a field this form edits, the form silently
adopts the new version; otherwise the window shows a banner, and a save offers the
reload / overwrite choice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.errors import StaleRecordError, ValidationError
from legalaid.inputs import CaseUpdate
from legalaid.vocab import CASE_SOURCES, DISPUTE_TYPES, HANDLING_METHODS
from ui.case.common import OVERWRITE, RELOAD, ask_conflict
from ui.context import AppContext
from ui.widgets.forms import CodeCombo, FormErrors, from_qdate, to_qdate

FIELDS = (
    "title",
    "dispute_type",
    "source",
    "handling_method",
    "received_on",
    "lead_staff_id",
    "assisting_staff_ids",
    "worker_count",
    "amount_claimed",
    "amount_awarded",
    "urgent",
    "facts",
    "claims_text",
)
TEXT_FIELDS = frozenset({"title", "amount_claimed", "amount_awarded", "facts", "claims_text"})


def yuan_text(fen: int | None) -> str:
    """Fen as the plain yuan text a person types (no float on the way)."""
    if fen is None:
        return ""
    return f"{fen // 100}.{fen % 100:02d}"


def form_values(info: dto.CaseInfo, assisting: tuple[dto.StaffInfo, ...]) -> dict[str, Any]:
    return {
        "title": info.title,
        "dispute_type": info.dispute_type,
        "source": info.source,
        "handling_method": info.handling_method,
        "received_on": info.received_on,
        "lead_staff_id": info.lead_staff_id,
        "assisting_staff_ids": tuple(sorted(s.id for s in assisting)),
        "worker_count": info.worker_count,
        "amount_claimed": yuan_text(info.amount_claimed_fen),
        "amount_awarded": yuan_text(info.amount_awarded_fen),
        "urgent": info.urgent,
        "facts": info.facts or "",
        "claims_text": info.claims_text or "",
    }


@dataclass
class Binding:
    get: Callable[[], Any]
    set: Callable[[Any], None]


class FieldEdit(QUndoCommand):
    """One edit of one field; typing in the same text field merges."""

    def __init__(self, form: OverviewTab, field: str, old: Any, new: Any) -> None:
        super().__init__(
            QCoreApplication.translate("OverviewTab", "Edit {0}").format(
                form.captions.get(field, field)
            )
        )
        self.form, self.field, self.old, self.new = form, field, old, new
        self._applied = True  # the widget already shows ``new``

    def id(self) -> int:
        return FIELDS.index(self.field) + 1 if self.field in TEXT_FIELDS else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or other.field != self.field:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.form.show_value(self.field, self.new)

    def undo(self) -> None:
        self.form.show_value(self.field, self.old)


class OverviewTab(QWidget):
    """Signals:
    dirty_changed(bool): whether the form holds unsaved edits.
    conflict(bool): the case changed elsewhere in a field this form edits.
    saved(object): the CaseInfo after a successful save.
    reload_requested(): after a conflict the user chose to load the saved version.
    """

    reload_requested = Signal()
    dirty_changed = Signal(bool)
    conflict = Signal(bool)
    saved = Signal(object)

    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.setObjectName("overviewTab")
        self.undo_stack = QUndoStack(self)
        self.base: dict[str, Any] | None = None
        self.base_version = 0
        self.theirs: tuple[dict[str, Any], int] | None = None
        self._shown: dict[str, Any] = {}
        self._applying = False
        self._saving = False
        self._was_dirty = False
        self._build()
        ctx.reference_changed.connect(self._fill_staff)

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        lang = self.ctx.lang
        general = QLabel()
        general.setObjectName("generalError")
        self.errors = FormErrors(general, lang, self)
        self.title = QLineEdit()
        self.dispute_type = CodeCombo(DISPUTE_TYPES, lang)
        self.source = CodeCombo(CASE_SOURCES, lang)
        self.handling_method = CodeCombo(HANDLING_METHODS, lang, blank=self.tr("(not yet)"))
        self.received_on = QDateEdit()
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.lead_staff = QComboBox()
        self.assisting = QListWidget()
        self.assisting.setMaximumHeight(84)
        self.worker_count = QSpinBox()
        self.worker_count.setRange(1, 100000)
        self.amount_claimed = QLineEdit()
        self.amount_awarded = QLineEdit()
        for w in (self.amount_claimed, self.amount_awarded):
            w.setPlaceholderText(self.tr("yuan, e.g. 12,800.00"))
        self.urgent = QCheckBox(self.tr("Urgent (a deadline ends within 7 days)"))
        self.facts = QPlainTextEdit()
        self.claims_text = QPlainTextEdit()
        for box in (self.facts, self.claims_text):
            box.setTabChangesFocus(True)

        self.captions = {
            "title": self.tr("&Title"),
            "dispute_type": self.tr("&Dispute type"),
            "source": self.tr("S&ource"),
            "handling_method": self.tr("&Handling"),
            "received_on": self.tr("&Received on"),
            "lead_staff_id": self.tr("&Lead staff"),
            "assisting_staff_ids": self.tr("Assisting sta&ff"),
            "worker_count": self.tr("&Workers"),
            "amount_claimed": self.tr("Amount &claimed"),
            "amount_awarded": self.tr("Amount a&warded"),
            "urgent": self.tr("Urgency"),
            "facts": self.tr("F&acts"),
            "claims_text": self.tr("Claim&s"),
        }
        widgets: dict[str, QWidget] = {
            "title": self.title,
            "dispute_type": self.dispute_type,
            "source": self.source,
            "handling_method": self.handling_method,
            "received_on": self.received_on,
            "lead_staff_id": self.lead_staff,
            "assisting_staff_ids": self.assisting,
            "worker_count": self.worker_count,
            "amount_claimed": self.amount_claimed,
            "amount_awarded": self.amount_awarded,
            "urgent": self.urgent,
            "facts": self.facts,
            "claims_text": self.claims_text,
        }
        left = QFormLayout()
        right = QFormLayout()
        for f in FIELDS:
            widgets[f].setObjectName(f"field_{f}")
            target = right if f in ("facts", "claims_text", "assisting_staff_ids") else left
            self.errors.add_row(target, self.captions[f], widgets[f], f)
        self.widgets = widgets

        self.bindings: dict[str, Binding] = {
            "title": Binding(self.title.text, self.title.setText),
            "dispute_type": Binding(self.dispute_type.code, self.dispute_type.set_code),
            "source": Binding(self.source.code, self.source.set_code),
            "handling_method": Binding(self.handling_method.code, self.handling_method.set_code),
            "received_on": Binding(
                lambda: from_qdate(self.received_on.date()),
                lambda v: self.received_on.setDate(to_qdate(v)),
            ),
            "lead_staff_id": Binding(self.lead_staff.currentData, self._set_lead),
            "assisting_staff_ids": Binding(self._assisting_ids, self._set_assisting),
            "worker_count": Binding(self.worker_count.value, self.worker_count.setValue),
            "amount_claimed": Binding(self.amount_claimed.text, self.amount_claimed.setText),
            "amount_awarded": Binding(self.amount_awarded.text, self.amount_awarded.setText),
            "urgent": Binding(self.urgent.isChecked, self.urgent.setChecked),
            "facts": Binding(self.facts.toPlainText, self.facts.setPlainText),
            "claims_text": Binding(self.claims_text.toPlainText, self.claims_text.setPlainText),
        }
        hooks = {
            "title": self.title.textEdited,
            "dispute_type": self.dispute_type.currentIndexChanged,
            "source": self.source.currentIndexChanged,
            "handling_method": self.handling_method.currentIndexChanged,
            "received_on": self.received_on.dateChanged,
            "lead_staff_id": self.lead_staff.currentIndexChanged,
            "assisting_staff_ids": self.assisting.itemChanged,
            "worker_count": self.worker_count.valueChanged,
            "amount_claimed": self.amount_claimed.textEdited,
            "amount_awarded": self.amount_awarded.textEdited,
            "urgent": self.urgent.toggled,
            "facts": self.facts.textChanged,
            "claims_text": self.claims_text.textChanged,
        }
        for f, signal in hooks.items():
            signal.connect(self._on_edit(f))

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save the case (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Re&vert"))
        self.revert_button.setObjectName("revertButton")
        self.revert_button.clicked.connect(self.revert)
        self.state = QLabel()
        self.state.setObjectName("formState")
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        cols = QHBoxLayout()
        cols.addLayout(left, 1)
        cols.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(cols)
        layout.addWidget(general)
        layout.addLayout(buttons)
        self._fill_staff()
        self._update_state()

    def _fill_staff(self) -> None:
        keep_lead = self.lead_staff.currentData()
        keep_assisting = self._assisting_ids()
        self._applying = True
        self.lead_staff.clear()
        self.lead_staff.addItem(self.tr("(none)"), None)
        self.assisting.clear()
        for s in self.ctx.staff:
            label = f"{s.name}（{self.ctx.role_name(s.role_code)}）"
            self.lead_staff.addItem(label, s.id)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if s.id in keep_assisting else Qt.CheckState.Unchecked
            )
            self.assisting.addItem(item)
        self._set_lead(keep_lead)
        self._applying = False

    def _set_lead(self, staff_id: str | None) -> None:
        self.lead_staff.setCurrentIndex(max(self.lead_staff.findData(staff_id), 0))

    def _assisting_ids(self) -> tuple[str, ...]:
        out = []
        for i in range(self.assisting.count()):
            item = self.assisting.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(sorted(out))

    def _set_assisting(self, ids: tuple[str, ...]) -> None:
        for i in range(self.assisting.count()):
            item = self.assisting.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    # -- values, undo ------------------------------------------------------------------

    def value(self, field: str) -> Any:
        return self.bindings[field].get()

    def current(self) -> dict[str, Any]:
        return {f: self.value(f) for f in FIELDS}

    def show_value(self, field: str, value: Any) -> None:
        """Put ``value`` into a field without recording an undo step."""
        self._applying = True
        try:
            self.bindings[field].set(value)
        finally:
            self._applying = False
        self._shown[field] = self.value(field)
        self._update_state()

    def _on_edit(self, field: str) -> Callable[..., None]:
        def changed(*_args: object) -> None:
            if self._applying:
                return
            new = self.value(field)
            old = self._shown.get(field)
            if new == old:
                return
            self._shown[field] = new
            self.undo_stack.push(FieldEdit(self, field, old, new))
            self._update_state()

        return changed

    def changed_fields(self) -> dict[str, Any]:
        if self.base is None:
            return {}
        return {f: v for f, v in self.current().items() if v != self.base[f]}

    def is_dirty(self) -> bool:
        return bool(self.changed_fields())

    def _update_state(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty and not self._saving)
        self.revert_button.setEnabled(dirty)
        if self._saving:
            self.state.setText(self.tr("Saving…"))
        elif dirty:
            self.state.setText(
                self.tr("Unsaved changes: {0}").format(
                    "、".join(self.captions[f].replace("&", "") for f in self.changed_fields())
                )
            )
        else:
            self.state.setText("")
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    # -- loading ----------------------------------------------------------------------

    def set_detail(self, d: dto.CaseDetail) -> None:
        values = form_values(d.case, d.assisting_staff)
        if self.base is None or not self.is_dirty():
            self._load(values, d.case.version)
            return
        # Three-way merge against the values the edits started from: fields changed only
        # elsewhere are taken, fields changed only here are kept, and a field changed
        # both ways (differently) is a conflict the user settles.
        mine = self.current()
        conflicts = []
        for f in FIELDS:
            if values[f] == self.base[f]:
                continue
            if mine[f] == self.base[f]:
                self.show_value(f, values[f])
                self.base[f] = values[f]
            elif mine[f] == values[f]:
                self.base[f] = values[f]
            else:
                conflicts.append(f)
        if not conflicts:
            self.base_version = d.case.version
            self._update_state()
            return
        self.theirs = (values, d.case.version)
        self._update_state()
        self.conflict.emit(True)

    def _load(self, values: dict[str, Any], version: int) -> None:
        self.base = dict(values)
        self.base_version = version
        self.theirs = None
        for f, v in values.items():
            self.show_value(f, v)
        self.undo_stack.clear()
        self.errors.clear()
        self.conflict.emit(False)
        self._update_state()

    def take_theirs(self) -> None:
        """Drop the unsaved edits and show the version saved elsewhere."""
        if self.theirs is not None:
            self._load(*self.theirs)

    def revert(self) -> None:
        """Back to the values last loaded (the edits are undoable)."""
        if self.base is None:
            return
        self.undo_stack.beginMacro(self.tr("Revert"))
        for f, old in self.changed_fields().items():
            self.show_value(f, self.base[f])
            self.undo_stack.push(FieldEdit(self, f, old, self.base[f]))
        self.undo_stack.endMacro()
        self._update_state()

    # -- saving -----------------------------------------------------------------------

    def save(self, then: Callable[[], None] | None = None) -> None:
        changed = self.changed_fields()
        if not changed or self._saving:
            if then is not None and not changed:
                then()
            return
        upd = CaseUpdate(expected_version=self.base_version)
        for f, v in changed.items():
            if f == "assisting_staff_ids":
                upd.assisting_staff_ids = list(v)
            elif f in ("amount_claimed", "amount_awarded"):
                setattr(upd, f, v.strip() or "0")
            else:
                setattr(upd, f, v)
        self._saving = True
        self.errors.clear()
        self._update_state()
        sent = self.current()

        def done(op: dto.Op[dto.CaseInfo]) -> None:
            self._saving = False
            self.base = sent
            self.base_version = op.value.version
            self.theirs = None
            self.undo_stack.setClean()
            self.conflict.emit(False)
            self._update_state()
            self.saved.emit(op.value)
            if then is not None:
                then()

        def failed(exc: BaseException) -> bool:
            self._saving = False
            self._update_state()
            if isinstance(exc, ValidationError):
                return self.errors.show(exc)
            if isinstance(exc, StaleRecordError):

                def chosen(choice: str) -> None:
                    if choice == OVERWRITE:
                        self.base_version = exc.actual
                        self.save(then)
                    elif choice == RELOAD:
                        self.base = None  # the next load replaces the form
                        self.reload_requested.emit()

                ask_conflict(self.window(), exc, self.ctx.lang, chosen)
                return True
            return False

        case_id = self.case_id
        self.ctx.op(self, lambda col: col.cases.update(case_id, upd)).success(done).failure(
            failed
        ).run_in_background()
