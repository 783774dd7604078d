"""The 备注 tab: an append-only timeline of notes. Editing a note adds a revision; the
earlier text stays visible under it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.errors import ValidationError
from ui.case.common import FormDialog
from ui.format import moment
from ui.i18n import pick
from ui.models.rows import Column, RowsModel
from ui.widgets.tables import make_table

if TYPE_CHECKING:
    from ui.case.window import CaseWindow


def first_line(text: str, limit: int = 60) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


class NotesTab(QWidget):
    def __init__(self, window: CaseWindow) -> None:
        super().__init__()
        self.win = window
        self.ctx = window.ctx
        self.setObjectName("notesTab")
        self.notes: RowsModel[dto.NoteInfo] = RowsModel(
            [
                Column(self.tr("Written"), lambda n: moment(n.created_at)),
                Column(self.tr("By"), lambda n: n.author_name or ""),
                Column(self.tr("Note"), lambda n: first_line(n.body)),
                Column(self.tr("Edits"), lambda n: str(len(n.revisions) - 1)
                       if len(n.revisions) > 1 else "", align_right=True),
            ],
            key=lambda n: n.id,
            parent=self,
        )
        self.view = make_table(self.notes)
        self.view.setObjectName("noteTable")
        self.view.setColumnWidth(0, 130)
        self.view.setColumnWidth(1, 70)
        self.view.setColumnWidth(2, 330)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.view.doubleClicked.connect(lambda _i: self.revise())
        self.text = QTextBrowser()
        self.text.setObjectName("noteText")

        self.editor = QPlainTextEdit()
        self.editor.setObjectName("newNote")
        self.editor.setPlaceholderText(self.tr("New note… (Ctrl+Enter adds it)"))
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(90)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.add_button = QPushButton(self.tr("&Add note"))
        self.add_button.setObjectName("addNote")
        self.add_button.clicked.connect(self.add)
        send = QShortcut(QKeySequence("Ctrl+Return"), self.editor)
        send.activated.connect(self.add)
        self.act_revise = window.make_action(self.tr("&Edit selected note…"), self.revise,
                                             name="reviseNote")
        self.act_focus = window.make_action(self.tr("&Write a note"), self.editor.setFocus,
                                            shortcut="Ctrl+N", name="writeNote")

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.view)
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        col = QVBoxLayout()
        col.addWidget(self.add_button)
        col.addWidget(window.tool_button(self.act_revise))
        col.addStretch(1)
        row.addLayout(col)
        ll.addLayout(row)
        ll.addWidget(self.error)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.text)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    def menu_actions(self) -> list[QAction]:
        return [self.act_focus, self.act_revise]

    def set_detail(self, d: dto.CaseDetail) -> None:
        keep = self.selected()
        rows = sorted(d.notes, key=lambda n: n.created_at, reverse=True)
        self.notes.set_rows(rows)
        if keep is not None:
            for i, n in enumerate(rows):
                if n.id == keep.id:
                    self.view.selectRow(i)
        elif rows:
            self.view.selectRow(0)
        self._show_selected()

    def selected(self) -> dto.NoteInfo | None:
        index = self.view.currentIndex()
        return self.notes.row(index.row()) if index.isValid() else None

    def _show_selected(self) -> None:
        n = self.selected()
        if n is None:
            self.text.clear()
            return
        parts = [
            f"<p style='color:#555'>{moment(n.created_at)} · {html.escape(n.author_name or '')}"
            "</p>",
            f"<p>{_para(n.body)}</p>",
        ]
        if len(n.revisions) > 1:
            earlier = self.tr("Earlier versions")
            parts.append(f"<hr><p><b>{earlier}</b></p>")
            for rev in reversed(n.revisions[:-1]):
                parts.append(
                    f"<p style='color:#777'>{moment(rev.created_at)} · "
                    f"{html.escape(rev.author_name or '')}</p>"
                    f"<p style='color:#777'>{_para(rev.body)}</p>"
                )
        self.text.setHtml("".join(parts))

    def add(self) -> None:
        body = self.editor.toPlainText()
        case_id = self.win.case_id
        self.add_button.setEnabled(False)

        def done(_op: Any) -> None:
            self.add_button.setEnabled(True)
            self.editor.clear()
            self.error.hide()

        def failed(exc: BaseException) -> bool:
            self.add_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                self.error.setText("；".join(pick(e.zh, e.en, self.ctx.lang) for e in exc.errors))
                self.error.show()
                self.editor.setFocus()
                return True
            return False

        self.ctx.op(self, lambda col: col.notes.add(case_id, body)).success(done).failure(
            failed).run_in_background()

    def revise(self) -> FormDialog | None:
        n = self.selected()
        if n is None:
            return None
        note_id = n.id

        def action(col: Any, v: dict[str, Any]) -> Any:
            return col.notes.revise(note_id, v["body"] or "")

        dlg = FormDialog(self.ctx, self.tr("Edit note (the earlier text is kept)"), action,
                         self.win, name="reviseDialog")
        box = dlg.text("body", self.tr("&Note"), n.body, multiline=True)
        box.setMinimumHeight(160)
        dlg.open()
        return dlg


def _para(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
