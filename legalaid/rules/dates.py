"""Dates as a desk types and prints them, and the ordering rules between them."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from legalaid.errors import ValidationError

__all__ = [
    "FIELD_LABELS_ZH",
    "check_not_future",
    "check_order",
    "chinese_date",
    "chinese_date_upper",
    "parse_date",
]

#: Chinese names of common date fields, used in messages when no label is given.
FIELD_LABELS_ZH: dict[str, str] = {
    "applied_on": "申请日期",
    "accepted_on": "受理日期",
    "closed_on": "结案日期",
    "opened_on": "立案日期",
    "received_on": "收到日期",
    "decided_on": "决定日期",
    "award_received_on": "裁决书收到日期",
    "agreement_on": "协议日期",
    "performance_due": "履行期限",
    "hired_on": "入职日期",
    "left_on": "离职日期",
    "period_start": "起始日期",
    "period_end": "截止日期",
    "birth_date": "出生日期",
    "paid_on": "付款日期",
    "referred_on": "移送日期",
    "consulted_on": "咨询日期",
}

_EARLIEST_YEAR = 1900
_LATEST_YEAR = 2200
_NUMERIC = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_CHINESE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?")


def _label(field: str, label: str | None) -> str:
    return label or FIELD_LABELS_ZH.get(field, field)


def parse_date(text: str, field: str = "date", label_zh: str | None = None) -> date:
    """Read a date typed as ``2026-11-24``, ``2026/11/24``, ``2026.11.24``, ``20261124``
    or ``2026年11月24日`` (single-digit month/day and full-width digits accepted).

    Raises:
        ValidationError: the text is not one of these forms or names no real day.
    """
    label = _label(field, label_zh)
    if not isinstance(text, str):
        raise ValidationError.single(
            field, "type", f"「{label}」必须是文本", f"{field} must be text"
        )
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if not cleaned:
        raise ValidationError.single(
            field, "required", f"请填写「{label}」", f"{field} is required"
        )
    match = (
        _NUMERIC.fullmatch(cleaned) or _COMPACT.fullmatch(cleaned) or _CHINESE.fullmatch(cleaned)
    )
    if match is None:
        raise ValidationError.single(
            field,
            "date_format",
            f"「{label}」日期格式不正确：{text[:40]!r}（示例：2026-11-24 或 2026年11月24日）",
            f"{field}: not a date: {text[:40]!r} (e.g. 2026-11-24)",
        )
    year, month, day = (int(g) for g in match.groups())
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise ValidationError.single(
            field,
            "date_invalid",
            f"「{label}」日期不存在：{year}年{month}月{day}日",
            f"{field}: no such day: {year:04d}-{month:02d}-{day:02d}",
        ) from None
    if not _EARLIEST_YEAR <= parsed.year <= _LATEST_YEAR:
        raise ValidationError.single(
            field,
            "date_range",
            f"「{label}」年份 {parsed.year} 不合理",
            f"{field}: the year {parsed.year} is implausible",
        )
    return parsed


def check_not_future(
    d: date,
    field: str,
    today: date | None = None,
    slack_days: int = 0,
    *,
    label_zh: str | None = None,
) -> date:
    """Refuse a date after ``today + slack_days`` (e.g. a closing date not yet reached).

    Returns:
        ``d`` unchanged, so the call can wrap an assignment.
    """
    ref = (today or date.today()) + timedelta(days=slack_days)
    if d > ref:
        label = _label(field, label_zh)
        raise ValidationError.single(
            field,
            "future",
            f"「{label}」{d.isoformat()} 不能晚于 {ref.isoformat()}",
            f"{field} {d.isoformat()} cannot be after {ref.isoformat()}",
        )
    return d


def check_order(
    earlier: date | None,
    later: date | None,
    field_earlier: str,
    field_later: str,
    *,
    label_earlier_zh: str | None = None,
    label_later_zh: str | None = None,
) -> None:
    """Refuse ``later`` before ``earlier`` (e.g. closed before accepted).

    Missing dates are not compared. The error is reported on ``field_later``.
    """
    if earlier is None or later is None or later >= earlier:
        return
    first = _label(field_earlier, label_earlier_zh)
    second = _label(field_later, label_later_zh)
    raise ValidationError.single(
        field_later,
        "order",
        f"「{second}」{later.isoformat()} 不能早于「{first}」{earlier.isoformat()}",
        f"{field_later} {later.isoformat()} cannot be before {field_earlier} {earlier.isoformat()}",
    )


def chinese_date(d: date) -> str:
    """``2026年11月24日`` (no zero padding), as used in letters and tables."""
    return f"{d.year}年{d.month}月{d.day}日"


_DIGITS_UPPER = "〇一二三四五六七八九"


def _number_upper(n: int) -> str:
    """1..31 in Chinese numerals: 十, 十一, 二十, 二十四, 三十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS_UPPER[ones]
    head = "" if tens == 1 else _DIGITS_UPPER[tens]
    return head + "十" + (_DIGITS_UPPER[ones] if ones else "")


def chinese_date_upper(d: date) -> str:
    """``二〇二六年十一月二十四日``: the date as written on judgments and formal letters."""
    year = "".join(_DIGITS_UPPER[int(c)] for c in f"{d.year:04d}")
    return f"{year}年{_number_upper(d.month)}月{_number_upper(d.day)}日"
