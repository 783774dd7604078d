"""Consultation intake driven through the real widgets."""

from __future__ import annotations

from desk_helpers import type_text, wait_idle
from PySide6.QtCore import Qt
from ui_seed import ID_NUMBER

from ui.main_window import MainWindow
from ui.pages.consultations import ConsultationsPage


def _page(qtbot, ctx) -> ConsultationsPage:
    page = ConsultationsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, ctx)
    return page


def test_typing_an_id_number_shows_earlier_records(qtbot, ctx, qtmodeltester) -> None:
    page = _page(qtbot, ctx)
    with qtbot.waitSignal(page.duplicates_shown, timeout=5000) as blocker:
        qtbot.keyClicks(page.form.id_number, ID_NUMBER.lower())  # lowercase still matches
    report = blocker.args[0]
    assert [p.name for p in report.people] == ["张伟"]
    assert [c.title for c in report.cases] == ["张伟追索劳动报酬案"]
    kinds = [page.matches.row(i).kind for i in range(page.matches.rowCount())]
    assert kinds == ["person", "case"]
    assert "1" in page.dup_summary.text()
    qtmodeltester.check(page.matches)
    qtmodeltester.check(page.recent)

    # Linking the person fills the caller's name.
    page.match_view.doubleClicked.emit(page.matches.index(0, 0))
    assert page.form.linked_person is not None
    assert page.form.caller_name.text() == "张伟"


def test_phone_finds_earlier_consultation(qtbot, ctx) -> None:
    page = _page(qtbot, ctx)
    with qtbot.waitSignal(page.duplicates_shown, timeout=5000) as blocker:
        qtbot.keyClicks(page.form.caller_phone, "139 0013 9000")
    assert [c.caller_name for c in blocker.args[0].consultations] == ["王芳"]


def test_unknown_numbers_show_nothing(qtbot, ctx) -> None:
    page = _page(qtbot, ctx)
    with qtbot.waitSignal(page.duplicates_shown, timeout=5000):
        qtbot.keyClicks(page.form.caller_phone, "13700000001")
    assert page.matches.rowCount() == 0
    assert page.dup_summary.text() == "没有既往记录。"


def test_save_shows_validation_next_to_field(qtbot, ctx) -> None:
    page = _page(qtbot, ctx)
    type_text(qtbot, page.form.caller_name, "赵六")
    qtbot.keyClicks(page.form.caller_phone, "12345")  # not a phone number
    page.form.topic.set_code("wage_arrears")
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.form.errors.message("caller_phone") != "", timeout=5000)
    assert page.form.errors.message("caller_name") == ""
    assert page.form.caller_name.text() == "赵六"  # nothing lost


def test_bad_id_number_error_is_shown_at_the_id_field(qtbot, ctx) -> None:
    page = _page(qtbot, ctx)
    type_text(qtbot, page.form.caller_name, "赵六")
    qtbot.keyClicks(page.form.id_number, "110101199003074515")  # wrong check digit
    page.form.topic.set_code("wage_arrears")
    page.form.submit(convert=False)
    qtbot.waitUntil(lambda: page.form.errors.message("id_number") != "", timeout=5000)
    wait_idle(qtbot, ctx)
    assert ctx.tasks.busy is False


def test_save_and_convert_creates_case_and_updates_dashboard(qtbot, ctx, qtmodeltester) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, ctx)
    before = window.dashboard.data
    assert before is not None
    window.new_consultation_action.trigger()
    assert window.stack.currentWidget() is window.consultations
    form = window.consultations.form
    assert form.caller_name.hasFocus() or window.isActiveWindow() is False
    form.channel.set_code("hotline_12351")
    type_text(qtbot, form.caller_name, "刘强")
    qtbot.keyClicks(form.caller_phone, "13512345678")
    qtbot.keyClicks(form.id_number, "360102198805120031")
    form.topic.set_code("wage_arrears")
    type_text(qtbot, form.employer_name, "南昌恒信电子有限公司")
    form.question.setPlainText("公司拖欠三个月工资")
    with qtbot.waitSignal(window.case_opened, timeout=10000) as opened:
        qtbot.mouseClick(form.convert_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    case_id = opened.args[0]
    summary = window.case_windows[case_id]
    qtbot.waitUntil(lambda: summary.detail is not None, timeout=5000)  # type: ignore[attr-defined]
    detail = summary.detail  # type: ignore[attr-defined]
    assert detail.applicants[0].person.name == "刘强"
    assert detail.applicants[0].person.id_number == "360102198805120031"
    assert detail.respondents[0].employer.name == "南昌恒信电子有限公司"
    assert detail.case.source == "hotline_12351"
    # The form is cleared for the next caller; the pages refreshed from the broadcast.
    assert form.caller_name.text() == ""
    after = window.dashboard.data
    assert after is not None and after is not before
    assert after.open_cases == before.open_cases + 1
    assert after.month_consultations == before.month_consultations + 1
    assert any(c.caller_name == "刘强" and c.case_number for c in after.recent_consultations)
    recent = window.consultations.recent.rows()
    assert recent[0].caller_name == "刘强" and recent[0].case_id == case_id
    qtmodeltester.check(window.dashboard.recent)
    qtmodeltester.check(window.dashboard.mine)
    summary.close()


def test_convert_selected_consultation(qtbot, ctx) -> None:
    page = _page(qtbot, ctx)
    rows = page.recent.rows()
    target = next(i for i, c in enumerate(rows) if c.caller_name == "王芳")
    page.recent_view.selectRow(target)
    with qtbot.waitSignal(page.open_case, timeout=5000):
        page.convert_button.click()
    wait_idle(qtbot, ctx)
    converted = next(c for c in page.recent.rows() if c.caller_name == "王芳")
    assert converted.case_id is not None and converted.case_number


def test_ctrl_s_saves_the_consultation(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.new_consultation()
    form = window.consultations.form
    type_text(qtbot, form.caller_name, "孙丽")
    form.topic.set_code("overtime")
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        window.save_action.trigger()
    assert saved.args[0].caller_name == "孙丽"
    assert saved.args[0].staff_id == ctx.actor.id
