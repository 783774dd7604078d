"""A group wage-arrears case walked from intake to closing through the case window's real
widgets; the totals shown and the dashboard must agree with the core."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from case_flow import day, find_dialog, submit, write_worker_sheet
from case_helpers import Desk, new_case, wait_loaded
from PySide6.QtCore import Qt

from legalaid.rules.money import format_yuan
from ui.case import open_case_window
from ui.case.import_dialog import ImportDialog


def _fen(amount: float) -> int:
    return int(Decimal(repr(amount)) * 100)


def test_group_case_from_sheet_to_closing(qtbot, ctx, desk: Desk, tmp_path: Path) -> None:
    case = new_case(desk)
    sheet = tmp_path / "宏达花园工资表.xlsx"
    workers, bad_lines = write_worker_sheet(sheet, 120)
    window = open_case_window(ctx, case.id)
    wait_loaded(qtbot, window)
    assert window.header.number.text() == case.number
    assert open_case_window(ctx, case.id) is window  # one window per case

    # -- intake: the worker list from the sheet, checked before anything is written -----
    window.tabs.setCurrentWidget(window.parties)
    window.parties.import_sheet(str(sheet))
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None, timeout=20000)
    dialog = window.findChild(ImportDialog)
    assert len(dialog.plan.good) == 120
    assert [p.line for p in dialog.plan.bad] == bad_lines
    problems = {p.line: " ".join(e.code for e in p.errors) for p in dialog.plan.bad}
    assert "checksum" in problems[bad_lines[0]]
    assert "required" in problems[bad_lines[1]]
    assert "duplicate" in problems[bad_lines[2]]
    assert dialog.bad_model.rowCount() == 3
    assert "身份证" in dialog.bad_model.data(dialog.bad_model.index(0, 2))
    assert desk.col.cases.get(case.id).worker_count == 1  # nothing written yet
    assert "导入 120 名职工" in dialog.import_button.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_loaded(
        qtbot,
        window,
        lambda: len(window.detail.applicants) == 120 and len(window.detail.claims) == 120,
    )
    claimed = sum(_fen(w["amount"]) for w in workers)
    assert window.detail.totals.claimed_fen == claimed
    assert window.parties.applicants.rowCount() == 120
    assert window.money.workers.rowCount() == 120
    assert {c.employer_name for c in window.detail.claims} == {"洪城宏达建设集团有限公司"}
    chain = window.parties.respondents.roots()
    assert [n.texts[0] for n in chain] == ["洪城宏达建设集团有限公司"]
    assert [n.texts[0] for n in chain[0].children] == ["洪城顺利劳务有限公司"]

    # -- accepted, then to arbitration ------------------------------------------------
    def step(target: str, check, **values) -> None:
        qtbot.mouseClick(window.header.step_buttons[target], Qt.MouseButton.LeftButton)
        submit(qtbot, window, find_dialog(qtbot, window, "transitionDialog"), check, **values)

    step("accepted", lambda d: d.case.status == "accepted", on=day(2024, 8, 2))
    assert window.detail.case.accepted_on == day(2024, 8, 2)
    step("arbitration", lambda d: d.case.status == "arbitration", on=day(2024, 8, 10))

    # -- referral and arbitration; the award starts the appeal window ------------------
    window.tabs.setCurrentWidget(window.procedures)
    procs = window.procedures
    submit(
        qtbot,
        window,
        procs.a_referral.trigger() or procs.last_dialog,
        lambda d: len(d.referrals) == 1,
        direction="outgoing",
        body_type="arbitration",
        kind="transfer",
        body_name="洪城市劳动人事争议仲裁委员会",
        sent_on=day(2024, 8, 10),
    )
    submit(
        qtbot,
        window,
        procs.a_proceeding.trigger() or procs.last_dialog,
        lambda d: len(d.proceedings) == 1,
        kind="arbitration",
        body_name="洪城市劳动人事争议仲裁委员会",
        tribunal_number="洪劳人仲案字〔2024〕第318号",
        applied_on=day(2024, 8, 10),
        accepted_on=day(2024, 8, 14),
    )
    assert any(d.rule_id == "arbitration_award" for d in window.detail.deadlines)
    procs.a_hearing.trigger()
    submit(
        qtbot,
        window,
        procs.last_dialog,
        lambda d: len(d.proceedings[0].hearings) == 1,
        held_at=datetime(2024, 9, 3, 9, 30),
        place="仲裁庭第三庭",
    )
    awarded = claimed
    procs.a_decision.trigger()
    submit(
        qtbot,
        window,
        procs.last_dialog,
        lambda d: d.proceedings[0].decision_kind == "non_final",
        decision_kind="non_final",
        received_on=day(2024, 9, 20),
        amount_awarded=format_yuan(awarded).lstrip("¥"),
        result="裁决被申请人支付申请人等120人工资",
    )
    appeal = [d for d in window.detail.deadlines if d.rule_id == "nonfinal_award_suit"]
    assert len(appeal) == 1 and appeal[0].due_on == day(2024, 10, 8)  # 10-05 National Day
    assert "2024-10-08" in procs.created.text() and procs.created.isVisible()
    assert appeal[0].id in procs.new_ids
    window.tabs.setCurrentWidget(window.deadlines)
    rows = window.deadlines.model.rows()
    shown = next(i for i, d in enumerate(rows) if d.id == appeal[0].id)
    assert window.deadlines.model.data(window.deadlines.model.index(shown, 0)) == "2024-10-08"
    window.deadlines.view.selectRow(shown)
    assert "2024-10-08" in window.deadlines.reasoning.toPlainText()
    assert "顺延" in window.deadlines.reasoning.toPlainText()
    assert window.detail.totals.awarded_fen == awarded

    # -- the employer settles by mediation, paying in two instalments -----------------
    window.tabs.setCurrentWidget(window.procedures)
    step("mediation", lambda d: d.case.status == "mediation", on=day(2024, 10, 10))
    procs.a_mediation.trigger()
    submit(
        qtbot,
        window,
        procs.last_dialog,
        lambda d: len(d.mediations) == 1,
        started_on=day(2024, 10, 10),
        stage="pre_litigation",
        mediator_id=desk.mediator.id,
    )
    settled = claimed - claimed % 200  # a round sum, split evenly
    half = settled // 2
    procs.a_agreement.trigger()
    dlg = procs.last_dialog
    editor = dlg.widgets["instalments"]
    editor.add_row(day(2024, 11, 20), format_yuan(half).lstrip("¥"))
    editor.add_row(day(2024, 12, 20), format_yuan(settled - half).lstrip("¥"))
    submit(
        qtbot,
        window,
        dlg,
        lambda d: d.mediations[0].status == "agreed" and len(d.instalments) == 2,
        agreement_on=day(2024, 10, 20),
        amount=format_yuan(settled).lstrip("¥"),
        performance_deadline=day(2024, 12, 20),
    )
    instalment_deadlines = [
        d for d in window.detail.deadlines if "分期付款" in d.title or "期付款到期" in d.title
    ]
    assert sorted(d.due_on for d in instalment_deadlines) == [day(2024, 11, 20), day(2024, 12, 20)]

    # -- two payments received, each paying an instalment -----------------------------
    window.tabs.setCurrentWidget(window.money)
    money_tab = window.money
    first, second = window.detail.instalments
    submit(
        qtbot,
        window,
        money_tab.record_recovery(),
        lambda d: len(d.recoveries) == 1,
        received_on=day(2024, 11, 20),
        amount=format_yuan(half).lstrip("¥"),
        channel="general_contractor",
        payer="洪城宏达建设集团有限公司",
        instalment_id=first.id,
    )
    submit(
        qtbot,
        window,
        money_tab.record_recovery(),
        lambda d: len(d.recoveries) == 2,
        received_on=day(2024, 12, 20),
        amount=format_yuan(settled - half).lstrip("¥"),
        channel="employer",
        payer="洪城顺利劳务有限公司",
        instalment_id=second.id,
    )
    assert all(i.paid for i in window.detail.instalments)
    assert window.detail.totals.recovered_fen == settled

    # -- closing with an outcome ------------------------------------------------------
    step(
        "closed",
        lambda d: d.case.status == "closed",
        on=day(2024, 12, 28),
        outcome="mediated",
        summary="经调解达成分期付款协议，两期款项均已足额支付。",
    )
    assert window.detail.case.outcome == "mediated"
    assert all(d.done_at is not None for d in window.detail.deadlines)

    # -- the window's totals, the core's and the dashboard agree ------------------------
    core = desk.col.cases.detail(case.id)
    assert core.totals == window.detail.totals
    totals_text = window.header.totals.text()
    for fen in (
        core.totals.claimed_fen,
        core.totals.awarded_fen,
        core.totals.recovered_fen,
        core.totals.outstanding_fen,
    ):
        assert format_yuan(fen) in totals_text
    assert core.totals.outstanding_fen == awarded - settled
    assert "已结案" in window.header.status.text() and "调解成功" in window.header.status.text()
    assert window.header.step_buttons.keys() == {"accepted"}  # reopening only
    per_worker = sum(
        int(money_tab.workers.row(i).claimed_fen) for i in range(money_tab.workers.rowCount())
    )
    assert per_worker == core.totals.claimed_fen
    dash = desk.col.dashboard.load(staff_id=desk.lawyer.id)
    assert case.id not in {c.id for c in dash.my_open_cases}
    assert dash.month_cases_closed == 1
    assert dash.month_recovered_fen == settled - half  # December's payment
    assert dash.open_cases == 0
    assert not [d for d in dash.overdue if d.case_id == case.id]

    # -- the history reads as sentences ------------------------------------------------
    window.tabs.setCurrentWidget(window.history)
    qtbot.waitUntil(lambda: window.history.model.rowCount() > 10, timeout=10000)
    texts = [
        window.history.model.data(window.history.model.index(r, 4))
        for r in range(window.history.model.rowCount())
    ]
    assert any("状态：仲裁中 → 调解中" in t for t in texts)
    assert any("120" in t and "申请人" in t for t in texts)
