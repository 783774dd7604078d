"""统计 — the reports page. The reports module supplies its widget with ``set_content``;
until then the page shows what will appear here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import AppContext


class ReportsPage(QWidget):
    """A frame for the reports widget."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reportsPage")
        self._layout = QVBoxLayout(self)
        self.content: QWidget | None = None
        self._empty = QLabel(
            self.tr("Monthly and annual summaries appear here once the reports module is set up.")
        )
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setStyleSheet("color: #777;")
        self._layout.addWidget(self._empty)

    def set_content(self, widget: QWidget) -> None:
        """Show ``widget`` as the page (replacing any earlier content)."""
        if self.content is not None:
            self._layout.removeWidget(self.content)
            self.content.deleteLater()
        self._empty.hide()
        self.content = widget
        self._layout.addWidget(widget)
