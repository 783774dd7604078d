"""Shared pieces of the case window: its translator, the form dialog every "record …"
action uses (one core operation on OK, errors shown at the fields, stale-version
conflicts offered as reload / overwrite), and small display helpers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTranslator, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalaid.errors import StaleRecordError, ValidationError
from legalaid.vocab import Vocabulary
from ui.context import AppContext
from ui.i18n import message
from ui.paths import TRANSLATIONS
from ui.widgets.forms import CodeCombo, FormErrors, from_qdate, to_qdate

CASE_QM = "legalaid_case_zh_CN.qm"
NO_DATE = QDate(1900, 1, 1)  # an optional date edit shows "—" at this value

_translator: QTranslator | None = None


def ensure_translator(lang: str) -> bool:
    """Install (zh) or remove (en) the case window's own translation; True if loaded.

    The case strings live in their own file (``legalaid_case_zh_CN``) so two people never
    edit the same .ts; the desktop's ``install_translators`` loads it too, this only
    covers a case window opened without it (tests, tools).
    """
    global _translator
    app = QCoreApplication.instance()
    if app is None:
        return False
    if lang != "zh":
        if _translator is not None:
            app.removeTranslator(_translator)
            _translator = None
        return True
    if _translator is None:
        if qtr("CaseWindow", "Overview") != "Overview":
            return True  # the desktop already loaded every *_zh_CN.qm
        translator = QTranslator(app)
        if not translator.load(str(TRANSLATIONS / CASE_QM)):
            return False
        app.installTranslator(translator)
        _translator = translator
    return True


def qtr(context: str, text: str) -> str:
    """``QCoreApplication.translate``; lupdate runs with ``-tr-function-alias translate+=qtr``."""
    return QCoreApplication.translate(context, text)


def yes_no(value: bool) -> str:
    return qtr("CaseCommon", "Yes") if value else ""


# -- the conflict prompt --------------------------------------------------------------------

RELOAD = "reload"
OVERWRITE = "overwrite"
CANCEL = "cancel"


def ask_conflict(
    parent: QWidget, exc: StaleRecordError, lang: str, then: Callable[[str], None]
) -> QMessageBox:
    """Someone else saved first: offer to reload (drop mine) or overwrite (save mine).

    Non-blocking; ``then`` gets RELOAD, OVERWRITE or CANCEL.
    """
    box = QMessageBox(parent)
    box.setObjectName("staleConflict")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(qtr("CaseCommon", "Changed elsewhere"))
    box.setText(message(exc, lang))
    box.setInformativeText(
        qtr(
            "CaseCommon",
            "Reload shows the saved version and drops your changes; Overwrite saves your "
            "version over it.",
        )
    )
    reload_btn = box.addButton(qtr("CaseCommon", "&Reload"), QMessageBox.ButtonRole.AcceptRole)
    reload_btn.setObjectName("reloadButton")
    overwrite_btn = box.addButton(
        qtr("CaseCommon", "&Overwrite"), QMessageBox.ButtonRole.DestructiveRole
    )
    overwrite_btn.setObjectName("overwriteButton")
    cancel_btn = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reload_btn)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def clicked(button: object) -> None:
        if button is reload_btn:
            then(RELOAD)
        elif button is overwrite_btn:
            then(OVERWRITE)
        else:
            then(CANCEL)

    box.buttonClicked.connect(clicked)
    del cancel_btn
    box.open()
    return box


# -- the form dialog ------------------------------------------------------------------------

Action = Callable[[Any, dict[str, Any]], Any]


class FormDialog(QDialog):
    """A dialog that collects values and runs one core operation with them on OK.

    The operation runs on the database thread (``ctx.op``); a ValidationError keeps the
    dialog open with each message under its field; a StaleRecordError asks whether to
    reload or to overwrite (retry with the current version in ``values["version"]``).

    Signals:
        submitted(object): the operation's result, after the dialog closed.
        reload_requested(): the user chose to reload after a conflict.
    """

    submitted = Signal(object)
    reload_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        action: Action,
        parent: QWidget | None = None,
        *,
        ok_text: str | None = None,
        version: int | None = None,
        name: str = "caseForm",
        alias_prefix: str = "",
    ) -> None:
        super().__init__(parent)
        self.alias_prefix = alias_prefix
        self.ctx = ctx
        self.action = action
        self.version = version
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        general = QLabel()
        general.setObjectName("generalError")
        self.errors = FormErrors(general, ctx.lang, self)
        self._getters: dict[str, Callable[[], Any]] = {}
        self.widgets: dict[str, QWidget] = {}
        self.result_value: Any = None
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        if ok_text:
            self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    # -- fields ------------------------------------------------------------------------

    def _add(
        self, field: str, caption: str, widget: QWidget, getter: Callable[[], Any], *aliases: str
    ) -> None:
        widget.setObjectName(f"field_{field}")
        if self.alias_prefix:  # list inputs name the row: ``applicants[0].name``
            aliases = (*aliases, self.alias_prefix + field)
        self.errors.add_row(self.form, caption, widget, field, *aliases)
        self._getters[field] = getter
        self.widgets[field] = widget

    def text(
        self,
        field: str,
        caption: str,
        value: str | None = "",
        *,
        multiline: bool = False,
        placeholder: str = "",
        aliases: Sequence[str] = (),
    ) -> QLineEdit | QPlainTextEdit:
        if multiline:
            box = QPlainTextEdit(value or "")
            box.setTabChangesFocus(True)
            box.setPlaceholderText(placeholder)
            box.setMinimumHeight(70)
            self._add(field, caption, box, lambda: box.toPlainText().strip() or None, *aliases)
            return box
        line = QLineEdit(value or "")
        line.setPlaceholderText(placeholder)
        self._add(field, caption, line, lambda: line.text().strip() or None, *aliases)
        return line

    def date(
        self,
        field: str,
        caption: str,
        value: date | None,
        *,
        optional: bool = False,
        aliases: Sequence[str] = (),
    ) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        if optional:
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("—")
        edit.setDate(to_qdate(value) if value else (NO_DATE if optional else QDate.currentDate()))

        def get() -> date | None:
            if optional and edit.date() == NO_DATE:
                return None
            return from_qdate(edit.date())

        self._add(field, caption, edit, get, *aliases)
        return edit

    def moment(self, field: str, caption: str, value: datetime) -> QDateTimeEdit:
        edit = QDateTimeEdit(QDateTime(value.replace(tzinfo=None)))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")

        def get() -> datetime:
            value: datetime = edit.dateTime().toPython()  # type: ignore[assignment]
            return value.astimezone()

        self._add(field, caption, edit, get)
        return edit

    def code(
        self,
        field: str,
        caption: str,
        vocab: Vocabulary,
        value: str | None = None,
        *,
        blank: str | None = None,
        codes: Sequence[str] | None = None,
    ) -> CodeCombo:
        combo = CodeCombo(vocab, self.ctx.lang, blank=blank, codes=codes)
        combo.set_code(value)
        self._add(field, caption, combo, combo.code)
        return combo

    def choice(
        self,
        field: str,
        caption: str,
        items: Sequence[tuple[str, Any]],
        value: Any = None,
    ) -> QComboBox:
        combo = QComboBox()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(index, 0))
        self._add(field, caption, combo, combo.currentData)
        return combo

    def check(self, field: str, caption: str, value: bool = False) -> QCheckBox:
        box = QCheckBox()
        box.setChecked(value)
        self._add(field, caption, box, box.isChecked)
        return box

    def number(self, field: str, caption: str, value: int, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        self._add(field, caption, spin, spin.value)
        return spin

    def extra(self, field: str, caption: str, widget: QWidget, getter: Callable[[], Any]) -> None:
        """A custom widget (an instalment table…) with its own getter."""
        self._add(field, caption, widget, getter)

    def values(self) -> dict[str, Any]:
        out = {name: get() for name, get in self._getters.items()}
        out["version"] = self.version
        return out

    # -- running -----------------------------------------------------------------------

    def submit(self) -> None:
        values = self.values()
        self.errors.clear()
        self.ok_button.setEnabled(False)
        self.ctx.op(self, lambda col: self.action(col, values)).success(self._done).failure(
            self._failed
        ).run_in_background()

    def _done(self, value: Any) -> None:
        self.result_value = value
        self.ok_button.setEnabled(True)
        self.accept()
        self.submitted.emit(value)

    def _failed(self, exc: BaseException) -> bool:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            return self.errors.show(exc)
        if isinstance(exc, StaleRecordError):

            def chosen(choice: str) -> None:
                if choice == OVERWRITE:
                    self.version = exc.actual
                    self.submit()
                elif choice == RELOAD:
                    self.reload_requested.emit()
                    self.reject()

            ask_conflict(self, exc, self.ctx.lang, chosen)
            return True
        return False
