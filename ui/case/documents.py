"""The 文书 tab: attached evidence files (copied by the core into the desk's store,
content-addressed by SHA-256) and generated documents (the documents package, run in the
background and recorded on the case). Files open with the system viewer after the core
checks they still match their hash."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.errors import ValidationError
from ui.case.common import FormDialog
from ui.format import moment
from ui.models.rows import Column, RowsModel
from ui.paths import data_dir
from ui.widgets.tables import make_table

if TYPE_CHECKING:
    from ui.case.window import CaseWindow

_BAD_CHARS = '\\/:*?"<>|'


def safe_name(text: str) -> str:
    return "".join("_" if ch in _BAD_CHARS else ch for ch in text).strip() or "case"


def case_folder(ctx: Any, number: str) -> Path:
    """Where generated documents of this case are written: beside the database."""
    root = Path(ctx.db_path).parent / "documents" if ctx.db_path else data_dir() / "documents"
    return root / safe_name(number)


def generate(col: Any, number: str, folder: Path, template_id: str, fmt: str) -> dto.Op[Any]:
    """Generate one document (recorded on the case by the documents service)."""
    from legalaid.documents.service import generate_for_case, generator_for

    generator = generator_for(col)
    info = generator.catalogue.get(template_id)
    stamp = col.today().strftime("%Y%m%d")
    out = folder / f"{safe_name(number)}-{safe_name(info.zh)}-{stamp}.{fmt}"
    result = generate_for_case(col, number, template_id, fmt, out, generator=generator)
    case_id = col.cases.by_number(number).id
    return dto.Op(result, dto.OpChanges.of("document", case_id=case_id))


def templates(col: Any) -> list[tuple[str, str]]:
    from legalaid.documents.service import generator_for

    return [(t.id, t.zh) for t in generator_for(col).catalogue]


class DocumentsTab(QWidget):
    def __init__(self, window: CaseWindow) -> None:
        super().__init__()
        self.win = window
        self.ctx = window.ctx
        self.setObjectName("documentsTab")
        self.detail: dto.CaseDetail | None = None
        self.opener = QDesktopServices.openUrl  # tests replace it
        self.last_dialog: FormDialog | None = None
        self.model: RowsModel[dto.DocumentInfo] = RowsModel(
            [
                Column(self.tr("Title"), lambda r: r.title),
                Column(
                    self.tr("Kind"),
                    lambda r: (
                        self.tr("generated") if r.kind == "generated" else self.tr("evidence")
                    ),
                ),
                Column(self.tr("File"), lambda r: r.filename, tooltip=lambda r: r.storage_path),
                Column(
                    self.tr("Template"),
                    lambda r: f"{r.template_id} v{r.template_version}" if r.template_id else "",
                ),
                Column(self.tr("Size"), lambda r: _size(r.size), align_right=True),
                Column(self.tr("Added"), lambda r: moment(r.created_at)),
                Column(
                    self.tr("SHA-256"), lambda r: r.sha256[:16] + "…", tooltip=lambda r: r.sha256
                ),
            ],
            key=lambda r: r.id,
            parent=self,
        )
        self.view = make_table(self.model)
        self.view.setObjectName("documentTable")
        for col, width in ((0, 220), (1, 60), (2, 330), (3, 170), (4, 70), (5, 130)):
            self.view.setColumnWidth(col, width)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        w = window
        self.act_attach = w.make_action(
            self.tr("&Attach evidence file…"), self.attach, name="attachFile"
        )
        self.act_open = w.make_action(self.tr("&Open"), self.open_selected, name="openDocument")
        self.act_generate = w.make_action(
            self.tr("&Generate document…"),
            self.generate,
            shortcut="Ctrl+G",
            name="generateDocument",
        )
        buttons = QHBoxLayout()
        for a in self.menu_actions():
            buttons.addWidget(w.tool_button(a))
        buttons.addStretch(1)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("caseFolder")
        self.folder_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("documentMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.folder_label)

    def menu_actions(self) -> list[QAction]:
        return [self.act_attach, self.act_open, self.act_generate]

    def folder(self) -> Path:
        assert self.detail is not None
        return case_folder(self.ctx, self.detail.case.number)

    def set_detail(self, d: dto.CaseDetail) -> None:
        self.detail = d
        self.folder_label.setText(
            self.tr("Generated documents are written to {0}").format(self.folder())
        )
        self.model.set_rows(sorted(d.documents, key=lambda x: x.created_at, reverse=True))

    def selected(self) -> dto.DocumentInfo | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    # -- actions -----------------------------------------------------------------------

    def attach(self, path: str | None = None) -> None:
        """Attach an evidence file (chosen, or ``path``); the core copies and hashes it."""
        if self.detail is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self.win, self.tr("Evidence file"))
            if not path:
                return
        case_id, source = self.win.case_id, Path(path)
        self.ctx.op(self, lambda col: col.documents.attach(case_id, source)).success(
            lambda op: self.message.setText(
                self.tr("Attached {0} (SHA-256 {1}…).").format(
                    op.value.filename, op.value.sha256[:16]
                )
            )
        ).run_in_background()

    def open_selected(self) -> None:
        """Open the selected file with the system viewer once its hash is checked."""
        row = self.selected()
        if row is None:
            return
        doc_id = row.id

        def failed(exc: BaseException) -> bool:
            if (
                isinstance(exc, ValidationError)
                and row.storage_path
                and Path(row.storage_path).is_file()
            ):
                stored = Path(row.storage_path)
                box = QMessageBox(
                    QMessageBox.Icon.Warning,
                    self.tr("File changed"),
                    self.tr(
                        "{0} no longer matches the hash recorded when it was added: it "
                        "was changed since. Open it anyway?"
                    ).format(row.filename),
                    QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                    self.win,
                )
                box.setObjectName("hashMismatch")
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.accepted.connect(lambda: self.opener(QUrl.fromLocalFile(str(stored))))
                box.open()
                return True
            return False

        def opened(path: Path) -> None:
            self.opener(QUrl.fromLocalFile(str(path)))

        self.ctx.query(self, lambda col: col.documents.open_path(doc_id)).success(opened).failure(
            failed
        ).run_in_background()

    def generate(self) -> None:
        self.ctx.query(self, templates).success(self._generate_dialog).run_in_background()

    def _generate_dialog(self, choices: list[tuple[str, str]]) -> None:
        if self.detail is None:
            return
        number, folder = self.detail.case.number, self.folder()

        def action(col: Any, v: dict[str, Any]) -> Any:
            return generate(col, number, folder, v["template_id"], v["fmt"])

        dlg = FormDialog(
            self.ctx,
            self.tr("Generate a document"),
            action,
            self.win,
            ok_text=self.tr("&Generate"),
            name="generateDialog",
        )
        dlg.choice("template_id", self.tr("&Template"), [(zh, tid) for tid, zh in choices])
        dlg.choice(
            "fmt", self.tr("&Format"), [(self.tr("Word (.docx)"), "docx"), (self.tr("PDF"), "pdf")]
        )
        dlg.submitted.connect(self._generated)
        dlg.open()
        self.last_dialog = dlg

    def _generated(self, op: Any) -> None:
        result = op.value
        text = self.tr("Generated {0}.").format(result.path.name)
        for warning in result.warnings:
            text += " " + (warning.zh if self.ctx.lang == "zh" else warning.en)
        self.message.setText(text)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f} MB"
