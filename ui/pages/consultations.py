"""咨询 — consultation intake with the duplicate check beside it, and recent
consultations below, each of which can be turned into a case."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.vocab import CASE_STATUSES, CHANNELS, DISPUTE_TYPES
from ui.context import AppContext
from ui.format import day, moment
from ui.models.rows import Column, RowsModel
from ui.pages.intake_form import IntakeForm
from ui.widgets.tables import make_table


@dataclass(frozen=True)
class Match:
    """One earlier record found by the duplicate check."""

    kind: str
    key: str
    name: str
    detail: str
    person: dto.PersonInfo | None = None
    case_id: str | None = None


class ConsultationsPage(QWidget):
    """Intake, duplicates, recent consultations.

    Signals:
        open_case(str): open a case (a matched case, or one just converted).
        duplicates_shown(object): the DuplicateReport now on screen.
    """

    open_case = Signal(str)
    duplicates_shown = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("consultationsPage")
        self._lookup_seq = 0
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        intake = QGroupBox(self.tr("New consultation"))
        intake_lay = QVBoxLayout(intake)
        self.form = IntakeForm(ctx)
        intake_lay.addWidget(self.form)
        splitter.addWidget(intake)

        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        dup_box = QGroupBox(self.tr("Earlier records for this ID number or phone"))
        dup_lay = QVBoxLayout(dup_box)
        self.dup_summary = QLabel(
            self.tr("Type an ID number or phone to check for earlier records.")
        )
        self.dup_summary.setObjectName("duplicateSummary")
        self.dup_summary.setWordWrap(True)
        dup_lay.addWidget(self.dup_summary)
        kinds = {
            "person": self.tr("Person"),
            "case": self.tr("Case"),
            "consultation": self.tr("Consultation"),
        }
        self.matches = RowsModel[Match](
            [
                Column(self.tr("Record"), lambda m: kinds.get(m.kind, m.kind)),
                Column(self.tr("Name / number"), lambda m: m.name),
                Column(self.tr("Details"), lambda m: m.detail),
            ],
            key=lambda m: (m.kind, m.key),
        )
        self.match_view = make_table(self.matches, stretch=2, fit=True)
        self.match_view.setObjectName("duplicateTable")
        self.match_view.activated.connect(self._use_match)
        self.match_view.doubleClicked.connect(self._use_match)
        dup_lay.addWidget(self.match_view)
        hint = QLabel(self.tr("Double-click a person to link the caller; a case to open it."))
        hint.setStyleSheet("color: #555;")
        dup_lay.addWidget(hint)
        right_lay.addWidget(dup_box, 2)

        recent_box = QGroupBox(self.tr("Recent consultations"))
        recent_lay = QVBoxLayout(recent_box)
        self.recent = RowsModel[dto.ConsultationInfo](
            [
                Column(self.tr("Time"), lambda c: moment(c.consulted_at)),
                Column(self.tr("Caller"), lambda c: c.caller_name),
                Column(self.tr("Channel"), lambda c: ctx.label(CHANNELS, c.channel)),
                Column(self.tr("Topic"), lambda c: ctx.label(DISPUTE_TYPES, c.topic)),
                Column(self.tr("Staff"), lambda c: c.staff_name or ""),
                Column(self.tr("Case"), lambda c: c.case_number or ""),
            ],
            key=lambda c: (c.id, c.case_id),
        )
        self.recent_view = make_table(self.recent, fit=True)
        self.recent_view.setObjectName("recentConsultations")
        self.recent_view.doubleClicked.connect(self._open_recent_case)
        recent_lay.addWidget(self.recent_view)
        row = QHBoxLayout()
        row.addStretch(1)
        self.convert_button = QPushButton(self.tr("Convert to case"))
        self.convert_button.setObjectName("convertSelected")
        self.convert_button.clicked.connect(self.convert_selected)
        row.addWidget(self.convert_button)
        recent_lay.addLayout(row)
        right_lay.addWidget(recent_box, 3)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 780])

        self.form.lookup_requested.connect(self.lookup)
        self.form.converted.connect(lambda case: self.open_case.emit(case.id))
        ctx.changes.connect(self._on_changes)
        self.refresh_recent()

    # -- duplicates ------------------------------------------------------------------------------

    def lookup(self, id_number: str, phone: str) -> None:
        """Ask the core for earlier records; only the latest answer is shown."""
        self._lookup_seq += 1
        seq = self._lookup_seq
        if not id_number and not phone:
            self.show_duplicates(dto.DuplicateReport(), seq)
            return

        def find(col: Any) -> dto.DuplicateReport:
            report: dto.DuplicateReport = col.parties.duplicates(
                id_number=id_number or None, phone=phone or None
            )
            return report

        self.ctx.query(self, find).success(
            lambda rep: self.show_duplicates(rep, seq)
        ).urgent().run_in_background()

    def show_duplicates(self, report: dto.DuplicateReport, seq: int | None = None) -> None:
        if seq is not None and seq != self._lookup_seq:
            return
        ctx = self.ctx
        rows: list[Match] = []
        for p in report.people:
            detail = "  ".join(x for x in (p.id_number or "", p.phone or "") if x)
            rows.append(Match("person", p.id, p.name, detail, person=p))
        for c in report.cases:
            detail = f"{c.title} · {ctx.label(CASE_STATUSES, c.status)} · {day(c.received_on)}"
            rows.append(Match("case", c.id, c.number, detail, case_id=c.id))
        for k in report.consultations:
            detail = f"{moment(k.consulted_at)} · {ctx.label(DISPUTE_TYPES, k.topic)}"
            rows.append(Match("consultation", k.id, k.caller_name, detail, case_id=k.case_id))
        self.matches.set_rows(rows)
        if report.empty:
            text = self.tr("No earlier records.")
        else:
            text = (
                self.tr("Found %1 people, %2 cases, %3 consultations.")
                .replace("%1", str(len(report.people)))
                .replace("%2", str(len(report.cases)))
                .replace("%3", str(len(report.consultations)))
            )
        self.dup_summary.setText(text)
        self.dup_summary.setStyleSheet("" if report.empty else "color: #b45309; font-weight: bold;")
        self.duplicates_shown.emit(report)

    def _use_match(self, index: QModelIndex) -> None:
        match = self.matches.row(index.row())
        if match.person is not None:
            self.form.link_person(match.person)
        elif match.case_id:
            self.open_case.emit(match.case_id)

    # -- recent ----------------------------------------------------------------------------

    def _on_changes(self, changes: dto.OpChanges, _initiator: object) -> None:
        if changes.touches("consultation", "case", "staff"):
            self.refresh_recent()

    def refresh_recent(self) -> None:
        self.ctx.query(self, lambda col: col.consultations.recent(limit=100)).success(
            self.recent.set_rows
        ).run_in_background()

    def selected_consultation(self) -> dto.ConsultationInfo | None:
        index = self.recent_view.currentIndex()
        return self.recent.row(index.row()) if index.isValid() else None

    def _open_recent_case(self, index: QModelIndex) -> None:
        c = self.recent.row(index.row())
        if c.case_id:
            self.open_case.emit(c.case_id)

    def convert_selected(self) -> None:
        """转为案件: open a case from the selected consultation."""
        c = self.selected_consultation()
        if c is None or c.case_id:
            return
        self.ctx.op(self, lambda col: col.consultations.convert_to_case(c.id)).success(
            lambda op: self.open_case.emit(op.value.id)
        ).run_in_background()

    def focus_intake(self) -> None:
        self.form.caller_name.setFocus()

    def save_current(self) -> None:
        """Ctrl+S: save the consultation being entered."""
        self.form.submit(convert=False)
