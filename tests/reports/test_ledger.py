"""Ledger (台账) import and export: validation of every row, all-or-nothing, idempotent
re-import, synonyms, Excel dates, GB18030 CSV, and export → import → export round trips."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from legalaid.collection import Collection
from legalaid.inputs import ConsultationInput
from legalaid.ledger import export_ledger, import_ledger
from legalaid.ledger.columns import CASE_COLUMNS, CONSULTATION_COLUMNS
from legalaid.models import Case, Consultation, Deadline, Person, Referral, Staff
from tests.reports.conftest import TODAY, World, credit_code, id_number

GOOD_ID = id_number("360102", "19850101", "123")
GOOD_ID2 = id_number("360102", "19900505", "234")
GOOD_CODE = credit_code("91360100MA35ABCDE")


def _xlsx(path: Path, cases: list[dict[str, Any]], consultations: list[dict[str, Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "案件"
    cols = [*CASE_COLUMNS, "内部序号"]  # an extra column is ignored
    ws.append(cols)
    for row in cases:
        ws.append([row.get(c) for c in cols])
    ws2 = wb.create_sheet("咨询")
    ws2.append(list(reversed(CONSULTATION_COLUMNS)))  # any column order
    for row in consultations:
        ws2.append([row.get(c) for c in reversed(CONSULTATION_COLUMNS)])
    wb.save(path)
    return path


def _count(col: Collection, model: Any) -> int:
    with col.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _good_case(number: str, **kw: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "案件编号": number,
        "受理日期": "2026-03-02",
        "申请人": "王小明",
        "案由": "拖欠工资",
        "案件来源": "来访",
        "农民工": "是",
        "困难职工": "否",
        "新就业形态": "否",
        "承办人": "张律师",
        "挽回经济损失": "1000.00",
        "其中追回欠薪": "800",
        "案件状态": "在办",
    }
    row.update(kw)
    return row


@pytest.fixture
def col(empty_col: Collection) -> Iterator[Collection]:
    yield empty_col


def test_a_ledger_with_bad_rows_reports_each_and_imports_nothing(
    col: Collection, tmp_path: Path
) -> None:
    cases = [
        _good_case("洪工援〔2026〕第0001号"),  # row 2: fine, still not imported
        _good_case(None),  # 3: no number
        _good_case("洪工援〔2026〕第0003号"),  # 4: duplicate of row 5
        _good_case("洪工援〔2026〕第0003号"),  # 5
        _good_case("洪工援〔2026〕第0006号", 受理日期="2024-13-45"),  # 6: no such date
        _good_case("洪工援〔2026〕第0007号", 结案日期="2026-02-01", 案件状态="已结案"),  # 7
        _good_case("洪工援〔2026〕第0008号", 受理日期="2027-01-05"),  # 8: future
        _good_case("洪工援〔2026〕第0009号", 身份证号=GOOD_ID[:-1] + "0"),  # 9: checksum
        _good_case("洪工援〔2026〕第0010号", 联系电话="12345"),  # 10: phone
        _good_case(
            "洪工援〔2026〕第0011号", 用人单位="某公司", 统一社会信用代码="91360100MA35ABCDEX"
        ),
        _good_case("洪工援〔2026〕第0012号", 诉求金额="12.345"),  # 12: three decimals
        _good_case("洪工援〔2026〕第0013号", 挽回经济损失="abc"),  # 13: not an amount
        _good_case("洪工援〔2026〕第0014号", 其中追回欠薪="5000"),  # 14: wage > total
        _good_case("洪工援〔2026〕第0015号", 涉及职工人数="0"),  # 15: no workers
        _good_case("洪工援〔2026〕第0016号", 农民工="也许"),  # 16: not 是/否
        _good_case("洪工援〔2026〕第0017号", 案件状态="已结案"),  # 17: closed, no date
        _good_case("洪工援〔2026〕第0018号", 申请人=""),  # 18: no applicant
        _good_case(
            "洪工援〔2026〕第0019号", 申请人="甲、乙", 身份证号=GOOD_ID
        ),  # 19: 1 ID, 2 names
        _good_case("洪工援〔2026〕第0020号", 身份证号=3.60102198501011e17),  # 20: Excel-rounded
        _good_case("洪工援〔2026〕第0021号", 结案日期="2026-05-01"),  # 21: open with a date
    ]
    consultations = [
        {"咨询日期": None, "咨询方式": "来访", "咨询人": "甲", "是否转立案": "否"},
        {"咨询日期": "2026-03-01", "咨询方式": "来访", "咨询人": "", "是否转立案": "否"},
        {"咨询日期": "2026-03-01", "咨询方式": "来访", "咨询人": "丙", "是否转立案": "maybe"},
        {"咨询日期": "2026-03-01", "咨询方式": "来访", "咨询人": "丁", "联系电话": "999"},
    ]
    path = _xlsx(tmp_path / "bad.xlsx", cases, consultations)
    before = {m: _count(col, m) for m in (Case, Consultation, Person, Staff)}
    report = import_ledger(col, [path])
    assert not report.imported
    where = {(i.sheet, i.row, i.column) for i in report.errors}
    for expected in [
        ("案件", 3, "案件编号"),
        ("案件", 4, "案件编号"),
        ("案件", 5, "案件编号"),
        ("案件", 6, "受理日期"),
        ("案件", 7, "结案日期"),
        ("案件", 8, "受理日期"),
        ("案件", 9, "身份证号"),
        ("案件", 10, "联系电话"),
        ("案件", 11, "统一社会信用代码"),
        ("案件", 12, "诉求金额"),
        ("案件", 13, "挽回经济损失"),
        ("案件", 14, "其中追回欠薪"),
        ("案件", 15, "涉及职工人数"),
        ("案件", 16, "农民工"),
        ("案件", 17, "结案日期"),
        ("案件", 18, "申请人"),
        ("案件", 19, "身份证号"),
        ("案件", 20, "身份证号"),
        ("案件", 21, "案件状态"),
        ("咨询", 2, "咨询日期"),
        ("咨询", 3, "咨询人"),
        ("咨询", 4, "是否转立案"),
        ("咨询", 5, "联系电话"),
    ]:
        assert expected in where, expected
    assert not any(i.row == 2 and i.sheet == "案件" for i in report.errors)
    assert report.rows_rejected == 23
    assert all(i.zh for i in report.errors)
    assert "第9行「身份证号」" in str(next(i for i in report.errors if i.row == 9))
    assert {m: _count(col, m) for m in (Case, Consultation, Person, Staff)} == before

    partial = import_ledger(col, [path], skip_bad_rows=True)
    assert partial.imported and partial.cases_created == 1
    assert col.cases.by_number("洪工援〔2026〕第0001号").status == "accepted"


def test_synonyms_excel_dates_staff_and_idempotent_reimport(
    col: Collection, tmp_path: Path
) -> None:
    cases = [
        _good_case(
            "洪工援〔2026〕第0031号",
            受理日期=datetime(2026, 3, 2),  # an Excel date cell
            结案日期=46119,  # a serial day number (2026-04-07) in a general cell
            申请人="王小明、李小红",
            身份证号=f"{GOOD_ID}、{GOOD_ID2}",
            联系电话="13800138000、",
            用人单位="南昌某建筑公司",
            统一社会信用代码=GOOD_CODE,
            案由="欠薪",
            案件来源="仲裁委",
            涉及职工人数=15,
            新就业形态="骑手",
            办理方式="调解",
            转介去向="劳动监察大队",
            诉求金额=30000.5,
            挽回经济损失=28195000,
            其中追回欠薪="20,000,000.00",
            案件状态="办结",
            备注="'=SUM(A1)",  # neutralised text comes back without its apostrophe
            承办人="新来的律师",
        ),
        _good_case("洪工援〔2026〕第0032号", 案由="讨要工资和精神损失", 案件来源="", 案件状态=""),
    ]
    consultations = [
        {
            "咨询日期": date(2026, 3, 1),
            "咨询方式": "12351",
            "咨询人": "王小明",
            "联系电话": "13800138000",
            "问题类别": "欠薪",
            "答复摘要": "建议申请援助",
            "接待人": "张律师",
            "是否转立案": "是",
        },
        {
            "咨询日期": "2026/3/5",
            "咨询方式": "抖音",
            "咨询人": "赵六",
            "问题类别": "加班工资",
            "是否转立案": "否",
        },
        {
            "咨询日期": "2026/3/5",
            "咨询方式": "抖音",
            "咨询人": "赵六",
            "问题类别": "加班工资",
            "是否转立案": "否",
        },  # the same twice: both are kept
    ]
    path = _xlsx(tmp_path / "good.xlsx", cases, consultations)
    dry = import_ledger(col, [path], dry_run=True)
    assert dry.cases_created == 2 and not dry.imported and _count(col, Case) == 0

    report = import_ledger(col, [path])
    assert report.imported and not report.errors, report.errors
    assert report.cases_created == 2 and report.consultations_created == 3
    assert set(report.staff_created) == {"张律师", "新来的律师"}
    warnings = [str(w) for w in report.warnings]
    assert any("讨要工资和精神损失" in w and "案由" in w for w in warnings)
    assert any("抖音" in w for w in warnings)
    assert any(w.startswith("提示：案件 第3行「案件来源」") for w in warnings)

    c = col.cases.by_number("洪工援〔2026〕第0031号")
    assert (c.status, c.accepted_on, c.closed_on) == ("closed", date(2026, 3, 2), date(2026, 4, 7))
    assert (c.dispute_type, c.source, c.handling_method) == (
        "wage_arrears",
        "arbitration_referred",
        "negotiation_mediation",
    )
    assert c.worker_count == 15 and c.amount_claimed_fen == 3000050
    with col.read() as s:
        row = s.get(Case, c.id)
        assert row is not None
        assert (row.ledger_recovered_fen, row.ledger_wage_recovered_fen) == (2819500000, 2000000000)
        assert s.scalar(select(Referral.body_type).where(Referral.case_id == c.id)) == (
            "labour_inspection"
        )
        assert s.scalar(select(func.count()).select_from(Deadline)) == 0  # historical: none
        linked = s.scalar(select(Consultation.case_id).where(Consultation.caller_name == "王小明"))
        assert linked == c.id
        channels = set(s.scalars(select(Consultation.channel)))
        assert channels == {"hotline_12351", "other"}
    detail = col.cases.detail(c.id)
    assert [a.person.name for a in detail.applicants] == ["王小明", "李小红"]
    assert detail.applicants[0].person.phone == "13800138000"
    assert detail.applicants[1].person.id_number == GOOD_ID2
    assert all(a.person.migrant_worker for a in detail.applicants)
    assert detail.applicants[0].person.employment_form == "delivery_rider"
    other = col.cases.by_number("洪工援〔2026〕第0032号")
    assert (other.dispute_type, other.source, other.status) == ("other", "other", "accepted")

    again = import_ledger(col, [path])
    assert again.cases_created == 0 and again.consultations_created == 0
    assert sorted(again.cases_skipped) == ["洪工援〔2026〕第0031号", "洪工援〔2026〕第0032号"]
    assert again.consultations_skipped == 3
    assert _count(col, Case) == 2 and _count(col, Consultation) == 3
    # Numbers allocated later continue after the imported ones.
    from legalaid.inputs import ApplicantInput, CaseInput, PersonInput

    new = col.cases.create(
        CaseInput(
            title="新案",
            dispute_type="overtime",
            source="walk_in",
            received_on=date(2026, 5, 1),
            applicants=[ApplicantInput(person=PersonInput(name="新人"))],
        )
    ).value
    assert new.number == "洪工援〔2026〕第0033号"


def test_gb18030_csv_one_file_per_sheet(col: Collection, tmp_path: Path) -> None:
    cases = tmp_path / "案件台账.csv"
    text = (
        "说明：2026年台账\n" + ",".join(["备注", "案件编号", "受理日期", "申请人", "案由"]) + "\n"
    )
    text += "郑州来的，讲方言,洪工援〔2026〕第0041号,2026年3月4日,张三丰,工伤\n"
    cases.write_bytes(text.encode("gb18030"))
    consult = tmp_path / "咨询.csv"
    consult.write_bytes(
        "咨询日期,咨询人,咨询方式,问题类别\n2026-03-04,龘先生,电话,社保\n".encode("gb18030")
    )
    report = import_ledger(col, [cases, consult])
    assert report.imported and report.cases_created == 1 and report.consultations_created == 1
    c = col.cases.by_number("洪工援〔2026〕第0041号")
    assert c.dispute_type == "work_injury"
    got = col.consultations.recent()[0]
    assert (got.caller_name, got.channel, got.topic) == ("龘先生", "phone", "social_insurance")


def _sheets(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    wb = load_workbook(path)
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def test_round_trip_export_import_export(world: World, tmp_path: Path) -> None:
    col = world.col
    fed = world.offices["南昌市总工会"]
    # Give the world a converted consultation, a formula-like note and a phone.
    consult = col.consultations.create(
        ConsultationInput(
            caller_name="=cmd|' /C calc'!A0",
            channel="phone",
            topic="overtime",
            caller_phone="13900139000",
            office_id=fed,
            consulted_at=datetime(2026, 10, 9, 9, 0).astimezone(),
        )
    ).value
    col.consultations.convert_to_case(consult.id, received_on=date(2026, 10, 10))
    some_case = col.cases.page(
        __import__("legalaid.dto", fromlist=["PageRequest"]).PageRequest(limit=1)
    )[0]
    col.notes.add(some_case.id, "=SUM(A1:A3) 当事人要求保密")

    first = export_ledger(col, tmp_path / "one.xlsx")[0]
    sheets1 = _sheets(first)
    assert sheets1["案件"][0] == CASE_COLUMNS and sheets1["咨询"][0] == CONSULTATION_COLUMNS
    assert len(sheets1["案件"]) > 40 and len(sheets1["咨询"]) > 80
    wb = load_workbook(first)
    evil = [
        c
        for row in wb["咨询"].iter_rows()
        for c in row
        if isinstance(c.value, str) and "calc" in c.value
    ]
    assert evil and all(c.value.startswith("'=") and c.data_type == "s" for c in evil)
    assert any(r[0] is not None and isinstance(r[1], datetime) for r in sheets1["案件"][1:])

    fresh = Collection(tmp_path / "fresh.db", today=lambda: TODAY)
    try:
        fresh.admin.create_office("新余市总工会", "余工援")
        report = import_ledger(fresh, [first])
        assert report.imported and not report.errors, report.errors[:5]
        assert not [w for w in report.warnings if "转立案" in w.column]
        second = export_ledger(fresh, tmp_path / "two.xlsx")[0]
        assert _sheets(second) == sheets1

        again = import_ledger(fresh, [second])  # nothing new the second time
        assert again.cases_created == 0 and again.consultations_created == 0

        # CSV, GB18030: the same rows again.
        paths = export_ledger(fresh, tmp_path / "three.csv", encoding="gb18030")
        assert [p.name for p in paths] == ["three-案件.csv", "three-咨询.csv"]
        rows = list(csv.reader(io.StringIO(paths[0].read_bytes().decode("gb18030"))))
        assert tuple(rows[0]) == CASE_COLUMNS and len(rows) == len(sheets1["案件"])
        assert any(
            f.startswith("'=")
            for r in csv.reader(io.StringIO(paths[1].read_bytes().decode("gb18030")))
            for f in r
        )
        third = Collection(tmp_path / "third.db", today=lambda: TODAY)
        try:
            third.admin.create_office("萍乡市总工会", "萍工援")
            assert import_ledger(third, paths).imported
            fourth = export_ledger(third, tmp_path / "four.xlsx")[0]
            assert _sheets(fourth) == sheets1
        finally:
            third.close()
    finally:
        fresh.close()
