from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from legalaid.errors import ValidationError
from legalaid.rules.holidays import (
    DayKind,
    DayOverride,
    HolidayCalendar,
    HolidayData,
    dump_holiday_data,
    parse_holiday_data,
)

# A FICTIONAL arrangement used only to exercise administrator data; it is not the
# State Council's 2027 notice (which is published each November).
FICTIONAL_2027_CSV = """\
# test data, not an official arrangement
years,2027
source,2027,fictional test arrangement
date,kind,name,name_en
2027-01-01,holiday,元旦,
2027-01-02,holiday,元旦,
2027-01-03,holiday,元旦,
2027-02-06,holiday,春节,
2027-02-07,holiday,春节,
2027-02-08,holiday,春节,
2027-02-09,holiday,春节,
2027-02-10,holiday,春节,
2027-02-11,holiday,春节,
2027-02-12,holiday,春节,
2027-02-13,workday,春节,
"""


def test_library_range_and_known_years(calendar: HolidayCalendar) -> None:
    assert calendar.known_year(2004)
    assert calendar.known_year(2024)
    assert calendar.known_year(2026)
    assert not calendar.known_year(2003)
    assert not calendar.known_year(2027)
    assert calendar.source(2024) and "chinese_calendar" in (calendar.source(2024) or "")
    assert calendar.source(2027) is None


def test_library_itself_refuses_2027() -> None:
    # Why the admin data exists: the library stops at 2026.
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(2027, 1, 4))


def test_national_day_2024(calendar: HolidayCalendar) -> None:
    for day in range(1, 8):
        d = date(2024, 10, day)
        assert calendar.is_rest_day(d)
        assert calendar.holiday_name(d) == "国庆节"
    # Make-up working days: Sunday 29 September and Saturday 12 October.
    assert calendar.is_workday(date(2024, 9, 29))
    assert calendar.day_info(date(2024, 9, 29)).kind == "makeup_workday"
    assert calendar.is_workday(date(2024, 10, 12))
    assert calendar.is_workday(date(2024, 10, 8))
    assert calendar.holiday_name(date(2024, 10, 8)) is None


@pytest.mark.parametrize(
    ("holidays", "makeup", "name"),
    [
        # 2024 Spring Festival: 10–17 Feb off; Sun 4 Feb and Sun 18 Feb worked.
        ((date(2024, 2, 10), date(2024, 2, 17)), (date(2024, 2, 4), date(2024, 2, 18)), "春节"),
        # 2025 Spring Festival: 28 Jan – 4 Feb off; Sun 26 Jan and Sat 8 Feb worked.
        ((date(2025, 1, 28), date(2025, 2, 4)), (date(2025, 1, 26), date(2025, 2, 8)), "春节"),
        # 2025 National Day + Mid-autumn: 1–8 Oct off; Sun 28 Sep and Sat 11 Oct worked.
        ((date(2025, 10, 1), date(2025, 10, 8)), (date(2025, 9, 28), date(2025, 10, 11)), None),
        # 2026 Spring Festival: 15–23 Feb off; Sat 14 Feb and Sat 28 Feb worked.
        ((date(2026, 2, 15), date(2026, 2, 23)), (date(2026, 2, 14), date(2026, 2, 28)), "春节"),
        # 2026 National Day: 1–7 Oct off; Sun 20 Sep and Sat 10 Oct worked.
        ((date(2026, 10, 1), date(2026, 10, 7)), (date(2026, 9, 20), date(2026, 10, 10)), "国庆节"),
    ],
)
def test_published_arrangements(
    calendar: HolidayCalendar,
    holidays: tuple[date, date],
    makeup: tuple[date, ...],
    name: str | None,
) -> None:
    d = holidays[0]
    while d <= holidays[1]:
        assert calendar.is_rest_day(d), d
        assert calendar.day_info(d).kind == "holiday", d
        if name:
            assert calendar.holiday_name(d) == name
        d += timedelta(days=1)
    for day in makeup:
        assert day.weekday() >= 5
        assert calendar.is_workday(day), day
    # The days around the holiday are ordinary.
    assert calendar.is_workday(holidays[1] + timedelta(days=1)) or (
        (holidays[1] + timedelta(days=1)).weekday() >= 5
    )


def test_agrees_with_library_every_day_2004_to_2026(calendar: HolidayCalendar) -> None:
    d, end = date(2004, 1, 1), date(2026, 12, 31)
    while d <= end:
        assert calendar.is_workday(d) == chinese_calendar.is_workday(d), d
        d += timedelta(days=1)


def test_unknown_year_falls_back_to_weekends(calendar: HolidayCalendar) -> None:
    info = calendar.day_info(date(2027, 1, 1))  # a Friday
    assert info.is_workday and not info.known
    assert calendar.is_rest_day(date(2027, 1, 2))  # Saturday
    assert calendar.holiday_name(date(2027, 1, 1)) is None


def test_admin_data_makes_a_year_known() -> None:
    calendar = HolidayCalendar()
    data = calendar.parse(FICTIONAL_2027_CSV)
    assert data.years == frozenset({2027})
    assert calendar.known_year(2027)
    assert calendar.source(2027) == "fictional test arrangement"
    assert calendar.is_rest_day(date(2027, 1, 1))
    assert calendar.holiday_name(date(2027, 2, 8)) == "春节"
    assert calendar.day_info(date(2027, 2, 8)).name_en == "Spring Festival"
    assert calendar.is_workday(date(2027, 2, 13))  # a Saturday, make-up workday
    assert calendar.day_info(date(2027, 2, 13)).kind == "makeup_workday"
    assert calendar.is_workday(date(2027, 2, 15))  # ordinary Monday


def test_rows_for_undeclared_year_apply_but_year_stays_unknown() -> None:
    calendar = HolidayCalendar({date(2028, 1, 3): DayOverride.holiday("元旦")})
    assert calendar.is_rest_day(date(2028, 1, 3))
    assert not calendar.known_year(2028)
    calendar = HolidayCalendar({date(2028, 1, 3): DayOverride.holiday("元旦")}, years=[2028])
    assert calendar.known_year(2028)


def test_admin_row_overrides_library() -> None:
    calendar = HolidayCalendar({date(2024, 10, 8): DayOverride.holiday("地方假日", "Local")})
    assert calendar.is_rest_day(date(2024, 10, 8))
    assert calendar.holiday_name(date(2024, 10, 8)) == "地方假日"
    calendar = HolidayCalendar({date(2024, 10, 7): DayOverride.workday("更正")})
    assert calendar.is_workday(date(2024, 10, 7))


def test_without_library() -> None:
    calendar = HolidayCalendar(use_library=False)
    assert not calendar.known_year(2024)
    assert calendar.is_workday(date(2024, 10, 1))  # a Tuesday, weekends only


def test_json_round_trip(tmp_path: Path) -> None:
    calendar = HolidayCalendar()
    calendar.parse(FICTIONAL_2027_CSV, "csv")
    path = tmp_path / "holidays.json"
    calendar.save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["years"] == [2027]
    assert doc["days"][0] == {"date": "2027-01-01", "kind": "holiday", "name": "元旦"}
    again = HolidayCalendar.from_file(path)
    assert again.data.days == calendar.data.days
    assert again.data.years == calendar.data.years
    assert again.data.sources == calendar.data.sources
    assert again.dump() == calendar.dump()


def test_csv_round_trip(tmp_path: Path) -> None:
    data = HolidayData(
        days={
            date(2027, 1, 1): DayOverride.holiday("元旦", "New Year's Day"),
            date(2027, 2, 13): DayOverride.workday("春节调休, 上班"),  # comma inside
        },
        years=frozenset({2027}),
        sources={2027: "通知, 第1号"},
        comment="line one\nline two",
    )
    text = dump_holiday_data(data, "csv")
    back = parse_holiday_data(text)  # detected as CSV
    assert back.days == data.days
    assert back.years == data.years
    assert back.sources == data.sources
    assert back.comment == data.comment
    path = tmp_path / "holidays.csv"
    path.write_text(text, encoding="utf-8")
    calendar = HolidayCalendar()
    calendar.load_file(path)
    assert calendar.day_info(date(2027, 1, 1)).name_en == "New Year's Day"
    assert calendar.data.days == data.days


def test_csv_with_bom_and_no_header() -> None:
    data = parse_holiday_data("\ufeffyears,2027\n2027-01-01,HOLIDAY,元旦\n")
    assert data.days[date(2027, 1, 1)].kind is DayKind.HOLIDAY


def test_bad_file_reports_every_problem() -> None:
    text = (
        "years,2027,20x7\n"
        "2027-02-30,holiday,bad date\n"
        "2027-03-01,vacation,bad kind\n"
        "2027-04-01,holiday,ok\n"
        "2027-04-01,workday,conflict\n"
    )
    calendar = HolidayCalendar()
    with pytest.raises(ValidationError) as info:
        calendar.parse(text)
    codes = sorted(e.code for e in info.value.errors)
    assert codes == ["conflict", "date", "kind", "year"]
    assert all(e.field == "holiday_file" for e in info.value.errors)
    assert any("第2行" in e.zh for e in info.value.errors)
    assert any("line 3" in e.en for e in info.value.errors)
    assert calendar.data.days == {}  # nothing merged


def test_declared_year_without_holidays_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        parse_holiday_data('{"years": [2027], "days": []}')
    assert info.value.errors[0].code == "empty_year"


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        "[1, 2]",
        '{"years": "2027"}',
        '{"days": {"2027-01-01": "holiday"}}',
        '{"days": [["2027-01-01", "holiday"]]}',
        '{"days": [{"date": "2027-01-01", "kind": "holiday", "name": 5}]}',
        '{"sources": {"abc": "x"}}',
        '{"years": [true]}',
    ],
)
def test_bad_json_is_a_validation_error(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_holiday_data(text, "json")


def test_shipped_file_is_empty_and_documented() -> None:
    from importlib import resources

    text = resources.files("legalaid").joinpath("data/holidays_extra.json").read_text("utf-8")
    doc = json.loads(text)
    assert doc["days"] == [] and doc["years"] == []
    assert "years" in doc["comment"] and "workday" in doc["comment"]
    assert HolidayCalendar.default().admin_years == frozenset()
