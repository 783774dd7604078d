from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from legalaid import dto
from legalaid.collection import Collection
from legalaid.errors import StaleRecordError, TransitionError, ValidationError
from legalaid.inputs import ApplicantInput, CaseUpdate, PersonInput
from legalaid.models import Case, Person

from .conftest import id_number, new_case


def test_numbers_are_sequential_per_office_and_year(col: Collection) -> None:
    a = new_case(col)
    b = new_case(col)
    c = new_case(col, received_on=date(2025, 12, 30))
    assert a.number == "洪工援〔2026〕第0001号"
    assert b.number == "洪工援〔2026〕第0002号"
    assert c.number == "洪工援〔2025〕第0001号"
    lawyer = col.actor
    col.set_actor(None)  # offices are the administrator's; a lawyer works in their own
    other = col.admin.create_office("红谷滩区总工会", "红工援").value
    d = new_case(col, office_id=other.id)
    col.set_actor(lawyer)
    assert d.number == "红工援〔2026〕第0001号"


def test_archived_number_is_never_reused(col: Collection) -> None:
    a = new_case(col)
    col.cases.archive(a.id, expected_version=a.version, reason="录入错误")
    b = new_case(col)
    assert b.number == "洪工援〔2026〕第0002号"
    assert col.cases.count(dto.CaseFilter()) == 1
    assert col.cases.count(dto.CaseFilter(include_archived=True)) == 2


def test_invalid_case_is_never_half_written(col: Collection) -> None:
    with col.read() as s:
        people_before = s.scalar(select(func.count()).select_from(Person))
    bad_people = [
        ApplicantInput(person=PersonInput(name="甲", phone="13800138001")),
        ApplicantInput(person=PersonInput(name="乙", id_number="360102198503151230")),
    ]
    with pytest.raises(ValidationError) as exc:
        new_case(col, applicants=bad_people, amount_claimed="12.345")
    fields = {e.field for e in exc.value.errors}
    assert "applicants[1].id_number" in fields
    assert "amount_claimed" in fields
    for e in exc.value.errors:
        assert e.zh and e.en
    with col.read() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 0
        assert s.scalar(select(func.count()).select_from(Person)) == people_before


def test_state_machine(col: Collection) -> None:
    case = new_case(col)
    with pytest.raises(TransitionError) as exc:
        col.cases.transition(case.id, "closed", expected_version=case.version, outcome="mediated")
    assert "登记" in exc.value.zh and "已结案" in exc.value.zh
    assert "Intake" in exc.value.en and "Closed" in exc.value.en
    case = col.cases.transition(case.id, "accepted", expected_version=case.version,
                                on=date(2026, 11, 3)).value
    assert case.accepted_on == date(2026, 11, 3)
    case = col.cases.transition(case.id, "mediation", expected_version=case.version).value
    assert case.handling_method == "negotiation_mediation"
    with pytest.raises(ValidationError) as exc2:
        col.cases.transition(case.id, "closed", expected_version=case.version)
    assert exc2.value.errors[0].field == "outcome"
    with pytest.raises(ValidationError):  # closing before acceptance
        col.cases.transition(case.id, "closed", expected_version=case.version,
                             outcome="mediated", on=date(2026, 11, 1))
    case = col.cases.transition(case.id, "closed", expected_version=case.version,
                                outcome="mediated", on=date(2026, 11, 20)).value
    assert case.status == "closed" and case.closed_on == date(2026, 11, 20)
    with pytest.raises(ValidationError):  # reopening needs a reason
        col.cases.transition(case.id, "accepted", expected_version=case.version)
    case = col.cases.transition(case.id, "accepted", expected_version=case.version,
                                reason="用人单位未履行调解协议").value
    assert case.status == "accepted" and case.closed_on is None
    assert case.reopen_reason == "用人单位未履行调解协议"


def test_refusal_needs_reason(col: Collection) -> None:
    case = new_case(col)
    with pytest.raises(ValidationError):
        col.cases.transition(case.id, "refused", expected_version=case.version)
    case = col.cases.transition(case.id, "refused", expected_version=case.version,
                                reason="不属于劳动争议").value
    assert case.outcome == "refused" and case.refusal_reason == "不属于劳动争议"


def test_stale_save_is_refused(col: Collection) -> None:
    case = new_case(col)
    col.cases.update(case.id, CaseUpdate(expected_version=case.version, title="新标题"))
    with pytest.raises(StaleRecordError) as exc:
        col.cases.update(case.id, CaseUpdate(expected_version=case.version, title="旧窗口"))
    assert exc.value.expected == case.version
    assert col.cases.get(case.id).title == "新标题"


def test_group_case_and_detail_totals(col: Collection) -> None:
    workers = [ApplicantInput(person=PersonInput(
        name=f"工人{i}", id_number=id_number("360102", "19900101", f"{i:03d}")))
        for i in range(60)]
    case = new_case(col, applicants=workers, amount_claimed="300,000.00")
    detail = col.cases.detail(case.id)
    assert len(detail.applicants) == 60
    assert detail.case.worker_count == 60
    assert detail.totals.claimed_fen == 30_000_000
    from legalaid.inputs import RecoveryInput

    col.money.record_recovery(case.id, RecoveryInput(received_on=date(2026, 11, 10),
                                                     amount="120000"))
    col.money.record_recovery(case.id, RecoveryInput(received_on=date(2026, 11, 12),
                                                     amount="30000.50", kind="compensation"))
    t = col.cases.detail(case.id).totals
    assert t.recovered_fen == 15_000_050
    assert t.wage_recovered_fen == 12_000_000
    assert t.outstanding_fen == 30_000_000 - 15_000_050
    rows = col.cases.page(dto.PageRequest())
    assert rows[0].recovered_fen == 15_000_050
    assert rows[0].worker_count == 60


def test_case_list_filters_and_sorting(col: Collection, lawyer: dto.StaffInfo) -> None:
    a = new_case(col, received_on=date(2026, 1, 5), dispute_type="work_injury")
    b = new_case(col, received_on=date(2026, 3, 5), source="hotline_12351")
    c = new_case(col, received_on=date(2026, 6, 5), lead_staff_id=None)
    assert col.cases.count(dto.CaseFilter()) == 3
    assert col.cases.ids(dto.CaseFilter(dispute_types=("work_injury",))) == [a.id]
    assert col.cases.ids(dto.CaseFilter(sources=("hotline_12351",))) == [b.id]
    assert set(col.cases.ids(dto.CaseFilter(staff_id=lawyer.id))) == {a.id, b.id}
    assert col.cases.ids(dto.CaseFilter(received_from=date(2026, 2, 1),
                                        received_to=date(2026, 4, 1))) == [b.id]
    assert col.cases.ids(dto.CaseFilter(), dto.Sort("received_on", False)) == [a.id, b.id, c.id]
    page2 = col.cases.page(dto.PageRequest(offset=1, limit=1))
    assert [r.id for r in page2] == [b.id]
    # a.id's legal-aid decision deadline (7 days from 2026-01-05) is long overdue
    overdue = col.cases.ids(dto.CaseFilter(overdue_on=date(2026, 11, 24)))
    assert set(overdue) == {a.id, b.id, c.id}
