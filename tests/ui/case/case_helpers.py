"""Helpers of the case window tests: a desk database with a pinned clock and staff, a
context over it with the real task manager, a group wage-arrears case."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
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


def demo_case(desk: Desk, tmp: Path, workers: int = 36) -> dto.CaseInfo:
    """A realistic group case in mid-course, written through the core (for screenshots
    and model checks): applicants with claims, a referral, an arbitration award, a
    mediation agreement paid in instalments (the first paid), notes and documents."""
    from case_flow import worker

    from legalaid.inputs import (
        AgreementInput,
        ApplicantInput,
        DecisionInput,
        MediationInput,
        PersonInput,
        ProceedingInput,
        RecoveryInput,
        ReferralInput,
        WageClaimInput,
    )

    col = desk.col
    case = new_case(desk)
    people = [worker(i) for i in range(workers)]
    col.cases.add_applicants(
        case.id,
        [
            ApplicantInput(
                person=PersonInput(
                    name=w["name"],
                    id_number=w["id_number"],
                    phone=w["phone"],
                    occupation=w["occupation"],
                    migrant_worker=True,
                ),
                role="representative" if i == 0 else "applicant",
            )
            for i, w in enumerate(people)
        ],
    )
    detail = col.cases.detail(case.id)
    employer = detail.respondents[0].employer.id
    col.money.add_claims(
        case.id,
        [
            WageClaimInput(
                person_id=a.person.id,
                amount=f"{int(w['amount'])}.00",
                employer_id=employer,
                period_start=date(2024, 1, 1),
                period_end=date(2024, 6, 30),
            )
            for a, w in zip(detail.applicants, people, strict=True)
        ],
    )
    v = col.cases.get(case.id).version
    v = col.cases.transition(
        case.id, "accepted", expected_version=v, on=date(2024, 8, 2)
    ).value.version
    col.cases.transition(case.id, "arbitration", expected_version=v, on=date(2024, 8, 10))
    col.procedures.add_referral(
        case.id,
        ReferralInput(
            direction="outgoing",
            body_type="arbitration",
            body_name="洪城市劳动人事争议仲裁委员会",
            sent_on=date(2024, 8, 10),
            kind="transfer",
            their_reference="洪劳人仲转〔2024〕41号",
        ),
    )
    pid = col.procedures.add_proceeding(
        case.id,
        ProceedingInput(
            kind="arbitration",
            body_name="洪城市劳动人事争议仲裁委员会",
            tribunal_number="洪劳人仲案字〔2024〕第318号",
            applied_on=date(2024, 8, 10),
            accepted_on=date(2024, 8, 14),
        ),
    ).value
    col.procedures.add_hearing(
        pid,
        datetime(2024, 9, 3, 9, 30).astimezone(),
        "仲裁庭第三庭",
        "双方到庭，被申请人对欠薪数额无异议",
    )
    total = sum(int(w["amount"]) for w in people) * 100
    proc = col.cases.detail(case.id).proceedings[0]
    col.procedures.record_decision(
        pid,
        DecisionInput(
            decision_kind="non_final",
            received_on=date(2024, 9, 20),
            amount_awarded=total,
            result="裁决被申请人支付工资",
        ),
        expected_version=proc.version,
    )
    v = col.cases.get(case.id).version
    col.cases.transition(case.id, "mediation", expected_version=v, on=date(2024, 10, 10))
    mid = col.procedures.start_mediation(
        case.id,
        MediationInput(
            started_on=date(2024, 10, 10), stage="pre_litigation", mediator_id=desk.mediator.id
        ),
    ).value
    col.procedures.add_session(
        mid, datetime(2024, 10, 15, 14, 0).astimezone(), "工会调解室", "总包单位同意分两期垫付"
    )
    med = col.cases.detail(case.id).mediations[0]
    half = total // 2
    col.procedures.record_agreement(
        mid,
        AgreementInput(
            agreement_on=date(2024, 10, 20),
            amount=total,
            performance_deadline=date(2025, 1, 20),
            instalments=[(date(2024, 11, 20), half), (date(2025, 1, 20), total - half)],
        ),
        expected_version=med.version,
    )
    first = col.cases.detail(case.id).instalments[0]
    col.money.record_recovery(
        case.id,
        RecoveryInput(
            received_on=date(2024, 11, 20),
            amount=half,
            channel="general_contractor",
            payer="洪城宏达建设集团有限公司",
            instalment_id=first.id,
            note="第一期",
        ),
    )
    col.money.record_recovery(
        case.id,
        RecoveryInput(
            received_on=date(2024, 12, 2),
            amount=150000,
            channel="guarantee_deposit",
            payer="洪城市人社局（工资保证金）",
            person_id=detail.applicants[1].person.id,
        ),
    )
    # What the lawyer ticked off: the decision on aid, the hearing, the appeal window.
    for d in col.cases.detail(case.id).deadlines:
        if d.due_on < date(2024, 11, 1) and d.done_at is None:
            col.deadlines.set_done(d.id, expected_version=d.version)
    note = col.notes.add(case.id, "与总包单位项目部电话沟通，对方表示月底前先付一半。").value
    col.notes.revise(note, "与总包单位项目部电话沟通，对方表示11月20日前先付一半。")
    col.notes.add(case.id, "工人代表王建国来电，询问第二期付款时间。")
    evidence = tmp / "考勤表.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% attendance sheet\n")
    col.documents.attach(case.id, evidence, title="考勤表（2024年1-6月）")
    return col.cases.get(case.id)
