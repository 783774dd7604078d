"""Settings → Sync: the sync server's address and the sign-in (on the worker)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalaid.sync.state import SyncStatus
from ui.sync.controller import INTERVAL_KEY, SyncController


class SyncSettingsTab(QWidget):
    """The "Sync server" group: URL, user name, password → sign in; the interval."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("syncSettings")
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Sync server"))
        form = QFormLayout(box)
        self.url = QLineEdit()
        self.url.setObjectName("syncUrl")
        self.url.setPlaceholderText("https://sync.example.org")
        self.username = QLineEdit()
        self.username.setObjectName("syncUser")
        self.password = QLineEdit()
        self.password.setObjectName("syncPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("syncLoginError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.state = QLabel()
        self.state.setObjectName("syncLoginState")
        self.login_button = QPushButton(self.tr("Sign in and sync"))
        self.login_button.setObjectName("syncLogin")
        self.login_button.clicked.connect(self.sign_in)
        self.password.returnPressed.connect(self.sign_in)
        self.interval = QSpinBox()
        self.interval.setRange(0, 240)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setSpecialValueText(self.tr("only on demand (F9)"))
        self.interval.setValue(controller.timer.interval() // 60_000 if controller.timer.isActive()
                               else 0)
        self.interval.valueChanged.connect(self._interval)
        form.addRow(self.tr("Server address:"), self.url)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.error)
        form.addRow("", self.login_button)
        form.addRow(self.tr("State:"), self.state)
        form.addRow(self.tr("Sync every:"), self.interval)
        layout.addWidget(box)
        layout.addStretch(1)
        controller.status_changed.connect(self.state.setText)
        controller.refresh(self._fill)

    def _fill(self) -> None:
        st = self.controller.status
        if st is not None:
            if not self.url.text():
                self.url.setText(st.server_url or "")
            if not self.username.text():
                self.username.setText(st.username or "")
        self.state.setText(self.controller.text())

    def _interval(self, minutes: int) -> None:
        self.controller.ctx.settings.setValue(INTERVAL_KEY, minutes)
        self.controller.set_interval(minutes)

    def sign_in(self) -> None:
        url = self.url.text().strip()
        user = self.username.text().strip()
        if not url.startswith(("http://", "https://")):
            self._failed(self.tr("Enter the server address, e.g. https://sync.example.org"))
            return
        if not user or not self.password.text():
            self._failed(self.tr("Enter the user name and the password"))
            return
        self.error.hide()
        self.login_button.setEnabled(False)
        self.controller.login(url, user, self.password.text(), self._done, self._failed)

    def _done(self, _st: SyncStatus) -> None:
        self.password.clear()
        self.login_button.setEnabled(True)
        self.error.hide()

    def _failed(self, text: str) -> None:
        self.login_button.setEnabled(True)
        self.error.setText(text)
        self.error.show()
