"""Reporting periods: a month, a year or any date range, and the periods compared with it.

All period boundaries are calendar dates in China Standard Time (UTC+8, no daylight
saving): a consultation logged at 2026-03-31 23:30 Beijing time belongs to March even
though it is stored as 15:30 UTC.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from legalaid.errors import ValidationError

#: The time zone in which report days begin and end.
REPORT_TZ = timezone(timedelta(hours=8), "CST")


def day_start_utc(d: date) -> datetime:
    """The instant (aware, UTC) at which day ``d`` begins in China Standard Time."""
    return datetime.combine(d, time.min, REPORT_TZ).astimezone(UTC)


def local_date(ts: datetime) -> date:
    """The China Standard Time calendar date of an aware timestamp."""
    return ts.astimezone(REPORT_TZ).date()


@dataclass(frozen=True)
class Period:
    """An inclusive range of days.

    Attributes:
        kind: ``month``, ``year`` or ``range``.
        start: first day counted.
        end: last day counted.
    """

    kind: str
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError.single(
                "to",
                "order",
                "统计截止日期不能早于起始日期",
                "The end of the period cannot be before its start",
            )

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12:
            raise ValidationError.single("month", "range", "月份应为1到12", "Month must be 1-12")
        last = calendar.monthrange(year, month)[1]
        return cls("month", date(year, month, 1), date(year, month, last))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls("year", date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        return cls("range", start, end)

    @classmethod
    def parse_month(cls, text: str) -> Period:
        """``2026-03`` (or ``2026/3``, ``2026年3月``) → that month."""
        cleaned = text.strip().replace("年", "-").replace("月", "").replace("/", "-")
        parts = cleaned.split("-")
        try:
            y, m = int(parts[0]), int(parts[1])
            if len(parts) != 2 or not 1900 <= y <= 2200:
                raise ValueError
        except (ValueError, IndexError):
            raise ValidationError.single(
                "month",
                "format",
                f"月份格式不正确：{text!r}（示例：2026-03）",
                f"Not a month: {text!r} (e.g. 2026-03)",
            ) from None
        return cls.month(y, m)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        """How the period is named in a report's header (Chinese)."""
        if self.kind == "month":
            return f"{self.start.year}年{self.start.month}月"
        if self.kind == "year":
            return f"{self.start.year}年度"
        return f"{_zh_date(self.start)}至{_zh_date(self.end)}"

    @property
    def slug(self) -> str:
        """A file-name friendly name: ``2026-03``, ``2026``, ``2026-01-01_2026-03-31``."""
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "year":
            return f"{self.start:%Y}"
        return f"{self.start:%Y-%m-%d}_{self.end:%Y-%m-%d}"

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """[start, end) as aware UTC instants, for timestamp columns."""
        return day_start_utc(self.start), day_start_utc(self.end + timedelta(days=1))

    # -- the periods a report compares itself with -------------------------------------

    def previous(self) -> Period:
        """The period just before: last month, last year, or an equally long range."""
        if self.kind == "month":
            prev_end = self.start - timedelta(days=1)
            return Period.month(prev_end.year, prev_end.month)
        if self.kind == "year":
            return Period.year(self.start.year - 1)
        end = self.start - timedelta(days=1)
        return Period("range", end - timedelta(days=self.days - 1), end)

    def same_last_year(self) -> Period:
        """The same month, year or range one year earlier (29 February → 28 February)."""
        if self.kind == "month":
            return Period.month(self.start.year - 1, self.start.month)
        if self.kind == "year":
            return Period.year(self.start.year - 1)
        return Period("range", _minus_year(self.start), _minus_year(self.end))

    def year_to_date(self) -> Period:
        """From 1 January of the end's year to the end."""
        return Period("range", date(self.end.year, 1, 1), self.end)


def _minus_year(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def _zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
