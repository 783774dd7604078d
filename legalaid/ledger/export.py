"""Writing the ledger (台账): the same sheets and columns the importer reads, so an
exported ledger imports back unchanged."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalaid.ledger import columns as C
from legalaid.models import (
    Case,
    CaseApplicant,
    CaseRespondent,
    Consultation,
    Employer,
    Note,
    NoteRevision,
    Person,
    Recovery,
    Referral,
    Staff,
)
from legalaid.reports.cells import neutralise
from legalaid.reports.periods import local_date
from legalaid.rules.money import fen_to_decimal
from legalaid.vocab import (
    BODY_TYPES,
    CASE_SOURCES,
    CHANNELS,
    DISPUTE_TYPES,
    EMPLOYMENT_FORMS,
    HANDLING_METHODS,
    NEW_EMPLOYMENT_FORMS,
    Vocabulary,
)

#: A cell of an exported ledger: text, a date, an amount, a count, or empty.
Value = str | date | Decimal | int | None
_CHUNK = 500


@dataclass(frozen=True)
class LedgerTable:
    sheet: str
    columns: tuple[str, ...]
    rows: list[tuple[Value, ...]]


def _label(vocab: Vocabulary, code: str | None) -> str:
    if not code:
        return ""
    if code == "other" and code not in vocab:
        return "其他"
    return vocab.zh(code)


def _joined(values: Sequence[str | None]) -> str:
    """Aligned multi-value cell: empty when no value is present."""
    if not any(values):
        return ""
    return C.JOINER.join(v or "" for v in values)


def case_rows(s: Session, office_ids: Sequence[str]) -> list[tuple[Value, ...]]:
    cases = s.execute(
        select(Case, Staff.name)
        .outerjoin(Staff, Staff.id == Case.lead_staff_id)
        .where(Case.office_id.in_(list(office_ids)), Case.archived_at.is_(None))
        .order_by(func.coalesce(Case.accepted_on, Case.received_on), Case.number)
    ).all()
    out: list[tuple[Value, ...]] = []
    for i in range(0, len(cases), _CHUNK):
        chunk = cases[i : i + _CHUNK]
        details = _details(s, [c.id for c, _ in chunk])
        for case, staff_name in chunk:
            out.append(_case_row(case, staff_name, details))
    return out


def _details(s: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Applicants, respondents, recoveries, the first referral and the first note of
    a batch of cases (one query each, not one per case)."""
    d: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"people": [], "employers": [], "rec": 0, "wage": 0, "ref": None, "note": None}
    )
    for case_id, person in s.execute(
        select(CaseApplicant.case_id, Person)
        .join(Person, Person.id == CaseApplicant.person_id)
        .where(CaseApplicant.case_id.in_(ids), CaseApplicant.archived_at.is_(None))
        .order_by(CaseApplicant.case_id, CaseApplicant.position)
    ):
        d[case_id]["people"].append(person)
    for case_id, emp in s.execute(
        select(CaseRespondent.case_id, Employer)
        .join(Employer, Employer.id == CaseRespondent.employer_id)
        .where(CaseRespondent.case_id.in_(ids), CaseRespondent.archived_at.is_(None))
        .order_by(CaseRespondent.case_id, CaseRespondent.position)
    ):
        d[case_id]["employers"].append(emp)
    for case_id, kind, fen in s.execute(
        select(Recovery.case_id, Recovery.kind, func.sum(Recovery.amount_fen))
        .where(Recovery.case_id.in_(ids), Recovery.archived_at.is_(None))
        .group_by(Recovery.case_id, Recovery.kind)
    ):
        d[case_id]["rec"] += int(fen or 0)
        if kind == "wage_arrears":
            d[case_id]["wage"] += int(fen or 0)
    for case_id, body in s.execute(
        select(Referral.case_id, Referral.body_type)
        .where(
            Referral.case_id.in_(ids),
            Referral.archived_at.is_(None),
            Referral.direction == "outgoing",
        )
        .order_by(Referral.case_id, Referral.sent_on.desc(), Referral.created_at.desc())
    ):
        d[case_id]["ref"] = body  # the last one written wins: the earliest referral
    notes = s.execute(
        select(Note.case_id, Note.id)
        .where(Note.case_id.in_(ids), Note.archived_at.is_(None))
        .order_by(Note.case_id, Note.created_at.desc())
    ).all()
    first_note = {case_id: note_id for case_id, note_id in notes}  # the earliest wins
    if first_note:
        text: dict[str, str] = {}
        for note_id, body in s.execute(
            select(NoteRevision.note_id, NoteRevision.body)
            .where(NoteRevision.note_id.in_(list(first_note.values())))
            .order_by(NoteRevision.note_id, NoteRevision.created_at)
        ):
            text[note_id] = body  # the latest revision wins
        for case_id, note_id in first_note.items():
            d[case_id]["note"] = text.get(note_id)
    return d


def _case_row(
    case: Case, staff_name: str | None, details: dict[str, dict[str, Any]]
) -> tuple[Value, ...]:
    info = details[case.id]
    people: list[Person] = info["people"]
    employers: list[Employer] = info["employers"]
    form = next(
        (p.employment_form for p in people if p.employment_form in NEW_EMPLOYMENT_FORMS), None
    )
    if form is None and any(p.employment_form == "other" for p in people):
        form = "other"
    status = {"closed": C.STATUS_CLOSED, "refused": C.STATUS_REFUSED}.get(
        case.status, C.STATUS_OPEN
    )
    return (
        case.number,
        case.accepted_on or case.received_on,
        case.closed_on if case.status in ("closed", "refused") else None,
        C.JOINER.join(p.name for p in people),
        _joined([p.id_number for p in people]),
        _joined([p.phone for p in people]),
        C.JOINER.join(e.name for e in employers),
        _joined([e.credit_code for e in employers]),
        _label(DISPUTE_TYPES, case.dispute_type),
        _label(CASE_SOURCES, case.source),
        case.worker_count,
        C.YES if any(p.migrant_worker for p in people) else C.NO,
        _label(EMPLOYMENT_FORMS, form) if form else C.NO,
        C.YES if any(p.hardship_worker for p in people) else C.NO,
        staff_name or "",
        _label(HANDLING_METHODS, case.handling_method),
        _label(BODY_TYPES, info["ref"]),
        fen_to_decimal(case.amount_claimed_fen),
        fen_to_decimal(case.ledger_recovered_fen + info["rec"]),
        fen_to_decimal(case.ledger_wage_recovered_fen + info["wage"]),
        status,
        info["note"] or "",
    )


def consultation_rows(s: Session, office_ids: Sequence[str]) -> list[tuple[Value, ...]]:
    rows = s.execute(
        select(Consultation, Staff.name)
        .outerjoin(Staff, Staff.id == Consultation.staff_id)
        .where(Consultation.office_id.in_(list(office_ids)), Consultation.archived_at.is_(None))
        .order_by(Consultation.consulted_at, Consultation.caller_name, Consultation.id)
    ).all()
    out: list[tuple[Value, ...]] = [
        (
            local_date(c.consulted_at),
            _label(CHANNELS, c.channel),
            c.caller_name,
            c.caller_phone or "",
            _label(DISPUTE_TYPES, c.topic),
            c.answer_summary or "",
            staff or "",
            C.YES if c.case_id else C.NO,
        )
        for c, staff in rows
    ]
    # By day, then by content: a ledger holds days, not times, so this order survives
    # an export → import → export round trip.
    out.sort(key=lambda r: tuple("" if v is None else str(v) for v in r))
    return out


def ledger_tables(s: Session, office_ids: Sequence[str]) -> list[LedgerTable]:
    return [
        LedgerTable(C.CASE_SHEET, C.CASE_COLUMNS, case_rows(s, office_ids)),
        LedgerTable(C.CONSULTATION_SHEET, C.CONSULTATION_COLUMNS, consultation_rows(s, office_ids)),
    ]


# -- files ----------------------------------------------------------------------------------

_DATE_COLUMNS = {"受理日期", "结案日期", "咨询日期"}
_MONEY_COLUMNS = {"诉求金额", "挽回经济损失", "其中追回欠薪"}
_TEXT_COLUMNS = {"身份证号", "联系电话", "统一社会信用代码", "案件编号"}


def _csv_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, int):
        return str(value)
    return neutralise(value)


def to_csv(table: LedgerTable, encoding: str = "utf-8-sig") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(table.columns)
    for row in table.rows:
        w.writerow([_csv_text(v) for v in row])
    return buf.getvalue().encode(encoding)


def to_xlsx(tables: list[LedgerTable]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    wb = Workbook(write_only=True)
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    for table in tables:
        ws = wb.create_sheet(table.sheet)
        for j, name in enumerate(table.columns):
            width = 12 if name in _DATE_COLUMNS | _MONEY_COLUMNS else 14
            if name in ("身份证号", "统一社会信用代码", "案件编号", "答复摘要", "备注"):
                width = 22
            ws.column_dimensions[_letter(j)].width = width
        ws.freeze_panes = "A2"
        header = []
        for name in table.columns:
            cell = WriteOnlyCell(ws, value=name)
            cell.font, cell.fill = head_font, head_fill
            header.append(cell)
        ws.append(header)
        for row in table.rows:
            ws.append([_xlsx_cell(ws, name, v) for name, v in zip(table.columns, row, strict=True)])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _xlsx_cell(ws: Any, column: str, value: Value) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, date):
        cell = WriteOnlyCell(ws, value=cast(Any, value))
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, Decimal):
        cell = WriteOnlyCell(ws, value=cast(Any, value))
        cell.number_format = "0.00"
        return cell
    if isinstance(value, int) or value is None:
        return WriteOnlyCell(ws, value=value)
    cell = WriteOnlyCell(ws, value=neutralise(value))
    cell.data_type = "s"  # a name such as "=1+1" stays text, never a formula
    if column in _TEXT_COLUMNS:
        cell.number_format = "@"
    return cell
