"""Screenshots of every tab of a case in mid-course at 1366×768, and of the import report,
written to ``$LEGALAID_SCREENSHOTS`` (default: the test's temporary folder) to be looked
at."""

from __future__ import annotations

import os
from pathlib import Path

from case_flow import write_worker_sheet
from case_helpers import Desk, demo_case, wait_loaded
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ui.case import open_case_window
from ui.case.import_dialog import ImportDialog

NAMES = ["overview", "parties", "money", "procedures", "deadlines", "notes", "documents", "history"]


def test_screenshots_of_each_tab(qtbot, ctx, desk: Desk, tmp_path: Path) -> None:
    folder = Path(os.environ.get("LEGALAID_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    case = demo_case(desk, tmp_path)
    window = open_case_window(ctx, case.id)
    window.resize(1366, 768)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 1, timeout=10000)
    window.procedures.view.setCurrentIndex(window.procedures.timeline.index(1, 0))
    window.deadlines.view.selectRow(0)
    written = []
    for n, name in enumerate(NAMES):
        window.tabs.setCurrentIndex(n)
        if name == "history":
            qtbot.waitUntil(lambda: window.history.model.rowCount() > 0, timeout=10000)
        QApplication.processEvents()
        path = folder / f"case-{n + 1}-{name}.png"
        assert window.grab().save(str(path))
        written.append(path)

    for name, make in (
        ("dialog-recovery", window.money.record_recovery),
        ("dialog-close", lambda: window.request_transition("closed")),
    ):
        dlg = make()
        QApplication.processEvents()
        path = folder / f"case-{name}.png"
        assert dlg.grab().save(str(path))
        written.append(path)
        dlg.reject()

    sheet = tmp_path / "workers.xlsx"
    write_worker_sheet(sheet, 40, start=36)  # 40 more workers of the same site
    window.tabs.setCurrentWidget(window.parties)
    window.parties.import_sheet(str(sheet))
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None, timeout=20000)
    dialog = window.findChild(ImportDialog)
    QApplication.processEvents()
    path = folder / "case-import-report.png"
    assert dialog.grab().save(str(path))
    written.append(path)
    dialog.reject()

    for path in written:
        image = QImage(str(path))
        assert not image.isNull()
    assert QImage(str(written[0])).size().width() == 1366
