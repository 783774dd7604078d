from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legalaid.collection import Collection
from legalaid.inputs import ConsultationInput, PersonInput
from legalaid.services.audit import verify_chain

from .conftest import credit_code, id_number, new_case


def test_chinese_substring_search(col: Collection) -> None:
    case = new_case(col)
    col.notes.add(case.id, "用人单位承诺月底前支付工资")
    for query in ("建工", "南昌建工集团", "李四", "0001", "洪工援", "13800138000", "月底前",
                  "建", "3151"):
        assert [r.id for r in col.search.cases(query)] == [case.id], query
    assert col.search.cases("不存在的公司") == []
    found = col.search.all("建工")
    assert [e.name for e in found.employers] == ["南昌建工集团有限公司"]


def test_search_follows_edits(col: Collection) -> None:
    case = new_case(col, title="拖欠工资案")
    detail = col.cases.detail(case.id)
    person = detail.applicants[0].person
    col.parties.update_person(person.id, PersonInput(name="王五", phone="13800138000"),
                              expected_version=person.version)
    assert col.search.cases("李四") == []
    assert [r.id for r in col.search.cases("王五")] == [case.id]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_search_never_crashes_on_odd_input(col: Collection, query: str) -> None:
    col.search.all(query)


def test_search_odd_input_examples(col: Collection) -> None:
    new_case(col)
    for q in ['"', "'", "a OR b", "NEAR(x y)", "*", "^建", "建工\"", "x" * 10000, "\x00",
              "AND", "(", "建工 -南昌", "col:val"]:
        col.search.all(q)


def test_duplicate_check_finds_people_cases_and_consultations(col: Collection) -> None:
    case = new_case(col)
    col.consultations.create(ConsultationInput(caller_name="李四", channel="hotline_12351",
                                               topic="wage_arrears",
                                               caller_phone="138 0013 8000"))
    report = col.parties.duplicates(id_number=id_number("360102", "19850315", "123").lower(),
                                    phone="+86 138-0013-8000")
    assert [p.name for p in report.people] == ["李四"]
    assert [c.id for c in report.cases] == [case.id]
    assert len(report.consultations) == 1
    emp = col.parties.duplicates(credit_code=credit_code("91360100MA35ABCDE"))
    assert [e.name for e in emp.employers] == ["南昌建工集团有限公司"]
    assert [c.id for c in emp.cases] == [case.id]
    assert col.parties.duplicates(phone="13999999999").empty
    assert col.parties.duplicates(id_number="garbage").empty


def test_audit_records_changes_and_views_in_a_verifiable_chain(col: Collection) -> None:
    case = new_case(col)
    col.cases.detail(case.id)
    history = col.cases.history(case.id)
    actions = [(h.action, h.entity) for h in history]
    assert ("create", "case") in actions and ("view", "case") in actions
    assert all(h.staff_id == col.actor_id for h in history)
    person_id = col.cases.detail(case.id).applicants[0].person.id
    col.parties.person(person_id)
    with col.read() as s:
        report = verify_chain(s)
    assert report.ok and report.checked > 5
    with col.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE audit_events SET after = '{\"title\": \"forged\"}' WHERE seq = 3")
    with col.read() as s:
        report = verify_chain(s)
    assert not report.ok and report.broken_at_seq == 3


def test_consultation_becomes_a_case(col: Collection) -> None:
    c = col.consultations.create(ConsultationInput(
        caller_name="赵六", channel="walk_in", topic="overtime", caller_phone="13700137000",
        employer_name="某某外卖平台", question="加班费未支付", worker_count=3)).value
    case = col.consultations.convert_to_case(c.id, received_on=date(2026, 11, 20)).value
    assert case.dispute_type == "overtime" and case.worker_count == 3
    assert col.consultations.get(c.id).case_id == case.id
    detail = col.cases.detail(case.id)
    assert detail.applicants[0].person.name == "赵六"
    assert detail.respondents[0].employer.name == "某某外卖平台"
