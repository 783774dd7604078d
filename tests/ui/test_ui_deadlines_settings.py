"""Deadlines page and calculator; settings; errors; first run."""

from __future__ import annotations

from datetime import date

from desk_helpers import type_text, wait_idle
from PySide6.QtWidgets import QApplication

from legalaid.errors import NotFoundError
from ui.dialogs.deadline_calculator import DeadlineCalculator
from ui.dialogs.first_run import FirstRunDialog
from ui.errors import ErrorDialog, show_error
from ui.pages.deadlines import DeadlinesPage
from ui.pages.settings import SettingsPage


def test_calculator_shows_holiday_roll_over(qtbot, ctx) -> None:
    dialog = DeadlineCalculator(ctx)
    qtbot.addWidget(dialog)
    wait_idle(qtbot, ctx)
    assert dialog.rule.count() > 10
    dialog.set_inputs("nonfinal_award_suit", date(2024, 9, 20))
    qtbot.waitUntil(
        lambda: dialog.computation is not None and dialog.computation.due == date(2024, 10, 8)
    )
    assert dialog.due.text() == "届满日：2024-10-08"
    text = dialog.reasoning.toPlainText()
    assert "国庆" in text and "顺延至 2024-10-08" in text


def test_deadlines_page_lists_and_marks_calendar(qtbot, ctx, qtmodeltester) -> None:
    page = DeadlinesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, ctx)
    # The seeded case has its legal-aid decision deadline (7 days after receipt: overdue).
    page.mode.setCurrentIndex(page.mode.findData("open"))
    wait_idle(qtbot, ctx)
    rows = page.model.rows()
    assert rows and rows[0].statutory
    qtmodeltester.check(page.model)
    assert page.model.data(page.model.index(0, 2)) == "法定"
    due = rows[0].due_on
    if due < ctx.today():
        assert page.model.data(page.model.index(0, 0), 9).color().name() == "#c62828"
        page.mode.setCurrentIndex(page.mode.findData("overdue"))
        wait_idle(qtbot, ctx)
        assert page.model.rowCount() >= 1
    page.calendar.setCurrentPage(due.year, due.month)
    wait_idle(qtbot, ctx)
    assert due in page.marked_dates()
    page.view.selectRow(0)
    page.mode.setCurrentIndex(page.mode.findData("open"))
    wait_idle(qtbot, ctx)
    page.view.selectRow(0)
    assert "法律援助" in page.reasoning.toPlainText()
    # Marking it done removes it from the open list.
    page.mark_done()
    wait_idle(qtbot, ctx)
    assert all(d.id != rows[0].id for d in page.model.rows())


def test_settings_staff_office_fonts_holidays(qtbot, ctx, qtmodeltester) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, ctx)
    staff = page.staff
    assert {s.username for s in staff.model.rows()} == {"liming", "wang"}
    qtmodeltester.check(staff.model)
    type_text(qtbot, staff.name, "陈调解员")
    qtbot.keyClicks(staff.username, "chen")
    staff.role.setCurrentIndex(staff.role.findData("mediator"))
    staff.add_staff()
    wait_idle(qtbot, ctx)
    assert "chen" in {s.username for s in staff.model.rows()}
    # A duplicate username: the message appears next to the username field.
    type_text(qtbot, staff.name, "另一个")
    qtbot.keyClicks(staff.username, "CHEN")
    staff.add_staff()
    wait_idle(qtbot, ctx)
    assert "chen" in staff.errors.message("username").lower()

    offices = page.offices
    qtmodeltester.check(offices.model)
    offices.view.selectRow(0)
    offices.number_format.setText("{prefix}〔{year}〕{seq:05d}号")
    assert offices.preview.text().endswith("00007号")
    offices.save_selected()
    wait_idle(qtbot, ctx)
    assert ctx.offices[0].number_format == "{prefix}〔{year}〕{seq:05d}号"
    offices.number_format.setText("{prefix}{year}")
    offices.save_selected()
    wait_idle(qtbot, ctx)
    assert offices.edit_errors.message("number_format")

    docs = page.documents
    docs.combos["doc_font_body"].setCurrentText("AR PL KaitiM GB")
    docs.save()
    wait_idle(qtbot, ctx)
    values = {}
    ctx.query(None, lambda col: col.admin.get_setting("doc_font_body")).success(
        lambda v: values.setdefault("body", v)
    ).run_in_background()
    wait_idle(qtbot, ctx)
    assert values["body"] == "AR PL KaitiM GB"

    hol = page.holidays
    hol.text.setPlainText("years,2031\ndate,kind,name\n2031-01-01,holiday,元旦\n")
    hol.import_text()
    wait_idle(qtbot, ctx)
    assert "2031" in hol.years.text()
    hol.text.setPlainText("years,2032\n2032-13-01,holiday,x\n")
    hol.import_text()
    wait_idle(qtbot, ctx)
    assert hol.result.text() and "2032" not in hol.years.text()


def test_language_switch_is_remembered(qtbot, ctx) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.language_chosen) as chosen:
        page.language.buttons["en"].setChecked(True)
        page.language.apply()
    assert chosen.args == ["en"]
    assert ctx.settings.value("ui/language") == "en"


def test_unexpected_error_dialog_is_copyable_and_logged(qtbot, ctx, tmp_path) -> None:
    def boom(_col):
        raise RuntimeError("disk on fire")

    ctx.query(None, boom).run_in_background()
    wait_idle(qtbot, ctx)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog)]
    shown = [d for d in dialogs if "disk on fire" in d.report]
    assert shown
    shown[0].copy_report()
    assert "RuntimeError" in QApplication.clipboard().text()
    for d in dialogs:
        d.close()
    box = show_error(None, NotFoundError("案件不存在", "No such case"), "zh")
    assert box is not None and box.text() == "案件不存在"
    box.close()
    # The app keeps working afterwards.
    got = []
    ctx.query(None, lambda col: col.admin.is_initialised()).success(got.append).run_in_background()
    wait_idle(qtbot, ctx)
    assert got == [True]


def test_first_run_creates_office_and_admin(qtbot, tmp_path, settings) -> None:
    from ui.app import choose_actor, is_initialised, open_context

    ctx = open_context(tmp_path / "fresh.sqlite3", settings, "zh")
    try:
        assert not is_initialised(ctx)
        dialog = FirstRunDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.submit()  # empty: errors next to the fields
        wait_idle(qtbot, ctx)
        assert dialog.office_errors.message("name")
        type_text(qtbot, dialog.office_name, "九江市总工会")
        type_text(qtbot, dialog.prefix, "浔工援")
        type_text(qtbot, dialog.admin_name, "周主任")
        qtbot.keyClicks(dialog.username, "zhou")
        with qtbot.waitSignal(dialog.accepted, timeout=10000):
            dialog.submit()
        assert is_initialised(ctx)
        actor = choose_actor(ctx, dialog.admin.username)
        assert actor is not None and actor.role_code == "admin"
        assert ctx.office is not None and ctx.office.case_prefix == "浔工援"
    finally:
        ctx.tasks.shutdown()


def test_excepthook_logs_and_shows_report(qtbot, tmp_path) -> None:
    import logging
    import sys

    from ui.errors import install_excepthook, setup_logging

    log_file = tmp_path / "legalaid.log"
    setup_logging(log_file)
    saved = sys.excepthook
    install_excepthook(lambda: None)
    hook = sys.excepthook
    sys.excepthook = saved
    try:
        raise ValueError("slot blew up")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog)]
    assert any("slot blew up" in d.text.toPlainText() for d in dialogs)
    for d in dialogs:
        d.close()
    root = logging.getLogger()
    for handler in list(root.handlers):
        handler.flush()
        if getattr(handler, "_legalaid", False):
            root.removeHandler(handler)
            handler.close()
    assert "slot blew up" in log_file.read_text(encoding="utf-8")
