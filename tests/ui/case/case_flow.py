"""Driving the case window's dialogs like a user: fill fields, press OK, wait for the
window to show the result; and writing a worker sheet."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from case_helpers import id_number
from openpyxl import Workbook
from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

from ui.case.common import FormDialog
from ui.widgets.forms import CodeCombo

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = [
    "建国",
    "小军",
    "国华",
    "德明",
    "春生",
    "海涛",
    "志强",
    "永福",
    "红兵",
    "金华",
    "大勇",
    "立新",
    "正伟",
    "文斌",
    "长青",
    "福来",
    "明亮",
    "根生",
    "秋云",
    "桂英",
]
REGIONS = ["360121", "360122", "360124", "362201", "362321", "360721"]


def worker(i: int) -> dict[str, Any]:
    """A plausible construction worker (valid ID number, mobile phone)."""
    year = 1965 + i % 35
    birth = f"{year}{(i % 12) + 1:02d}{(i % 27) + 1:02d}"
    seq = f"{(i * 7) % 100:02d}{1 if i % 9 else 2}"  # odd last digit: male, mostly
    return {
        "name": SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 3) % len(GIVEN)],
        "id_number": id_number(REGIONS[i % len(REGIONS)], birth, seq),
        "phone": f"139{7910000 + i * 37:08d}",
        "occupation": ["钢筋工", "木工", "泥瓦工", "架子工", "电焊工", "杂工"][i % 6],
        "amount": 6800 + (i % 9) * 450 + (0.5 if i % 10 == 0 else 0),  # a number cell
    }


def write_worker_sheet(
    path: Path, n: int = 120, start: int = 0
) -> tuple[list[dict[str, Any]], list[int]]:
    """A sheet as a site office would send it: a title row, the header, ``n`` good rows,
    three bad ones and a totals row. Returns the good workers and the bad row numbers."""
    book = Workbook()
    sheet = book.active
    sheet.title = "工资表"
    sheet.append(["宏达花园项目农民工工资拖欠明细表"])
    sheet.append(["序号", "姓名", "身份证号码", "联系电话", "工种", "欠薪金额（元）", "农民工"])
    good = [worker(i) for i in range(start, start + n)]
    for i, w in enumerate(good, start=1):
        sheet.append([i, w["name"], w["id_number"], w["phone"], w["occupation"], w["amount"], "是"])
    first_bad = n + 3
    bad_id = good[0]["id_number"][:-1] + ("0" if good[0]["id_number"][-1] != "0" else "1")
    sheet.append([n + 1, "错号工", bad_id, "13907919999", "杂工", 5000, "是"])
    sheet.append([n + 2, None, id_number("360121", "19800101", "555"), None, "杂工", 5000, "是"])
    sheet.append([n + 3, "重复工", good[5]["id_number"], None, "杂工", 5000, "是"])
    sheet.append(["合计", "合计", None, None, None, sum(w["amount"] for w in good)])
    for row in sheet.iter_rows(min_row=3, min_col=3, max_col=3):
        for cell in row:
            cell.number_format = "@"  # the ID column is text, as it must be
    book.save(path)
    return good, [first_bad, first_bad + 1, first_bad + 2]


def find_dialog(qtbot: Any, parent: Any, name: str) -> FormDialog:
    """The visible dialog called ``name`` under ``parent``."""
    found: list[QDialog] = []

    def visible() -> bool:
        found[:] = [
            d for d in parent.findChildren(QDialog, name) if shiboken6.isValid(d) and d.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(visible, timeout=10000)
    dlg = found[-1]
    assert isinstance(dlg, FormDialog)
    return dlg


def fill(qtbot: Any, dlg: FormDialog, **values: Any) -> None:
    """Put values into the dialog's fields the way a user would."""
    for name, value in values.items():
        w = dlg.widgets[name]
        if isinstance(w, CodeCombo):
            w.set_code(value)
            assert w.code() == value, name
        elif isinstance(w, QComboBox):
            index = w.findData(value)
            assert index >= 0, (name, value)
            w.setCurrentIndex(index)
        elif isinstance(w, QDateTimeEdit) and not isinstance(w, QDateEdit):
            w.setDateTime(QDateTime(value))
        elif isinstance(w, QDateEdit):
            w.setDate(QDate(value.year, value.month, value.day) if value else w.minimumDate())
        elif isinstance(w, QLineEdit):
            w.clear()
            w.setFocus()
            text = str(value)
            if text.isascii():
                qtbot.keyClicks(w, text)
            else:
                w.insert(text)  # an input method commits Chinese text like this
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        else:
            raise AssertionError(f"cannot fill {name}")


def press_ok(qtbot: Any, dlg: FormDialog) -> None:
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)


def shown_errors(dlg: FormDialog) -> list[str]:
    return [
        label.text()
        for label in dlg.findChildren(QLabel)
        if label.isVisible() and label.text() and "b00020" in label.styleSheet()
    ]


def wait_closed(qtbot: Any, dlg: FormDialog, timeout_ms: int = 15000) -> None:
    """Wait for the dialog to close; fail at once with its messages if it shows errors."""
    waited = 0
    while shiboken6.isValid(dlg) and dlg.isVisible():
        if dlg.ok_button.isEnabled() and shown_errors(dlg):
            raise AssertionError(f"{dlg.objectName()}: {shown_errors(dlg)}")
        assert waited < timeout_ms, f"{dlg.objectName()} did not close"
        qtbot.wait(20)
        waited += 20


def submit(qtbot: Any, window: Any, dlg: FormDialog, check: Any, **values: Any) -> None:
    """Fill, press OK, wait until the dialog closed and the window shows ``check``."""
    fill(qtbot, dlg, **values)
    press_ok(qtbot, dlg)
    wait_closed(qtbot, dlg)
    qtbot.waitUntil(lambda: window.detail is not None and check(window.detail), timeout=15000)
    QApplication.processEvents()


def day(y: int, m: int, d: int) -> date:
    return date(y, m, d)
