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
