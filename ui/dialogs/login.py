"""Sign-in at start, first password, forced password change, and the idle lock.

The dialogs only collect text and call functions they are given (which run the core's
:class:`legalaid.security.auth.Auth` on the database worker); they hold no data.

Start-up (see ``desktop_sign_in``): a plain desk is opened first and the user signs in
against it; an encrypted desk cannot be opened before the password is known, so the
sign-in itself opens it (``legalaid.security.desk.sign_in`` on the worker).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from legalaid import dto
from legalaid.errors import LegalAidError, ValidationError
from ui.signin import auth as _auth
from ui.signin import sign_in_required as sign_in_required  # re-exported

Authenticate = Callable[[str, str], Any]  # -> legalaid.security.auth.LoginResult


def _message(exc: LegalAidError, lang: str) -> str:
    if isinstance(exc, ValidationError) and exc.errors:
        return "\n".join(e.zh if lang == "zh" else e.en for e in exc.errors)
    return exc.zh if lang == "zh" else exc.en


class LoginDialog(QDialog):
    """Username and password; stays open with a message until a sign-in succeeds."""

    def __init__(
        self,
        authenticate: Authenticate,
        *,
        username: str = "",
        lang: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._authenticate = authenticate
        self._lang = lang
        self.result_value: Any = None
        self.setWindowTitle(self.tr("Sign in — legalaid"))
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def try_sign_in(self) -> None:
        user, password = self.username.text().strip(), self.password.text()
        if not user or not password:
            self.error.setText(self.tr("Enter your username and password."))
            return
        try:
            self.result_value = self._authenticate(user, password)
        except LegalAidError as exc:
            self.password.clear()
            self.password.setFocus()
            self.error.setText(_message(exc, self._lang))
            return
        self.accept()


class PasswordDialog(QDialog):
    """A new password typed twice; with the current one when ``ask_old``."""

    def __init__(
        self,
        change: Callable[[str, str], None],
        *,
        ask_old: bool,
        title: str,
        explanation: str = "",
        lang: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._change = change
        self._lang = lang
        self.setWindowTitle(title)
        self.old = QLineEdit()
        self.old.setObjectName("old")
        self.new = QLineEdit()
        self.new.setObjectName("new")
        self.again = QLineEdit()
        self.again.setObjectName("again")
        for w in (self.old, self.new, self.again):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        if ask_old:
            form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if explanation:
            note = QLabel(explanation)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_change(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(self.tr("The two new passwords differ."))
            return
        try:
            self._change(self.old.text(), self.new.text())
        except LegalAidError as exc:
            self.error.setText(_message(exc, self._lang))
            return
        self.accept()


class IdleLock(QObject):
    """Locks the desktop after ``minutes`` without keyboard or mouse input.

    While locked the windows are hidden and an unlock dialog asks for the signed-in
    user's password (``verify(password) -> bool``). ``minutes == 0`` turns it off.
    """

    locked = Signal()
    unlocked = Signal()

    _INPUT = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )

    def __init__(
        self,
        minutes: int,
        verify: Callable[[str], bool],
        windows: Callable[[], list[QWidget]],
        *,
        lang: str = "zh",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._verify = verify
        self._windows = windows
        self._lang = lang
        self.is_locked = False
        self._hidden: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock_now)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(int(minutes), 0)
        if self.minutes:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.is_locked and self.minutes and event.type() in self._INPUT:
            self.timer.start(self.minutes * 60_000)
        return False

    def lock_now(self) -> None:
        if self.is_locked:
            return
        self.is_locked = True
        self._hidden = [w for w in self._windows() if w.isVisible()]
        for w in self._hidden:
            w.hide()
        self.locked.emit()
        self.dialog = UnlockDialog(self._verify, lang=self._lang)
        self.dialog.accepted.connect(self._on_unlocked)
        self.dialog.open()

    def _on_unlocked(self) -> None:
        self.is_locked = False
        for w in self._hidden:
            w.show()
        self._hidden = []
        self.set_minutes(self.minutes)
        self.unlocked.emit()


class UnlockDialog(QDialog):
    """The lock screen: the signed-in user's password to go on."""

    def __init__(
        self, verify: Callable[[str], bool], *, lang: str = "zh", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._verify = verify
        self.setWindowTitle(self.tr("legalaid is locked"))
        self.setModal(True)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        buttons.accepted.connect(self.try_unlock)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("The desk was locked after a period without use. Enter your password."))
        )
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_unlock(self) -> None:
        if self._verify(self.password.text()):
            self.accept()
        else:
            self.password.clear()
            self.error.setText(self.tr("Wrong password."))

    def reject(self) -> None:  # Esc must not unlock
        pass


# -- start-up wiring --------------------------------------------------------------------------


def desktop_sign_in(
    tasks: Any,
    wait_for: Callable[[Any, Callable[[Any], Any]], Any],
    db_path: Path,
    *,
    username: str = "",
    lang: str = "zh",
    today: Callable[[], date] | None = None,
) -> dto.StaffInfo | None:
    """Sign a user in at start; returns the signed-in staff member (None: cancelled).

    Opens the desk on the worker (``tasks.worker.col``) when it is not open yet (an
    encrypted desk is opened by the sign-in itself), asks for a first password on a
    new desk, and for a new password after an administrator's reset.
    """
    from legalaid.security.sqlfiles import is_encrypted

    encrypted = is_encrypted(db_path)

    def first_password_needed(col: Any) -> Any:
        from legalaid.security.auth import Auth

        auth = Auth(col)
        if not auth.needs_setup():
            return None
        admins = [s for s in col.admin.staff() if s.role_code == "admin"]
        return admins[0] if admins else None

    if not encrypted:
        admin = wait_for(tasks, first_password_needed)
        if admin is not None:

            def set_first(_old: str, new: str) -> None:
                wait_for(tasks, lambda col: _auth(col).set_password(admin.id, new))

            first = PasswordDialog(
                set_first,
                ask_old=False,
                title=QApplication.translate("Login", "Set the administrator's password"),
                explanation=QApplication.translate(
                    "Login", "Choose the password of the administrator {0}."
                ).format(admin.username),
                lang=lang,
            )
            if first.exec() != QDialog.DialogCode.Accepted:
                return None
            username = username or admin.username

    def authenticate(user: str, password: str) -> Any:
        def work(col: Any) -> Any:
            if encrypted:
                from legalaid.security.desk import sign_in

                if col is not None:
                    col.close()
                opened, result = sign_in(db_path, user, password, today=today)
                tasks.worker.col = opened
                return result
            result = _auth(col).login(user, password)
            col.set_actor(result.staff)
            return result

        return wait_for(tasks, work)

    dialog = LoginDialog(authenticate, username=username, lang=lang)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    result = dialog.result_value
    staff: dto.StaffInfo = result.staff
    if result.must_change_password:

        def change(old: str, new: str) -> None:
            wait_for(tasks, lambda col: _auth(col).change_password(staff.id, old, new))

        forced = PasswordDialog(
            change,
            ask_old=True,
            title=QApplication.translate("Login", "Change your password"),
            explanation=QApplication.translate(
                "Login", "Your password was reset by an administrator. Choose a new one."
            ),
            lang=lang,
        )
        if forced.exec() != QDialog.DialogCode.Accepted:
            return None
    return staff


def make_idle_lock(
    tasks: Any,
    wait_for: Callable[[Any, Callable[[Any], Any]], Any],
    staff: dto.StaffInfo,
    windows: Callable[[], list[QWidget]],
    *,
    lang: str = "zh",
) -> IdleLock:
    """An idle lock with the desk's policy (``security.idle_lock_minutes``), started."""
    minutes = int(wait_for(tasks, lambda col: _auth(col).idle_lock_minutes()))

    def verify(password: str) -> bool:
        return bool(wait_for(tasks, lambda col: _auth(col).verify(staff.id, password)))

    lock = IdleLock(minutes, verify, windows, lang=lang)
    lock.start()
    return lock
