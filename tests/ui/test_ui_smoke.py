from __future__ import annotations

from desk_helpers import wait_idle
from PySide6.QtCore import Qt

from ui.main_window import MainWindow


def test_main_window_opens_with_pages(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, ctx)
    assert window.nav.count() == 6
    assert window.nav.item(0).text() == "工作台"
    assert "李明" in window.user_label.text()
    assert window.dashboard.data is not None
    assert window.dashboard.data.open_cases == 1


def test_main_py_starts_and_shows_the_window(tmp_path, db_path) -> None:
    """The real entry point, in its own process, on an existing desk database."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LEGALAID_DATA_DIR": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }
    out = subprocess.run(
        [sys.executable, str(root / "main.py"), "--db", str(db_path), "--quit-after-show"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "window shown after" in out.stdout
    assert (tmp_path / "legalaid.log").exists()


def test_start_up_loads_only_what_the_first_page_needs(tmp_path, db_path) -> None:
    """Start-up imports neither Alembic (the desk is current) nor what only later pages,
    exports, documents or sync need; those load on first use."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LEGALAID_DATA_DIR": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }
    heavy = [
        "alembic",
        "argon2",
        "cn2an",
        "docx",
        "docxtpl",
        "fastapi",
        "httpx",
        "openpyxl",
        "reportlab",
        "uvicorn",
        "legalaid.reports",
        "ui.pages.cases",
        "ui.pages.settings",
        "ui.pages.report_view",
    ]
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(root)!r})\n"
        "from ui.app import run\n"
        f"run(['--db', {str(db_path)!r}, '--quit-after-show'])\n"
        f"heavy = {heavy!r}\n"
        "print('LOADED', sorted(h for h in heavy if any(m == h or m.startswith(h + '.') "
        "for m in sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "window shown after" in out.stdout
    assert "LOADED []" in out.stdout, out.stdout


def test_pages_are_built_when_first_shown(qtbot, ctx) -> None:
    from ui.main_window import CASES, DASHBOARD, PAGES, SETTINGS

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.is_built(DASHBOARD)
    assert not window.is_built(CASES) and not window.is_built(SETTINGS)
    window.show_page(CASES)
    assert window.is_built(CASES)
    assert window.stack.currentWidget() is window.cases
    assert window.stack.count() == len(PAGES)
    assert window.stack.indexOf(window.cases) == CASES
    # The sync tab is added to the settings page when that page is built.
    tab = window.sync_ui.settings_tab
    assert window.is_built(SETTINGS)
    assert window.settings_page.indexOf(tab) >= 0
    assert window.stack.currentWidget() is window.cases  # building did not switch pages
    wait_idle(qtbot, ctx)
    window.build_pages_when_idle()
    qtbot.waitUntil(lambda: all(window.is_built(i) for i in range(len(PAGES))), timeout=20000)
    wait_idle(qtbot, ctx)
    assert window.nav.currentRow() == CASES


def test_switching_to_english_rebuilds_the_window(qtbot, ctx) -> None:
    from ui.app import Desktop
    from ui.i18n import install_translators

    desktop = Desktop(ctx)
    window = desktop.show_main_window()
    qtbot.addWidget(window)
    wait_idle(qtbot, ctx)
    try:
        window.settings_page.language.buttons["en"].setChecked(True)
        window.settings_page.language.apply()
        english = desktop.window
        qtbot.addWidget(english)
        assert english is not window
        assert english.nav.item(0).text() == "Dashboard"
        wait_idle(qtbot, ctx)
        assert english.cases.model.headerData(0, Qt.Orientation.Horizontal) == "Case number"
    finally:
        ctx.lang = "zh"
        install_translators("zh")


def test_geometry_and_page_are_remembered(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(1000, 540)  # the offscreen screen is 800×600: compare heights
    height = window.size().height()
    assert height < 768  # not the default size
    window.show_page(3)
    window.save_state()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.nav.currentRow() == 3
    assert again.size().height() == height


def test_keyboard_shortcuts(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.new_consultation_action.shortcut().toString() == "Ctrl+N"
    assert window.new_case_action.shortcut().toString() == "Ctrl+Shift+N"
    assert window.search_action.shortcut().toString() == "Ctrl+F"
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    window.search_action.trigger()
    assert window.stack.currentWidget() is window.cases
    dialog = window.new_case()
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    dialog.close()


def test_new_case_dialog_validates_next_to_fields_and_creates(qtbot, ctx) -> None:
    from desk_helpers import type_text

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dialog = window.new_case()
    dialog.submit()  # empty title
    wait_idle(qtbot, ctx)
    assert dialog.errors.message("title")
    type_text(qtbot, dialog.title, "李四追索加班费案")
    type_text(qtbot, dialog.applicant, "李四")
    qtbot.keyClicks(dialog.amount, "abc")
    dialog.submit()
    wait_idle(qtbot, ctx)
    assert dialog.errors.message("amount_claimed")
    dialog.amount.setText("12345.60")
    with qtbot.waitSignal(window.case_opened, timeout=10000) as opened:
        dialog.submit()
    wait_idle(qtbot, ctx)
    shown = window.case_windows[opened.args[0]]
    shown.close()


def test_database_location(tmp_path, monkeypatch) -> None:
    from ui import paths

    monkeypatch.setenv("LEGALAID_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("LEGALAID_DB", raising=False)
    assert paths.database_path() == tmp_path / "data" / "legalaid.sqlite3"
    monkeypatch.setenv("LEGALAID_DB", str(tmp_path / "env.db"))
    assert paths.database_path() == tmp_path / "env.db"
    assert paths.database_path(str(tmp_path / "cli" / "x.db")) == tmp_path / "cli" / "x.db"
    assert (tmp_path / "cli").is_dir()
