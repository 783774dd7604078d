from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legalaid.errors import NotFoundError, ValidationError
from legalaid.rules.deadlines import (
    add_months,
    compute_due,
    compute_rule,
    next_working_day,
    reminder_date,
)
from legalaid.rules.holidays import DayOverride, HolidayCalendar
from legalaid.rules.statutes import PeriodUnit, load_rules


def test_design_example_award_received_2024_09_20(calendar: HolidayCalendar) -> None:
    result = compute_rule("nonfinal_award_suit", date(2024, 9, 20), calendar)
    assert result.nominal_due == date(2024, 10, 5)
    assert result.due == date(2024, 10, 8)
    assert result.rolled_over and result.certain
    assert result.warnings == () and result.unknown_years == ()
    assert result.rule_id == "nonfinal_award_suit"
    zh = [s.zh for s in result.steps]
    en = [s.en for s in result.steps]
    assert "2024-10-05 是国庆节假日，顺延至 2024-10-08" in zh
    assert "2024-10-05 is a holiday (National Day); moved to 2024-10-08" in en
    assert any("第五十条" in s for s in zh)


def test_final_award_worker_same_window(calendar: HolidayCalendar) -> None:
    assert compute_rule("final_award_worker_suit", date(2024, 9, 20), calendar).due == date(
        2024, 10, 8
    )


@pytest.mark.parametrize(
    ("start", "amount", "nominal", "due"),
    [
        # Ordinary weekday: no roll-over.
        (date(2024, 3, 1), 15, date(2024, 3, 16), date(2024, 3, 18)),  # Sat → Mon
        (date(2024, 3, 4), 15, date(2024, 3, 19), date(2024, 3, 19)),
        # Sunday → Monday.
        (date(2024, 6, 2), 14, date(2024, 6, 16), date(2024, 6, 17)),
        # 2024 Spring Festival: ends on the holiday, rolls onto the make-up Sunday 18 Feb.
        (date(2024, 1, 31), 15, date(2024, 2, 15), date(2024, 2, 18)),
        # Ends on the make-up Sunday itself: no roll-over.
        (date(2024, 2, 3), 15, date(2024, 2, 18), date(2024, 2, 18)),
        # Ends on the make-up Sunday before National Day 2024.
        (date(2024, 9, 14), 15, date(2024, 9, 29), date(2024, 9, 29)),
        # 2025 Spring Festival (28 Jan – 4 Feb): → Wed 5 Feb.
        (date(2025, 1, 14), 15, date(2025, 1, 29), date(2025, 2, 5)),
        # 2025 National Day (1–8 Oct): → Thu 9 Oct.
        (date(2025, 9, 20), 15, date(2025, 10, 5), date(2025, 10, 9)),
        # 2026 Spring Festival (15–23 Feb): → Tue 24 Feb.
        (date(2026, 2, 5), 10, date(2026, 2, 15), date(2026, 2, 24)),
        # Sat 14 Feb 2026 is a make-up workday.
        (date(2026, 2, 13), 1, date(2026, 2, 14), date(2026, 2, 14)),
        # 2026 National Day (1–7 Oct): → Thu 8 Oct.
        (date(2026, 9, 20), 15, date(2026, 10, 5), date(2026, 10, 8)),
        # Holidays in the middle are not deducted.
        (date(2024, 9, 25), 30, date(2024, 10, 25), date(2024, 10, 25)),
        # Zero days: the trigger day itself, still rolled over when a rest day.
        (date(2024, 10, 1), 0, date(2024, 10, 1), date(2024, 10, 8)),
        (date(2024, 10, 8), 0, date(2024, 10, 8), date(2024, 10, 8)),
    ],
)
def test_calendar_day_periods(
    calendar: HolidayCalendar, start: date, amount: int, nominal: date, due: date
) -> None:
    result = compute_due(start, amount, "days", calendar)
    assert (result.nominal_due, result.due) == (nominal, due)
    assert result.unit is PeriodUnit.DAYS


def test_weekend_explanation(calendar: HolidayCalendar) -> None:
    result = compute_due(date(2024, 3, 1), 15, "days", calendar)
    assert result.steps[-1].zh == "2024-03-16 是星期六（休息日），顺延至 2024-03-18"
    assert result.steps[-1].en == "2024-03-16 is a Saturday (rest day); moved to 2024-03-18"


def test_makeup_day_explained(calendar: HolidayCalendar) -> None:
    result = compute_due(date(2024, 2, 3), 15, "days", calendar)
    assert "调休上班日，不顺延" in result.steps[-1].zh


def test_roll_over_can_be_turned_off(calendar: HolidayCalendar) -> None:
    result = compute_due(date(2024, 9, 20), 15, "days", calendar, roll_over=False)
    assert result.due == date(2024, 10, 5)


@pytest.mark.parametrize(
    ("start", "amount", "unit", "nominal", "due"),
    [
        (date(2024, 1, 31), 1, "months", date(2024, 2, 29), date(2024, 2, 29)),  # leap year
        (date(2023, 1, 31), 1, "months", date(2023, 2, 28), date(2023, 2, 28)),
        (date(2025, 1, 31), 1, "months", date(2025, 2, 28), date(2025, 2, 28)),
        (date(2024, 3, 31), 1, "months", date(2024, 4, 30), date(2024, 4, 30)),
        (date(2024, 8, 31), 1, "months", date(2024, 9, 30), date(2024, 9, 30)),
        (date(2024, 1, 15), 1, "months", date(2024, 2, 15), date(2024, 2, 18)),  # Spring Fest.
        (date(2024, 9, 1), 1, "months", date(2024, 10, 1), date(2024, 10, 8)),
        (date(2024, 11, 30), 3, "months", date(2025, 2, 28), date(2025, 2, 28)),
        (date(2024, 2, 29), 1, "years", date(2025, 2, 28), date(2025, 2, 28)),
        (date(2023, 10, 3), 1, "years", date(2024, 10, 3), date(2024, 10, 8)),
        (date(2023, 6, 10), 1, "years", date(2024, 6, 10), date(2024, 6, 11)),  # Dragon Boat
        (date(2024, 10, 2), 2, "years", date(2026, 10, 2), date(2026, 10, 8)),
    ],
)
def test_month_and_year_periods(
    calendar: HolidayCalendar, start: date, amount: int, unit: str, nominal: date, due: date
) -> None:
    result = compute_due(start, amount, unit, calendar)
    assert (result.nominal_due, result.due) == (nominal, due)


def test_month_end_is_explained(calendar: HolidayCalendar) -> None:
    result = compute_due(date(2024, 1, 31), 1, "months", calendar)
    assert any("月末日 2024-02-29" in s.zh for s in result.steps)


def test_add_months() -> None:
    assert add_months(date(2024, 12, 31), 2) == date(2025, 2, 28)
    assert add_months(date(2024, 12, 15), 1) == date(2025, 1, 15)
    assert add_months(date(2024, 5, 31), -1) == date(2024, 4, 30)
    assert add_months(date(2024, 1, 1), 0) == date(2024, 1, 1)


def test_working_days_over_national_day_2024(calendar: HolidayCalendar) -> None:
    # Fri 27 Sep: Sat 28 rest, Sun 29 make-up (1), Mon 30 (2), 1–7 Oct holiday,
    # Tue 8 (3), Wed 9 (4), Thu 10 (5).
    result = compute_rule("labour_inspection_acceptance", date(2024, 9, 27), calendar)
    assert result.due == date(2024, 10, 10)
    assert result.nominal_due == result.due
    zh = " ".join(s.zh for s in result.steps)
    assert "跳过休息日（周末及法定节假日）8天" in zh
    assert "2024-09-29 为国庆节调休上班日，计为工作日" in zh


def test_working_days_counts_makeup_saturday(calendar: HolidayCalendar) -> None:
    # Thu 10 Oct 2024 + 2 working days: Fri 11 (1), Sat 12 make-up (2).
    assert compute_due(date(2024, 10, 10), 2, "working_days", calendar).due == date(2024, 10, 12)


def test_working_days_over_spring_festival_2026(calendar: HolidayCalendar) -> None:
    # Fri 13 Feb 2026: Sat 14 make-up (1), 15–23 holiday, Tue 24 (2).
    assert compute_due(date(2026, 2, 13), 2, "working_days", calendar).due == date(2026, 2, 24)


def test_sixty_working_days(calendar: HolidayCalendar) -> None:
    result = compute_rule("labour_inspection_investigation", date(2024, 9, 2), calendar)
    counted = sum(
        chinese_calendar.is_workday(date(2024, 9, 2) + timedelta(days=i))
        for i in range(1, (result.due - date(2024, 9, 2)).days + 1)
    )
    assert counted == 60
    assert chinese_calendar.is_workday(result.due)


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=date(2004, 1, 1), max_value=date(2025, 12, 31)),
    st.integers(min_value=1, max_value=120),
)
def test_days_match_library_oracle(start: date, amount: int) -> None:
    calendar = HolidayCalendar()
    result = compute_due(start, amount, "days", calendar)
    expected = start + timedelta(days=amount)
    while not chinese_calendar.is_workday(expected):
        expected += timedelta(days=1)
    assert result.due == expected


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=date(2004, 1, 1), max_value=date(2025, 6, 30)),
    st.integers(min_value=1, max_value=90),
)
def test_working_days_match_library_oracle(start: date, amount: int) -> None:
    calendar = HolidayCalendar()
    due = compute_due(start, amount, "working_days", calendar).due
    days = [start + timedelta(days=i) for i in range(1, (due - start).days + 1)]
    assert sum(chinese_calendar.is_workday(d) for d in days) == amount
    assert chinese_calendar.is_workday(due)


def test_unknown_year_warns_and_uses_weekends(calendar: HolidayCalendar) -> None:
    result = compute_due(date(2026, 12, 20), 30, "days", calendar)
    assert result.due == date(2027, 1, 19)  # a Tuesday
    assert result.unknown_years == (2027,)
    assert not result.certain
    (warning,) = result.warnings
    assert warning.zh.startswith("2027年节假日安排未知")
    assert "按周末推算" in warning.zh
    assert "2027" in warning.en and "weekends only" in warning.en


def test_unknown_year_weekend_roll_over(calendar: HolidayCalendar) -> None:
    result = compute_due(date(2027, 1, 1), 1, "days", calendar)  # Sat 2 Jan 2027
    assert result.due == date(2027, 1, 4)
    assert result.unknown_years == (2027,)


def test_known_once_admin_data_loaded() -> None:
    calendar = HolidayCalendar()
    before = compute_due(date(2027, 2, 1), 7, "days", calendar)  # Mon 8 Feb 2027
    assert before.due == date(2027, 2, 8) and before.unknown_years == (2027,)
    # Fictional rows (test data only): 6–12 Feb 2027 off.
    extra = {date(2027, 2, 6) + timedelta(days=i): DayOverride.holiday("春节") for i in range(7)}
    calendar = HolidayCalendar(extra, years=[2027])
    after = compute_due(date(2027, 2, 1), 7, "days", calendar)
    assert after.due == date(2027, 2, 15)
    assert after.unknown_years == () and after.warnings == ()
    assert "2027-02-08 是春节假日，顺延至 2027-02-15" in [s.zh for s in after.steps]


def test_working_days_into_unknown_year_warn(calendar: HolidayCalendar) -> None:
    result = compute_due(date(2026, 12, 1), 60, "working_days", calendar)
    assert result.unknown_years == (2027,)
    assert result.warnings


def test_years_before_library_warn(calendar: HolidayCalendar) -> None:
    assert compute_due(date(2003, 5, 1), 10, "days", calendar).unknown_years == (2003,)


def test_multiple_unknown_years(calendar: HolidayCalendar) -> None:
    result = compute_due(date(2026, 12, 1), 400, "working_days", calendar)
    assert result.unknown_years == (2027, 2028)
    assert len(result.warnings) == 2


@pytest.mark.parametrize(("amount", "unit"), [(-1, "days"), (5, "weeks"), (True, "days")])
def test_bad_arguments(calendar: HolidayCalendar, amount: int, unit: str) -> None:
    with pytest.raises(ValidationError):
        compute_due(date(2024, 1, 1), amount, unit, calendar)


def test_unknown_rule(calendar: HolidayCalendar) -> None:
    with pytest.raises(NotFoundError) as info:
        compute_rule("no_such_rule", date(2024, 1, 1), calendar)
    assert "no_such_rule" in info.value.zh and "no_such_rule" in info.value.en


def test_every_rule_computes(calendar: HolidayCalendar) -> None:
    for rule in load_rules():
        result = compute_rule(rule.id, date(2025, 9, 20), calendar)
        assert result.due >= date(2025, 9, 20)
        assert calendar.is_workday(result.due), rule.id
        assert result.steps[0].zh.startswith("依据：")


def test_next_working_day(calendar: HolidayCalendar) -> None:
    assert next_working_day(date(2024, 10, 1), calendar) == date(2024, 10, 8)
    assert next_working_day(date(2024, 10, 8), calendar) == date(2024, 10, 8)


def test_reminder_date(calendar: HolidayCalendar) -> None:
    # 3 days before 8 Oct 2024 is the 5th, a holiday: remind earlier, on Mon 30 Sep.
    assert reminder_date(date(2024, 10, 8), 3, calendar) == date(2024, 9, 30)
    assert reminder_date(date(2024, 3, 20), 2, calendar) == date(2024, 3, 18)
    assert reminder_date(date(2024, 3, 20), 0, calendar) == date(2024, 3, 20)
    # 1 day before Mon 30 Sep 2024 is the make-up Sunday 29th: a working day.
    assert reminder_date(date(2024, 9, 30), 1, calendar) == date(2024, 9, 29)


def test_runaway_holiday_data_is_reported() -> None:
    from legalaid.errors import ConfigurationError

    extra = {date(2030, 1, 1) + timedelta(days=i): DayOverride.holiday("x") for i in range(100)}
    with pytest.raises(ConfigurationError):
        compute_due(date(2029, 12, 31), 1, "days", HolidayCalendar(extra))
