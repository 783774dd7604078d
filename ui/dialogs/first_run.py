"""First run: the office (name, case-number prefix), the first administrator, and an
offer of demo data."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.errors import ConfigurationError, ValidationError
from ui.context import AppContext
from ui.widgets.forms import FormErrors

DEMO_MODULE = "legalaid.demo"


def generate_demo(col: Any, cases: int, seed: int = 1, token: Any = None) -> Any:
    """Fill the desk database with a demo history through ``legalaid.demo`` (imported
    only when asked for). The demo brings its own offices and staff."""
    try:
        demo = importlib.import_module(DEMO_MODULE)
    except ImportError as exc:
        raise ConfigurationError(
            "本版本未包含演示数据生成器", "This version has no demo data generator"
        ) from exc

    def progress(_stage: str, done: int, total: int) -> None:
        if token is not None:
            token.progress(done, total)

    return demo.generate(col.path, cases=cases, seed=seed, progress=progress)


class FirstRunDialog(QDialog):
    """Set up an empty database."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to legalaid"))
        self.office: dto.OfficeInfo | None = None
        self.admin: dto.StaffInfo | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A new database will be created at:\n%1").replace("%1", ctx.db_path))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        office_box = QGroupBox(self.tr("Your office"))
        office_form = QFormLayout(office_box)
        self.office_errors = FormErrors(QLabel(), ctx.lang, self)
        self.office_name = QLineEdit()
        self.office_name.setObjectName("officeName")
        self.office_name.setPlaceholderText(self.tr("e.g. 南昌市总工会职工法律援助中心"))
        self.prefix = QLineEdit()
        self.prefix.setObjectName("casePrefix")
        self.prefix.setPlaceholderText(self.tr("e.g. 洪工援"))
        self.office_errors.add_row(office_form, self.tr("Office &name"), self.office_name, "name")
        self.office_errors.add_row(
            office_form, self.tr("Case number &prefix"), self.prefix, "case_prefix"
        )
        office_form.addRow("", self.office_errors.general)
        layout.addWidget(office_box)

        admin_box = QGroupBox(self.tr("First administrator"))
        admin_form = QFormLayout(admin_box)
        self.admin_errors = FormErrors(QLabel(), ctx.lang, self)
        self.admin_name = QLineEdit()
        self.admin_name.setObjectName("adminName")
        self.username = QLineEdit()
        self.username.setObjectName("adminUsername")
        self.admin_errors.add_row(admin_form, self.tr("&Full name"), self.admin_name, "name")
        self.admin_errors.add_row(admin_form, self.tr("&Username"), self.username, "username")
        admin_form.addRow("", self.admin_errors.general)
        layout.addWidget(admin_box)

        self.demo = QCheckBox(self.tr("Fill with demo data to try the program"))
        self.demo.setObjectName("demoData")
        self.demo_cases = QSpinBox()
        self.demo_cases.setRange(10, 100000)
        self.demo_cases.setValue(300)
        self.demo_cases.setSuffix(self.tr(" cases"))
        demo_form = QFormLayout()
        demo_form.addRow(self.demo, self.demo_cases)
        layout.addLayout(demo_form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 0)

    def submit(self) -> None:
        """Create the office, then the administrator, then (optionally) demo data."""
        self.office_errors.clear()
        self.admin_errors.clear()
        self.buttons.setEnabled(False)
        if self.office is None:
            name, prefix = self.office_name.text(), self.prefix.text()
            self.ctx.op(self, lambda col: col.admin.create_office(name, prefix)).success(
                self._office_made
            ).failure(lambda e: self._failed(e, self.office_errors)).run_in_background()
        else:
            self._make_admin()

    def _office_made(self, op: dto.Op[dto.OfficeInfo]) -> None:
        self.office = op.value
        self.office_name.setEnabled(False)
        self.prefix.setEnabled(False)
        self._make_admin()

    def _make_admin(self) -> None:
        assert self.office is not None
        name, user, office_id = self.admin_name.text(), self.username.text(), self.office.id
        self.ctx.op(
            self, lambda col: col.admin.create_staff(name, user, "admin", office_id=office_id)
        ).success(self._admin_made).failure(
            lambda e: self._failed(e, self.admin_errors)
        ).run_in_background()

    def _admin_made(self, op: dto.Op[dto.StaffInfo]) -> None:
        self.admin = op.value
        admin = op.value
        if not self.demo.isChecked():
            self.accept()
            return
        self.status.setText(self.tr("Creating demo data…"))
        cases = self.demo_cases.value()

        def fill(col: Any, token: Any = None) -> dto.Op[None]:
            col.set_actor(admin)
            generate_demo(col, cases, token=token)
            kinds = ("case", "consultation", "deadline", "staff", "office")
            return dto.Op(None, dto.OpChanges.of(*kinds))

        self.ctx.op(self, fill).with_progress(self.tr("Creating demo data")).success(
            lambda _op: self.accept()
        ).failure(self._demo_failed).run_in_background()

    def _demo_failed(self, exc: BaseException) -> bool:
        self.buttons.setEnabled(True)
        self.demo.setChecked(False)
        self.status.setText(self.tr("Demo data could not be created; the database is ready."))
        return False

    def _failed(self, exc: BaseException, errors: FormErrors) -> bool:
        self.buttons.setEnabled(True)
        return isinstance(exc, ValidationError) and errors.show(exc)
