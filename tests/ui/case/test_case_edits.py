"""Editing a case's overview: undo, validation at the field, saving with the version read,
closing with unsaved changes, and two windows (or two desks) on the same case."""

from __future__ import annotations

from typing import Any

import shiboken6
from case_flow import fill, find_dialog, press_ok, wait_closed
from case_helpers import Desk, make_ctx, new_case, wait_loaded
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from ui.case import open_case_window
from ui.case.window import CaseWindow


def _open(qtbot: Any, ctx: Any, case_id: str, *, fresh: bool = False) -> CaseWindow:
    window = CaseWindow(ctx, case_id) if fresh else open_case_window(ctx, case_id)
    if fresh:  # a second window on the same case, outside the one-per-case registry
        window.show()
        qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "_closing_ok", True))
    wait_loaded(qtbot, window)
    window.tabs.setCurrentWidget(window.overview)
    return window


def _message_box(qtbot: Any, window: CaseWindow, name: str) -> QMessageBox:
    box: list[QMessageBox] = []

    def shown() -> bool:
        box[:] = [
            b
            for b in window.findChildren(QMessageBox, name)
            if shiboken6.isValid(b) and b.isVisible()
        ]
        return bool(box)

    qtbot.waitUntil(shown, timeout=10000)
    return box[-1]


def _click(qtbot: Any, box: QMessageBox, name: str) -> None:
    button = box.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _retype(line: Any, text: str) -> None:
    """Replace a line edit's text as typing (or an input method) does."""
    line.setFocus()
    line.selectAll()
    line.insert(text)


def _version(window: CaseWindow) -> int:
    assert window.detail is not None
    return window.detail.case.version


def test_edit_undo_validate_and_save(qtbot, ctx, desk: Desk) -> None:
    case = new_case(desk)
    window = _open(qtbot, ctx, case.id)
    form = window.overview
    assert not form.is_dirty() and not window.save_action.isEnabled()
    form.title.setFocus()
    form.title.end(False)
    qtbot.keyClicks(form.title, " II")
    form.dispute_type.set_code("overtime")
    assert form.changed_fields().keys() == {"title", "dispute_type"}
    assert window.isWindowModified() and window.save_action.isEnabled()
    assert "标题" in form.state.text() and "案由" in form.state.text()
    assert form.undo_stack.count() == 2  # the typed characters merged into one step

    window.undo_action.trigger()
    assert form.dispute_type.code() == "wage_arrears"
    window.undo_action.trigger()
    assert form.title.text() == case.title and not form.is_dirty()
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert form.title.text() == case.title + " II"

    # A bad amount: the core's message appears under the field; nothing is saved.
    form.amount_claimed.clear()
    qtbot.keyClicks(form.amount_claimed, "12abc")
    before = _version(window)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    error = form.findChild(type(form.state), "error_amount_claimed")
    qtbot.waitUntil(lambda: error.isVisible(), timeout=10000)
    assert error.text()
    assert desk.col.cases.get(case.id).version == before

    form.amount_claimed.clear()
    qtbot.keyClicks(form.amount_claimed, "23,456.70")
    with qtbot.waitSignal(form.saved, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = desk.col.cases.get(case.id)
    assert saved.title == case.title + " II"
    assert saved.amount_claimed_fen == 2_345_670
    assert saved.version == before + 1
    wait_loaded(qtbot, window, lambda: _version(window) == saved.version)
    assert not form.is_dirty() and not error.isVisible()
    assert form.amount_claimed.text() == "23456.70"


def test_closing_with_unsaved_changes_asks(qtbot, ctx, desk: Desk) -> None:
    case = new_case(desk)
    window = _open(qtbot, ctx, case.id)
    window.overview.facts.setPlainText("补充：项目经理承诺春节前结清。")
    window.close()
    box = _message_box(qtbot, window, "unsavedPrompt")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert window.isVisible() and window.overview.is_dirty()

    window.close()
    box = _message_box(qtbot, window, "unsavedPrompt")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(window) or not window.isVisible(), timeout=10000)
    assert desk.col.cases.get(case.id).facts == "补充：项目经理承诺春节前结清。"

    window = _open(qtbot, ctx, case.id)
    window.overview.facts.setPlainText("不会保存的修改")
    window.close()
    box = _message_box(qtbot, window, "unsavedPrompt")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(window) or not window.isVisible(), timeout=10000)
    assert desk.col.cases.get(case.id).facts == "补充：项目经理承诺春节前结清。"


def test_two_desks_never_overwrite_silently(qtbot, qapp, desk: Desk) -> None:
    """Two desktops on one database (no shared change broadcast): the later save sees the
    conflict; the user overwrites in one window and reloads in the other."""
    case = new_case(desk)
    ctx_a, ctx_b = make_ctx(desk, desk.lawyer), make_ctx(desk, desk.lawyer)
    try:
        a = _open(qtbot, ctx_a, case.id, fresh=True)
        b = _open(qtbot, ctx_b, case.id, fresh=True)
        _retype(a.overview.title, "宏达花园项目农民工欠薪案（甲）")
        with qtbot.waitSignal(a.overview.saved, timeout=10000):
            a.overview.save()

        b.overview.facts.setPlainText("乙窗口补充的案情")
        b.overview.save()
        box = _message_box(qtbot, b, "staleConflict")
        assert "已被他人修改" in box.text()
        with qtbot.waitSignal(b.overview.saved, timeout=10000):
            _click(qtbot, box, "overwriteButton")
        core = desk.col.cases.get(case.id)
        assert core.title == "宏达花园项目农民工欠薪案（甲）"  # A's field kept
        assert core.facts == "乙窗口补充的案情"  # B's field saved over the new version

        # A still holds the version before B's save: its next save conflicts; reload.
        _retype(a.overview.title, "甲再次修改的标题")
        a.overview.save()
        box = _message_box(qtbot, a, "staleConflict")
        _click(qtbot, box, "reloadButton")
        wait_loaded(qtbot, a, lambda: a.overview.facts.toPlainText() == "乙窗口补充的案情")
        assert a.overview.title.text() == "宏达花园项目农民工欠薪案（甲）"
        assert not a.overview.is_dirty()
        assert desk.col.cases.get(case.id).title == "宏达花园项目农民工欠薪案（甲）"
    finally:
        for c in (ctx_a, ctx_b):
            for w in c.findChildren(CaseWindow):
                w.deleteLater()
        ctx_a.tasks.shutdown()
        ctx_b.tasks.shutdown()


def test_two_windows_one_desk_merge_or_warn(qtbot, ctx, desk: Desk) -> None:
    """A change broadcast from another window: fields this window did not touch are taken,
    a field edited in both shows the banner and the save asks."""
    case = new_case(desk)
    one = _open(qtbot, ctx, case.id)
    two = _open(qtbot, ctx, case.id, fresh=True)
    two.overview.facts.setPlainText("二号窗口写的案情")
    _retype(one.overview.title, "一号窗口改的标题")
    with qtbot.waitSignal(one.overview.saved, timeout=10000):
        one.overview.save()
    wait_loaded(qtbot, two, lambda: two.overview.title.text() == "一号窗口改的标题")
    assert two.overview.facts.toPlainText() == "二号窗口写的案情"  # still mine, unsaved
    assert not two.banner.isVisible()
    with qtbot.waitSignal(two.overview.saved, timeout=10000):
        two.overview.save()  # no conflict: the version was adopted with the merge
    core = desk.col.cases.get(case.id)
    assert (core.title, core.facts) == ("一号窗口改的标题", "二号窗口写的案情")

    wait_loaded(qtbot, one, lambda: one.overview.facts.toPlainText() == "二号窗口写的案情")
    _retype(two.overview.title, "二号的标题")
    _retype(one.overview.title, "一号的标题")
    with qtbot.waitSignal(one.overview.saved, timeout=10000):
        one.overview.save()
    qtbot.waitUntil(lambda: two.banner.isVisible(), timeout=10000)
    assert two.overview.title.text() == "二号的标题"  # the user's text is kept
    two.overview.save()
    box = _message_box(qtbot, two, "staleConflict")
    _click(qtbot, box, "reloadButton")
    wait_loaded(qtbot, two, lambda: two.overview.title.text() == "一号的标题")
    assert not two.banner.isVisible() and not two.overview.is_dirty()


def test_status_dialog_shows_core_errors_at_fields(qtbot, ctx, desk: Desk) -> None:
    case = new_case(desk)
    window = _open(qtbot, ctx, case.id)
    qtbot.mouseClick(window.header.step_buttons["refused"], Qt.MouseButton.LeftButton)
    dlg = find_dialog(qtbot, window, "transitionDialog")
    press_ok(qtbot, dlg)
    qtbot.waitUntil(lambda: bool(dlg.errors.message("reason")), timeout=10000)
    assert "理由" in dlg.errors.message("reason")
    fill(qtbot, dlg, reason="申请人经济状况不符合援助条件")
    press_ok(qtbot, dlg)
    wait_closed(qtbot, dlg)
    wait_loaded(qtbot, window, lambda: window.detail.case.status == "refused")
    assert window.header.step_buttons.keys() == {"eligibility_review"}
    assert "重新办理" in window.header.step_buttons["eligibility_review"].text()
    # The status menu offers the same steps, for the keyboard.
    names = [a.objectName() for a in window.status_menu.actions()]
    assert names == ["to_eligibility_review"]
