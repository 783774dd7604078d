"""Due dates from trigger dates, with the reasoning spelled out.

Counting (民事诉讼法 Art. 85; 民法典 Arts. 201–203):

* the start (trigger) day is not counted;
* calendar-day periods: holidays in the middle are not deducted; if the last day is a
  rest day (weekend or statutory holiday that is not a make-up working day) the period
  ends on the next working day;
* month and year periods end on the corresponding date of the final month (no such
  date: the last day of that month), then the same roll-over;
* working-day periods count working days only (make-up working days count, weekends and
  holidays do not).

When a year involved has no known holiday arrangement the computation still runs on
weekends alone, and says so in ``warnings`` and ``unknown_years``.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, timedelta

from legalaid.errors import ConfigurationError, ValidationError
from legalaid.rules.holidays import DayInfo, HolidayCalendar
from legalaid.rules.statutes import PeriodUnit, StatutoryRule, get_rule

__all__ = [
    "DeadlineComputation",
    "Explanation",
    "add_months",
    "compute_due",
    "compute_rule",
    "next_working_day",
    "reminder_date",
]

# No real arrangement has more than ~9 consecutive rest days; a longer run means bad data.
_MAX_REST_RUN = 60
_WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Explanation:
    """One sentence of reasoning, in Chinese and English."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh


@dataclass(frozen=True)
class DeadlineComputation:
    """The result of counting a period.

    Attributes:
        due: the deadline (after roll-over).
        nominal_due: where the period ends before roll-over.
        steps: how the date was reached, one sentence each.
        warnings: reasons to double-check (unknown holiday years).
        unknown_years: years whose holiday arrangement was not known to the calendar.
        rule_id: the statutory rule used, if any.
    """

    start: date
    amount: int
    unit: PeriodUnit
    due: date
    nominal_due: date
    steps: tuple[Explanation, ...]
    warnings: tuple[Explanation, ...] = ()
    unknown_years: tuple[int, ...] = ()
    rule_id: str | None = None

    @property
    def rolled_over(self) -> bool:
        return self.due != self.nominal_due

    @property
    def certain(self) -> bool:
        """False when a holiday arrangement involved was unknown."""
        return not self.unknown_years


def add_months(d: date, months: int) -> date:
    """The corresponding day ``months`` later; the month's last day if there is none."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def _describe_rest(info: DayInfo) -> Explanation:
    day = info.day.isoformat()
    if info.kind == "holiday":
        if info.name_zh:
            return Explanation(
                f"{day} 是{info.name_zh}假日",
                f"{day} is a holiday ({info.name_en or info.name_zh})",
            )
        return Explanation(f"{day} 是法定节假日", f"{day} is a statutory holiday")
    weekday = info.day.weekday()
    return Explanation(
        f"{day} 是{_WEEKDAYS_ZH[weekday]}（休息日）",
        f"{day} is a {_WEEKDAYS_EN[weekday]} (rest day)",
    )


def _unknown_year_warning(year: int) -> Explanation:
    return Explanation(
        f"{year}年节假日安排未知（尚未录入国务院公布的放假调休安排），"
        "本期限仅按周末推算，请在安排公布后核对",
        f"The {year} public-holiday arrangement is unknown (not yet entered); this deadline "
        "was computed from weekends only; check it once the arrangement is published",
    )


class _Tracker:
    """Asks the calendar about days and remembers which years were involved."""

    def __init__(self, calendar: HolidayCalendar) -> None:
        self.calendar = calendar
        self.years: set[int] = set()

    def info(self, d: date) -> DayInfo:
        self.years.add(d.year)
        return self.calendar.day_info(d)

    def unknown(self) -> tuple[int, ...]:
        return tuple(sorted(y for y in self.years if not self.calendar.known_year(y)))


def _roll_forward(tracker: _Tracker, d: date) -> tuple[date, DayInfo]:
    info = tracker.info(d)
    first = info
    for _ in range(_MAX_REST_RUN):
        if info.is_workday:
            return info.day, first
        info = tracker.info(info.day + timedelta(days=1))
    raise ConfigurationError(
        f"{d.isoformat()} 之后连续{_MAX_REST_RUN}天没有工作日，请检查节假日数据",
        f"No working day within {_MAX_REST_RUN} days after {d.isoformat()}; check holiday data",
    )


def _check_args(amount: int, unit: PeriodUnit | str) -> PeriodUnit:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValidationError.single(
            "amount", "invalid", "期间必须是不小于0的整数", "The period must be a whole number ≥ 0"
        )
    try:
        return PeriodUnit(unit)
    except ValueError:
        raise ValidationError.single(
            "unit",
            "invalid",
            f"未知的期间单位 {unit!r}（应为 days、working_days、months 或 years）",
            f"Unknown period unit {unit!r} (days, working_days, months or years)",
        ) from None


def _count_working_days(
    tracker: _Tracker, start: date, amount: int, steps: list[Explanation]
) -> date:
    d, counted, skipped, makeup = start, 0, 0, []
    limit = amount * 7 + 400  # far more than any real run of rest days
    for _ in range(limit):
        if counted >= amount:
            break
        d += timedelta(days=1)
        info = tracker.info(d)
        if info.is_workday:
            counted += 1
            if info.kind == "makeup_workday":
                makeup.append(info)
        else:
            skipped += 1
    else:
        raise ConfigurationError(
            "工作日计算超出范围，请检查节假日数据", "Working-day count ran away; check holiday data"
        )
    if skipped:
        steps.append(
            Explanation(
                f"期间内跳过休息日（周末及法定节假日）{skipped}天",
                f"{skipped} rest days (weekends and holidays) in the period were skipped",
            )
        )
    for info in makeup:
        name = info.name_zh or ""
        steps.append(
            Explanation(
                f"{info.day.isoformat()} 为{name}调休上班日，计为工作日",
                f"{info.day.isoformat()} is a make-up working day"
                + (f" ({info.name_en})" if info.name_en else "")
                + "; it counts",
            )
        )
    return d


def compute_due(
    start: date,
    amount: int,
    unit: PeriodUnit | str,
    calendar: HolidayCalendar,
    *,
    roll_over: bool = True,
    rule_id: str | None = None,
) -> DeadlineComputation:
    """Count ``amount`` ``unit`` from ``start`` (the trigger day, not counted).

    Args:
        start: the trigger day (award received, application filed ...).
        amount: the length of the period; 0 makes ``start`` itself the deadline.
        unit: ``days``, ``working_days``, ``months`` or ``years``.
        calendar: the holiday calendar.
        roll_over: move a deadline that falls on a rest day to the next working day
            (the statutory rule; turn off only for internal targets).
        rule_id: recorded on the result.

    Raises:
        ValidationError: a negative amount or an unknown unit.
    """
    period_unit = _check_args(amount, unit)
    tracker = _Tracker(calendar)
    period_zh, period_en = period_unit.describe(amount)
    steps: list[Explanation] = []
    if amount == 0:
        steps.append(
            Explanation(
                f"期限为触发日当日 {start.isoformat()}",
                f"The deadline is the trigger day itself, {start.isoformat()}",
            )
        )
    else:
        steps.append(
            Explanation(
                f"起算日 {start.isoformat()} 不计入，自次日起计算{period_zh}",
                f"The start day {start.isoformat()} is not counted; the period of {period_en} "
                "runs from the next day",
            )
        )
    if period_unit is PeriodUnit.WORKING_DAYS:
        nominal = _count_working_days(tracker, start, amount, steps)
    elif period_unit is PeriodUnit.DAYS:
        nominal = start + timedelta(days=amount)
    else:
        months = amount * (12 if period_unit is PeriodUnit.YEARS else 1)
        nominal = add_months(start, months)
        if nominal.day != start.day:
            steps.append(
                Explanation(
                    f"到期月没有与起算日对应的日期（{start.day}日），"
                    f"以月末日 {nominal.isoformat()} 为期间的最后一日",
                    f"The final month has no day {start.day}; its last day "
                    f"{nominal.isoformat()} ends the period",
                )
            )
    if amount:
        steps.append(
            Explanation(
                f"期间届满日为 {nominal.isoformat()}", f"The period ends on {nominal.isoformat()}"
            )
        )
    due = nominal
    if roll_over and period_unit is not PeriodUnit.WORKING_DAYS:
        due, first = _roll_forward(tracker, nominal)
        if due != nominal:
            rest = _describe_rest(first)
            steps.append(
                Explanation(
                    f"{rest.zh}，顺延至 {due.isoformat()}", f"{rest.en}; moved to {due.isoformat()}"
                )
            )
        elif first.kind == "makeup_workday":
            weekday = nominal.weekday()
            steps.append(
                Explanation(
                    f"{nominal.isoformat()} 虽是{_WEEKDAYS_ZH[weekday]}，但为调休上班日，不顺延",
                    f"{nominal.isoformat()} is a {_WEEKDAYS_EN[weekday]} but a make-up "
                    "working day; no roll-over",
                )
            )
    unknown = tracker.unknown()
    return DeadlineComputation(
        start=start,
        amount=amount,
        unit=period_unit,
        due=due,
        nominal_due=nominal,
        steps=tuple(steps),
        warnings=tuple(_unknown_year_warning(y) for y in unknown),
        unknown_years=unknown,
        rule_id=rule_id,
    )


def compute_rule(
    rule_id: str | StatutoryRule, start: date, calendar: HolidayCalendar
) -> DeadlineComputation:
    """Apply a statutory rule (by id) to a trigger date.

    Raises:
        NotFoundError: no rule with that id.
    """
    rule = rule_id if isinstance(rule_id, StatutoryRule) else get_rule(rule_id)
    result = compute_due(start, rule.amount, rule.unit, calendar, rule_id=rule.id)
    source = Explanation(
        f"依据：{rule.source_zh}（{rule.title_zh}，{rule.period_zh}）",
        f"Basis: {rule.source_en} ({rule.title_en}, {rule.period_en})",
    )
    return DeadlineComputation(
        start=result.start,
        amount=result.amount,
        unit=result.unit,
        due=result.due,
        nominal_due=result.nominal_due,
        steps=(source, *result.steps),
        warnings=result.warnings,
        unknown_years=result.unknown_years,
        rule_id=rule.id,
    )


def next_working_day(d: date, calendar: HolidayCalendar) -> date:
    """``d`` itself if it is a working day, else the first working day after it."""
    return _roll_forward(_Tracker(calendar), d)[0]


def reminder_date(due: date, days_before: int, calendar: HolidayCalendar) -> date:
    """The day to remind: ``days_before`` calendar days ahead of ``due``, moved *earlier*
    to a working day so the reminder is never seen later than asked for.

    With ``days_before`` ≤ 0 the due date itself is returned.
    """
    if days_before <= 0:
        return due
    d = due - timedelta(days=days_before)
    for _ in range(_MAX_REST_RUN):
        if calendar.is_workday(d):
            return d
        d -= timedelta(days=1)
    return due - timedelta(days=days_before)
