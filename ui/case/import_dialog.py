"""The worker-sheet import dialog: the check report (bad rows, with what is wrong and
where) before anything is written, then the import of the good rows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from legalaid import dto
from legalaid.errors import ValidationError
from ui.case.importer import GoodRow, ImportPlan, RowProblem, apply_import, describe
from ui.models.rows import RED, Column, RowsModel
from ui.widgets.tables import make_table

if TYPE_CHECKING:
    from ui.case.window import CaseWindow


class ImportDialog(QDialog):
    """Shows an ImportPlan; "Import" writes its good rows.

    Signals:
        imported(int): how many workers were added.
    """

    imported = Signal(int)

    def __init__(self, window: CaseWindow, plan: ImportPlan) -> None:
        super().__init__(window)
        self.window_ = window
        self.plan = plan
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import workers from a sheet"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(860, 560)
        lang = window.ctx.lang
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            self.tr(
                "{0} (sheet “{1}”): {2} rows — {3} can be imported, {4} have problems and "
                "will not be imported."
            ).format(Path(plan.path).name, plan.sheet, plan.total, len(plan.good), len(plan.bad))
        )
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if plan.existing:
            known = QLabel(
                self.tr("{0} of them are already on file and will be linked, not copied.").format(
                    plan.existing
                )
            )
            known.setWordWrap(True)
            layout.addWidget(known)

        self.bad_model: RowsModel[RowProblem] = RowsModel(
            [
                Column(self.tr("Row"), lambda r: str(r.line), align_right=True),
                Column(self.tr("Name"), lambda r: r.name),
                Column(
                    self.tr("Problem"),
                    lambda r: describe(r, lang),
                    color=lambda r: RED,
                    tooltip=lambda r: describe(r, lang),
                ),
            ],
            key=lambda r: r.line,
            parent=self,
        )
        self.bad_model.set_rows(plan.bad)
        self.good_model: RowsModel[GoodRow] = RowsModel(
            [
                Column(self.tr("Row"), lambda r: str(r.line), align_right=True),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("ID number"), lambda r: r.id_number or ""),
                Column(self.tr("Phone"), lambda r: r.phone or ""),
                Column(self.tr("Amount owed"), lambda r: r.amount or "", align_right=True),
                Column(self.tr("On file"), lambda r: self.tr("linked") if r.existing else ""),
            ],
            key=lambda r: r.line,
            parent=self,
        )
        self.good_model.set_rows(plan.good)
        tabs = QTabWidget()
        self.bad_view = make_table(self.bad_model)
        self.bad_view.setObjectName("badRows")
        self.bad_view.setColumnWidth(1, 90)
        self.good_view = make_table(self.good_model)
        self.good_view.setObjectName("goodRows")
        tabs.addTab(self.bad_view, self.tr("Problems ({0})").format(len(plan.bad)))
        tabs.addTab(self.good_view, self.tr("To import ({0})").format(len(plan.good)))
        if not plan.bad:
            tabs.setCurrentIndex(1)
        layout.addWidget(tabs, 1)

        form = QFormLayout()
        self.employer = QComboBox()
        self.employer.setObjectName("claimEmployer")
        self.employer.addItem(self.tr("(not specified)"), None)
        detail = window.detail
        for r in detail.respondents if detail else ():
            self.employer.addItem(r.employer.name, r.employer.id)
        if self.employer.count() > 1:
            self.employer.setCurrentIndex(1)
        if plan.has_amounts:
            caption = QLabel(self.tr("Wages owed &by"))
            caption.setBuddy(self.employer)
            form.addRow(caption, self.employer)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(self.tr("&Import {0} workers").format(len(plan.good)))
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(bool(plan.good))
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def run_import(self) -> None:
        self.import_button.setEnabled(False)
        case_id, plan = self.window_.case_id, self.plan
        employer_id = self.employer.currentData() if plan.has_amounts else None

        def work(col: Any, _token: Any) -> dto.Op[int]:  # with_progress passes a token
            return apply_import(col, case_id, plan, employer_id)

        self.window_.ctx.op(self, work).with_progress(self.tr("Importing workers…")).success(
            self._done
        ).failure(self._failed).run_in_background()

    def _done(self, op: dto.Op[int]) -> None:
        self.accept()
        self.imported.emit(op.value)

    def _failed(self, exc: BaseException) -> bool:
        self.import_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            lang = self.window_.ctx.lang
            self.error.setText("\n".join(e.zh if lang == "zh" else e.en for e in exc.errors))
            self.error.show()
            return True
        return False
