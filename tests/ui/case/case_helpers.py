"""Helpers of the case window tests: a desk database with a pinned clock and staff, a
context over it with the real task manager, a group wage-arrears case."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from legalaid import dto
from legalaid.collection import Collection
from legalaid.inputs import CaseInput, EmployerInput, RespondentInput
from ui.context import AppContext
from ui.tasks import TaskManager

TODAY = date(2024, 12, 31)


def id_number(region: str, birth: str, seq: str) -> str:
    """A valid 18-character ID number (GB 11643 check digit)."""
    body = region + birth + seq
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


def credit_code(base17: str) -> str:
    """A valid unified social credit code (GB 32100 check character)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(alphabet.index(c) * w for c, w in zip(base17, weights, strict=True))
    return base17 + alphabet[(31 - total % 31) % 31]


class Desk:
    """A desk database opened twice: ``col`` for the test's own checks (main thread,
    only while the worker is idle) and the worker's Collection behind ``ctx``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.col = Collection(path, today=lambda: TODAY)
        office = self.col.admin.create_office("洪城市总工会", "洪工援").value
        self.office = office
        self.lawyer = self.col.admin.create_staff(
            "张明律师", "zhang", "lawyer", office_id=office.id
        ).value
        self.mediator = self.col.admin.create_staff(
            "李调解", "li", "mediator", office_id=office.id
        ).value
        self.col.set_actor(self.lawyer)


def make_ctx(desk: Desk, actor: dto.StaffInfo) -> AppContext:
    tasks = TaskManager()
    worker_col = Collection(desk.path, today=lambda: TODAY)
    worker_col.set_actor(actor)
    tasks.worker.col = worker_col
    settings = QSettings(str(desk.path.with_suffix(".ini")), QSettings.Format.IniFormat)
    ctx = AppContext(tasks, settings, "zh", today=lambda: TODAY)
    ctx.db_path = str(desk.path)
    ctx.actor = actor
    ctx.office = desk.office
    ctx.offices = desk.col.admin.offices()
    ctx.staff = desk.col.admin.staff(active_only=False)
    ctx.roles = desk.col.admin.roles()
    return ctx


def close_windows() -> None:
    from ui.case import open_windows

    for w in open_windows():
        w._closing_ok = True
        w.close()
    QApplication.processEvents()


def new_case(desk: Desk, **kw: Any) -> dto.CaseInfo:
    data = CaseInput(
        title=kw.pop("title", "宏达建设工地120名农民工追讨欠薪"),
        dispute_type="wage_arrears",
        source="hotline_12351",
        received_on=kw.pop("received_on", date(2024, 8, 1)),
        respondents=kw.pop(
            "respondents",
            [
                RespondentInput(
                    employer=EmployerInput(
                        name="洪城宏达建设集团有限公司",
                        credit_code=credit_code("91360100MA35HD001"),
                        legal_representative="王宏达",
                        address="洪城市红谷滩区丰和大道88号",
                    ),
                    role="general_contractor",
                ),
                RespondentInput(
                    employer=EmployerInput(
                        name="洪城顺利劳务有限公司",
                        credit_code=credit_code("91360100MA35NL002"),
                        legal_representative="赵顺利",
                    ),
                    role="labour_contractor",
                    parent_index=0,
                ),
            ],
        ),
        lead_staff_id=desk.lawyer.id,
        assisting_staff_ids=[desk.mediator.id],
        facts=kw.pop("facts", "申请人等在宏达花园项目工地务工，2024年春节后工资一直未结清。"),
        **kw,
    )
    return desk.col.cases.create(data).value


def wait_loaded(qtbot: Any, window: Any, check: Callable[[], bool] | None = None) -> None:
    """Wait until the window shows a load that satisfies ``check``."""
    qtbot.waitUntil(lambda: window.detail is not None and (check is None or check()), timeout=15000)


def valid(widget: Any) -> bool:
    return shiboken6.isValid(widget)
