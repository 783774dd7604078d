"""Starting the desktop: the QApplication, fonts, language, logging, the database (opened
on the worker thread), the first-run dialog, and the main window."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from legalaid import dto
from ui import paths
from ui.context import AppContext
from ui.errors import install_excepthook, setup_logging, show_unexpected
from ui.fonts import install_fonts
from ui.i18n import install_translators, saved_language
from ui.tasks import TaskManager

log = logging.getLogger(__name__)
USER_KEY = "user/username"
STARTED = time.perf_counter()


def make_settings() -> QSettings:
    """Per-user interface settings (window layout, filters, language)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "legalaid", "desktop")


def wait_for(tasks: TaskManager, fn: Callable[[Any], Any], timeout_ms: int = 120_000) -> Any:
    """Run ``fn(col)`` on the worker and wait for it with a local event loop (start-up
    only, before any window is shown)."""
    loop = QEventLoop()
    box: dict[str, Any] = {}

    def ok(value: Any) -> None:
        box["value"] = value
        loop.quit()

    def bad(exc: BaseException) -> None:
        box["error"] = exc
        loop.quit()

    tasks.submit(fn, ok, bad)
    if "value" not in box and "error" not in box:
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
    if "error" in box:
        raise box["error"]
    if "value" not in box:
        raise TimeoutError("the database did not answer")
    return box["value"]


def open_context(
    db_path: Path,
    settings: QSettings,
    lang: str,
    *,
    today: Callable[[], date] | None = None,
) -> AppContext:
    """Start the worker, open (create/upgrade) the database on it, and build the context."""
    tasks = TaskManager()

    def opener(_col: Any) -> Callable[[], date]:
        from legalaid.collection import Collection
        from legalaid.security.sqlfiles import is_encrypted

        if is_encrypted(db_path):  # opened by the sign-in (ui/dialogs/login.py)
            return today or date.today
        col = Collection(db_path, today=today)
        tasks.worker.col = col
        return col.today

    col_today = wait_for(tasks, opener)
    ctx = AppContext(tasks, settings, lang, today=col_today)
    ctx.db_path = str(db_path)
    return ctx


def is_initialised(ctx: AppContext) -> bool:
    return bool(wait_for(ctx.tasks, lambda col: col.admin.is_initialised()))


def choose_actor(ctx: AppContext, username: str | None = None) -> dto.StaffInfo | None:
    """Who uses this desk: the remembered user, else the first active administrator."""
    staff, offices, roles = wait_for(
        ctx.tasks,
        lambda col: (col.admin.staff(), col.admin.offices(), col.admin.roles()),
    )
    ctx.staff, ctx.offices, ctx.roles = list(staff), list(offices), list(roles)
    wanted = username or str(ctx.settings.value(USER_KEY, "") or "")
    active = [s for s in staff if s.active]
    actor = next((s for s in active if s.username.lower() == wanted.lower()), None)
    actor = actor or next((s for s in active if s.role_code == "admin"), None)
    actor = actor or (active[0] if active else None)
    ctx.actor = actor
    ctx.office = next((o for o in offices if actor and o.id == actor.office_id), None)
    if ctx.office is None and offices:
        ctx.office = offices[0]
    wait_for(ctx.tasks, lambda col: col.set_actor(actor))
    if actor is not None:
        ctx.settings.setValue(USER_KEY, actor.username)
    ctx.reference_changed.emit()
    return actor


class Desktop(QObject):
    """The running desktop: context plus main window (rebuilt when the language changes)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.window: Any = None

    def show_main_window(self) -> Any:
        from ui.main_window import MainWindow

        self.window = MainWindow(self.ctx)
        self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.window.language_chosen.connect(self.switch_language)
        self.window.show()
        self.window.build_pages_when_idle()
        return self.window

    def switch_language(self, lang: str) -> None:
        """Apply a new language by building the window again in it."""
        old = self.window
        old.save_state()
        self.ctx.lang = lang
        install_translators(lang)
        self.ctx.reference_changed.emit()
        self.show_main_window()
        old.hide()
        old.deleteLater()

    def parent_widget(self) -> QWidget | None:
        return self.window if isinstance(self.window, QWidget) else None

    def shutdown(self) -> None:
        self.ctx.tasks.shutdown()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="legalaid-desktop", description="legalaid desktop")
    parser.add_argument("--db", help="database file (default: the user data folder)")
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language")
    parser.add_argument("--user", help="act as this username")
    parser.add_argument(
        "--quit-after-show", action="store_true", help=argparse.SUPPRESS
    )  # start-up timing
    return parser.parse_args(list(argv))


def run(argv: Sequence[str] | None = None, *, started: float | None = None) -> int:
    """Start the desktop; returns the exit code. ``started``: ``time.perf_counter()`` at
    process start (main.py), for the start-up time in the log."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    QCoreApplication.setOrganizationName("legalaid")
    QCoreApplication.setApplicationName("legalaid")
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    setup_logging(paths.log_path())
    install_fonts(app)
    settings = make_settings()
    lang = args.lang or saved_language(settings)
    install_translators(lang)
    db_path = paths.database_path(args.db)
    log.info("opening %s", db_path)
    ctx = open_context(db_path, settings, lang)
    desktop = Desktop(ctx)
    install_excepthook(desktop.parent_widget)
    try:
        from legalaid.security.sqlfiles import is_encrypted
        from ui.signin import sign_in_required

        username, first_run = args.user, False
        if not is_encrypted(db_path) and not is_initialised(ctx):
            from ui.dialogs.first_run import FirstRunDialog

            dialog = FirstRunDialog(ctx)
            if dialog.exec() != QDialog.DialogCode.Accepted and dialog.admin is None:
                desktop.shutdown()
                return 1
            username, first_run = (dialog.admin.username if dialog.admin else None), True
        staff = None
        if first_run or sign_in_required(ctx.tasks, wait_for, db_path):
            from ui.dialogs.login import desktop_sign_in

            remembered = username or str(settings.value(USER_KEY, "") or "")
            staff = desktop_sign_in(ctx.tasks, wait_for, db_path, username=remembered, lang=lang)
            if staff is None:
                desktop.shutdown()
                return 1
            username = staff.username
        choose_actor(ctx, username)
        window = desktop.show_main_window()
        if staff is not None:
            from ui.dialogs.login import make_idle_lock

            desktop.idle_lock = make_idle_lock(  # type: ignore[attr-defined]
                ctx.tasks, wait_for, staff, lambda: [w for w in [desktop.window] if w], lang=lang
            )
        shown = time.perf_counter() - (started if started is not None else STARTED)
        log.info("window shown %.3f s after start", shown)
        if args.quit_after_show:
            print(f"window shown after {shown:.3f} s")
            QTimer.singleShot(0, window.close)
        code = app.exec()
    except Exception as exc:  # the start itself failed: show why, then stop
        show_unexpected(exc)
        log.exception("start-up failed")
        code = 2
    finally:
        desktop.shutdown()
    return int(code)
