"""The summary as JSON with stable keys (documented in docs/reports.md).

Counts are integers; amounts are strings in yuan with two decimals ("28195000.00");
rates and averages are strings with one decimal ("66.7") or null when undefined.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from legalaid.reports.model import CaseBreakdown, Count, Headline, Summary
from legalaid.reports.periods import Period
from legalaid.rules.money import yuan_str

SCHEMA = "legalaid.summary/1"


def _dec(v: Decimal | None) -> str | None:
    return None if v is None else f"{v:f}"


def _period(p: Period) -> dict[str, Any]:
    return {"kind": p.kind, "from": p.start.isoformat(), "to": p.end.isoformat(), "label": p.label}


def _headline(h: Headline) -> dict[str, Any]:
    return {
        "consultations": h.consultations,
        "cases_accepted": h.cases_accepted,
        "cases_closed": h.cases_closed,
        "workers_benefited": h.workers_benefited,
        "economic_loss_recovered": yuan_str(h.economic_loss_recovered_fen),
        "wage_arrears_recovered": yuan_str(h.wage_arrears_recovered_fen),
    }


def _counts(rows: tuple[Count, ...]) -> list[dict[str, Any]]:
    return [{"code": r.code, "label": r.label, "count": r.count} for r in rows]


def _cases(rows: tuple[CaseBreakdown, ...]) -> list[dict[str, Any]]:
    return [
        {
            "code": r.code,
            "label": r.label,
            "accepted": r.accepted,
            "closed": r.closed,
            "open_at_end": r.open_at_end,
        }
        for r in rows
    ]


def to_dict(sm: Summary) -> dict[str, Any]:
    """The JSON document as plain Python values (keys in a fixed order)."""
    wk, m = sm.workers, sm.money
    return {
        "schema": SCHEMA,
        "title": sm.title,
        "office": sm.office_name,
        "offices": list(sm.office_names),
        "period": _period(sm.period),
        "generated_on": sm.generated_on.isoformat(),
        **_headline(sm.headline),
        "cases_open_at_end": sm.cases_open_at_end,
        "migrant_workers": wk.migrant,
        "new_employment_form_workers": wk.new_employment_form,
        "hardship_workers": wk.hardship,
        "union_member_workers": wk.union_members,
        "group_cases": wk.group_cases,
        "group_case_workers": wk.group_case_workers,
        "average_days_to_close": _dec(sm.average_days_to_close),
        "deadlines_missed": sm.deadlines_missed,
        "statutory_deadlines_missed": sm.statutory_deadlines_missed,
        "consultations_by_channel": _counts(sm.consultations_by_channel),
        "consultations_by_topic": _counts(sm.consultations_by_topic),
        "cases_by_dispute_type": _cases(sm.cases_by_dispute_type),
        "cases_by_source": _cases(sm.cases_by_source),
        "cases_by_handling_method": _cases(sm.cases_by_handling_method),
        "cases_closed_by_outcome": _counts(sm.cases_closed_by_outcome),
        "new_employment_form_workers_by_form": [
            {"code": c.code, "label": c.label, "workers": c.count} for c in wk.by_form
        ],
        "recovered": {
            "from_recovery_rows": yuan_str(m.from_recoveries_fen),
            "from_ledger": yuan_str(m.from_ledger_fen),
            "wage_arrears_from_ledger": yuan_str(m.wage_from_ledger_fen),
            "by_kind": [
                {
                    "code": r.code,
                    "label": r.label,
                    "count": r.count,
                    "amount": yuan_str(r.amount_fen),
                }
                for r in m.by_kind
            ],
        },
        "referrals_by_destination": [
            {
                "code": r.code,
                "label": r.label,
                "sent": r.sent,
                "pending": r.pending,
                "completed": r.completed,
                "returned": r.returned,
            }
            for r in sm.referrals_by_destination
        ],
        "referrals_by_outcome": _counts(sm.referrals_by_outcome),
        "referrals_received": _counts(sm.referrals_received),
        "mediations": [
            {
                "key": r.key,
                "label": r.label,
                "started": r.started,
                "agreed": r.agreed,
                "failed": r.failed,
                "withdrawn": r.withdrawn,
                "ongoing": r.ongoing,
                "success_rate_percent": _dec(r.success_rate),
                "agreed_amount": yuan_str(r.agreed_amount_fen),
            }
            for r in sm.mediations
        ],
        "workload_by_staff": [
            {
                "staff_id": w.staff_id or None,
                "name": w.name,
                "office": w.office,
                "consultations": w.consultations,
                "cases_accepted": w.cases_accepted,
                "cases_closed": w.cases_closed,
                "cases_open_at_end": w.cases_open_at_end,
                "deadlines_missed": w.deadlines_missed,
            }
            for w in sm.workload
        ],
        "by_office": [
            {
                "office_id": o.office_id,
                "name": o.name,
                "depth": o.depth,
                **_headline(o.headline),
                "cases_open_at_end": o.cases_open_at_end,
            }
            for o in sm.by_office
        ],
        "comparison": {
            c.key: {"label": c.label, "period": _period(c.period), **_headline(c.headline)}
            for c in sm.comparisons
        },
        "definitions": [{"key": d.key, "term": d.term, "text": d.text} for d in sm.definitions],
    }


def render(sm: Summary) -> bytes:
    return (json.dumps(to_dict(sm), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
