"""Which days are working days in mainland China.

The ``chinese_calendar`` library knows the State Council's holiday arrangements for the
years it was released with (2004–2026 at the time of writing) and raises
``NotImplementedError`` for any other year. The arrangement for a new year is published
each November, so the administrator can add it as data (a JSON or CSV file, format
below); until then a year is *unknown*: days are treated by weekends only and every
computation that touches the year says so.

Administrator data format (JSON)::

    {
      "format": "legalaid-holidays/1",
      "comment": "free text",
      "years": [2027],                      # years these rows describe COMPLETELY
      "sources": {"2027": "国务院办公厅关于2027年部分节假日安排的通知"},
      "days": [
        {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
        {"date": "2027-02-06", "kind": "workday", "name": "春节调休上班"}
      ]
    }

The same as CSV (``#`` starts a comment line; the header row is optional)::

    years,2027
    source,2027,国务院办公厅关于2027年部分节假日安排的通知
    date,kind,name,name_en
    2027-01-01,holiday,元旦,New Year's Day
    2027-02-06,workday,春节调休上班,

``kind`` is ``holiday`` (a statutory day off, including the weekend days inside a holiday
period) or ``workday`` (a make-up working day, 调休上班, usually a Saturday or Sunday).
Ordinary weekdays and weekends need no row. Rows for a year not listed in ``years``
still apply (corrections), but that year stays unknown.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import chinese_calendar

from legalaid.errors import FieldError, ValidationError

__all__ = [
    "FORMAT_TAG",
    "DayInfo",
    "DayKind",
    "DayOverride",
    "HolidayCalendar",
    "HolidayData",
    "dump_holiday_data",
    "parse_holiday_data",
]

FORMAT_TAG = "legalaid-holidays/1"
_FILE_FIELD = "holiday_file"

#: chinese_calendar names its holidays in English; documents and screens need Chinese.
HOLIDAY_NAMES_ZH: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
_NAMES_EN = {zh: en for en, zh in HOLIDAY_NAMES_ZH.items()} | {
    "清明": "Tomb-sweeping Day",
    "端午": "Dragon Boat Festival",
    "中秋": "Mid-autumn Festival",
    "五一": "Labour Day",
    "国庆": "National Day",
    "国庆节、中秋节": "National Day and Mid-autumn Festival",
    "中秋节、国庆节": "Mid-autumn Festival and National Day",
}

_LIB_HOLIDAYS: Mapping[date, str] = chinese_calendar.holidays
_LIB_WORKDAYS: Mapping[date, str] = chinese_calendar.workdays
LIBRARY_YEARS = range(min(_LIB_HOLIDAYS).year, max(_LIB_HOLIDAYS).year + 1)

_MIN_YEAR, _MAX_YEAR = 1949, 2200


class DayKind(StrEnum):
    """What an administrator's row says about a day."""

    HOLIDAY = "holiday"
    WORKDAY = "workday"


@dataclass(frozen=True)
class DayOverride:
    """One administrator-supplied day: a statutory holiday or a make-up working day."""

    kind: DayKind
    name: str = ""
    name_en: str = ""

    @classmethod
    def holiday(cls, name: str, name_en: str = "") -> DayOverride:
        return cls(DayKind.HOLIDAY, name, name_en)

    @classmethod
    def workday(cls, name: str = "", name_en: str = "") -> DayOverride:
        return cls(DayKind.WORKDAY, name, name_en)


@dataclass(frozen=True)
class HolidayData:
    """A parsed administrator file: day rows, the years it covers completely, sources."""

    days: Mapping[date, DayOverride] = field(default_factory=dict)
    years: frozenset[int] = frozenset()
    sources: Mapping[int, str] = field(default_factory=dict)
    comment: str = ""


@dataclass(frozen=True)
class DayInfo:
    """Everything the deadline engine needs to know about one day.

    Attributes:
        kind: ``workday``, ``weekend``, ``holiday`` or ``makeup_workday`` (调休上班).
        name_zh / name_en: the holiday (or the holiday a make-up day belongs to).
        known: whether the year's official arrangement is known; when not, the day was
            classified by weekends only.
    """

    day: date
    is_workday: bool
    kind: Literal["workday", "weekend", "holiday", "makeup_workday"]
    name_zh: str | None = None
    name_en: str | None = None
    known: bool = True


def _english_name(name_zh: str, name_en: str) -> str:
    return name_en or _NAMES_EN.get(name_zh, name_zh)


class HolidayCalendar:
    """The library's holiday data plus administrator data for other years.

    Administrator rows win over the library for the same date, so a correction can be
    made without waiting for a library release.

    Args:
        extra: administrator rows by date.
        years: years ``extra`` describes completely (these become known years).
        sources: where each year's arrangement was published.
        use_library: include ``chinese_calendar`` (turn off only to test admin data alone).
    """

    def __init__(
        self,
        extra: Mapping[date, DayOverride] | None = None,
        years: Iterable[int] = (),
        *,
        sources: Mapping[int, str] | None = None,
        use_library: bool = True,
    ) -> None:
        self._extra: dict[date, DayOverride] = dict(extra or {})
        self._years: set[int] = set(years)
        self._sources: dict[int, str] = dict(sources or {})
        self._use_library = use_library

    @classmethod
    def default(cls) -> HolidayCalendar:
        """The library plus the data file shipped in ``legalaid/data/holidays_extra.json``."""
        calendar = cls()
        text = resources.files("legalaid").joinpath("data/holidays_extra.json").read_text("utf-8")
        calendar.parse(text, "json")
        return calendar

    @classmethod
    def from_file(cls, path: str | Path) -> HolidayCalendar:
        """The library plus one administrator file."""
        calendar = cls()
        calendar.load_file(path)
        return calendar

    # -- what the calendar knows ------------------------------------------------------

    def library_covers(self, year: int) -> bool:
        return self._use_library and year in LIBRARY_YEARS

    def known_year(self, year: int) -> bool:
        """Whether the official arrangement for ``year`` is known (library or admin data)."""
        return self.library_covers(year) or year in self._years

    @property
    def admin_years(self) -> frozenset[int]:
        return frozenset(self._years)

    def source(self, year: int) -> str | None:
        """Where the arrangement for ``year`` comes from, if known."""
        if year in self._sources:
            return self._sources[year]
        if self.library_covers(year):
            return f"chinese_calendar {getattr(chinese_calendar, '__version__', '')}".strip()
        return None

    def day_info(self, d: date) -> DayInfo:
        """Classify one day (never raises for an unknown year: weekends only, flagged)."""
        known = self.known_year(d.year)
        weekend = d.weekday() >= 5
        override = self._extra.get(d)
        if override is not None:
            name_zh = override.name or None
            name_en = _english_name(override.name, override.name_en) if override.name else None
            if override.kind is DayKind.HOLIDAY:
                return DayInfo(d, False, "holiday", name_zh, name_en, known)
            kind: Literal["workday", "makeup_workday"] = "makeup_workday" if weekend else "workday"
            return DayInfo(d, True, kind, name_zh, name_en, known)
        if self.library_covers(d.year):
            lib_name = _LIB_HOLIDAYS.get(d)
            if lib_name is not None:
                return DayInfo(
                    d, False, "holiday", HOLIDAY_NAMES_ZH.get(lib_name, lib_name), lib_name, known
                )
            lib_name = _LIB_WORKDAYS.get(d)
            if lib_name is not None and weekend:
                return DayInfo(
                    d,
                    True,
                    "makeup_workday",
                    HOLIDAY_NAMES_ZH.get(lib_name, lib_name),
                    lib_name,
                    known,
                )
        if weekend:
            return DayInfo(d, False, "weekend", None, None, known)
        return DayInfo(d, True, "workday", None, None, known)

    def is_workday(self, d: date) -> bool:
        """A working day: a weekday that is not a holiday, or a make-up working day."""
        return self.day_info(d).is_workday

    def is_rest_day(self, d: date) -> bool:
        """A weekend day or statutory holiday that is not a make-up working day."""
        return not self.day_info(d).is_workday

    def holiday_name(self, d: date) -> str | None:
        """The Chinese name of the statutory holiday on ``d`` (``None`` on other days)."""
        info = self.day_info(d)
        return info.name_zh if info.kind == "holiday" else None

    # -- administrator data -----------------------------------------------------------

    def merge(self, data: HolidayData) -> None:
        """Add administrator data; rows for a date already present replace it."""
        self._extra.update(data.days)
        self._years |= data.years
        self._sources.update(data.sources)

    def parse(self, text: str, fmt: Literal["json", "csv"] | None = None) -> HolidayData:
        """Parse administrator data (JSON or CSV, see module docs) and merge it.

        Raises:
            ValidationError: on any bad row; nothing is merged then.
        """
        data = parse_holiday_data(text, fmt)
        self.merge(data)
        return data

    def load_file(self, path: str | Path) -> HolidayData:
        """Read and merge an administrator file; ``.csv`` files are CSV, others JSON."""
        file = Path(path)
        fmt: Literal["json", "csv"] = "csv" if file.suffix.lower() == ".csv" else "json"
        return self.parse(file.read_text(encoding="utf-8-sig"), fmt)

    @property
    def data(self) -> HolidayData:
        """The administrator data held (not the library's)."""
        return HolidayData(dict(self._extra), frozenset(self._years), dict(self._sources))

    def dump(self, fmt: Literal["json", "csv"] = "json") -> str:
        """The administrator data in the file format ``parse`` reads."""
        return dump_holiday_data(self.data, fmt)

    def save(self, path: str | Path) -> None:
        """Write the administrator data; the format follows the suffix (``.csv`` or JSON)."""
        file = Path(path)
        fmt: Literal["json", "csv"] = "csv" if file.suffix.lower() == ".csv" else "json"
        file.write_text(self.dump(fmt), encoding="utf-8")


# -- file format ----------------------------------------------------------------------


Where = tuple[str, str]  # the position in the file, (Chinese, English)


def _problem(code: str, where: Where, zh: str, en: str) -> FieldError:
    return FieldError(_FILE_FIELD, code, f"{where[0]}：{zh}", f"{where[1]}: {en}")


class _Collector:
    """Collects every problem in a file so the administrator sees them all at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []
        self.days: dict[date, DayOverride] = {}
        self.years: set[int] = set()
        self.sources: dict[int, str] = {}

    def year(self, raw: object, where: Where) -> int | None:
        try:
            year = int(str(raw).strip())
        except ValueError:
            year = None
        if year is None or isinstance(raw, bool) or not _MIN_YEAR <= year <= _MAX_YEAR:
            self.errors.append(
                _problem("year", where, f"年份 {raw!r} 无效", f"invalid year {raw!r}")
            )
            return None
        return year

    def day(
        self, raw_date: object, raw_kind: object, name: object, name_en: object, where: Where
    ) -> None:
        try:
            day = date.fromisoformat(str(raw_date).strip())
        except ValueError:
            self.errors.append(
                _problem(
                    "date",
                    where,
                    f"日期 {raw_date!r} 无效（应为 YYYY-MM-DD）",
                    f"invalid date {raw_date!r} (use YYYY-MM-DD)",
                )
            )
            return
        try:
            kind = DayKind(str(raw_kind).strip().lower())
        except ValueError:
            self.errors.append(
                _problem(
                    "kind",
                    where,
                    f"类型 {raw_kind!r} 无效（应为 holiday 或 workday）",
                    f"invalid kind {raw_kind!r} (holiday or workday)",
                )
            )
            return
        if not isinstance(name, str) or not isinstance(name_en, str):
            self.errors.append(_problem("name", where, "名称必须是文本", "names must be text"))
            return
        previous = self.days.get(day)
        if previous is not None and previous.kind is not kind:
            self.errors.append(
                _problem(
                    "conflict",
                    where,
                    f"{day.isoformat()} 同时被列为假日和上班日",
                    f"{day.isoformat()} is listed both as holiday and as workday",
                )
            )
            return
        self.days[day] = DayOverride(kind, name.strip(), name_en.strip())

    def result(self, comment: str = "") -> HolidayData:
        holiday_years = {d.year for d, o in self.days.items() if o.kind is DayKind.HOLIDAY}
        for year in sorted(self.years - holiday_years):
            self.errors.append(
                _problem(
                    "empty_year",
                    (f"{year}年", str(year)),
                    "声明为完整年份，但没有列出任何法定节假日",
                    "declared complete but lists no statutory holiday",
                )
            )
        if self.errors:
            raise ValidationError(self.errors)
        return HolidayData(self.days, frozenset(self.years), self.sources, comment)


def _parse_json(text: str) -> HolidayData:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError.single(
            _FILE_FIELD,
            "format",
            f"节假日文件不是有效的 JSON（第{exc.lineno}行）",
            f"The holiday file is not valid JSON (line {exc.lineno}): {exc.msg}",
        ) from None
    if not isinstance(raw, dict):
        raise ValidationError.single(
            _FILE_FIELD, "format", "节假日文件顶层必须是对象", "The top level must be an object"
        )
    out = _Collector()
    years = raw.get("years", [])
    if not isinstance(years, list):
        out.errors.append(
            _problem("years", ("years", "years"), "必须是年份列表", "must be a list of years")
        )
        years = []
    for year in (out.year(y, ("years", "years")) for y in years):
        if year is not None:
            out.years.add(year)
    sources = raw.get("sources", {})
    if not isinstance(sources, dict):
        out.errors.append(
            _problem("sources", ("sources", "sources"), "必须是对象", "must be an object")
        )
        sources = {}
    for key, value in sources.items():
        year = out.year(key, ("sources", "sources"))
        if year is not None:
            out.sources[year] = str(value)
    days = raw.get("days", [])
    if not isinstance(days, list):
        out.errors.append(_problem("days", ("days", "days"), "必须是列表", "must be a list"))
        days = []
    for index, row in enumerate(days, start=1):
        where = (f"days 第{index}项", f"days[{index}]")
        if not isinstance(row, dict):
            out.errors.append(_problem("row", where, "必须是对象", "must be an object"))
            continue
        out.day(
            row.get("date"), row.get("kind"), row.get("name", ""), row.get("name_en", ""), where
        )
    comment = raw.get("comment", "")
    return out.result(comment if isinstance(comment, str) else "")


def _parse_csv(text: str) -> HolidayData:
    out = _Collector()
    comments: list[str] = []
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise ValidationError.single(
            _FILE_FIELD,
            "format",
            f"节假日文件不是有效的 CSV：{exc}",
            f"Not a valid CSV file: {exc}",
        ) from None
    for line_no, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not cells or not any(cells):
            continue
        head = cells[0].lower()
        where = (f"第{line_no}行", f"line {line_no}")
        if head.startswith("#"):
            comment = ",".join(row).lstrip("#").strip()
            if comment != FORMAT_TAG:
                comments.append(comment)
        elif head == "years":
            for year in (out.year(y, where) for y in cells[1:] if y):
                if year is not None:
                    out.years.add(year)
        elif head == "source":
            year = out.year(cells[1] if len(cells) > 1 else "", where)
            if year is not None:
                out.sources[year] = ",".join(cells[2:])
        elif head == "date":
            continue  # header row
        else:
            padded = [*cells, "", "", ""]
            out.day(padded[0], padded[1], padded[2], padded[3], where)
    return out.result("\n".join(comments))


def parse_holiday_data(text: str, fmt: Literal["json", "csv"] | None = None) -> HolidayData:
    """Parse administrator holiday data; ``fmt=None`` detects JSON by a leading ``{``."""
    if not isinstance(text, str):
        raise ValidationError.single(
            "holidays",
            "type",
            "节假日数据必须是文本（JSON或CSV）",
            "Holiday data must be text (JSON or CSV)",
        )
    if fmt is None:
        fmt = "json" if text.lstrip("\ufeff \t\r\n").startswith("{") else "csv"
    text = text.lstrip("\ufeff")
    return _parse_json(text) if fmt == "json" else _parse_csv(text)


def _day_rows(data: HolidayData) -> list[tuple[date, DayOverride]]:
    return sorted(data.days.items())


def dump_holiday_data(data: HolidayData, fmt: Literal["json", "csv"] = "json") -> str:
    """Write administrator data in the format ``parse_holiday_data`` reads back."""
    if fmt == "json":
        days: list[dict[str, Any]] = []
        for day, override in _day_rows(data):
            row: dict[str, Any] = {
                "date": day.isoformat(),
                "kind": override.kind.value,
                "name": override.name,
            }
            if override.name_en:
                row["name_en"] = override.name_en
            days.append(row)
        doc: dict[str, Any] = {
            "format": FORMAT_TAG,
            "comment": data.comment or "legalaid holiday data; see legalaid.rules.holidays",
            "years": sorted(data.years),
            "sources": {str(y): s for y, s in sorted(data.sources.items())},
            "days": days,
        }
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    buffer.write(f"# {FORMAT_TAG}\n")
    for line in data.comment.splitlines():
        buffer.write(f"# {line}\n")
    if data.years:
        writer.writerow(["years", *sorted(data.years)])
    for year, source in sorted(data.sources.items()):
        writer.writerow(["source", year, source])
    writer.writerow(["date", "kind", "name", "name_en"])
    for day, override in _day_rows(data):
        writer.writerow([day.isoformat(), override.kind.value, override.name, override.name_en])
    return buffer.getvalue()
