from __future__ import annotations

from desk_helpers import wait_idle

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
