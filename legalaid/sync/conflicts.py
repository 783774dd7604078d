"""Conflicts a person resolves: the desk's side of the conflicts view.

A conflict is opened by the sync service when two desks changed a guarded field (a
money amount, a deadline or a date of proceedings, status / outcome / closing, the
responsible staff) without seeing each other's edit, or archived a record another
desk was editing. The field keeps its earlier value until someone chooses; the
choice is sent to the service on the next synchronisation and reaches every desk.

Usage (from the desktop's worker thread, like any facade call)::

    svc = ConflictService(col)
    for c in svc.list():
        print(c.field_zh, [cand.display for cand in c.candidates])
    svc.resolve(c.id, c.candidates[1].value)     # or any combined value
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from legalaid import dto
from legalaid.errors import NotFoundError, ValidationError
from legalaid.rules.money import format_yuan
from legalaid.sync import schema
from legalaid.vocab import CASE_STATUSES, OUTCOMES

if TYPE_CHECKING:
    from legalaid.collection import Collection

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "amount_claimed_fen": ("请求金额", "Amount claimed"),
    "amount_awarded_fen": ("裁判金额", "Amount awarded"),
    "ledger_recovered_fen": ("台账追回金额", "Recovered (ledger)"),
    "ledger_wage_recovered_fen": ("台账追回工资", "Wages recovered (ledger)"),
    "agreement_amount_fen": ("协议金额", "Agreement amount"),
    "amount_fen": ("金额", "Amount"),
    "status": ("案件状态", "Status"),
    "outcome": ("结案方式", "Outcome"),
    "closed_on": ("结案日期", "Closed on"),
    "lead_staff_id": ("承办人", "Lead staff"),
    "responsible_id": ("责任人", "Responsible staff"),
    "mediator_id": ("调解员", "Mediator"),
    "due_on": ("到期日", "Due on"),
    "applied_on": ("申请日期", "Applied on"),
    "accepted_on": ("受理日期", "Accepted on"),
    "decision_kind": ("裁判类型", "Decision"),
    "decision_received_on": ("收到裁判日期", "Decision received on"),
    "appeal_deadline": ("上诉/起诉期限", "Appeal deadline"),
    "held_at": ("开庭/调解时间", "Held at"),
    "agreement_on": ("协议日期", "Agreement date"),
    "performance_deadline": ("履行期限", "Performance deadline"),
    "archived_at": ("归档（作废）", "Archived"),
}
TABLE_LABELS: dict[str, tuple[str, str]] = {
    "cases": ("案件", "Case"),
    "deadlines": ("期限", "Deadline"),
    "proceedings": ("仲裁/诉讼", "Proceeding"),
    "hearings": ("开庭", "Hearing"),
    "mediations": ("调解", "Mediation"),
    "mediation_sessions": ("调解会", "Mediation session"),
    "instalments": ("分期付款", "Instalment"),
    "wage_claims": ("欠薪主张", "Wage claim"),
    "recoveries": ("追回款项", "Recovery"),
}


@dataclass(frozen=True)
class ConflictCandidate:
    """One value a field could take, who set it and when."""

    value: Any
    display: str
    user: str | None
    at: datetime | None
    is_current: bool
    note: str | None


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    table: str
    table_zh: str
    table_en: str
    record_id: str
    column: str
    field_zh: str
    field_en: str
    office_id: str | None
    case_id: str | None
    case_number: str | None
    case_title: str | None
    # open | resolving (chosen here, not yet synchronised) | resolved
    status: str
    current_value: Any
    current_display: str
    candidates: tuple[ConflictCandidate, ...]
    created_at: datetime | None
    resolved_at: datetime | None
    resolved_by: str | None
    chosen_value: Any
    chosen_display: str | None


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class ConflictService:
    """List and resolve this desk's synchronisation conflicts."""

    def __init__(self, col: Collection) -> None:
        self.col = col

    # -- reading -------------------------------------------------------------------------

    def list(
        self, *, include_resolved: bool = False, case_id: str | None = None
    ) -> list[ConflictInfo]:
        """Open conflicts (and those chosen here but not yet synchronised), oldest first."""
        sql = (
            "SELECT id, tbl, pk, col, office_id, case_id, status, current, candidates, "
            "created_at, resolved_at, resolved_by, resolution, local_choice "
            "FROM sync_conflicts"
        )
        where, args = [], []
        if not include_resolved:
            where.append("status = 'open'")
        if case_id:
            where.append("case_id = ?")
            args.append(case_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_at, id"
        with self.col.read() as s:
            conn = s.connection()
            rows = conn.exec_driver_sql(sql, tuple(args)).all()
            return [self._info(conn, r) for r in rows]

    def get(self, conflict_id: str) -> ConflictInfo:
        for c in self.list(include_resolved=True):
            if c.id == conflict_id:
                return c
        raise NotFoundError(f"冲突记录不存在：{conflict_id}", f"No conflict {conflict_id}")

    def count_open(self) -> int:
        with self.col.read() as s:
            return int(
                s.connection()
                .exec_driver_sql(
                    "SELECT count(*) FROM sync_conflicts "
                    "WHERE status = 'open' AND local_choice IS NULL"
                )
                .scalar()
                or 0
            )

    def _info(self, conn: Any, r: Any) -> ConflictInfo:
        (cid, tbl, pk, col, office_id, case_id, status, current, cands, created, resolved_at,
         resolved_by, resolution, local_choice) = r
        current_v = json.loads(current) if current else None
        candidates = tuple(
            ConflictCandidate(
                value=c.get("value"),
                display=self._display(conn, col, c.get("value")),
                user=c.get("user"),
                at=_dt(c.get("at")),
                is_current=c.get("note") == "current",
                note=c.get("note"),
            )
            for c in json.loads(cands or "[]")
        )
        chosen: Any = None
        if status != "open" and resolution:
            chosen = json.loads(resolution).get("value")
        elif local_choice is not None:
            chosen = json.loads(local_choice)
        number = title = None
        if case_id:
            row = conn.exec_driver_sql(
                "SELECT number, title FROM cases WHERE id = ?", (case_id,)
            ).first()
            if row:
                number, title = row
        t_zh, t_en = TABLE_LABELS.get(tbl, (tbl, tbl))
        f_zh, f_en = FIELD_LABELS.get(col, (col, col))
        shown = "resolving" if status == "open" and local_choice is not None else status
        has_choice = status != "open" or local_choice is not None
        return ConflictInfo(
            id=cid, table=tbl, table_zh=t_zh, table_en=t_en, record_id=pk, column=col,
            field_zh=f_zh, field_en=f_en, office_id=office_id, case_id=case_id,
            case_number=number, case_title=title, status=shown, current_value=current_v,
            current_display=self._display(conn, col, current_v), candidates=candidates,
            created_at=_dt(created), resolved_at=_dt(resolved_at), resolved_by=resolved_by,
            chosen_value=chosen,
            chosen_display=self._display(conn, col, chosen) if has_choice else None,
        )

    def _display(self, conn: Any, col: str, value: Any) -> str:
        if value is None:
            return "（恢复/未归档）" if col == schema.ARCHIVED else "（空）"
        if col.endswith("_fen") and isinstance(value, int):
            return format_yuan(value)
        if col == "status":
            return CASE_STATUSES.zh(str(value))
        if col == "outcome":
            return OUTCOMES.zh(str(value))
        if col.endswith(("staff_id", "responsible_id", "mediator_id")):
            row = conn.exec_driver_sql("SELECT name FROM staff WHERE id = ?", (value,)).first()
            return str(row[0]) if row else str(value)
        if col == schema.ARCHIVED:
            return f"归档于 {str(value)[:16]}"
        return str(value)

    # -- resolving ------------------------------------------------------------------------

    def choose(self, conflict_id: str, candidate: int) -> dto.Op[ConflictInfo]:
        """Resolve by taking one of the candidates (index into ``candidates``)."""
        info = self.get(conflict_id)
        if not 0 <= candidate < len(info.candidates):
            raise ValidationError.single(
                "candidate", "range", "请选择一个候选值", "Choose one of the values"
            )
        return self.resolve(conflict_id, info.candidates[candidate].value)

    def resolve(self, conflict_id: str, chosen_value: Any) -> dto.Op[ConflictInfo]:
        """Set the field to ``chosen_value`` (a candidate or a combination of them).

        The value is stored as the database stores it: integer fen for money, an ISO date
        text for dates, a staff id, ``None`` to restore an archived record. It applies
        here at once and reaches the service and the other desks with the next sync.
        """
        info = self.get(conflict_id)
        if info.status != "open":
            raise ValidationError.single(
                "conflict", "resolved", "该冲突已处理", "This conflict is already resolved"
            )
        spec = schema.spec(info.table)
        colspec = spec.column(info.column) if spec else None
        if colspec is None or not _fits(colspec, chosen_value):
            raise ValidationError.single(
                "chosen_value",
                "type",
                f"取值不符合“{info.field_zh}”的格式",
                f"The value does not fit {info.field_en}",
            )
        with self.col.write() as s:
            if info.case_id:
                self.col.require("case.write", case_id=info.case_id, session=s)
            elif info.office_id:
                self.col.require("case.write", office_id=info.office_id, session=s)
            conn = s.connection()
            conn.exec_driver_sql("UPDATE sync_local SET applying = 1 WHERE id = 1")
            conn.exec_driver_sql(
                f'UPDATE "{info.table}" SET "{info.column}" = ?, version = version + 1 '
                "WHERE id = ?",
                (chosen_value, info.record_id),
            )
            conn.exec_driver_sql("UPDATE sync_local SET applying = 0 WHERE id = 1")
            conn.exec_driver_sql(
                "INSERT INTO sync_log (change_id, tbl, pk, op, new, old, hlc) VALUES "
                "(lower(hex(randomblob(16))), 'sync_conflicts', ?, 'R', ?, NULL, "
                "(SELECT hlc FROM sync_next_hlc))",
                (conflict_id, json.dumps({"value": chosen_value}, ensure_ascii=False)),
            )
            conn.exec_driver_sql(
                "UPDATE sync_conflicts SET local_choice = ? WHERE id = ?",
                (json.dumps(chosen_value, ensure_ascii=False), conflict_id),
            )
            self.col.audit(
                s,
                "resolve",
                info.table,
                info.record_id,
                office_id=info.office_id,
                case_id=info.case_id,
                before={info.column: info.current_value},
                after={info.column: chosen_value, "conflict": conflict_id},
            )
        kinds = {"case", "conflict"}
        if info.table != "cases":
            kinds.add(info.table.rstrip("s"))
        return dto.Op(
            self.get(conflict_id),
            dto.OpChanges(
                frozenset(kinds), frozenset({info.case_id}) if info.case_id else frozenset()
            ),
        )


def _fits(col: schema.ColumnSpec, value: Any) -> bool:
    if value is None:
        return col.nullable
    return schema.value_fits(col, value)
