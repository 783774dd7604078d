"""Errors: expected ones (the core's) as plain messages; unexpected ones as a dialog with
a copyable report, written to the log file in the data folder. The app keeps running."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from legalaid.errors import LegalAidError, ValidationError
from ui.i18n import message, pick
from ui.tasks import Cancelled

log = logging.getLogger("legalaid.ui")
# Dialogs shown without a parent window are kept here until closed (else Python would
# collect them at once).
_orphans: list[QWidget] = []


def setup_logging(path: Path) -> None:
    """Log to ``path`` (rotating) and to stderr."""
    root = logging.getLogger()
    if any(getattr(h, "_legalaid", False) for h in root.handlers):
        return
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._legalaid = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def error_report(exc: BaseException) -> str:
    """A plain-text report: versions and the traceback."""
    from legalaid import __name__ as core

    lines = [
        f"legalaid ({core}) on Python {platform.python_version()}, PySide6 {pyside_version}",
        f"{platform.platform()}",
        "",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class ErrorDialog(QDialog):
    """An unexpected error: what happened, the report (selectable) and a copy button."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setObjectName("errorDialog")
        self.report = report
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Something went wrong. Your data is safe: the change was not saved and the "
                "program keeps running. The report below was written to the log file; copy "
                "it to your administrator."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setMinimumSize(560, 240)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy report"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)


def show_unexpected(exc: BaseException, parent: QWidget | None = None) -> ErrorDialog | None:
    """Log an unexpected exception and show the report dialog (non-blocking)."""
    report = error_report(exc)
    log.error("unexpected error\n%s", report)
    if QApplication.instance() is None:
        return None
    dialog = ErrorDialog(report, parent)
    _keep(dialog, parent)
    dialog.open()
    return dialog


def _keep(dialog: QDialog, parent: QWidget | None) -> None:
    if parent is None:
        _orphans.append(dialog)
        dialog.finished.connect(lambda _r: _orphans.remove(dialog) if dialog in _orphans else None)
    else:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def show_error(parent: QWidget | None, exc: BaseException, lang: str) -> QWidget | None:
    """Show any failure of a background operation the right way."""
    if isinstance(exc, Cancelled):
        return None
    if isinstance(exc, ValidationError):
        text = "\n".join(pick(e.zh, e.en, lang) for e in exc.errors) or message(exc, lang)
        return _message_box(parent, text)
    if isinstance(exc, LegalAidError):
        return _message_box(parent, message(exc, lang))
    return show_unexpected(exc, parent)


def _message_box(parent: QWidget | None, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Cannot do that"))
    box.setText(text)
    box.setObjectName("errorMessage")
    _keep(box, parent)
    box.open()
    return box


def install_excepthook(parent_getter: Callable[[], QWidget | None]) -> None:
    """Unexpected exceptions anywhere in the GUI: log, show, keep running."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        show_unexpected(exc, parent_getter())

    sys.excepthook = hook
