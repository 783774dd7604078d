"""The ledger writer works table by table (bulk inserts, audit events in bulk): every
record it creates is audited in a chain that verifies, employers are matched within the
ledger as against the database, converted consultations find their cases, and numbers
and staff come out as they would one row at a time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from legalaid.collection import Collection
from legalaid.inputs import ApplicantInput, CaseInput, PersonInput
from legalaid.ledger import import_ledger
from legalaid.models import (
    AuditEvent,
    Case,
    CaseRespondent,
    Consultation,
    Employer,
    Note,
    Person,
    Referral,
    Staff,
)
from legalaid.services.audit import verify_chain
from tests.reports.conftest import TODAY, credit_code
from tests.reports.test_ledger import _good_case, _xlsx

CODE_A = credit_code("91360100MA35ABCDE")

CREATED = {
    "case": Case,
    "person": Person,
    "employer": Employer,
    "referral": Referral,
    "note": Note,
    "staff": Staff,
    "consultation": Consultation,
}


@pytest.fixture
def col(empty_col: Collection) -> Iterator[Collection]:
    root = empty_col.admin.offices()[0].id
    other = empty_col.admin.create_office("西湖区总工会", "西工援", parent_id=root).value.id
    # Someone elsewhere already has the username a new 李律师 would get first.
    empty_col.admin.create_staff("李律师", "李律师", "lawyer", office_id=other)
    empty_col.cases.create(
        CaseInput(
            title="已有案件",
            dispute_type="overtime",
            source="walk_in",
            received_on=TODAY.replace(month=1, day=5),
            applicants=[ApplicantInput(person=PersonInput(name="老案件"))],
            office_id=root,
        )
    )  # 洪工援〔2026〕第0001号
    yield empty_col


def _ids(col: Collection) -> dict[str, set[str]]:
    with col.read() as s:
        return {e: set(s.scalars(select(m.id))) for e, m in CREATED.items()}


def _events(col: Collection) -> Counter[tuple[str, str]]:
    with col.read() as s:
        rows = s.execute(
            select(AuditEvent.entity, AuditEvent.entity_id).where(AuditEvent.action == "create")
        )
        return Counter((e, i) for e, i in rows)


def _ledger(tmp_path: Path) -> Path:
    cases = [
        _good_case(
            "洪台账〔2026〕第0005号",
            联系电话="13800138000",
            用人单位="甲公司",
            统一社会信用代码=CODE_A,
            转介去向="劳动监察大队",
            备注="台账备注",
            承办人="李律师",
        ),
        _good_case(
            "洪台账〔2026〕第0006号",
            受理日期="2026-03-09",
            用人单位="甲公司（改名）",
            统一社会信用代码=CODE_A,
        ),
        _good_case(
            "洪台账〔2026〕第0007号", 申请人="张三", 联系电话="13700000000", 用人单位="乙公司"
        ),
        _good_case("洪台账〔2026〕第0008号", 申请人="李四", 用人单位="乙公司"),
        _good_case("洪台账〔2026〕第0001号", 申请人="孙七"),  # 0001 is taken: a new seq
    ]
    consultation = {
        "咨询日期": "2026-03-01",
        "咨询方式": "来访",
        "咨询人": "王小明",
        "联系电话": "13800138000",
        "问题类别": "欠薪",
        "是否转立案": "是",
    }
    consultations = [
        consultation,  # -> 0005 (received first)
        {**consultation, "问题类别": "加班工资"},  # -> 0006 (0005 is taken; no phone there)
        {**consultation, "咨询人": "张三", "联系电话": "13900000000"},  # phone differs
        {**consultation, "咨询人": "赵六"},  # no such case
        {**consultation, "咨询人": "孙七", "是否转立案": "否"},
    ]
    return _xlsx(tmp_path / "ledger.xlsx", cases, consultations)


def test_bulk_import_audits_every_record_and_links_like_one_at_a_time(
    col: Collection, tmp_path: Path
) -> None:
    path = _ledger(tmp_path)
    root = next(o.id for o in col.admin.offices() if o.name == "南昌市总工会")
    before_ids, before_events = _ids(col), _events(col)

    dry = import_ledger(col, [path], dry_run=True, office_id=root)
    assert dry.cases_created == 5 and dry.consultations_created == 5
    assert _ids(col) == before_ids and _events(col) == before_events

    report = import_ledger(col, [path], office_id=root)
    assert report.imported and not report.errors, report.errors
    assert (report.cases_created, report.consultations_created) == (5, 5)
    assert report.staff_created == ["李律师", "张律师"]
    warnings = [str(w) for w in report.warnings]
    assert sum("按未转立案导入" in w for w in warnings) == 2

    # Every record created has exactly one create event, and the chain verifies.
    after_ids, events = _ids(col), _events(col)
    for entity in CREATED:
        new = after_ids[entity] - before_ids[entity]
        assert new, entity
        assert all(events[(entity, i)] == 1 for i in new), entity
    new_events = sum(events.values()) - sum(before_events.values())
    assert new_events == sum(len(after_ids[e] - before_ids[e]) for e in CREATED)
    with col.read() as s:
        chain = verify_chain(s)
        assert chain.ok and chain.checked == s.scalar(select(func.count(AuditEvent.id)))

        number = {c.id: c.number for c in s.scalars(select(Case))}
        links = {
            c.caller_name + (c.topic or ""): number.get(c.case_id or "")
            for c in s.scalars(select(Consultation))
        }
        assert links == {
            "王小明wage_arrears": "洪台账〔2026〕第0005号",
            "王小明overtime": "洪台账〔2026〕第0006号",
            "张三wage_arrears": None,
            "赵六wage_arrears": None,
            "孙七wage_arrears": None,
        }
        first = s.scalars(select(Case).where(Case.number == "洪台账〔2026〕第0005号")).one()
        assert first.consultation_id is not None and first.version == 2
        first_id, office_id = first.id, first.office_id
        # One employer per credit code, one per name without a code.
        employers = Counter(s.scalars(select(CaseRespondent.employer_id)))
        assert sorted(employers.values()) == [2, 2]
        seqs = {n: q for n, q in s.execute(select(Case.number, Case.seq))}
        assert seqs["洪工援〔2026〕第0001号"] == 1
        assert seqs["洪台账〔2026〕第0001号"] not in (1, 5, 6, 7, 8)
        usernames = {
            n: u
            for n, u in s.execute(
                select(Staff.name, Staff.username).where(Staff.office_id == office_id)
            )
        }
        assert usernames == {"李律师": "李律师2", "张律师": "张律师"}

    history = [(h.action, h.entity) for h in col.cases.history(first_id)]
    assert history[:3] == [("create", "case"), ("create", "referral"), ("create", "note")]
    assert ("create", "consultation") in history

    again = import_ledger(col, [path], office_id=root)
    assert (again.cases_created, again.consultations_created) == (0, 0)
    assert again.consultations_skipped == 5 and not again.staff_created
    assert _ids(col) == after_ids and _events(col) == events
