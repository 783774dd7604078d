"""The summary laid out as titled tables. PDF, .docx, .xlsx and CSV all render exactly
these tables (same titles, columns, rows and definitions), so a figure cannot differ
between formats."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from legalaid.reports.model import CaseBreakdown, Count, Headline, Summary

#: A cell: text, a count, an amount (``Yuan``), a one-decimal figure, or empty.
Cell = str | int | Decimal | None


@dataclass(frozen=True)
class Yuan:
    """An amount of money in fen, shown as yuan with two decimals."""

    fen: int


@dataclass(frozen=True)
class Percent:
    """A percentage with one decimal place; ``None`` shows as a dash."""

    value: Decimal | None


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell | Yuan | Percent, ...], ...]
    note: str = ""


HEADLINE_ROWS: tuple[tuple[str, str, bool], ...] = (
    ("consultations", "咨询（次）", False),
    ("cases_accepted", "受理案件（件）", False),
    ("cases_closed", "结案（件）", False),
    ("workers_benefited", "受益职工（人）", False),
    ("economic_loss_recovered_fen", "挽回经济损失（元）", True),
    ("wage_arrears_recovered_fen", "其中追回欠薪（元）", True),
)


def _value(h: Headline, attr: str, money: bool) -> int | Yuan:
    v = int(getattr(h, attr))
    return Yuan(v) if money else v


def _change(now: int, before: int) -> Percent:
    if before == 0:
        return Percent(None)
    return Percent((Decimal((now - before) * 100) / Decimal(before)).quantize(Decimal("0.1")))


def _count_table(key: str, title: str, head: str, rows: tuple[Count, ...]) -> Table:
    body: list[tuple[Cell | Yuan | Percent, ...]] = [(r.label, r.count) for r in rows]
    body.append(("合计", sum(r.count for r in rows)))
    return Table(key, title, (head, "数量"), tuple(body))


def _case_table(key: str, title: str, head: str, rows: tuple[CaseBreakdown, ...]) -> Table:
    body: list[tuple[Cell | Yuan | Percent, ...]] = [
        (r.label, r.accepted, r.closed, r.open_at_end) for r in rows
    ]
    body.append(
        (
            "合计",
            sum(r.accepted for r in rows),
            sum(r.closed for r in rows),
            sum(r.open_at_end for r in rows),
        )
    )
    return Table(key, title, (head, "受理", "结案", "期末在办"), tuple(body))


def build_tables(sm: Summary) -> list[Table]:
    """Every table of the report, in the order it is printed."""
    h, wk, m = sm.headline, sm.workers, sm.money
    overview: list[tuple[Cell | Yuan | Percent, ...]] = [
        (label, _value(h, attr, money)) for attr, label, money in HEADLINE_ROWS
    ]
    overview[4:4] = [
        ("其中：农民工（人）", wk.migrant),
        ("其中：新就业形态劳动者（人）", wk.new_employment_form),
        ("其中：困难职工（人）", wk.hardship),
        ("其中：工会会员（人）", wk.union_members),
        ("群体性案件（件）", wk.group_cases),
    ]
    overview[3:3] = [("期末在办（件）", sm.cases_open_at_end)]
    overview += [
        ("平均办结天数（天）", sm.average_days_to_close),
        ("超期期限（件）", sm.deadlines_missed),
    ]
    tables = [Table("overview", "一、总体情况", ("指标", "数值"), tuple(overview))]

    comp_cols = ["指标", "本期", *(c.label for c in sm.comparisons)]
    prev = sm.comparisons[0].headline if sm.comparisons else None
    last_year = next((c.headline for c in sm.comparisons if c.key == "same_period_last_year"), None)
    comp_cols += ["较上期增减（%）", "较上年同期增减（%）"]
    comp_rows = []
    for attr, label, money in HEADLINE_ROWS:
        now = int(getattr(h, attr))
        comp_rows.append(
            (
                label,
                _value(h, attr, money),
                *(_value(c.headline, attr, money) for c in sm.comparisons),
                _change(now, int(getattr(prev, attr))) if prev else Percent(None),
                _change(now, int(getattr(last_year, attr))) if last_year else Percent(None),
            )
        )
    periods = "；".join(
        f"{c.label}：{c.period.start:%Y-%m-%d}至{c.period.end:%Y-%m-%d}" for c in sm.comparisons
    )
    tables.append(
        Table("comparison", "二、对比与本年累计", tuple(comp_cols), tuple(comp_rows), periods)
    )

    if len(sm.by_office) > 1:
        rows: list[tuple[Cell | Yuan | Percent, ...]] = []
        for o in sm.by_office:
            oh = o.headline
            rows.append(
                (
                    "　" * o.depth + o.name,
                    oh.consultations,
                    oh.cases_accepted,
                    oh.cases_closed,
                    o.cases_open_at_end,
                    oh.workers_benefited,
                    Yuan(oh.economic_loss_recovered_fen),
                    Yuan(oh.wage_arrears_recovered_fen),
                )
            )
        rows.append(
            (
                "合计",
                h.consultations,
                h.cases_accepted,
                h.cases_closed,
                sm.cases_open_at_end,
                h.workers_benefited,
                Yuan(h.economic_loss_recovered_fen),
                Yuan(h.wage_arrears_recovered_fen),
            )
        )
        tables.append(
            Table(
                "by_office",
                "三、各单位情况",
                (
                    "单位",
                    "咨询",
                    "受理",
                    "结案",
                    "期末在办",
                    "受益职工",
                    "挽回经济损失（元）",
                    "追回欠薪（元）",
                ),
                tuple(rows),
                "各单位只统计本单位自身的记录，下级单位分列，合计为全部单位之和。",
            )
        )

    tables += [
        _count_table(
            "consultations_by_channel",
            "咨询（按咨询方式）",
            "咨询方式",
            sm.consultations_by_channel,
        ),
        _count_table(
            "consultations_by_topic", "咨询（按问题类别）", "问题类别", sm.consultations_by_topic
        ),
        _case_table("cases_by_dispute_type", "案件（按案由）", "案由", sm.cases_by_dispute_type),
        _case_table("cases_by_source", "案件（按案件来源）", "案件来源", sm.cases_by_source),
        _case_table(
            "cases_by_handling_method",
            "案件（按办理方式）",
            "办理方式",
            sm.cases_by_handling_method,
        ),
        _count_table(
            "cases_closed_by_outcome", "结案（按结案结果）", "结案结果", sm.cases_closed_by_outcome
        ),
    ]
    worker_rows: list[tuple[Cell | Yuan | Percent, ...]] = [
        ("受益职工合计（人）", wk.total),
        ("农民工（人）", wk.migrant),
        ("新就业形态劳动者（人）", wk.new_employment_form),
        *((f"　其中：{c.label}（人）", c.count) for c in wk.by_form),
        ("困难职工（人）", wk.hardship),
        ("工会会员（人）", wk.union_members),
        ("群体性案件（件）", wk.group_cases),
        ("群体性案件涉及职工（人）", wk.group_case_workers),
    ]
    tables.append(Table("workers", "受益职工", ("类别", "数量"), tuple(worker_rows)))

    money_rows: list[tuple[Cell | Yuan | Percent, ...]] = [
        (f"追回款项：{r.label}", r.count, Yuan(r.amount_fen)) for r in m.by_kind
    ]
    money_rows += [
        ("台账导入金额", None, Yuan(m.from_ledger_fen)),
        ("挽回经济损失合计", None, Yuan(m.economic_loss_fen)),
        ("其中追回欠薪", None, Yuan(m.wage_arrears_fen)),
    ]
    tables.append(
        Table("money", "挽回经济损失与追回欠薪", ("项目", "笔数", "金额（元）"), tuple(money_rows))
    )

    ref_rows: list[tuple[Cell | Yuan | Percent, ...]] = [
        (r.label, r.sent, r.pending, r.completed, r.returned) for r in sm.referrals_by_destination
    ]
    ref_rows.append(
        (
            "合计",
            *(
                sum(getattr(r, f) for r in sm.referrals_by_destination)
                for f in ("sent", "pending", "completed", "returned")
            ),
        )
    )
    tables += [
        Table(
            "referrals_by_destination",
            "转介（按去向）",
            ("转介去向", "转出", "办理中", "已办结", "退回或不予受理"),
            tuple(ref_rows),
        ),
        _count_table(
            "referrals_by_outcome", "转介（按办理结果）", "办理结果", sm.referrals_by_outcome
        ),
        _count_table(
            "referrals_received", "转入案件（按来源机构）", "来源机构", sm.referrals_received
        ),
    ]
    tables.append(
        Table(
            "mediations",
            "调解",
            (
                "类别",
                "开始调解",
                "达成协议",
                "调解不成",
                "撤回",
                "调解中",
                "成功率（%）",
                "协议金额（元）",
            ),
            tuple(
                (
                    r.label,
                    r.started,
                    r.agreed,
                    r.failed,
                    r.withdrawn,
                    r.ongoing,
                    Percent(r.success_rate),
                    Yuan(r.agreed_amount_fen),
                )
                for r in sm.mediations
            ),
        )
    )
    tables.append(
        Table(
            "timeliness",
            "办案时效",
            ("指标", "数值"),
            (
                ("平均办结天数（天）", sm.average_days_to_close),
                ("超期期限（件）", sm.deadlines_missed),
                ("其中法定期限（件）", sm.statutory_deadlines_missed),
            ),
        )
    )
    tables.append(
        Table(
            "workload",
            "工作量（按人员）",
            ("人员", "单位", "咨询", "受理", "结案", "期末在办", "超期期限"),
            tuple(
                (
                    w.name,
                    w.office,
                    w.consultations,
                    w.cases_accepted,
                    w.cases_closed,
                    w.cases_open_at_end,
                    w.deadlines_missed,
                )
                for w in sm.workload
            ),
        )
    )
    tables.append(
        Table(
            "definitions",
            "统计口径",
            ("指标", "说明"),
            tuple((d.term, d.text) for d in sm.definitions),
        )
    )
    return _numbered(tables)


_ZH_NUM = "一二三四五六七八九十"


def _numbered(tables: list[Table]) -> list[Table]:
    """Give every table a Chinese ordinal (一、二、…) in print order."""
    out = []
    for i, t in enumerate(tables):
        title = t.title.split("、", 1)[1] if "、" in t.title[:3] else t.title
        n = i + 1
        ordinal = _ZH_NUM[n - 1] if n <= 10 else "十" + (_ZH_NUM[n - 11] if n > 10 else "")
        if n == 20:
            ordinal = "二十"
        elif 20 < n < 30:
            ordinal = "二十" + _ZH_NUM[n - 21]
        out.append(Table(t.key, f"{ordinal}、{title}", t.columns, t.rows, t.note))
    return out
