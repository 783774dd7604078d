"""The desktop's synchronisation: rounds on the worker against a real sync service
(uvicorn on loopback, SQLite store), the status-bar text, the conflicts dialog, the
sync settings, and the sync strings' translation."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("LEGALAID_ARGON2_FAST", "1")
# tests/sync/helpers.py is imported as a package module (tests/ui has no __init__.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pytest
from desk_helpers import wait_idle
from PySide6.QtCore import QSettings, Qt

from legalaid.inputs import CaseUpdate
from legalaid.server.store import Store
from legalaid.sync import state
from legalaid.sync.conflicts import ConflictService
from tests.sync.helpers import (
    PASSWORD,
    ServerThread,
    World,
    case_input,
    seed_world,
    template_desk,
)
from ui.app import choose_actor, open_context, wait_for
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.sync import ConflictsDialog, SyncController
from ui.sync import controller as sync_controller
from ui.sync.conflicts import parse_value

SHOTS = Path(os.environ.get("LEGALAID_SCREENSHOTS", "screenshots"))


@pytest.fixture(scope="module")
def server() -> Iterator[ServerThread]:
    srv = ServerThread()
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def desk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return template_desk(tmp_path_factory.mktemp("sync_template") / "template.db")


@pytest.fixture
def world(server: ServerThread, desk_template: Path, tmp_path: Path) -> Iterator[World]:
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    server.use(store)
    w = seed_world(store, server.url, desk_template, tmp_path, ["a1", "a2"])
    yield w
    w.close()
    store.close()


def desk_context(path: Path, tmp_path: Path, username: str) -> AppContext:
    settings = QSettings(str(tmp_path / f"{username}.ini"), QSettings.Format.IniFormat)
    ctx = open_context(path, settings, "zh")
    choose_actor(ctx, username)
    return ctx


def controller_text(qtbot, ctrl: SyncController, ctx: AppContext) -> str:
    wait_idle(qtbot, ctx)
    return ctrl.text()


def test_no_server_means_offline_and_sync_does_nothing(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    wait_idle(qtbot, ctx)
    assert window.sync_label.text() == "同步：未设置（离线工作）"
    assert window.sync_ui.controller.sync_now() is False
    wait_idle(qtbot, ctx)
    assert window.sync_label.text() == "同步：未设置（离线工作）"
    # The action, its shortcut, the menu and the settings tab are in place.
    assert window.sync_ui.sync_action.shortcut().toString() == "F9"
    assert window.sync_ui.sync_action.text() == "同步"
    tabs = [window.settings_page.tabText(i) for i in range(window.settings_page.count())]
    assert "同步" in tabs
    menus = [a.text() for a in window.menuBar().actions()]
    assert "同步(&Y)" in menus and menus[-1] != "同步(&Y)"


def test_on_demand_sync_uploads_and_label_shows_counts(qtbot, world, tmp_path, monkeypatch) -> None:
    a1 = world.desks[0]
    path = Path(a1.col.engine.url.database or "")
    a1.close()
    ctx = desk_context(path, tmp_path, "a1")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        ctrl = window.sync_ui.controller
        # Signed in, so the window syncs on start; wait for it to settle.
        qtbot.waitUntil(lambda: ctrl.status is not None and not ctrl.running, timeout=20000)
        wait_idle(qtbot, ctx)
        assert "同步：上次 " in window.sync_label.text()
        assert "待上传 0，冲突 0" in window.sync_label.text()

        # A local change: pending grows (the label follows the change broadcast).
        case = wait_for(ctx.tasks, lambda col: col.cases.create(case_input_for(col)).value)
        ctrl.refresh()
        wait_idle(qtbot, ctx)
        pending = ctrl.status.pending_changes
        assert pending > 0
        assert f"待上传 {pending}，冲突 0" in window.sync_label.text()

        # The sync action (F9): the round runs on the worker, never on the GUI thread.
        threads: list[threading.Thread] = []
        original = sync_controller.run_round

        def recording(col):
            threads.append(threading.current_thread())
            return original(col)

        monkeypatch.setattr(sync_controller, "run_round", recording)
        with qtbot.waitSignal(ctrl.synced, timeout=30000):
            window.sync_ui.sync_action.trigger()
        wait_idle(qtbot, ctx)
        assert threads and threading.main_thread() not in threads
        assert "待上传 0，冲突 0" in window.sync_label.text()
        # The case reached the service: another desk receives it.
        a2 = world.desks[1]
        a2.sync()
        assert a2.col.cases.get(case.id).number == case.number
    finally:
        ctx.tasks.shutdown()


def case_input_for(col):
    class _Desk:
        pass

    d = _Desk()
    d.col = col
    return case_input(d, amount=800_000)


def test_failed_sync_keeps_working_offline(qtbot, world, tmp_path, server) -> None:
    a1 = world.desks[0]
    path = Path(a1.col.engine.url.database or "")
    a1.close()
    wait_for_store = world.store
    ctx = desk_context(path, tmp_path, "a1")
    try:
        ctrl = SyncController(ctx)
        ctrl.refresh()
        wait_idle(qtbot, ctx)
        # Point the desk at a port nothing listens on.
        def move(col):
            with state.raw_write(col) as conn:
                state.put(conn, "server_url", "http://127.0.0.1:9")
        wait_for(ctx.tasks, move)
        ctrl.refresh()
        wait_idle(qtbot, ctx)
        with qtbot.waitSignal(ctrl.sync_failed, timeout=30000) as blocker:
            ctrl.sync_now()
        assert "无法连接同步服务器" in blocker.args[0]
        wait_idle(qtbot, ctx)
        assert ctrl.text().startswith("同步失败：无法连接同步服务器")
        assert wait_for_store is world.store
    finally:
        ctx.tasks.shutdown()


@pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")
def test_conflict_appears_in_the_dialog_and_choosing_resolves_it(
    qtbot, qtmodeltester, world, tmp_path
) -> None:
    a1, a2 = world.desks
    case = a1.col.cases.create(case_input(a1, amount=1_000_000)).value
    a1.sync()
    a2.sync()
    v1 = a1.col.cases.get(case.id).version
    a1.col.cases.update(case.id, CaseUpdate(expected_version=v1, amount_claimed=1_200_000))
    v2 = a2.col.cases.get(case.id).version
    a2.col.cases.update(case.id, CaseUpdate(expected_version=v2, amount_claimed=1_350_000))
    a1.sync()

    path = Path(a2.col.engine.url.database or "")
    a2.close()
    ctx = desk_context(path, tmp_path, "a2")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        ctrl = window.sync_ui.controller
        qtbot.waitUntil(lambda: ctrl.status is not None and not ctrl.running, timeout=20000)
        wait_idle(qtbot, ctx)
        if ctrl.status.open_conflicts == 0:  # the start-up round may not have run yet
            with qtbot.waitSignal(ctrl.synced, timeout=30000):
                ctrl.sync_now()
            wait_idle(qtbot, ctx)
        assert "待上传 0，冲突 1" in window.sync_label.text()

        # Clicking the status text opens the conflicts view.
        qtbot.mouseClick(window.sync_label, Qt.MouseButton.LeftButton)
        dialog = window.sync_ui.dialog
        assert isinstance(dialog, ConflictsDialog)
        wait_idle(qtbot, ctx)
        qtmodeltester.check(dialog.model)
        assert dialog.model.rowCount() == 1
        row = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
        assert row[0] == case.number
        assert row[1] == "案件" and row[2] == "请求金额"
        assert "12,000.00" in row[3] and "13,500.00" in row[3]
        items = [dialog.candidates.item(i).text() for i in range(dialog.candidates.count())]
        assert len(items) == 2
        assert any("a1" in t for t in items) and any("a2" in t for t in items)
        assert any("（当前值）" in t for t in items)

        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.resize(980, 480)
        dialog.grab().save(str(SHOTS / "sync_conflicts.png"))

        # A bad combined value is refused next to the field; nothing changes.
        dialog.combined.setText("十三万")
        dialog.combine_button.click()
        assert dialog.error.isVisible() or not dialog.error.isHidden()
        assert "请输入金额" in dialog.error.text()

        # Choose a2's value: it applies here, the round sends it, the conflict closes.
        index = next(i for i, t in enumerate(items) if "a2" in t)
        dialog.candidates.setCurrentRow(index)
        with qtbot.waitSignal(ctrl.synced, timeout=30000):
            dialog.choose_button.click()
        wait_idle(qtbot, ctx)
        assert wait_for(ctx.tasks, lambda col: ConflictService(col).list()) == []
        amount = wait_for(ctx.tasks, lambda col: col.cases.get(case.id).amount_claimed_fen)
        assert amount == 1_350_000
        assert "冲突 0" in window.sync_label.text()
        assert dialog.model.rowCount() == 0
        assert dialog.detail.text() == "没有待处理的冲突。"
        a1.sync()  # the other desk receives the choice
        assert a1.col.cases.get(case.id).amount_claimed_fen == 1_350_000
        assert ConflictService(a1.col).list() == []
    finally:
        ctx.tasks.shutdown()


def test_combined_amount_parsing() -> None:
    class Info:
        column = "amount_claimed_fen"

    assert parse_value(Info(), "13,000.50") == 1_300_050  # type: ignore[arg-type]
    assert parse_value(Info(), "¥12000") == 1_200_000  # type: ignore[arg-type]
    with pytest.raises(Exception, match="金额"):
        parse_value(Info(), "1.234")  # type: ignore[arg-type]


def test_settings_sign_in_errors_next_to_the_field_then_signs_in(
    qtbot, world, tmp_path, server, desk_template
) -> None:
    from tests.sync.helpers import copy_desk

    path = copy_desk(desk_template, tmp_path / "new.db")
    ctx = desk_context(path, tmp_path, "a1")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        wait_idle(qtbot, ctx)
        tab = window.sync_ui.settings_tab
        tab.url.setText(server.url)
        tab.username.setText("a1")
        tab.password.setText("wrong-password")
        tab.login_button.click()
        qtbot.waitUntil(lambda: not tab.error.isHidden(), timeout=20000)
        assert tab.error.text()
        assert window.sync_label.text() == "同步：未设置（离线工作）"
        tab.password.setText(PASSWORD)
        ctrl = window.sync_ui.controller
        with qtbot.waitSignal(ctrl.synced, timeout=30000):
            tab.login_button.click()
        wait_idle(qtbot, ctx)
        assert tab.error.isHidden()
        assert tab.password.text() == ""
        assert "同步：上次 " in window.sync_label.text()
        # The new desk received its office's staff in the snapshot.
        staff = wait_for(ctx.tasks, lambda col: col.admin.staff_by_username("a1"))
        assert staff.username == "a1"
    finally:
        ctx.tasks.shutdown()


def test_sync_strings_are_all_translated(tmp_path) -> None:
    from ui.sync import translations

    assert translations.check() == []
    qm = tmp_path / "sync.qm"
    import subprocess

    subprocess.run(
        [translations._tool("lrelease"), "-silent", str(translations.TS), "-qm", str(qm)],
        check=True,
    )
    assert qm.read_bytes() == translations.QM.read_bytes()
