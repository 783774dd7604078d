"""Settings tabs for the organisation: offices with their case-number format, staff and
roles."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.errors import ValidationError
from ui.context import AppContext
from ui.models.rows import GREY, Column, RowsModel
from ui.widgets.forms import FormErrors
from ui.widgets.tables import make_table


def preview_number(fmt: str, prefix: str, year: int) -> str:
    """What the 7th case number of ``year`` looks like, or '' when the format is bad."""
    try:
        return fmt.format(prefix=prefix, year=year, seq=7)
    except (KeyError, IndexError, ValueError):
        return ""


class OfficesTab(QWidget):
    """Offices (federations, district unions, stations) and their case numbers."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.model = RowsModel[dto.OfficeInfo](
            [
                Column(self.tr("Name"), lambda o: o.name),
                Column(self.tr("Short name"), lambda o: o.short_name or ""),
                Column(self.tr("Case prefix"), lambda o: o.case_prefix),
                Column(self.tr("Case number format"), lambda o: o.number_format),
                Column(self.tr("Above it"), lambda o: ctx.office_name(o.parent_id)),
            ],
            key=lambda o: (o.id, o.version),
        )
        self.view = make_table(self.model, fit=True)
        self.view.setObjectName("officeTable")
        layout.addWidget(self.view, 1)

        edit_box = QGroupBox(self.tr("Case numbers of the selected office"))
        edit_form = QFormLayout(edit_box)
        self.edit_errors = FormErrors(QLabel(), ctx.lang, self)
        self.prefix = QLineEdit()
        self.number_format = QLineEdit()
        self.number_format.setObjectName("numberFormat")
        self.preview = QLabel()
        self.preview.setObjectName("numberPreview")
        self.edit_errors.add_row(edit_form, self.tr("Prefix"), self.prefix, "case_prefix")
        self.edit_errors.add_row(edit_form, self.tr("Format"), self.number_format, "number_format")
        help_text = QLabel(
            self.tr("Placeholders: {prefix}, {year}, {seq:04d} (sequence with 4 digits).")
        )
        help_text.setStyleSheet("color: #555;")
        edit_form.addRow("", help_text)
        edit_form.addRow(self.tr("Example"), self.preview)
        edit_form.addRow("", self.edit_errors.general)
        self.save_button = QPushButton(self.tr("Save case numbers"))
        self.save_button.setObjectName("saveNumberFormat")
        self.save_button.clicked.connect(self.save_selected)
        edit_form.addRow("", self.save_button)
        layout.addWidget(edit_box)

        add_box = QGroupBox(self.tr("Add an office"))
        add_form = QFormLayout(add_box)
        self.add_errors = FormErrors(QLabel(), ctx.lang, self)
        self.new_name = QLineEdit()
        self.new_prefix = QLineEdit()
        self.new_parent = QComboBox()
        self.add_errors.add_row(add_form, self.tr("Name"), self.new_name, "name")
        self.add_errors.add_row(add_form, self.tr("Case prefix"), self.new_prefix, "case_prefix")
        add_form.addRow(self.tr("Above it"), self.new_parent)
        add_form.addRow("", self.add_errors.general)
        add_button = QPushButton(self.tr("Add office"))
        add_button.clicked.connect(self.add_office)
        add_form.addRow("", add_button)
        layout.addWidget(add_box)

        self.prefix.textChanged.connect(lambda _t: self._update_preview())
        self.number_format.textChanged.connect(lambda _t: self._update_preview())
        self.view.selectionModel().currentRowChanged.connect(lambda c, _p: self._select(c.row()))
        ctx.reference_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.ctx.offices)
        self.new_parent.clear()
        self.new_parent.addItem(self.tr("(none)"), None)
        for o in self.ctx.offices:
            self.new_parent.addItem(o.name, o.id)
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.selectRow(0)

    def selected(self) -> dto.OfficeInfo | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            office = self.model.row(row)
            self.prefix.setText(office.case_prefix)
            self.number_format.setText(office.number_format)

    def _update_preview(self) -> None:
        text = preview_number(self.number_format.text(), self.prefix.text(), self.ctx.today().year)
        self.preview.setText(text or self.tr("(invalid format)"))

    def save_selected(self) -> None:
        office = self.selected()
        if office is None:
            return
        self.edit_errors.clear()
        prefix, fmt = self.prefix.text(), self.number_format.text()
        self.ctx.op(
            self,
            lambda col: col.admin.update_office(
                office.id, expected_version=office.version, case_prefix=prefix, number_format=fmt
            ),
        ).failure(self._edit_failed).run_in_background()

    def _edit_failed(self, exc: BaseException) -> bool:
        return isinstance(exc, ValidationError) and self.edit_errors.show(exc)

    def add_office(self) -> None:
        self.add_errors.clear()
        name, prefix, parent = (
            self.new_name.text(),
            self.new_prefix.text(),
            self.new_parent.currentData(),
        )

        def done(_op: Any) -> None:
            self.new_name.clear()
            self.new_prefix.clear()

        self.ctx.op(
            self, lambda col: col.admin.create_office(name, prefix, parent_id=parent)
        ).success(done).failure(
            lambda e: isinstance(e, ValidationError) and self.add_errors.show(e)
        ).run_in_background()


class StaffTab(QWidget):
    """Staff members, their roles and offices; roles with their permissions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        inactive = self.tr("inactive")
        self.model = RowsModel[dto.StaffInfo](
            [
                Column(
                    self.tr("Name"), lambda s: s.name, color=lambda s: None if s.active else GREY
                ),
                Column(self.tr("Username"), lambda s: s.username),
                Column(self.tr("Role"), lambda s: ctx.role_name(s.role_code)),
                Column(self.tr("Office"), lambda s: ctx.office_name(s.office_id)),
                Column(self.tr("Phone"), lambda s: s.phone or ""),
                Column(self.tr("Status"), lambda s: "" if s.active else inactive),
            ],
            key=lambda s: (s.id, s.version),
        )
        self.view = make_table(self.model, fit=True)
        self.view.setObjectName("staffTable")
        layout.addWidget(self.view, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        self.toggle_button = QPushButton(self.tr("Activate / deactivate"))
        self.toggle_button.clicked.connect(self.toggle_active)
        row.addWidget(self.toggle_button)
        layout.addLayout(row)

        add_box = QGroupBox(self.tr("Add a staff member"))
        form = QFormLayout(add_box)
        self.errors = FormErrors(QLabel(), ctx.lang, self)
        self.name = QLineEdit()
        self.username = QLineEdit()
        self.role = QComboBox()
        self.office = QComboBox()
        self.phone = QLineEdit()
        self.errors.add_row(form, self.tr("Name"), self.name, "name")
        self.errors.add_row(form, self.tr("Username"), self.username, "username")
        self.errors.add_row(form, self.tr("Role"), self.role, "role_code")
        form.addRow(self.tr("Office"), self.office)
        self.errors.add_row(form, self.tr("Phone"), self.phone, "phone")
        form.addRow("", self.errors.general)
        add_button = QPushButton(self.tr("Add staff member"))
        add_button.setObjectName("addStaff")
        add_button.clicked.connect(self.add_staff)
        form.addRow("", add_button)
        layout.addWidget(add_box)

        self.roles = RowsModel[dto.RoleInfo](
            [
                Column(self.tr("Role"), lambda r: r.name_zh if ctx.lang == "zh" else r.name_en),
                Column(self.tr("Code"), lambda r: r.code),
                Column(self.tr("Permissions"), lambda r: " ".join(r.permissions)),
            ],
            key=lambda r: (r.code, r.permissions),
        )
        roles_box = QGroupBox(self.tr("Roles"))
        roles_lay = QVBoxLayout(roles_box)
        self.roles_view = make_table(self.roles, fit=True)
        roles_lay.addWidget(self.roles_view)
        layout.addWidget(roles_box, 1)
        ctx.reference_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.ctx.staff)
        self.roles.set_rows(self.ctx.roles)
        for combo, items in (
            (self.role, [(self.ctx.role_name(r.code), r.code) for r in self.ctx.roles]),
            (self.office, [(o.short_name or o.name, o.id) for o in self.ctx.offices]),
        ):
            current = combo.currentData()
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(current), 0))

    def add_staff(self) -> None:
        self.errors.clear()
        name, user = self.name.text(), self.username.text()
        role, office = self.role.currentData() or "", self.office.currentData()
        phone = self.phone.text().strip() or None

        def done(_op: Any) -> None:
            for edit in (self.name, self.username, self.phone):
                edit.clear()

        self.ctx.op(
            self,
            lambda col: col.admin.create_staff(name, user, role, office_id=office, phone=phone),
        ).success(done).failure(
            lambda e: isinstance(e, ValidationError) and self.errors.show(e)
        ).run_in_background()

    def toggle_active(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        member = self.model.row(index.row())
        self.ctx.op(
            self,
            lambda col: col.admin.update_staff(
                member.id, expected_version=member.version, active=not member.active
            ),
        ).run_in_background()
