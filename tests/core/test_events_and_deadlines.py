from __future__ import annotations

from datetime import UTC, date, datetime

from legalaid.collection import Collection
from legalaid.inputs import (
    AgreementInput,
    DeadlineInput,
    DecisionInput,
    MediationInput,
    ProceedingInput,
    RecoveryInput,
    ReferralInput,
)

from .conftest import new_case


def _by_rule(col: Collection, case_id: str) -> dict[str | None, list[date]]:
    out: dict[str | None, list[date]] = {}
    for d in col.cases.detail(case_id).deadlines:
        out.setdefault(d.rule_id, []).append(d.due_on)
    return out


def test_award_received_creates_appeal_deadline_with_holiday_rollover(col: Collection) -> None:
    case = new_case(col, received_on=date(2024, 8, 1))
    pid = col.procedures.add_proceeding(case.id, ProceedingInput(
        kind="arbitration", body_name="南昌市劳动人事争议仲裁委员会", applied_on=date(2024, 8, 5),
    )).value
    rules = _by_rule(col, case.id)
    assert rules["arbitration_acceptance"] == [date(2024, 8, 12)]  # 8-10 is a Saturday
    proc = col.cases.detail(case.id).proceedings[0]
    col.procedures.update_proceeding(pid, expected_version=proc.version,
                                     accepted_on=date(2024, 8, 9))
    assert _by_rule(col, case.id)["arbitration_award"] == [date(2024, 9, 23)]
    proc = col.cases.detail(case.id).proceedings[0]
    created = col.procedures.record_decision(pid, DecisionInput(
        decision_kind="non_final", received_on=date(2024, 9, 20), amount_awarded="43911"),
        expected_version=proc.version).value
    assert [d.due_on for d in created] == [date(2024, 10, 8)]
    assert created[0].statutory
    assert "国庆" in (created[0].explanation or "")
    detail = col.cases.detail(case.id)
    assert detail.proceedings[0].appeal_deadline == date(2024, 10, 8)
    assert detail.case.amount_awarded_fen == 4_391_100
    # Acceptance and award deadlines were fulfilled by the events.
    done = {d.rule_id for d in detail.deadlines if d.done_at is not None}
    assert {"arbitration_acceptance", "arbitration_award"} <= done


def test_final_award_creates_both_windows(col: Collection) -> None:
    case = new_case(col, received_on=date(2024, 8, 1))
    pid = col.procedures.add_proceeding(case.id, ProceedingInput(
        kind="arbitration", body_name="仲裁委", applied_on=date(2024, 8, 5),
        accepted_on=date(2024, 8, 6))).value
    version = col.cases.detail(case.id).proceedings[0].version
    created = col.procedures.record_decision(
        pid, DecisionInput(decision_kind="final", received_on=date(2024, 9, 20)),
        expected_version=version).value
    assert {d.rule_id: d.due_on for d in created} == {
        "final_award_worker_suit": date(2024, 10, 8),
        "final_award_set_aside": date(2024, 10, 21),
    }


def test_recording_the_same_event_twice_does_not_duplicate(col: Collection) -> None:
    case = new_case(col, received_on=date(2024, 8, 1))
    pid = col.procedures.add_proceeding(case.id, ProceedingInput(
        kind="arbitration", body_name="仲裁委", applied_on=date(2024, 8, 5),
        accepted_on=date(2024, 8, 6))).value
    v = col.cases.detail(case.id).proceedings[0].version
    col.procedures.record_decision(pid, DecisionInput(decision_kind="non_final",
                                                      received_on=date(2024, 9, 20)),
                                   expected_version=v)
    v = col.cases.detail(case.id).proceedings[0].version
    col.procedures.record_decision(pid, DecisionInput(decision_kind="non_final",
                                                      received_on=date(2024, 9, 20)),
                                   expected_version=v)
    assert _by_rule(col, case.id)["nonfinal_award_suit"] == [date(2024, 10, 8)]


def test_mediation_agreement_with_instalments(col: Collection) -> None:
    case = new_case(col, received_on=date(2026, 10, 8))
    mid = col.procedures.start_mediation(case.id, MediationInput(
        started_on=date(2026, 10, 9))).value
    rules = _by_rule(col, case.id)
    assert rules["mediation_agreement_window"] == [date(2026, 10, 26)]  # 10-24 Sat
    med = col.cases.detail(case.id).mediations[0]
    col.procedures.add_session(mid, datetime(2026, 10, 12, 2, 0, tzinfo=UTC), "调解室", "首次调解")
    col.procedures.record_agreement(mid, AgreementInput(
        agreement_on=date(2026, 10, 20), amount="60000", performance_deadline=date(2026, 12, 20),
        instalments=[(date(2026, 11, 20), "30000"), (date(2026, 12, 20), "30000")]),
        expected_version=med.version)
    d = col.cases.detail(case.id)
    assert d.mediations[0].status == "agreed"
    assert d.mediations[0].agreement_amount_fen == 6_000_000
    assert len(d.mediations[0].sessions) == 1
    assert len(d.instalments) == 2
    titles = [x.title for x in d.deadlines]
    assert any("第1期" in t for t in titles) and any("支付令" in t for t in titles)
    assert _by_rule(col, case.id)["judicial_confirmation"] == [date(2026, 11, 19)]
    first = d.instalments[0]
    col.money.record_recovery(case.id, RecoveryInput(
        received_on=date(2026, 11, 20), amount="30000", instalment_id=first.id))
    d = col.cases.detail(case.id)
    assert d.instalments[0].paid
    inst_deadline = next(x for x in d.deadlines if "第1期" in x.title)
    assert inst_deadline.done_at is not None


def test_referral_to_labour_inspection_counts_working_days(col: Collection) -> None:
    case = new_case(col, received_on=date(2026, 9, 28))
    col.procedures.add_referral(case.id, ReferralInput(
        direction="outgoing", body_type="labour_inspection", body_name="南昌市劳动保障监察支队",
        kind="complaint", sent_on=date(2026, 9, 29)))
    # 5 working days after 2026-09-29 skip the National Day holiday (10-01..10-07).
    assert _by_rule(col, case.id)["labour_inspection_acceptance"] == [date(2026, 10, 12)]


def test_manual_deadline_and_lists(col: Collection) -> None:
    case = new_case(col)
    d = col.deadlines.create(DeadlineInput(title="补充证据", due_on=date(2026, 11, 20),
                                           case_id=case.id)).value
    assert d in col.deadlines.overdue() or any(x.id == d.id for x in col.deadlines.overdue())
    col.deadlines.set_done(d.id, expected_version=d.version)
    assert all(x.id != d.id for x in col.deadlines.overdue())
    soon = col.deadlines.due_within(7)
    assert any(x.rule_id == "legal_aid_decision" for x in soon) or soon == []


def test_unknown_holiday_year_warns_until_admin_supplies_data(col: Collection) -> None:
    result = col.deadlines.compute("nonfinal_award_suit", date(2027, 9, 20))
    assert result.warnings
    col.set_actor(None)  # holiday data is an administrator's setting
    col.calendar.import_text(
        '{"years": [2027], "days": [{"date": "2027-10-05", "kind": "holiday", '
        '"name": "国庆节"}]}', "json")
    result = col.deadlines.compute("nonfinal_award_suit", date(2027, 9, 20))
    assert not result.warnings
    assert result.due > date(2027, 10, 5)
