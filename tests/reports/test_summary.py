"""Summary figures against figures computed independently from the raw rows."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from legalaid.ledger import import_ledger
from legalaid.reports import Period, ReportService
from legalaid.reports.render_json import to_dict
from tests.reports.conftest import TODAY, World
from tests.reports.expected import expected, yuan

PERIODS = [
    Period.month(2026, 10),
    Period.month(2026, 9),
    Period.month(2025, 10),
    Period.year(2026),
    Period.between(date(2026, 8, 15), date(2026, 11, 23)),
]


def _check(world: World, period: Period, office: str | None) -> dict[str, object]:
    office_id = world.offices[office] if office else None
    scope = (
        set(world.col.admin.office_tree_ids(office_id))
        if office_id
        else set(world.offices.values())
    )
    got = to_dict(ReportService(world.col).summary(period, office_id=office_id))
    e = expected(world.path, period.start, period.end, scope, TODAY)
    assert got["consultations"] == e.consultations
    assert {r["code"]: r["count"] for r in got["consultations_by_channel"] if r["count"]} == dict(
        e.by_channel
    )
    assert {r["code"]: r["count"] for r in got["consultations_by_topic"] if r["count"]} == dict(
        e.by_topic
    )
    assert got["cases_accepted"] == e.accepted
    assert got["cases_closed"] == e.closed
    assert got["cases_open_at_end"] == e.open_at_end
    assert {
        r["code"]: r["accepted"] for r in got["cases_by_dispute_type"] if r["accepted"]
    } == dict(e.accepted_by_dispute)
    assert {r["code"]: r["closed"] for r in got["cases_by_source"] if r["closed"]} == dict(
        e.closed_by_source
    )
    assert {
        r["code"]: r["open_at_end"] for r in got["cases_by_handling_method"] if r["open_at_end"]
    } == dict(e.open_by_method)
    assert got["workers_benefited"] == e.workers
    assert got["migrant_workers"] == e.migrant
    assert got["hardship_workers"] == e.hardship
    assert got["union_member_workers"] == e.union
    assert got["new_employment_form_workers"] == e.new_form
    assert {
        r["code"]: r["workers"] for r in got["new_employment_form_workers_by_form"] if r["workers"]
    } == dict(e.by_form)
    assert got["group_cases"] == e.group_cases
    assert got["economic_loss_recovered"] == yuan(e.loss_fen)
    assert got["wage_arrears_recovered"] == yuan(e.wage_fen)
    assert got["average_days_to_close"] == e.avg_days
    assert got["deadlines_missed"] == e.missed
    assert {r["code"]: r["sent"] for r in got["referrals_by_destination"] if r["sent"]} == dict(
        e.referrals_sent
    )
    med = {m["key"]: m for m in got["mediations"]}  # type: ignore[union-attr]
    for key, (started, agreed, ended) in (
        ("pre_arbitration", e.med_pre),
        ("post_arbitration", e.med_post),
    ):
        assert med[key]["started"] == started
        assert med[key]["agreed"] == agreed
        rate = med[key]["success_rate_percent"]
        assert rate == (None if not ended else f"{agreed * 100 / ended:.1f}")
    return got


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.slug)
def test_whole_federation_matches_raw_rows(world: World, period: Period) -> None:
    got = _check(world, period, None)
    assert got["office"] == "南昌市总工会"
    assert got["period"] == {
        "kind": period.kind,
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "label": period.label,
    }


def test_the_data_is_not_trivial(world: World) -> None:
    """The world has enough of everything for the comparisons to mean something."""
    got = _check(world, Period.year(2026), None)
    assert got["consultations"] > 40 and got["cases_accepted"] > 20
    assert got["cases_closed"] > 5 and got["group_cases"] > 0
    assert got["deadlines_missed"] > 0 and got["new_employment_form_workers"] > 0
    assert got["migrant_workers"] < got["workers_benefited"]
    assert got["economic_loss_recovered"] != got["wage_arrears_recovered"]


@pytest.mark.parametrize("office", ["东湖区总工会", "西湖区总工会", "东湖区百花洲服务站"])
def test_district_scope(world: World, office: str) -> None:
    got = _check(world, Period.year(2026), office)
    names = [o["name"] for o in got["by_office"]]  # type: ignore[union-attr]
    if office == "东湖区总工会":
        assert names == ["东湖区总工会", "东湖区百花洲服务站"]
    else:
        assert names == [office]


def test_offices_break_out_and_add_up(world: World) -> None:
    got = to_dict(ReportService(world.col).summary(Period.year(2026)))
    rows = got["by_office"]
    assert [r["name"] for r in rows] == [
        "南昌市总工会",
        "东湖区总工会",
        "东湖区百花洲服务站",
        "西湖区总工会",
    ]
    assert [r["depth"] for r in rows] == [0, 1, 2, 1]
    e = expected(
        world.path, date(2026, 1, 1), date(2026, 12, 31), set(world.offices.values()), TODAY
    )
    for r in rows:
        assert r["cases_accepted"] == e.per_office_accepted.get(r["office_id"], 0)
    for key in (
        "consultations",
        "cases_accepted",
        "cases_closed",
        "workers_benefited",
        "cases_open_at_end",
    ):
        assert sum(r[key] for r in rows) == got[key]
    from decimal import Decimal

    for key in ("economic_loss_recovered", "wage_arrears_recovered"):
        assert sum(Decimal(r[key]) for r in rows) == Decimal(got[key])


def test_comparisons_are_the_summaries_of_those_periods(world: World) -> None:
    rs = ReportService(world.col)
    got = to_dict(rs.summary(Period.month(2026, 10)))
    comp = got["comparison"]
    assert comp["previous_period"]["period"]["from"] == "2026-09-01"
    assert comp["same_period_last_year"]["period"]["to"] == "2025-10-31"
    assert comp["year_to_date"]["period"] == {
        "kind": "range",
        "from": "2026-01-01",
        "to": "2026-10-31",
        "label": "2026年1月1日至2026年10月31日",
    }
    for key, period in (
        ("previous_period", Period.month(2026, 9)),
        ("same_period_last_year", Period.month(2025, 10)),
        ("year_to_date", Period.between(date(2026, 1, 1), date(2026, 10, 31))),
    ):
        other = to_dict(rs.summary(period))
        for k in (
            "consultations",
            "cases_accepted",
            "cases_closed",
            "workers_benefited",
            "economic_loss_recovered",
            "wage_arrears_recovered",
        ):
            assert comp[key][k] == other[k], (key, k)


def test_consultations_count_by_beijing_day(world: World) -> None:
    """23:30 on 31 October Beijing time is October; 00:05 on 1 October is October too,
    though it is still 30 September in UTC."""
    oct_ = to_dict(ReportService(world.col).summary(Period.month(2026, 10)))
    hotline = {r["code"]: r["count"] for r in oct_["consultations_by_channel"]}
    e = expected(
        world.path, date(2026, 10, 1), date(2026, 10, 31), set(world.offices.values()), TODAY
    )
    assert hotline["hotline_12351"] == e.by_channel["hotline_12351"]
    rows = [r for r in world.col.consultations.recent(limit=1000) if r.caller_name == "边界"]
    assert len(rows) == 4


def test_ledger_amounts_count_on_the_closing_date(world: World, tmp_path: Path) -> None:
    csv_path = tmp_path / "cases.csv"
    csv_path.write_text(
        "案件编号,受理日期,结案日期,申请人,案由,案件来源,挽回经济损失,其中追回欠薪,案件状态\n"
        "洪工援〔2026〕第0901号,2026-09-20,2026-10-12,甲,拖欠工资,来访,28195000.00,20000000,已结案\n"
        "洪工援〔2026〕第0902号,2026-10-08,,乙,工伤待遇,来访,1000.50,0,在办\n"
        "洪工援〔2026〕第0903号,2026-08-08,2026-09-30,丙,拖欠工资,来访,777.00,777,已结案\n",
        encoding="utf-8",
    )
    report = import_ledger(world.col, [csv_path], office_id=world.offices["南昌市总工会"])
    assert report.imported and report.cases_created == 3, report.issues
    got = _check(world, Period.month(2026, 10), None)
    before = expected(world.path, date(2026, 10, 1), date(2026, 10, 31), set(), TODAY)
    assert before.loss_fen == 0
    sept = to_dict(ReportService(world.col).summary(Period.month(2026, 9)))
    assert got["recovered"]["from_ledger"] == "28196000.50"
    assert got["recovered"]["wage_arrears_from_ledger"] == "20000000.00"
    assert sept["recovered"]["from_ledger"] == "777.00"
    _check(world, Period.month(2026, 9), None)


def test_json_keys_are_stable(world: World) -> None:
    got = json.loads(
        ReportService(world.col).render(
            ReportService(world.col).summary(Period.month(2026, 10)), "json"
        )
    )
    doc = (Path(__file__).parents[2] / "docs" / "reports.md").read_text(encoding="utf-8")
    for key in got:
        assert f"`{key}`" in doc, f"{key} is not documented in docs/reports.md"
    for key in (
        "consultations",
        "cases_accepted",
        "cases_closed",
        "workers_benefited",
        "economic_loss_recovered",
        "wage_arrears_recovered",
    ):
        assert key in got
    assert isinstance(got["economic_loss_recovered"], str)
    assert got["economic_loss_recovered"].count(".") == 1
    assert len(got["economic_loss_recovered"].split(".")[1]) == 2


def test_empty_database_gives_zeros(empty_col) -> None:  # type: ignore[no-untyped-def]
    got = to_dict(ReportService(empty_col).summary(Period.month(2026, 10)))
    assert got["consultations"] == 0 and got["cases_accepted"] == 0
    assert got["economic_loss_recovered"] == "0.00"
    assert got["average_days_to_close"] is None
    for m in got["mediations"]:
        assert m["success_rate_percent"] is None


def test_unknown_office_and_bad_period_are_refused(world: World) -> None:
    from legalaid.errors import ValidationError

    with pytest.raises(ValidationError):
        ReportService(world.col).summary(Period.month(2026, 10), office_id="nope")
    with pytest.raises(ValidationError):
        Period.between(date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(ValidationError):
        Period.parse_month("2026-13")
    assert Period.parse_month("2026年3月") == Period.month(2026, 3)
    assert Period.month(2024, 2).end == date(2024, 2, 29)
    assert Period.between(date(2024, 2, 29), date(2024, 3, 5)).same_last_year().start == date(
        2023, 2, 28
    )
