"""Form helpers: validation messages next to the fields, drop-downs of domain codes,
a debounced text box."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from legalaid.errors import ValidationError
from legalaid.vocab import Vocabulary
from ui.i18n import label, pick

ERROR_STYLE = "color: #b00020;"


class FormErrors(QObject):
    """Field name → widget; shows a ValidationError's messages under the fields.

    Field names are the core input dataclass fields (``caller_phone``, ``id_number``).
    Messages for fields the form does not show go to the general label.
    """

    def __init__(self, general: QLabel, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.general = general
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self._aliases: dict[str, str] = {}

    def add_row(
        self, form: QFormLayout, text: str, widget: QWidget, field: str, *aliases: str
    ) -> QLabel:
        """Add ``widget`` to ``form`` with an error line under it; returns the caption."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(widget)
        err = QLabel()
        err.setObjectName(f"error_{field}")
        err.setStyleSheet(ERROR_STYLE)
        err.setWordWrap(True)
        err.hide()
        lay.addWidget(err)
        caption = QLabel(text)
        caption.setBuddy(widget)
        form.addRow(caption, box)
        self._labels[field] = err
        self._widgets[field] = widget
        for alias in aliases:
            self._aliases[alias] = field
        return caption

    def clear(self) -> None:
        for err in self._labels.values():
            err.clear()
            err.hide()
        self.general.clear()
        self.general.hide()

    def set_error(self, field: str, text: str) -> None:
        field = self._aliases.get(field, field)
        err = self._labels.get(field)
        if err is None:
            self.general.setText("\n".join(filter(None, [self.general.text(), text])))
            self.general.show()
            return
        err.setText("\n".join(filter(None, [err.text(), text])))
        err.show()

    def show(self, exc: ValidationError) -> bool:
        """Show every message of ``exc``; focus the first bad field. Always True."""
        self.clear()
        first: QWidget | None = None
        for e in exc.errors:
            self.set_error(e.field, pick(e.zh, e.en, self.lang))
            widget = self._widgets.get(self._aliases.get(e.field, e.field))
            if first is None and widget is not None:
                first = widget
        if not exc.errors:
            self.set_error("", pick(exc.zh, exc.en, self.lang))
        if first is not None:
            first.setFocus()
        return True

    def message(self, field: str) -> str:
        err = self._labels.get(field)
        return err.text() if err is not None else ""


class CodeCombo(QComboBox):
    """A drop-down of a vocabulary's codes, labelled in the interface language."""

    def __init__(
        self,
        vocab: Vocabulary,
        lang: str,
        *,
        blank: str | None = None,
        codes: Iterable[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if blank is not None:
            self.addItem(blank, None)
        for code in codes if codes is not None else vocab.codes():
            self.addItem(label(vocab, code, lang), code)

    def code(self) -> str | None:
        value = self.currentData()
        return str(value) if value is not None else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        self.setCurrentIndex(max(index, 0))


class DebouncedLineEdit(QLineEdit):
    """A line edit that emits ``settled(text)`` once typing pauses (default 250 ms).

    Signals:
        settled(str): the text after a pause.
    """

    settled = Signal(str)

    def __init__(self, delay_ms: int = 250, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(lambda: self.settled.emit(self.text()))
        self.textEdited.connect(lambda _t: self._timer.start())

    def flush(self) -> None:
        """Emit now if a change is pending (Enter pressed, tests)."""
        if self._timer.isActive():
            self._timer.stop()
            self.settled.emit(self.text())


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def date_edit(value: date, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(to_qdate(value), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def optional(text: str) -> str | None:
    text = text.strip()
    return text or None
