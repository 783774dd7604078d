from __future__ import annotations

from datetime import date

import pytest

from legalaid.errors import ValidationError
from legalaid.rules.dates import (
    check_not_future,
    check_order,
    chinese_date,
    chinese_date_upper,
    parse_date,
)


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-24",
        "2026/11/24",
        "2026.11.24",
        "20261124",
        "2026年11月24日",
        "2026年11月24",
        " 2026-11-24 ",
        "２０２６年１１月２４日",
        "2026 年 11 月 24 日",
    ],
)
def test_parse_date_forms(text: str) -> None:
    assert parse_date(text, "closed_on") == date(2026, 11, 24)


def test_single_digit_month_and_day() -> None:
    assert parse_date("2026-1-5", "d") == date(2026, 1, 5)
    assert parse_date("2026/1/5", "d") == date(2026, 1, 5)
    assert parse_date("2026年1月5日", "d") == date(2026, 1, 5)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "required"),
        ("yesterday", "date_format"),
        ("24/11/2026", "date_format"),
        ("2026-13-01", "date_invalid"),
        ("2026年2月30日", "date_invalid"),
        ("0001-01-01", "date_range"),
        ("9999-01-01", "date_range"),
    ],
)
def test_parse_date_rejects(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_date(text, "closed_on")
    error = info.value.errors[0]
    assert (error.field, error.code) == ("closed_on", code)
    if code != "required":
        assert "结案日期" in error.zh  # the Chinese field label, not the code name


def test_check_not_future() -> None:
    today = date(2026, 11, 24)
    assert check_not_future(today, "closed_on", today) == today
    with pytest.raises(ValidationError) as info:
        check_not_future(date(2026, 11, 25), "closed_on", today)
    assert info.value.errors[0].code == "future"
    assert check_not_future(date(2026, 11, 30), "closed_on", today, slack_days=7)
    with pytest.raises(ValidationError):
        check_not_future(date(2026, 12, 2), "closed_on", today, slack_days=7)


def test_check_order() -> None:
    check_order(date(2026, 1, 1), date(2026, 1, 1), "accepted_on", "closed_on")
    check_order(date(2026, 1, 1), date(2026, 2, 1), "accepted_on", "closed_on")
    check_order(None, date(2026, 2, 1), "accepted_on", "closed_on")
    check_order(date(2026, 1, 1), None, "accepted_on", "closed_on")
    with pytest.raises(ValidationError) as info:
        check_order(date(2026, 2, 1), date(2026, 1, 1), "accepted_on", "closed_on")
    error = info.value.errors[0]
    assert (error.field, error.code) == ("closed_on", "order")
    assert "结案日期" in error.zh and "受理日期" in error.zh
    assert "accepted_on" in error.en


def test_check_order_custom_labels() -> None:
    with pytest.raises(ValidationError) as info:
        check_order(
            date(2026, 2, 1),
            date(2026, 1, 1),
            "x",
            "y",
            label_earlier_zh="开始",
            label_later_zh="结束",
        )
    assert "「结束」" in info.value.errors[0].zh and "「开始」" in info.value.errors[0].zh


@pytest.mark.parametrize(
    ("d", "plain", "upper"),
    [
        (date(2026, 11, 24), "2026年11月24日", "二〇二六年十一月二十四日"),
        (date(2024, 10, 8), "2024年10月8日", "二〇二四年十月八日"),
        (date(2001, 1, 1), "2001年1月1日", "二〇〇一年一月一日"),
        (date(2030, 12, 31), "2030年12月31日", "二〇三〇年十二月三十一日"),
        (date(2025, 3, 10), "2025年3月10日", "二〇二五年三月十日"),
        (date(2025, 3, 20), "2025年3月20日", "二〇二五年三月二十日"),
        (date(2025, 3, 11), "2025年3月11日", "二〇二五年三月十一日"),
    ],
)
def test_chinese_dates(d: date, plain: str, upper: str) -> None:
    assert chinese_date(d) == plain
    assert chinese_date_upper(d) == upper
