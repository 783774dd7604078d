"""Importing a group case's worker list from an Excel sheet.

Reading and checking run on the database thread (``plan_import``): every row is checked
by the core's own person and amount rules, duplicates inside the sheet and people
already on the case are reported, and nothing is written. The user sees the bad rows,
then ``apply_import`` adds the good ones (applicants, then each worker's wage claim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from legalaid import dto
from legalaid.errors import FieldError, ValidationError
from legalaid.inputs import ApplicantInput, PersonInput, WageClaimInput
from ui.case.common import qtr

# Header text (without spaces and unit marks) → field. The first row holding a name
# header within the first rows is the header row.
HEADERS: dict[str, str] = {
    "姓名": "name",
    "名字": "name",
    "职工姓名": "name",
    "工人姓名": "name",
    "name": "name",
    "身份证号": "id_number",
    "身份证号码": "id_number",
    "公民身份号码": "id_number",
    "证件号码": "id_number",
    "身份证": "id_number",
    "idnumber": "id_number",
    "电话": "phone",
    "手机": "phone",
    "手机号": "phone",
    "手机号码": "phone",
    "联系电话": "phone",
    "联系方式": "phone",
    "phone": "phone",
    "性别": "gender",
    "gender": "gender",
    "住址": "address",
    "地址": "address",
    "家庭住址": "address",
    "户籍地址": "address",
    "address": "address",
    "工种": "occupation",
    "职业": "occupation",
    "岗位": "occupation",
    "occupation": "occupation",
    "欠薪金额": "amount",
    "拖欠工资": "amount",
    "欠薪": "amount",
    "金额": "amount",
    "欠款金额": "amount",
    "拖欠金额": "amount",
    "应付工资": "amount",
    "amount": "amount",
    "欠薪开始": "period_start",
    "开始日期": "period_start",
    "起始日期": "period_start",
    "欠薪起始": "period_start",
    "from": "period_start",
    "欠薪截止": "period_end",
    "截止日期": "period_end",
    "结束日期": "period_end",
    "欠薪结束": "period_end",
    "to": "period_end",
    "农民工": "migrant_worker",
    "是否农民工": "migrant_worker",
    "工会会员": "union_member",
    "是否工会会员": "union_member",
    "户籍类型": "hukou_type",
    "户口性质": "hukou_type",
    "户籍": "hukou_type",
}
SKIP_NAMES = {"合计", "总计", "小计", "total"}
GENDERS = {"男": "M", "女": "F", "m": "M", "f": "F", "male": "M", "female": "F"}
HUKOU = {
    "农业": "rural",
    "农村": "rural",
    "农业户口": "rural",
    "城镇": "urban",
    "非农业": "urban",
    "城镇户口": "urban",
    "rural": "rural",
    "urban": "urban",
}
TRUE_WORDS = {"是", "y", "yes", "true", "1", "√", "✓"}
MAX_HEADER_SEARCH = 10


def _t(text: str) -> str:
    return QCoreApplication.translate("WorkerImport", text)


@dataclass
class SheetRow:
    line: int  # the row number in Excel (1-based)
    values: dict[str, Any]


@dataclass
class RowProblem:
    line: int
    name: str
    errors: list[FieldError]


@dataclass
class GoodRow:
    line: int
    applicant: ApplicantInput
    name: str
    id_number: str | None
    phone: str | None
    amount: str | None
    period_start: date | None
    period_end: date | None
    existing: bool = False


@dataclass
class ImportPlan:
    path: str
    sheet: str
    columns: list[str]
    good: list[GoodRow] = field(default_factory=list)
    bad: list[RowProblem] = field(default_factory=list)
    skipped: int = 0

    @property
    def total(self) -> int:
        return len(self.good) + len(self.bad)

    @property
    def has_amounts(self) -> bool:
        return "amount" in self.columns

    @property
    def existing(self) -> int:
        return sum(1 for g in self.good if g.existing)


def _key(header: object) -> str:
    text = str(header or "").strip().lower()
    text = re.sub(r"[\s*：:]", "", text)
    text = re.sub(r"[（(][^）)]*[）)]", "", text)  # "欠薪金额（元）" → "欠薪金额"
    return text


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def read_sheet(path: str | Path) -> tuple[str, list[str], list[SheetRow]]:
    """The first sheet's recognised columns and its data rows."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(str(path), read_only=True, data_only=True)
    except Exception as exc:  # a broken or non-Excel file: say so by the field
        raise ValidationError.single(
            "file", "unreadable", f"无法读取该Excel文件：{exc}", f"Cannot read the sheet: {exc}"
        ) from exc
    try:
        sheet = book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        title = sheet.title
    finally:
        book.close()
    header_at = -1
    mapping: dict[int, str] = {}
    for i, row in enumerate(rows[:MAX_HEADER_SEARCH]):
        found = {n: HEADERS[_key(v)] for n, v in enumerate(row) if _key(v) in HEADERS}
        if "name" in found.values():
            header_at, mapping = i, found
            break
    if header_at < 0:
        raise ValidationError.single(
            "file",
            "no_header",
            "表格前10行中找不到“姓名”列，请检查表头",
            "No 'name' (姓名) column in the first 10 rows of the sheet",
        )
    data: list[SheetRow] = []
    for offset, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        values: dict[str, Any] = {}
        for n, name in mapping.items():
            if n < len(row) and name not in values:
                values[name] = _cell(row[n])
        if all(v is None for v in values.values()):
            continue
        data.append(SheetRow(offset, values))
    return title, sorted(set(mapping.values())), data


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def _amount_text(value: Any) -> str | None:
    """An amount cell as yuan text; Excel numbers go through Decimal, never float maths."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return str(Decimal(repr(value)).quantize(Decimal("0.01")))
    return str(value).strip() or None


def _date(value: Any, fld: str, errors: list[FieldError]) -> date | None:
    if value is None or isinstance(value, date):
        return value
    from legalaid.rules.dates import parse_date

    try:
        return parse_date(str(value), fld)
    except ValidationError as exc:
        errors.extend(exc.errors)
        return None


def _flag(value: Any) -> bool:
    return _text(value) is not None and str(_text(value)).lower() in TRUE_WORDS


def plan_import(
    col: Any, path: str | Path, on_case_ids: set[str], person_ids_on_case: set[str]
) -> ImportPlan:
    """Read and check a worker sheet (nothing is written). Runs on the database thread.

    Args:
        col: the Collection.
        path: the .xlsx file.
        on_case_ids: ID numbers of the case's current applicants.
        person_ids_on_case: their person ids.
    """
    from legalaid.validation import Checker, check_person

    title, columns, rows = read_sheet(path)
    plan = ImportPlan(str(path), title, columns)
    today = col.today()
    seen: dict[str, int] = {}
    for row in rows:
        v = row.values
        name = _text(v.get("name")) or ""
        if name.lower() in SKIP_NAMES:
            plan.skipped += 1
            continue
        chk = Checker()
        raw_id = v.get("id_number")
        if isinstance(raw_id, int | float) and not isinstance(raw_id, bool):
            chk.require(
                False,
                "id_number",
                "number_cell",
                "身份证号被Excel存成了数字（末几位已丢失），请把该列设为文本后重新填写",
                "The ID number was stored as a number in Excel (digits lost); "
                "format the column as text and re-enter it",
            )
            raw_id = None
        gender_raw = _text(v.get("gender"))
        person = PersonInput(
            name=name,
            id_number=_text(raw_id),
            phone=_text(v.get("phone")),
            gender=GENDERS.get(gender_raw.lower(), gender_raw) if gender_raw else None,
            address=_text(v.get("address")),
            occupation=_text(v.get("occupation")),
            hukou_type=HUKOU.get(str(_text(v.get("hukou_type")) or "").lower())
            if v.get("hukou_type") is not None
            else None,
            migrant_worker=_flag(v.get("migrant_worker")),
            union_member=_flag(v.get("union_member")),
        )
        values = check_person(person, chk, today)
        amount = _amount_text(v.get("amount"))
        chk.amount(amount, "amount", required=False)
        if amount is not None:
            chk.require(
                not amount.startswith("-"),
                "amount",
                "range",
                "金额不能为负数",
                "The amount cannot be negative",
            )
        extra: list[FieldError] = []
        start = _date(v.get("period_start"), "period_start", extra)
        end = _date(v.get("period_end"), "period_end", extra)
        chk.errors.extend(extra)
        chk.order(start, end, "period_start", "period_end")
        id_number = values.get("id_number")
        existing = False
        applicant = ApplicantInput(person=person)
        if isinstance(id_number, str):
            norm = id_number  # check_person returns it normalised
            if norm in seen:
                chk.require(
                    False,
                    "id_number",
                    "duplicate",
                    f"与第{seen[norm]}行的身份证号重复",
                    f"Same ID number as row {seen[norm]}",
                )
            else:
                seen[norm] = row.line
            if norm in on_case_ids:
                chk.require(
                    False,
                    "id_number",
                    "on_case",
                    "此人已是本案申请人",
                    "Already an applicant in this case",
                )
            elif not chk.errors:
                report = col.parties.duplicates(id_number=norm)
                same = [p for p in report.people if p.id_number == norm]
                if same:
                    existing = True
                    if same[0].id in person_ids_on_case:
                        chk.require(
                            False,
                            "id_number",
                            "on_case",
                            "此人已是本案申请人",
                            "Already an applicant in this case",
                        )
                    applicant = ApplicantInput(person_id=same[0].id)
        if chk.errors:
            plan.bad.append(RowProblem(row.line, name, list(chk.errors)))
            continue
        plan.good.append(
            GoodRow(
                row.line,
                applicant,
                name,
                id_number if isinstance(id_number, str) else None,
                person.phone,
                amount,
                start,
                end,
                existing,
            )
        )
    return plan


def apply_import(col: Any, case_id: str, plan: ImportPlan, employer_id: str | None) -> dto.Op[int]:
    """Add the plan's good rows as applicants with their wage claims, in one transaction."""
    claims: list[WageClaimInput | None] = [
        WageClaimInput(
            person_id="",  # filled in by the core with the applicant's person id
            amount=g.amount,
            employer_id=employer_id,
            period_start=g.period_start,
            period_end=g.period_end,
            description=qtr("WorkerImport", "Imported from the worker sheet, row {0}").format(
                g.line
            ),
        )
        if g.amount and g.amount.strip() not in ("0", "0.00")
        else None
        for g in plan.good
    ]
    op = col.cases.add_applicants(case_id, [g.applicant for g in plan.good], claims)
    changes: dto.OpChanges = op.changes
    return dto.Op(len(plan.good), changes)


FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("WorkerImport", "Name"),
    "id_number": QT_TRANSLATE_NOOP("WorkerImport", "ID number"),
    "phone": QT_TRANSLATE_NOOP("WorkerImport", "Phone"),
    "gender": QT_TRANSLATE_NOOP("WorkerImport", "Gender"),
    "address": QT_TRANSLATE_NOOP("WorkerImport", "Address"),
    "occupation": QT_TRANSLATE_NOOP("WorkerImport", "Occupation"),
    "amount": QT_TRANSLATE_NOOP("WorkerImport", "Amount owed"),
    "period_start": QT_TRANSLATE_NOOP("WorkerImport", "Owed from"),
    "period_end": QT_TRANSLATE_NOOP("WorkerImport", "Owed to"),
    "hukou_type": QT_TRANSLATE_NOOP("WorkerImport", "Hukou"),
    "birth_date": QT_TRANSLATE_NOOP("WorkerImport", "Birth date"),
    "migrant_worker": QT_TRANSLATE_NOOP("WorkerImport", "Migrant worker"),
    "union_member": QT_TRANSLATE_NOOP("WorkerImport", "Union member"),
}


def field_label(name: str) -> str:
    return _t(str(FIELD_LABELS.get(name, name)))


def describe(problem: RowProblem, lang: str) -> str:
    parts = []
    for e in problem.errors:
        # The core's "required" text names the field by its code; the label says it here.
        text = (
            qtr("WorkerImport", "missing")
            if e.code == "required"
            else (e.zh if lang == "zh" else e.en)
        )
        parts.append(f"{field_label(e.field)}：{text}")
    return "；".join(parts)
