"""设置 — offices, staff and roles, holiday data for years the library lacks, document
fonts, and the interface language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.errors import ValidationError
from legalaid.rules.holidays import LIBRARY_YEARS
from ui.context import AppContext
from ui.fonts import document_font_choices
from ui.i18n import LANGUAGES, SETTINGS_KEY, pick
from ui.pages.settings_org import OfficesTab, StaffTab

FONT_KEYS = ("doc_font_body", "doc_font_title", "doc_font_heading")
# The names Word documents ask for (GB/T 9704); PDFs embed the shipped faces whatever
# is chosen here. legalaid.documents.service reads these keys.
FONT_DEFAULTS = {
    "doc_font_body": "仿宋_GB2312",
    "doc_font_title": "方正小标宋简体",
    "doc_font_heading": "黑体",
}


class HolidaysTab(QWidget):
    """Holiday arrangements for years the bundled library does not know yet."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Deadlines move past statutory holidays and count make-up working days. "
                "When the State Council publishes the arrangement for a year the program "
                "does not know yet, import it here as JSON or CSV."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.years = QLabel()
        self.years.setObjectName("holidayYears")
        layout.addWidget(self.years)
        self.text = QPlainTextEdit()
        self.text.setObjectName("holidayText")
        self.text.setPlaceholderText(
            "years,2031\ndate,kind,name\n2031-01-01,holiday,元旦\n2031-01-04,workday,元旦调休"
        )
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        self.fmt = QComboBox()
        self.fmt.addItem(self.tr("Detect format"), None)
        self.fmt.addItem("JSON", "json")
        self.fmt.addItem("CSV", "csv")
        self.file_button = QPushButton(self.tr("Load file…"))
        self.file_button.clicked.connect(self.load_file)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importHolidays")
        self.import_button.clicked.connect(self.import_text)
        row.addWidget(self.fmt)
        row.addWidget(self.file_button)
        row.addStretch(1)
        row.addWidget(self.import_button)
        layout.addLayout(row)
        self.result = QLabel()
        self.result.setObjectName("holidayResult")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.query(self, lambda col: col.calendar.stored_years()).success(
            self._show_years
        ).run_in_background()

    def _show_years(self, years: list[int]) -> None:
        lib = f"{LIBRARY_YEARS.start}–{LIBRARY_YEARS.stop - 1}"
        admin = "、".join(str(y) for y in years) if years else self.tr("none")
        self.years.setText(
            self.tr("Built in: %1. Imported here: %2.").replace("%1", lib).replace("%2", admin)
        )

    def load_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Holiday data"), str(Path.home()), self.tr("JSON or CSV (*.json *.csv)")
        )
        if path:
            self.text.setPlainText(Path(path).read_text(encoding="utf-8-sig"))
            self.fmt.setCurrentIndex(max(self.fmt.findData(Path(path).suffix.lstrip(".")), 0))

    def import_text(self) -> None:
        text, fmt = self.text.toPlainText(), self.fmt.currentData()
        self.result.setStyleSheet("")
        self.ctx.op(self, lambda col: col.calendar.import_text(text, fmt)).success(
            self._imported
        ).failure(self._failed).run_in_background()

    def _imported(self, op: dto.Op[Any]) -> None:
        years = "、".join(str(y) for y in sorted(getattr(op.value, "years", ()) or ()))
        self.result.setText(self.tr("Imported. Years: %1").replace("%1", years or "—"))
        self.text.clear()
        self.refresh()

    def _failed(self, exc: BaseException) -> bool:
        if not isinstance(exc, ValidationError):
            return False
        self.result.setStyleSheet("color: #b00020;")
        lines = [f"{e.field}: {pick(e.zh, e.en, self.ctx.lang)}" for e in exc.errors[:20]]
        self.result.setText("\n".join(lines))
        return True


class DocumentsTab(QWidget):
    """Fonts used in generated documents (settings keys ``doc_font_*``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Document fonts"))
        form = QFormLayout(box)
        choices = document_font_choices()
        self.combos: dict[str, QComboBox] = {}
        captions = {
            "doc_font_body": self.tr("Body text"),
            "doc_font_title": self.tr("Document title"),
            "doc_font_heading": self.tr("Headings"),
        }
        for key in FONT_KEYS:
            combo = QComboBox()
            combo.setEditable(True)
            combo.setObjectName(key)
            combo.addItems(choices)
            form.addRow(captions[key], combo)
            self.combos[key] = combo
        note = QLabel(
            self.tr(
                "Fonts shipped with the program work on every computer; others must be "
                "installed where documents are opened."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form.addRow("", note)
        self.save_button = QPushButton(self.tr("Save fonts"))
        self.save_button.setObjectName("saveFonts")
        self.save_button.clicked.connect(self.save)
        form.addRow("", self.save_button)
        layout.addWidget(box)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        def read(col: Any) -> dict[str, str]:
            return {k: col.admin.get_setting(k, FONT_DEFAULTS[k]) for k in FONT_KEYS}

        self.ctx.query(self, read).success(self._show).run_in_background()

    def _show(self, values: dict[str, str]) -> None:
        for key, value in values.items():
            self.combos[key].setCurrentText(value)

    def values(self) -> dict[str, str]:
        return {k: c.currentText().strip() for k, c in self.combos.items()}

    def save(self) -> None:
        values = self.values()

        def write(col: Any) -> dto.Op[None]:
            changes = dto.OpChanges()
            for key, value in values.items():
                if value:
                    changes |= col.admin.set_setting(key, value).changes
            return dto.Op(None, changes)

        self.ctx.op(self, write).run_in_background()


class LanguageTab(QWidget):
    """中文 / English.

    Signals:
        language_chosen(str): "zh" or "en".
    """

    language_chosen = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for code, name in LANGUAGES.items():
            button = QRadioButton(name)
            button.setObjectName(f"lang_{code}")
            button.setChecked(code == ctx.lang)
            self.group.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
        apply_button = QPushButton(self.tr("Apply"))
        apply_button.setObjectName("applyLanguage")
        apply_button.clicked.connect(self.apply)
        layout.addWidget(apply_button)
        layout.addStretch(1)

    def apply(self) -> None:
        chosen = next(code for code, b in self.buttons.items() if b.isChecked())
        self.ctx.settings.setValue(SETTINGS_KEY, chosen)
        if chosen != self.ctx.lang:
            self.language_chosen.emit(chosen)


class SettingsPage(QTabWidget):
    """The settings tabs.

    Signals:
        language_chosen(str): the user switched the interface language.
    """

    language_chosen = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.offices = OfficesTab(ctx)
        self.staff = StaffTab(ctx)
        self.holidays = HolidaysTab(ctx)
        self.documents = DocumentsTab(ctx)
        self.language = LanguageTab(ctx)
        self.addTab(self.offices, self.tr("Offices"))
        self.addTab(self.staff, self.tr("Staff and roles"))
        self.addTab(self.holidays, self.tr("Holidays"))
        self.addTab(self.documents, self.tr("Documents"))
        self.addTab(self.language, self.tr("Language"))
        self.language.language_chosen.connect(self.language_chosen)
