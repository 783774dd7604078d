"""Screenshots of every main page at 1366×768 over a demo database.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/screenshots.py [OUT_DIR] [--lang en]

OUT_DIR defaults to $LEGALAID_SCREENSHOTS or ./screenshots. The test
tests/ui/test_ui_screenshots.py runs the same code.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from legalaid import dto  # noqa: E402
from ui.app import choose_actor, open_context, wait_for  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.fonts import install_fonts  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

SIZE = (1366, 768)


def make_demo(path: Path, cases: int = 400) -> Path:
    from legalaid.demo import generate

    generate(path, cases=cases, seed=1, mode="bulk")
    return path


def settle(ctx: AppContext, ms: int = 60) -> None:
    """Let queued database work and repaints finish."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(400):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not ctx.tasks.busy:
            break
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def busiest_staff(ctx: AppContext) -> str | None:
    """The username with the most open cases (a realistic dashboard)."""

    def find(col: Any) -> str | None:
        best, count = None, -1
        for s in col.admin.staff():
            n = col.cases.count(dto.CaseFilter(staff_id=s.id, open_only=True))
            if n > count:
                best, count = s.username, n
        return best

    result: str | None = wait_for(ctx.tasks, find)
    return result


def sample_phone(ctx: AppContext) -> str:
    def find(col: Any) -> str:
        for row in col.cases.page(dto.PageRequest(limit=50)):
            for a in col.cases.detail(row.id).applicants:
                if a.person.phone:
                    return str(a.person.phone)
        return "13800138000"

    phone: str = wait_for(ctx.tasks, find)
    return phone


def grab(widget: QWidget, ctx: AppContext, out: Path, name: str) -> Path:
    settle(ctx)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    return path


def take(db: Path, out: Path, lang: str = "zh") -> list[Path]:
    """Open the main window on ``db`` and save one PNG per page (plus dialogs)."""
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_fonts(app)
    install_translators(lang)
    tmp = Path(tempfile.mkdtemp())
    settings = QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat)
    ctx = open_context(db, settings, lang)
    shots: list[Path] = []
    try:
        choose_actor(ctx, busiest_staff(ctx))
        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        settle(ctx, 200)
        names = ["dashboard", "consultations", "cases", "deadlines", "reports", "settings"]
        for index, name in enumerate(names):
            window.show_page(index)
            if name == "consultations":
                form = window.consultations.form
                phone = sample_phone(ctx)
                form.caller_phone.setText(phone)
                window.consultations.lookup("", phone)  # as after typing it
                form.caller_name.setText("陈小梅")
                form.topic.set_code("wage_arrears")
            if name == "deadlines":
                window.deadlines.mode.setCurrentIndex(window.deadlines.mode.findData("open"))
                window.deadlines.view.selectRow(0)
            if name == "settings":
                window.settings_page.setCurrentWidget(window.settings_page.staff)
            shots.append(grab(window, ctx, out, f"{index + 1}-{name}"))
        window.show_page(2)
        window.cases.view.selectRow(0)
        case_id = window.cases.current_case_id()
        if case_id:
            summary = window.open_case(case_id)
            summary.resize(640, 600)
            shots.append(grab(summary, ctx, out, "7-case-summary"))
            summary.close()
        calc = window.deadlines.open_calculator()
        settle(ctx)
        from datetime import date

        calc.set_inputs("nonfinal_award_suit", date(2024, 9, 20))
        shots.append(grab(calc, ctx, out, "8-deadline-calculator"))
        calc.close()
        dialog = window.new_case()
        shots.append(grab(dialog, ctx, out, "9-new-case"))
        dialog.close()
        window.close()
    finally:
        ctx.tasks.shutdown()
    return shots


def main(argv: list[str]) -> int:
    lang = "en" if "--lang" in argv and argv[argv.index("--lang") + 1] == "en" else "zh"
    args = [a for a in argv if not a.startswith("--") and a not in ("en", "zh")]
    out = Path(args[0] if args else os.environ.get("LEGALAID_SCREENSHOTS", "screenshots"))
    app = QApplication.instance() or QApplication([])
    del app
    with tempfile.TemporaryDirectory() as tmp:
        db = make_demo(Path(tmp) / "demo.sqlite3")
        for shot in take(db, out, lang):
            print(shot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
