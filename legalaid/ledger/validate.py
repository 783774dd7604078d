"""Checking ledger rows. Every row is checked and every problem is reported with its
sheet, row number, column and reason; category words are mapped to the app's codes
(unknown words become 其他 with a warning)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from legalaid.errors import FieldError, ValidationError
from legalaid.inputs import EmployerInput, PersonInput
from legalaid.ledger import columns as C
from legalaid.ledger.reader import Raw, Sheet
from legalaid.reports.cells import unneutralise
from legalaid.rules.dates import check_not_future, parse_date
from legalaid.rules.money import parse_amount
from legalaid.services.checks import Checker
from legalaid.services.parties import check_employer, check_person


@dataclass(frozen=True)
class LedgerIssue:
    """One problem (``error``) or notice (``warning``) about one cell or row."""

    sheet: str
    row: int
    column: str
    zh: str
    en: str
    level: str = "error"

    def __str__(self) -> str:
        kind = "错误" if self.level == "error" else "提示"
        where = f"{self.sheet} 第{self.row}行" + (f"「{self.column}」" if self.column else "")
        return f"{kind}：{where}：{self.zh}"


@dataclass
class LedgerCase:
    row: int
    number: str
    accepted_on: date
    closed_on: date | None
    status: str  # open | closed | refused
    applicants: list[dict[str, object]]
    employers: list[dict[str, object]]
    dispute_type: str
    source: str
    worker_count: int
    staff_name: str | None
    handling_method: str | None
    referral_body: str | None
    claimed_fen: int
    recovered_fen: int
    wage_fen: int
    note: str | None


@dataclass
class LedgerConsultation:
    row: int
    consulted_on: date
    channel: str
    caller_name: str
    phone: str | None
    topic: str
    answer: str | None
    staff_name: str | None
    converted: bool


@dataclass
class Checked:
    cases: list[LedgerCase] = field(default_factory=list)
    consultations: list[LedgerConsultation] = field(default_factory=list)
    issues: list[LedgerIssue] = field(default_factory=list)

    @property
    def errors(self) -> list[LedgerIssue]:
        return [i for i in self.issues if i.level == "error"]

    @property
    def warnings(self) -> list[LedgerIssue]:
        return [i for i in self.issues if i.level == "warning"]

    def bad_rows(self) -> set[tuple[str, int]]:
        return {(i.sheet, i.row) for i in self.errors}


class _Row:
    """Reads the cells of one row, collecting issues."""

    def __init__(self, sheet: Sheet, row: int, cells: dict[str, Raw], out: Checked, today: date):
        self.sheet, self.row, self.cells, self.out, self.today = sheet, row, cells, out, today
        self.ok = True

    def error(self, column: str, zh: str, en: str) -> None:
        self.ok = False
        self.out.issues.append(LedgerIssue(self.sheet.name, self.row, column, zh, en))

    def warn(self, column: str, zh: str, en: str) -> None:
        self.out.issues.append(LedgerIssue(self.sheet.name, self.row, column, zh, en, "warning"))

    def field_errors(self, errors: list[FieldError], column_of: dict[str, str]) -> None:
        for e in errors:
            base = e.field.rsplit(".", 1)[-1]
            self.error(column_of.get(base, base), e.zh, e.en)

    # -- cell readers --------------------------------------------------------------------

    def text(self, column: str, max_len: int = 5000, *, required: bool = False) -> str:
        raw = self.cells.get(column)
        if raw is None:
            value = ""
        elif isinstance(raw, datetime):
            value = raw.date().isoformat() if raw.time() == datetime.min.time() else str(raw)
        elif isinstance(raw, date):
            value = raw.isoformat()
        elif isinstance(raw, float):
            value = str(int(raw)) if raw.is_integer() else repr(raw)
        else:
            value = str(raw)
        value = unneutralise(value.strip())
        if required and not value:
            self.error(column, "必填", "Required")
        elif len(value) > max_len:
            self.error(column, f"内容过长（最多{max_len}字）", f"Too long (max {max_len})")
            value = value[:max_len]
        return value

    def digits(self, column: str) -> str:
        """ID numbers and phones: refuse numbers Excel has already rounded."""
        raw = self.cells.get(column)
        if isinstance(raw, float) and abs(raw) >= 1e15:
            self.error(
                column,
                "该单元格被Excel存成了数字，末尾几位已经丢失；请将此列设为“文本”后重新填写",
                "Excel stored this as a number and dropped its last digits; format the "
                "column as text and re-enter it",
            )
            return ""
        return self.text(column, 400)

    def date(self, column: str, *, required: bool = False) -> date | None:
        raw = self.cells.get(column)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.error(column, "必填", "Required")
            return None
        value: date | None = None
        if isinstance(raw, datetime):
            value = raw.date()
        elif isinstance(raw, date):
            value = raw
        elif isinstance(raw, int | float) and not isinstance(raw, bool):
            # An Excel serial day number in a cell not formatted as a date.
            if 1 <= raw < 2958466:
                base = date(1904, 1, 1) if self.sheet.date1904 else date(1899, 12, 30)
                value = base + timedelta(days=int(raw))
            else:
                self.error(column, f"不是日期：{raw}", f"Not a date: {raw}")
                return None
        else:
            try:
                value = parse_date(str(raw), column, column)
            except ValidationError as exc:
                self.error(column, exc.errors[0].zh, exc.errors[0].en)
                return None
        try:
            check_not_future(value, column, self.today)
        except ValidationError:
            self.error(column, f"日期{value.isoformat()}晚于今天", f"{value} is in the future")
            return None
        return value

    def amount(self, column: str) -> int:
        raw = self.cells.get(column)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return 0
        try:
            if isinstance(raw, bool):
                raise InvalidOperation
            if isinstance(raw, int):
                return parse_amount(Decimal(raw), column)
            if isinstance(raw, float):
                return parse_amount(Decimal(repr(raw)), column)
            if isinstance(raw, date):
                raise InvalidOperation
            return parse_amount(unneutralise(str(raw)), column)
        except ValidationError as exc:
            self.error(column, exc.errors[0].zh, exc.errors[0].en)
        except InvalidOperation:
            self.error(column, f"不是金额：{raw}", f"Not an amount: {raw}")
        return 0

    def count(self, column: str) -> int | None:
        raw = self.cells.get(column)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        text = str(raw).strip().removesuffix("人")
        try:
            value = Decimal(text)
            if value != value.to_integral_value() or value < 1 or value > 100000:
                raise InvalidOperation
            return int(value)
        except InvalidOperation:
            self.error(
                column,
                f"应为1到100000之间的整数：{raw}",
                f"Must be a whole number from 1 to 100000: {raw}",
            )
            return None

    def flag(self, column: str) -> bool:
        raw = self.text(column, 20)
        value = C.flag(raw)
        if value is None:
            self.error(column, f"应填“是”或“否”：{raw}", f"Must be 是 (yes) or 否 (no): {raw}")
            return False
        return value

    def category(self, column: str, mapping: dict[str, str], *, other: str = "other") -> str:
        raw = self.text(column, 100)
        if not raw:
            self.warn(column, "未填写，按“其他”导入", "Empty; imported as Other")
            return other
        code = mapping.get(C.norm(raw))
        if code is None:
            self.warn(
                column,
                f"未识别的取值“{raw}”，按“其他”导入",
                f"Unrecognised value '{raw}'; imported as Other",
            )
            return other
        return code


def _split(text: str) -> list[str]:
    """Split a multi-value cell, keeping empty positions (for aligned ID lists)."""
    return [] if not text else [p.strip() for p in C.SEPARATORS.split(text)]


def check_cases(sheet: Sheet, out: Checked, today: date) -> None:
    numbers = Counter(C.norm(str(cells.get("案件编号") or "")) for _, cells in sheet.rows)
    for row_no, cells in sheet.rows:
        r = _Row(sheet, row_no, cells, out, today)
        number = r.text("案件编号", 60, required=True)
        if number and numbers[C.norm(number)] > 1:
            r.error(
                "案件编号", f"案件编号在本表中重复：{number}", f"Duplicate case number {number}"
            )
        accepted = r.date("受理日期", required=True)
        closed = r.date("结案日期")
        if accepted and closed and closed < accepted:
            r.error("结案日期", "结案日期早于受理日期", "Closed before it was accepted")

        names = [n for n in _split(r.text("申请人", 2000, required=True)) if n]
        ids = _split(r.digits("身份证号"))
        phones = _split(r.digits("联系电话"))
        for column, values in (("身份证号", ids), ("联系电话", phones)):
            if any(values) and len(values) != len(names):
                r.error(
                    column,
                    f"{column}的个数（{len(values)}）与申请人个数（{len(names)}）不一致，"
                    "请按申请人顺序用“、”分隔",
                    f"{len(values)} values for {len(names)} applicants; separate them with 、 "
                    "in applicant order",
                )
        migrant, hardship = r.flag("农民工"), r.flag("困难职工")
        form_raw = r.text("新就业形态", 50)
        form: str | None = None
        if C.norm(form_raw) not in C.NOT_NEW_FORM:
            form = C.NEW_FORM_MAP.get(C.norm(form_raw))
            if form is None:
                r.warn(
                    "新就业形态",
                    f"未识别的取值“{form_raw}”，按“其他”导入",
                    f"Unrecognised value '{form_raw}'; imported as Other",
                )
                form = "other"
        chk = Checker()
        applicants = [
            check_person(
                PersonInput(
                    name=name,
                    id_number=ids[i] if i < len(ids) and ids[i] else None,
                    phone=phones[i] if i < len(phones) and phones[i] else None,
                    migrant_worker=migrant,
                    hardship_worker=hardship,
                    employment_form=form,
                ),
                chk,
                today,
            )
            for i, name in enumerate(names)
        ]
        r.field_errors(
            chk.errors,
            {"name": "申请人", "id_number": "身份证号", "phone": "联系电话", "gender": "身份证号"},
        )

        employers_txt = _split(r.text("用人单位", 2000))
        codes = _split(r.digits("统一社会信用代码"))
        employer_names = [e for e in employers_txt if e]
        if any(codes) and len(codes) != len(employer_names):
            r.error(
                "统一社会信用代码",
                f"信用代码的个数（{len(codes)}）与用人单位个数（{len(employer_names)}）不一致",
                f"{len(codes)} credit codes for {len(employer_names)} employers",
            )
        chk = Checker()
        employers = [
            check_employer(
                EmployerInput(
                    name=e, credit_code=codes[i] if i < len(codes) and codes[i] else None
                ),
                chk,
            )
            for i, e in enumerate(employer_names)
        ]
        r.field_errors(chk.errors, {"name": "用人单位", "credit_code": "统一社会信用代码"})

        dispute = r.category("案由", C.DISPUTE_MAP)
        source = r.category("案件来源", C.SOURCE_MAP)
        method_raw = r.text("办理方式", 50)
        method = r.category("办理方式", C.METHOD_MAP) if method_raw else None
        body_raw = r.text("转介去向", 100)
        body = None
        if C.norm(body_raw) not in C.NOT_NEW_FORM:
            body = r.category("转介去向", C.BODY_MAP)
        workers = r.count("涉及职工人数")
        if workers is not None and workers < len(names):
            r.error(
                "涉及职工人数",
                f"涉及职工人数（{workers}）少于申请人数（{len(names)}）",
                f"Worker count {workers} is below the {len(names)} applicants",
            )
        staff = r.text("承办人", 100) or None
        claimed = r.amount("诉求金额")
        recovered = r.amount("挽回经济损失")
        wage = r.amount("其中追回欠薪")
        if wage > recovered:
            r.error(
                "其中追回欠薪",
                "其中追回欠薪不能大于挽回经济损失",
                "Wage arrears recovered cannot exceed the economic loss recovered",
            )
        status_raw = r.text("案件状态", 20)
        status = C.STATUS_MAP.get(C.norm(status_raw)) if status_raw else None
        if status_raw and status is None:
            status = "closed" if closed else "open"
            r.warn(
                "案件状态",
                f"未识别的取值“{status_raw}”，按{'已结案' if closed else '在办'}导入",
                f"Unrecognised status '{status_raw}'; imported as {'closed' if closed else 'open'}",
            )
        if status is None:
            status = "closed" if closed else "open"
        closed_blank = cells.get("结案日期") is None or not str(cells.get("结案日期")).strip()
        if status in ("closed", "refused") and closed is None and closed_blank:
            r.error(
                "结案日期",
                "案件已结案（或不予受理），须填写结案日期",
                "A closed (or refused) case needs its closing date",
            )
        if status == "open" and closed is not None:
            r.error(
                "案件状态",
                "填写了结案日期，但案件状态为“在办”",
                "A closing date is given but the status is open",
            )
        note = r.text("备注", 5000) or None
        if r.ok and accepted is not None:
            out.cases.append(
                LedgerCase(
                    row=row_no,
                    number=number,
                    accepted_on=accepted,
                    closed_on=closed,
                    status=status,
                    applicants=applicants,
                    employers=employers,
                    dispute_type=dispute,
                    source=source,
                    worker_count=workers or max(len(names), 1),
                    staff_name=staff,
                    handling_method=method,
                    referral_body=body,
                    claimed_fen=claimed,
                    recovered_fen=recovered,
                    wage_fen=wage,
                    note=note,
                )
            )


def check_consultations(sheet: Sheet, out: Checked, today: date) -> None:
    for row_no, cells in sheet.rows:
        r = _Row(sheet, row_no, cells, out, today)
        when = r.date("咨询日期", required=True)
        channel = r.category("咨询方式", C.CHANNEL_MAP)
        caller = r.text("咨询人", 100, required=True)
        phone_raw = r.digits("联系电话")
        chk = Checker()
        phone = chk.phone(phone_raw, "phone") if phone_raw else None
        r.field_errors(chk.errors, {"phone": "联系电话"})
        topic = r.category("问题类别", C.DISPUTE_MAP)
        answer = r.text("答复摘要", 20000) or None
        staff = r.text("接待人", 100) or None
        converted = r.flag("是否转立案")
        if r.ok and when is not None:
            out.consultations.append(
                LedgerConsultation(
                    row_no, when, channel, caller, phone, topic, answer, staff, converted
                )
            )


def check_sheets(sheets: list[Sheet], today: date) -> Checked:
    out = Checked()
    for sheet in sheets:
        if sheet.name == C.CASE_SHEET:
            check_cases(sheet, out, today)
        else:
            check_consultations(sheet, out, today)
    return out
