"""The case window's tabs over a case in mid-course: item models pass the model tester,
notes keep earlier text, documents are hashed and checked before opening, every action
has a keyboard path, and every string is translated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from case_flow import find_dialog, press_ok, submit, wait_closed
from case_helpers import Desk, demo_case, wait_loaded
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from ui.case import open_case_window
from ui.case.translations import check as untranslated
from ui.case.window import CaseWindow


def _window(qtbot: Any, ctx: Any, desk: Desk, tmp_path: Path) -> CaseWindow:
    case = demo_case(desk, tmp_path)
    window = open_case_window(ctx, case.id)
    wait_loaded(qtbot, window)
    return window


def test_item_models(qtbot, qtmodeltester, ctx, desk: Desk, tmp_path: Path) -> None:
    window = _window(qtbot, ctx, desk, tmp_path)
    window.tabs.setCurrentWidget(window.history)
    qtbot.waitUntil(lambda: window.history.model.rowCount() > 0, timeout=10000)
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 1, timeout=10000)
    models = [
        window.parties.applicants,
        window.parties.respondents,
        window.money.workers,
        window.money.claims,
        window.money.recoveries,
        window.money.instalments,
        window.procedures.timeline,
        window.procedures.deadlines,
        window.deadlines.model,
        window.notes.notes,
        window.documents.model,
        window.history.model,
    ]
    for model in models:
        assert model.rowCount() > 0, model
        qtmodeltester.check(model)
    timeline = window.procedures.timeline
    assert [n.texts[0] for n in timeline.roots()] == ["2024-08-10", "2024-08-10", "2024-10-10"]
    arbitration = timeline.roots()[1]
    assert [c.texts[1] for c in arbitration.children] == ["开庭", "非终局裁决"]
    assert "2024-10-08" in arbitration.children[1].texts[3]
    mediation = timeline.roots()[2]
    assert [c.texts[1] for c in mediation.children] == ["调解记录", "调解协议"]
    # The per-worker totals carry the guarantee-deposit payment to its worker.
    w = window.money.workers.row(1)
    assert w.recovered_fen == 150000 and w.outstanding_fen == w.claimed_fen - 150000


def test_notes_are_append_only(qtbot, ctx, desk: Desk, tmp_path: Path) -> None:
    window = _window(qtbot, ctx, desk, tmp_path)
    notes = window.notes
    window.tabs.setCurrentWidget(notes)
    notes.editor.setFocus()
    notes.editor.insertPlainText("总包单位承诺12月底前支付第二期。")
    qtbot.keyClick(notes.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_loaded(qtbot, window, lambda: len(window.detail.notes) == 3)
    assert notes.editor.toPlainText() == ""
    assert notes.notes.row(0).body == "总包单位承诺12月底前支付第二期。"  # newest first
    notes.view.selectRow(0)
    dlg = notes.revise()
    submit(
        qtbot,
        window,
        dlg,
        lambda d: any(len(n.revisions) == 2 and "2025年" in n.body for n in d.notes),
        body="总包单位承诺2025年1月20日前支付第二期。",
    )
    revised = next(i for i, n in enumerate(notes.notes.rows()) if "2025年" in n.body)
    notes.view.selectRow(revised)
    text = notes.text.toPlainText()
    assert "2025年1月20日" in text and "12月底前" in text  # the earlier text stays
    # An empty note is refused by the core, with its message shown.
    notes.add()
    qtbot.waitUntil(lambda: notes.error.isVisible(), timeout=10000)
    assert notes.error.text()


def test_documents_attach_open_generate(qtbot, ctx, desk: Desk, tmp_path: Path) -> None:
    window = _window(qtbot, ctx, desk, tmp_path)
    docs = window.documents
    window.tabs.setCurrentWidget(docs)
    opened: list[str] = []
    docs.opener = lambda url: opened.append(url.toLocalFile()) or True
    contract = tmp_path / "劳务合同.docx"
    contract.write_bytes(b"PK\x03\x04 not really a contract")
    docs.attach(str(contract))
    wait_loaded(qtbot, window, lambda: len(window.detail.documents) == 2)
    qtbot.waitUntil(lambda: docs.model.rowCount() == 2, timeout=10000)
    row = next(i for i, d in enumerate(docs.model.rows()) if d.filename == "劳务合同.docx")
    stored = docs.model.row(row)
    assert stored.kind == "attachment" and len(stored.sha256) == 64
    docs.view.selectRow(row)
    docs.open_selected()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)
    # Attachments live in the desk's (encrypted) container; the viewer gets a copy.
    assert Path(opened[0]).read_bytes() == b"PK\x03\x04 not really a contract"
    assert stored.storage_path.startswith("attachments:")

    docs.generate()
    qtbot.waitUntil(lambda: getattr(docs, "last_dialog", None) is not None, timeout=10000)
    dlg = docs.last_dialog
    combo = dlg.widgets["template_id"]
    combo.setCurrentIndex(combo.findData("acceptance_notice"))
    press_ok(qtbot, dlg)
    wait_closed(qtbot, dlg, 60000)
    wait_loaded(
        qtbot,
        window,
        lambda: any(d.template_id == "acceptance_notice" for d in window.detail.documents),
    )
    made = next(d for d in window.detail.documents if d.template_id == "acceptance_notice")
    assert Path(made.storage_path).is_file() and made.file_format == "docx"

    # A generated file changed on disk since it was made: the user is asked first.
    Path(made.storage_path).write_bytes(b"changed after it was generated")
    qtbot.waitUntil(lambda: docs.model.rowCount() == 3, timeout=10000)
    row = next(i for i, d in enumerate(docs.model.rows()) if d.id == made.id)
    docs.view.selectRow(row)
    docs.open_selected()
    box: list[QMessageBox] = []
    qtbot.waitUntil(
        lambda: bool(
            box.extend(b for b in window.findChildren(QMessageBox, "hashMismatch") if b.isVisible())
            or box
        ),
        timeout=10000,
    )
    assert len(opened) == 1  # not opened without asking
    box[0].reject()
    assert "受理通知书" in docs.message.text()


def test_every_action_has_a_keyboard_path(qtbot, ctx, desk: Desk, tmp_path: Path) -> None:
    window = _window(qtbot, ctx, desk, tmp_path)
    for n in range(1, window.tabs.count() + 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == n - 1
        assert f"(&{n})" in window.tabs.tabText(n - 1) or window.tabs.tabText(n - 1).startswith(
            f"&{n}"
        )
    menus = [a.menu() for a in window.menuBar().actions()]
    assert all("&" in m.title() for m in menus)
    reachable = set()
    for menu in menus:
        for action in menu.actions():
            sub = action.menu()
            for a in sub.actions() if sub else [action]:
                if not a.isSeparator():
                    assert "&" in a.text() or a.shortcut().toString(), a.text()
                    reachable.add(a.objectName())
    buttons = window.findChildren(QAbstractButton)
    for b in buttons:
        if (
            b.isVisibleTo(window)
            and b.objectName().endswith("Button")
            and b.objectName() not in ("saveButton", "revertButton", "okButton", "importButton")
        ):
            action_name = b.objectName().removesuffix("Button")
            assert action_name in reachable, action_name  # the same action sits in a menu
        assert b.focusPolicy() & Qt.FocusPolicy.TabFocus or not b.isVisibleTo(window)
    # Status steps are in the Status menu; recording actions under Actions.
    assert {a.objectName() for a in window.status_menu.actions()} == {
        f"to_{t}" for t in window.detail.allowed_transitions
    }
    assert isinstance(window.findChild(QAction, "recordRecovery"), QAction)
    # Ctrl+R opens the payment dialog from anywhere in the window.
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dlg = find_dialog(qtbot, window, "recoveryDialog")
    dlg.reject()
    assert not shiboken6.isValid(dlg) or not dlg.isVisible()


def test_every_string_is_translated() -> None:
    assert untranslated() == []


def test_main_window_opens_the_case_workspace(qtbot, ctx, desk: Desk, tmp_path: Path) -> None:
    from ui.main_window import MainWindow

    case = demo_case(desk, tmp_path)
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    opened = main.open_case(case.id)
    assert isinstance(opened, CaseWindow)
    wait_loaded(qtbot, opened)
    assert opened.header.number.text() == case.number
    assert open_case_window(ctx, case.id) is opened  # one window per case
