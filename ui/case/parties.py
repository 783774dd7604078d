"""The 当事人 tab: applicants (one to hundreds; imported from a sheet) and respondents
with their contractor / subcontractor chain."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.inputs import ApplicantInput, EmployerInput, PersonInput, RespondentInput
from legalaid.vocab import (
    APPLICANT_ROLES,
    EMPLOYMENT_FORMS,
    GENDERS,
    HUKOU_TYPES,
    LEGAL_RELATIONS,
    RESPONDENT_ROLES,
)
from ui.case.common import FormDialog, yes_no
from ui.case.models import Node, TreeModel
from ui.format import money
from ui.models.rows import Column, RowsModel
from ui.widgets.tables import make_table

if TYPE_CHECKING:
    from ui.case.import_dialog import ImportDialog
    from ui.case.window import CaseWindow


class PartiesTab(QWidget):
    def __init__(self, window: CaseWindow) -> None:
        super().__init__()
        self.win = window
        self.ctx = window.ctx
        self.setObjectName("partiesTab")
        self.detail: dto.CaseDetail | None = None
        self.claimed: dict[str, int] = {}
        self.recovered: dict[str, int] = {}
        ctx = self.ctx
        self.applicants: RowsModel[dto.ApplicantInfo] = RowsModel(
            [
                Column(self.tr("No."), lambda a: str(a.position + 1), align_right=True),
                Column(self.tr("Name"), lambda a: a.person.name),
                Column(self.tr("Role"), lambda a: ctx.label(APPLICANT_ROLES, a.role)),
                Column(self.tr("Gender"), lambda a: ctx.label(GENDERS, a.person.gender)),
                Column(self.tr("ID number"), lambda a: a.person.id_number or ""),
                Column(self.tr("Phone"), lambda a: a.person.phone or ""),
                Column(
                    self.tr("Occupation"),
                    lambda a: (
                        a.person.occupation or ctx.label(EMPLOYMENT_FORMS, a.person.employment_form)
                    ),
                ),
                Column(self.tr("Migrant"), lambda a: yes_no(a.person.migrant_worker)),
                Column(
                    self.tr("Claimed"),
                    lambda a: money(self.claimed.get(a.person.id, 0)),
                    align_right=True,
                ),
                Column(
                    self.tr("Recovered"),
                    lambda a: money(self.recovered.get(a.person.id, 0)),
                    align_right=True,
                ),
            ],
            key=lambda a: a.link_id,
            parent=self,
        )
        self.applicant_view = make_table(self.applicants)
        self.applicant_view.setObjectName("applicantTable")
        self.applicant_view.doubleClicked.connect(lambda _i: self.edit_applicant())
        for col, width in ((0, 48), (1, 90), (2, 70), (3, 44), (4, 170), (5, 110), (6, 110)):
            self.applicant_view.setColumnWidth(col, width)

        self.respondents = TreeModel(
            [
                self.tr("Organisation"),
                self.tr("Role"),
                self.tr("Credit code"),
                self.tr("Legal representative"),
                self.tr("Address"),
            ],
            self,
        )
        self.respondent_view = QTreeView()
        self.respondent_view.setObjectName("respondentTree")
        self.respondent_view.setModel(self.respondents)
        self.respondent_view.setAlternatingRowColors(True)
        self.respondent_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.respondent_view.setColumnWidth(0, 300)
        self.respondent_view.setColumnWidth(1, 130)
        self.respondent_view.setColumnWidth(2, 170)
        self.respondent_view.doubleClicked.connect(lambda _i: self.edit_respondent())

        w = window
        self.a_add = w.make_action(
            self.tr("&Add applicant…"), self.add_applicant, name="addApplicant"
        )
        self.a_edit = w.make_action(
            self.tr("&Edit applicant…"), self.edit_applicant, name="editApplicant"
        )
        self.a_import = w.make_action(
            self.tr("&Import workers from Excel…"),
            self.import_sheet,
            shortcut="Ctrl+I",
            name="importWorkers",
        )
        self.a_remove = w.make_action(
            self.tr("Re&move applicant"), self.remove_applicant, name="removeApplicant"
        )
        self.r_add = w.make_action(
            self.tr("Add res&pondent…"), self.add_respondent, name="addRespondent"
        )
        self.r_edit = w.make_action(
            self.tr("Edit respo&ndent…"), self.edit_respondent, name="editRespondent"
        )
        self.r_remove = w.make_action(
            self.tr("Remo&ve respondent"), self.remove_respondent, name="removeRespondent"
        )

        self.count_label = QLabel()
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        title = QLabel(self.tr("<b>Applicants</b>"))
        row.addWidget(title)
        row.addWidget(self.count_label, 1)
        for a in (self.a_add, self.a_edit, self.a_import, self.a_remove):
            row.addWidget(w.tool_button(a))
        tl.addLayout(row)
        tl.addWidget(self.applicant_view)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        row2 = QHBoxLayout()
        row2.addWidget(
            QLabel(
                self.tr(
                    "<b>Respondents</b> (contractor chain: a subcontractor "
                    "sits under the contractor above it)"
                )
            ),
            1,
        )
        for a in (self.r_add, self.r_edit, self.r_remove):
            row2.addWidget(w.tool_button(a))
        bl.addLayout(row2)
        bl.addWidget(self.respondent_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    def menu_actions(self) -> list[QAction]:
        return [
            self.a_add,
            self.a_edit,
            self.a_import,
            self.a_remove,
            self.r_add,
            self.r_edit,
            self.r_remove,
        ]

    # -- showing -----------------------------------------------------------------------

    def set_detail(self, d: dto.CaseDetail) -> None:
        self.detail = d
        claimed: dict[str, int] = defaultdict(int)
        for c in d.claims:
            claimed[c.person_id] += c.amount_fen
        recovered: dict[str, int] = defaultdict(int)
        for r in d.recoveries:
            if r.person_id:
                recovered[r.person_id] += r.amount_fen
        self.claimed, self.recovered = dict(claimed), dict(recovered)
        self.applicants.set_rows(d.applicants)
        self.count_label.setText(
            self.tr("{0} applicants; {1} workers concerned").format(
                len(d.applicants), d.case.worker_count
            )
        )
        nodes: dict[str, Node] = {}
        roots: list[Node] = []
        for resp in d.respondents:
            e = resp.employer
            nodes[resp.link_id] = Node(
                [
                    e.name,
                    self.ctx.label(RESPONDENT_ROLES, resp.role),
                    e.credit_code or "",
                    e.legal_representative or "",
                    e.address or "",
                ],
                payload=resp,
            )
        for resp in d.respondents:  # a subcontractor hangs under its contractor
            parent = nodes.get(resp.parent_link_id or "")
            if parent is not None:
                parent.add(nodes[resp.link_id])
            else:
                roots.append(nodes[resp.link_id])
        self.respondents.set_roots(roots)
        self.respondent_view.expandAll()

    def selected_applicant(self) -> dto.ApplicantInfo | None:
        index = self.applicant_view.currentIndex()
        return self.applicants.row(index.row()) if index.isValid() else None

    def selected_respondent(self) -> dto.RespondentInfo | None:
        node = self.respondents.node(self.respondent_view.currentIndex())
        return node.payload if node is not None else None

    # -- applicants --------------------------------------------------------------------

    def _person_form(self, dlg: FormDialog, p: dto.PersonInfo | None) -> None:
        dlg.text("name", self.tr("&Name"), p.name if p else "")
        dlg.text("id_number", self.tr("&ID number"), p.id_number if p else "")
        dlg.code(
            "gender",
            self.tr("&Gender"),
            GENDERS,
            p.gender if p else None,
            blank=self.tr("(from the ID number)"),
        )
        dlg.text("phone", self.tr("&Phone"), p.phone if p else "")
        dlg.text("address", self.tr("A&ddress"), p.address if p else "")
        dlg.text("occupation", self.tr("&Occupation"), p.occupation if p else "")
        dlg.code(
            "employment_form",
            self.tr("&Employment form"),
            EMPLOYMENT_FORMS,
            p.employment_form if p else None,
            blank="",
        )
        dlg.code(
            "legal_relation",
            self.tr("&Legal relation"),
            LEGAL_RELATIONS,
            p.legal_relation if p else None,
            blank="",
        )
        dlg.code(
            "hukou_type", self.tr("&Hukou"), HUKOU_TYPES, p.hukou_type if p else None, blank=""
        )
        dlg.check("migrant_worker", self.tr("&Migrant worker"), p.migrant_worker if p else False)
        dlg.check("union_member", self.tr("&Union member"), p.union_member if p else False)
        dlg.check("hardship_worker", self.tr("Hards&hip worker"), p.hardship_worker if p else False)

    @staticmethod
    def _person_input(v: dict[str, Any]) -> PersonInput:
        return PersonInput(
            name=v["name"] or "",
            id_number=v["id_number"],
            gender=v["gender"],
            phone=v["phone"],
            address=v["address"],
            occupation=v["occupation"],
            employment_form=v["employment_form"],
            legal_relation=v["legal_relation"],
            hukou_type=v["hukou_type"],
            migrant_worker=v["migrant_worker"],
            union_member=v["union_member"],
            hardship_worker=v["hardship_worker"],
        )

    def add_applicant(self) -> FormDialog:
        case_id = self.win.case_id

        def action(col: Any, v: dict[str, Any]) -> Any:
            person = self._person_input(v)
            return col.cases.add_applicants(
                case_id, [ApplicantInput(person=person, role=v["role"] or "applicant")]
            )

        dlg = FormDialog(
            self.ctx,
            self.tr("Add applicant"),
            action,
            self.win,
            name="applicantDialog",
            alias_prefix="applicants[0].",
        )
        self._person_form(dlg, None)
        dlg.code("role", self.tr("&Role"), APPLICANT_ROLES, "applicant")
        dlg.open()
        return dlg

    def edit_applicant(self) -> FormDialog | None:
        a = self.selected_applicant()
        if a is None:
            return None
        person_id = a.person.id

        def action(col: Any, v: dict[str, Any]) -> Any:
            return col.parties.update_person(
                person_id, self._person_input(v), expected_version=v["version"]
            )

        dlg = FormDialog(
            self.ctx,
            self.tr("Edit applicant: {0}").format(a.person.name),
            action,
            self.win,
            version=a.person.version,
            name="applicantDialog",
        )
        self._person_form(dlg, a.person)
        dlg.reload_requested.connect(self.win.reload)
        dlg.open()
        return dlg

    def remove_applicant(self) -> None:
        a = self.selected_applicant()
        if a is not None:
            self._remove(a.link_id, a.person.name)

    def _remove(self, link_id: str, name: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove from the case"),
            self.tr("Remove {0} from this case? The record itself is kept.").format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.win,
        )
        box.setObjectName("removePartyPrompt")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        case_id = self.win.case_id

        def answered(button: object) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:  # type: ignore[arg-type]
                self.ctx.op(
                    self, lambda col: col.cases.remove_party(case_id, link_id)
                ).run_in_background()

        box.buttonClicked.connect(answered)
        box.open()

    def import_sheet(self, path: str | None = None) -> None:
        """Choose a sheet (or take ``path``), check it off the GUI thread, show the report."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.win, self.tr("Worker list"), "", self.tr("Excel sheets (*.xlsx *.xlsm)")
            )
            if not path:
                return
        from ui.case.importer import plan_import

        d = self.detail
        on_case = {a.person.id_number for a in d.applicants if a.person.id_number} if d else set()
        person_ids = {a.person.id for a in d.applicants} if d else set()
        chosen = path

        def work(col: Any, _token: Any) -> Any:  # with_progress passes a token
            return plan_import(col, chosen, on_case, person_ids)

        self.ctx.query(self, work).with_progress(self.tr("Checking the worker sheet…")).success(
            self._show_plan
        ).run_in_background()

    def _show_plan(self, plan: Any) -> None:
        from ui.case.import_dialog import ImportDialog

        dlg = ImportDialog(self.win, plan)
        self.import_dialog: ImportDialog | None = dlg
        dlg.open()

    # -- respondents -------------------------------------------------------------------

    def _employer_form(self, dlg: FormDialog, e: dto.EmployerInfo | None) -> None:
        dlg.text("name", self.tr("&Name"), e.name if e else "")
        dlg.text("credit_code", self.tr("&Credit code"), e.credit_code if e else "")
        dlg.text(
            "legal_representative",
            self.tr("&Legal representative"),
            e.legal_representative if e else "",
        )
        dlg.text("address", self.tr("A&ddress"), e.address if e else "")
        dlg.text("phone", self.tr("&Phone"), e.phone if e else "")
        dlg.text("industry", self.tr("&Industry"), e.industry if e else "")

    @staticmethod
    def _employer_input(v: dict[str, Any]) -> EmployerInput:
        return EmployerInput(
            name=v["name"] or "",
            credit_code=v["credit_code"],
            legal_representative=v["legal_representative"],
            address=v["address"],
            phone=v["phone"],
            industry=v["industry"],
        )

    def add_respondent(self) -> FormDialog:
        case_id = self.win.case_id

        def action(col: Any, v: dict[str, Any]) -> Any:
            return col.cases.add_respondent(
                case_id,
                RespondentInput(employer=self._employer_input(v), role=v["role"]),
                parent_link_id=v["parent"],
            )

        dlg = FormDialog(
            self.ctx, self.tr("Add respondent"), action, self.win, name="respondentDialog"
        )
        self._employer_form(dlg, None)
        dlg.code("role", self.tr("&Role"), RESPONDENT_ROLES, "employer")
        parents = [(self.tr("(top of the chain)"), None)] + [
            (f"{r.employer.name}（{self.ctx.label(RESPONDENT_ROLES, r.role)}）", r.link_id)
            for r in (self.detail.respondents if self.detail else ())
        ]
        selected = self.selected_respondent()
        dlg.choice("parent", self.tr("&Under"), parents, selected.link_id if selected else None)
        dlg.open()
        return dlg

    def edit_respondent(self) -> FormDialog | None:
        r = self.selected_respondent()
        if r is None:
            return None
        employer_id = r.employer.id

        def action(col: Any, v: dict[str, Any]) -> Any:
            return col.parties.update_employer(
                employer_id, self._employer_input(v), expected_version=v["version"]
            )

        dlg = FormDialog(
            self.ctx,
            self.tr("Edit respondent: {0}").format(r.employer.name),
            action,
            self.win,
            version=r.employer.version,
            name="respondentDialog",
        )
        self._employer_form(dlg, r.employer)
        dlg.reload_requested.connect(self.win.reload)
        dlg.open()
        return dlg

    def remove_respondent(self) -> None:
        r = self.selected_respondent()
        if r is not None:
            self._remove(r.link_id, r.employer.name)
