"""A new case from scratch (Ctrl+Shift+N): the essentials; everything else is edited
in the case workspace."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.errors import ValidationError
from legalaid.inputs import (
    ApplicantInput,
    CaseInput,
    EmployerInput,
    PersonInput,
    RespondentInput,
)
from legalaid.vocab import CASE_SOURCES, DISPUTE_TYPES
from ui.context import AppContext
from ui.widgets.forms import CodeCombo, FormErrors, date_edit, from_qdate, optional


class NewCaseDialog(QDialog):
    """Register a case: title, dispute type, source, date, applicant, employer, amount.

    Signals:
        created(object): the CaseInfo of the new case.
    """

    created = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("newCaseDialog")
        self.setWindowTitle(self.tr("New case"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.errors = FormErrors(QLabel(), ctx.lang, self)
        self.title = QLineEdit()
        self.dispute = CodeCombo(DISPUTE_TYPES, ctx.lang)
        self.source = CodeCombo(CASE_SOURCES, ctx.lang)
        self.received = date_edit(ctx.today())
        self.applicant = QLineEdit()
        self.id_number = QLineEdit()
        self.phone = QLineEdit()
        self.employer = QLineEdit()
        self.credit_code = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 12345.60"))
        self.staff = QComboBox()
        self.staff.addItem(self.tr("(nobody yet)"), None)
        for s in ctx.staff:
            if s.active:
                self.staff.addItem(s.name, s.id)
        if ctx.actor is not None:
            self.staff.setCurrentIndex(max(self.staff.findData(ctx.actor.id), 0))
        self.facts = QPlainTextEdit()
        self.facts.setTabChangesFocus(True)
        self.facts.setMinimumHeight(self.facts.fontMetrics().lineSpacing() * 4 + 12)
        add = self.errors.add_row
        add(form, self.tr("&Title"), self.title, "title")
        add(form, self.tr("&Dispute type"), self.dispute, "dispute_type")
        add(form, self.tr("&Source"), self.source, "source")
        add(form, self.tr("&Received on"), self.received, "received_on")
        add(form, self.tr("&Applicant"), self.applicant, "applicants[0].name", "applicants")
        add(form, self.tr("&ID number"), self.id_number, "applicants[0].id_number")
        add(form, self.tr("&Phone"), self.phone, "applicants[0].phone")
        add(form, self.tr("&Employer"), self.employer, "respondents[0].name", "respondents")
        add(form, self.tr("&Credit code"), self.credit_code, "respondents[0].credit_code")
        add(form, self.tr("A&mount claimed (yuan)"), self.amount, "amount_claimed")
        add(form, self.tr("&Lead staff"), self.staff, "lead_staff_id")
        add(form, self.tr("&Facts"), self.facts, "facts")
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 560)
        save_key = QShortcut(QKeySequence.StandardKey.Save, self)
        save_key.activated.connect(self.submit)

    def case_input(self) -> CaseInput:
        applicants = []
        if self.applicant.text().strip():
            applicants.append(
                ApplicantInput(
                    person=PersonInput(
                        name=self.applicant.text(),
                        id_number=optional(self.id_number.text()),
                        phone=optional(self.phone.text()),
                    )
                )
            )
        respondents = []
        if self.employer.text().strip():
            respondents.append(
                RespondentInput(
                    employer=EmployerInput(
                        name=self.employer.text(), credit_code=optional(self.credit_code.text())
                    )
                )
            )
        return CaseInput(
            title=self.title.text(),
            dispute_type=self.dispute.code() or "",
            source=self.source.code() or "",
            received_on=from_qdate(self.received.date()),
            applicants=applicants,
            respondents=respondents,
            amount_claimed=optional(self.amount.text()),
            lead_staff_id=self.staff.currentData(),
            facts=optional(self.facts.toPlainText()),
        )

    def submit(self) -> None:
        self.errors.clear()
        data = self.case_input()
        self.buttons.setEnabled(False)

        def failed(exc: BaseException) -> bool:
            self.buttons.setEnabled(True)
            return isinstance(exc, ValidationError) and self.errors.show(exc)

        def done(op: dto.Op[Any]) -> None:
            self.buttons.setEnabled(True)
            self.created.emit(op.value)
            self.accept()

        self.ctx.op(self, lambda col: col.cases.create(data)).success(done).failure(
            failed
        ).run_in_background()
