"""The sign-in dialog, password dialogs and the idle lock, with a real desk."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import (
    QEvent,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from legalaid.security.auth import Auth
from tests.trust.conftest import PASSWORD, World
from ui.dialogs.login import IdleLock, LoginDialog, PasswordDialog

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    # The offscreen platform cannot size native windows; harmless there.
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


def test_login_dialog_refuses_then_accepts(qtbot: object, world: World) -> None:
    auth = Auth(world.col)
    dialog = LoginDialog(auth.login, username="lawyer", lang="zh")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.password.setText("wrong-password")
    dialog.try_sign_in()
    assert dialog.result() == 0 and "用户名或密码错误" in dialog.error.text()
    assert dialog.password.text() == ""
    dialog.password.setText(PASSWORD)
    dialog.try_sign_in()
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.result_value.staff.username == "lawyer"


def test_login_dialog_english_and_lockout(qtbot: object, world: World) -> None:
    auth = Auth(world.col)
    dialog = LoginDialog(auth.login, username="lawyer2", lang="en")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    for _ in range(5):
        dialog.password.setText("nope-nope-nope")
        dialog.try_sign_in()
    assert "locked" in dialog.error.text()


def test_password_dialog(qtbot: object, world: World) -> None:
    auth = Auth(world.col)
    me = world.staff["lawyer"]
    world.act("lawyer")
    dialog = PasswordDialog(
        lambda old, new: auth.change_password(me.id, old, new), ask_old=True, title="x", lang="en"
    )
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.old.setText(PASSWORD)
    dialog.new.setText("Another-Pass-77")
    dialog.again.setText("Another-Pass-78")
    dialog.try_change()
    assert dialog.result() == 0 and dialog.error.text()
    dialog.new.setText("short")
    dialog.again.setText("short")
    dialog.try_change()
    assert "at least 8" in dialog.error.text()
    dialog.new.setText("Another-Pass-77")
    dialog.again.setText("Another-Pass-77")
    dialog.try_change()
    assert dialog.result() == PasswordDialog.DialogCode.Accepted
    assert auth.verify(me.id, "Another-Pass-77")


def test_idle_lock_hides_windows_until_the_password(qtbot: object, world: World) -> None:
    auth = Auth(world.col)
    me = world.staff["mediator"]
    window = QWidget()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    lock = IdleLock(10, lambda pw: auth.verify(me.id, pw), lambda: [window])
    lock.start()
    assert lock.timer.isActive()
    # Input restarts the countdown; with 0 minutes there is no lock at all.
    lock.eventFilter(
        window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
    )
    assert lock.timer.isActive()
    lock.lock_now()
    assert lock.is_locked and not window.isVisible()
    lock.dialog.password.setText("wrong")
    lock.dialog.try_unlock()
    lock.dialog.reject()  # Esc does not unlock
    assert lock.is_locked and not window.isVisible()
    lock.dialog.password.setText(PASSWORD)
    lock.dialog.try_unlock()
    assert not lock.is_locked and window.isVisible()
    lock.set_minutes(0)
    assert not lock.timer.isActive()
    lock.stop()


def _answer_dialogs(answers: list[dict[str, str]]) -> None:
    """Fill each modal dialog as it opens (the start-up runs them with exec())."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, step)
            return
        fields = answers.pop(0)
        for name, value in fields.items():
            if name != "submit":
                edit = dialog.findChild(QLineEdit, name)
                edit.setText(value)
        getattr(dialog, fields["submit"])()
        if answers:
            QTimer.singleShot(20, step)

    from PySide6.QtWidgets import QLineEdit

    QTimer.singleShot(0, step)


def test_desktop_sign_in_opens_an_encrypted_desk(qtbot: object, tmp_path: object) -> None:
    from pathlib import Path

    from legalaid.security.desk import encrypt_desk, sign_in
    from tests.trust.conftest import build_world
    from ui.app import wait_for
    from ui.dialogs.login import desktop_sign_in, sign_in_required
    from ui.tasks import TaskManager

    assert isinstance(tmp_path, Path)
    w = build_world(tmp_path / "desk.db")
    w.col.close()
    encrypt_desk(w.path, "admin", PASSWORD, use_keyring=False)
    admin_col, _ = sign_in(w.path, "admin", PASSWORD)
    reset = Auth(admin_col).reset_password(w.staff["lawyer"].id)  # gives the lawyer a slot
    admin_col.close()

    tasks = TaskManager()
    try:
        assert sign_in_required(tasks, wait_for, w.path)
        _answer_dialogs(
            [
                {"password": "wrong-one", "submit": "try_sign_in"},
                {"password": reset, "submit": "try_sign_in"},
                {
                    "old": reset,
                    "new": "Lawyer-New-Pass-1",
                    "again": "Lawyer-New-Pass-1",
                    "submit": "try_change",
                },
            ]
        )
        staff = desktop_sign_in(tasks, wait_for, w.path, username="lawyer", lang="zh")
        assert staff is not None and staff.username == "lawyer"
        assert wait_for(tasks, lambda col: col.actor.username) == "lawyer"
        assert wait_for(tasks, lambda col: Auth(col).verify(staff.id, "Lawyer-New-Pass-1"))
    finally:
        tasks.shutdown()
