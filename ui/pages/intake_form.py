"""The consultation intake form: keyboard-first, for walk-ins and 12351 hotline calls.

Typing an ID number or phone asks for earlier records (``lookup_requested``); the page
shows them and may link the caller to an existing person. Saving creates the person
(when an ID number was given and no one is linked) and the consultation; "Save and open
a case" also converts it into a case.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.errors import ValidationError
from legalaid.inputs import ConsultationInput, PersonInput
from legalaid.vocab import CHANNELS, DISPUTE_TYPES
from ui.context import AppContext
from ui.widgets.forms import CodeCombo, DebouncedLineEdit, FormErrors, optional

CHANNEL_KEY = "consultations/last_channel"


class IntakeForm(QWidget):
    """Consultation intake.

    Signals:
        lookup_requested(str, str): ID number and phone typed so far (after a pause).
        saved(object): the ConsultationInfo just saved.
        converted(object): the CaseInfo opened from it.
    """

    lookup_requested = Signal(str, str)
    saved = Signal(object)
    converted = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("intakeForm")
        self.linked_person: dto.PersonInfo | None = None
        self._busy = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        general = QLabel()
        self.errors = FormErrors(general, ctx.lang, self)

        self.channel = CodeCombo(CHANNELS, ctx.lang)
        self.channel.set_code(str(ctx.settings.value(CHANNEL_KEY, "walk_in")))
        self.caller_name = QLineEdit()
        self.caller_name.setObjectName("callerName")
        self.caller_phone = DebouncedLineEdit(250)
        self.caller_phone.setObjectName("callerPhone")
        self.caller_phone.setPlaceholderText(self.tr("Mobile or landline"))
        self.id_number = DebouncedLineEdit(250)
        self.id_number.setObjectName("idNumber")
        self.id_number.setPlaceholderText(self.tr("18-character resident ID number"))
        self.worker_count = QSpinBox()
        self.worker_count.setRange(1, 100000)
        self.topic = CodeCombo(DISPUTE_TYPES, ctx.lang, blank=self.tr("— choose —"))
        self.employer_name = QLineEdit()
        self.question = QPlainTextEdit()
        self.question.setTabChangesFocus(True)
        self.question.setPlaceholderText(self.tr("What the worker asks about"))
        self.answer_summary = QPlainTextEdit()
        self.answer_summary.setTabChangesFocus(True)
        self.answer_summary.setPlaceholderText(self.tr("The advice given"))
        for edit in (self.question, self.answer_summary):
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)

        add = self.errors.add_row
        add(form, self.tr("&Channel"), self.channel, "channel")
        add(form, self.tr("Caller &name"), self.caller_name, "caller_name", "name")
        add(form, self.tr("&Phone"), self.caller_phone, "caller_phone", "phone")
        add(form, self.tr("&ID number"), self.id_number, "id_number")
        add(form, self.tr("&Workers"), self.worker_count, "worker_count")
        add(form, self.tr("&Topic"), self.topic, "topic")
        add(form, self.tr("&Employer"), self.employer_name, "employer_name")
        add(form, self.tr("&Question"), self.question, "question")
        add(form, self.tr("&Advice given"), self.answer_summary, "answer_summary")
        outer.addLayout(form)

        self.linked_label = QLabel()
        self.linked_label.setObjectName("linkedPerson")
        self.linked_label.setWordWrap(True)
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.clicked.connect(lambda: self.link_person(None))
        linked = QHBoxLayout()
        linked.addWidget(self.linked_label, 1)
        linked.addWidget(self.unlink_button)
        outer.addLayout(linked)
        self.link_person(None)
        outer.addWidget(general)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save  (Ctrl+S)"))
        self.save_button.setObjectName("saveConsultation")
        self.save_button.setDefault(True)
        self.convert_button = QPushButton(self.tr("Save and open a &case"))
        self.convert_button.setObjectName("convertConsultation")
        self.clear_button = QPushButton(self.tr("C&lear"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.convert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        outer.addLayout(buttons)
        outer.addStretch(1)
        self.save_button.clicked.connect(lambda: self.submit(convert=False))
        self.convert_button.clicked.connect(lambda: self.submit(convert=True))
        self.clear_button.clicked.connect(self.clear)

        self.caller_phone.settled.connect(lambda _t: self._lookup())
        self.id_number.settled.connect(lambda _t: self._lookup())
        self.setTabOrder(self.channel, self.caller_name)
        order = [
            self.channel,
            self.caller_name,
            self.caller_phone,
            self.id_number,
            self.worker_count,
            self.topic,
            self.employer_name,
            self.question,
            self.answer_summary,
            self.save_button,
            self.convert_button,
            self.clear_button,
        ]
        for a, b in itertools.pairwise(order):
            self.setTabOrder(a, b)

    # -- duplicates ---------------------------------------------------------------------------

    def _lookup(self) -> None:
        self.lookup_requested.emit(self.id_number.text().strip(), self.caller_phone.text().strip())

    def link_person(self, person: dto.PersonInfo | None) -> None:
        """Use an existing person as the caller (from the duplicates list)."""
        self.linked_person = person
        if person is None:
            self.linked_label.setText(self.tr("New caller (no earlier record linked)"))
            self.unlink_button.hide()
            return
        self.linked_label.setText(
            self.tr("Linked to the existing person %1").replace("%1", person.name)
        )
        self.unlink_button.show()
        if not self.caller_name.text().strip():
            self.caller_name.setText(person.name)
        if not self.caller_phone.text().strip() and person.phone:
            self.caller_phone.setText(person.phone)

    # -- saving ----------------------------------------------------------------------------------

    def consultation_input(self) -> ConsultationInput:
        return ConsultationInput(
            caller_name=self.caller_name.text(),
            channel=self.channel.code() or "",
            topic=self.topic.code() or "",
            caller_phone=optional(self.caller_phone.text()),
            employer_name=optional(self.employer_name.text()),
            question=optional(self.question.toPlainText()),
            answer_summary=optional(self.answer_summary.toPlainText()),
            worker_count=self.worker_count.value(),
            person_id=self.linked_person.id if self.linked_person else None,
        )

    def person_input(self) -> PersonInput | None:
        """A new person to create, when an ID number was typed and no one is linked."""
        if self.linked_person is not None or not self.id_number.text().strip():
            return None
        return PersonInput(
            name=self.caller_name.text(),
            id_number=self.id_number.text(),
            phone=optional(self.caller_phone.text()),
        )

    def submit(self, *, convert: bool) -> None:
        if self._busy:
            return
        self.errors.clear()
        data = self.consultation_input()
        person = self.person_input()
        if not data.caller_name.strip():  # checked here too so no person is made alone
            self.errors.show(
                ValidationError.single("caller_name", "required", "请填写姓名", "Enter the name")
            )
            return
        self._busy = True
        self.ctx.settings.setValue(CHANNEL_KEY, data.channel)

        def run(col: Any) -> dto.Op[tuple[dto.ConsultationInfo, dto.CaseInfo | None]]:
            changes = dto.OpChanges()
            record = data
            if person is not None:
                made = col.parties.create_person(person)
                changes |= made.changes
                record = replace(data, person_id=made.value.id)
            saved = col.consultations.create(record)
            changes |= saved.changes
            case = None
            if convert:
                opened = col.consultations.convert_to_case(saved.value.id)
                changes |= opened.changes
                case = opened.value
            return dto.Op((saved.value, case), changes)

        self.ctx.op(self, run).success(self._done).failure(self._failed).run_in_background()

    def _done(self, op: dto.Op[tuple[dto.ConsultationInfo, dto.CaseInfo | None]]) -> None:
        self._busy = False
        consultation, case = op.value
        self.clear()
        self.saved.emit(consultation)
        if case is not None:
            self.converted.emit(case)

    def _failed(self, exc: BaseException) -> bool:
        self._busy = False
        if isinstance(exc, ValidationError):
            return self.errors.show(exc)
        return False

    def clear(self) -> None:
        for edit in (self.caller_name, self.caller_phone, self.id_number, self.employer_name):
            edit.clear()
        self.question.clear()
        self.answer_summary.clear()
        self.worker_count.setValue(1)
        self.topic.setCurrentIndex(0)
        self.errors.clear()
        self.link_person(None)
        self._lookup()
        self.caller_name.setFocus()
