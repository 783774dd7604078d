"""Figures computed straight from the raw rows of the database file, in plain Python,
following the definitions written in the report — an independent check of the SQL."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

NEW_FORMS = {"delivery_rider", "courier", "ride_hailing", "livestreamer", "truck_driver"}


def _rows(db: Path, sql: str) -> list[dict[str, Any]]:
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute(sql)]
    finally:
        con.close()


def _d(v: str | None) -> date | None:
    return date.fromisoformat(v[:10]) if v else None


def _beijing_day(ts: str) -> date:
    return (datetime.fromisoformat(ts) + timedelta(hours=8)).date()


@dataclass
class Expected:
    consultations: int = 0
    by_channel: Counter[str] = field(default_factory=Counter)
    by_topic: Counter[str] = field(default_factory=Counter)
    accepted: int = 0
    closed: int = 0
    open_at_end: int = 0
    accepted_by_dispute: Counter[str] = field(default_factory=Counter)
    closed_by_source: Counter[str] = field(default_factory=Counter)
    open_by_method: Counter[str] = field(default_factory=Counter)
    workers: int = 0
    migrant: int = 0
    hardship: int = 0
    union: int = 0
    new_form: int = 0
    by_form: Counter[str] = field(default_factory=Counter)
    group_cases: int = 0
    loss_fen: int = 0
    wage_fen: int = 0
    avg_days: str | None = None
    missed: int = 0
    referrals_sent: Counter[str] = field(default_factory=Counter)
    med_pre: tuple[int, int, int] = (0, 0, 0)  # started, agreed, ended
    med_post: tuple[int, int, int] = (0, 0, 0)
    per_office_accepted: Counter[str] = field(default_factory=Counter)


def expected(
    db: Path, start: date, end: date, office_ids: set[str], today: date, group_min: int = 10
) -> Expected:
    e = Expected()
    live_cases = {
        c["id"]: c
        for c in _rows(db, "SELECT * FROM cases")
        if c["archived_at"] is None and c["office_id"] in office_ids
    }

    for c in _rows(db, "SELECT * FROM consultations"):
        if c["archived_at"] or c["office_id"] not in office_ids:
            continue
        if start <= _beijing_day(c["consulted_at"]) <= end:
            e.consultations += 1
            e.by_channel[c["channel"]] += 1
            e.by_topic[c["topic"]] += 1

    links = [a for a in _rows(db, "SELECT * FROM case_applicants") if a["archived_at"] is None]
    people = {p["id"]: p for p in _rows(db, "SELECT * FROM people")}
    days = []
    for c in live_cases.values():
        acc, clo = _d(c["accepted_on"]), _d(c["closed_on"])
        if acc and start <= acc <= end:
            e.accepted += 1
            e.accepted_by_dispute[c["dispute_type"]] += 1
            e.per_office_accepted[c["office_id"]] += 1
            apps = sorted(
                (a for a in links if a["case_id"] == c["id"]), key=lambda a: a["position"]
            )
            heads = max(c["worker_count"], len(apps))
            e.workers += heads
            extra = heads - len(apps)
            if heads >= group_min:
                e.group_cases += 1
            first = people[apps[0]["person_id"]] if apps else None
            for person, n in [(people[a["person_id"]], 1) for a in apps] + (
                [(first, extra)] if first else []
            ):
                e.migrant += n * bool(person["migrant_worker"])
                e.hardship += n * bool(person["hardship_worker"])
                e.union += n * bool(person["union_member"])
                if person["employment_form"] in NEW_FORMS:
                    e.new_form += n
                    e.by_form[person["employment_form"]] += n
        if clo and start <= clo <= end and c["status"] == "closed":
            e.closed += 1
            e.closed_by_source[c["source"]] += 1
            if acc:
                days.append((clo - acc).days)
        if acc and acc <= end and (clo is None or clo > end):
            e.open_at_end += 1
            e.open_by_method[c["handling_method"] or ""] += 1
        ledger_day = clo or acc or _d(c["received_on"])
        if ledger_day and start <= ledger_day <= end:
            e.loss_fen += c["ledger_recovered_fen"]
            e.wage_fen += c["ledger_wage_recovered_fen"]
    if days:
        from decimal import ROUND_HALF_UP, Decimal

        e.avg_days = f"{(Decimal(sum(days)) / len(days)).quantize(Decimal('0.1'), ROUND_HALF_UP)}"

    for r in _rows(db, "SELECT * FROM recoveries"):
        if r["archived_at"] or r["case_id"] not in live_cases:
            continue
        if start <= _d(r["received_on"]) <= end:  # type: ignore[operator]
            e.loss_fen += r["amount_fen"]
            if r["kind"] == "wage_arrears":
                e.wage_fen += r["amount_fen"]

    for d in _rows(db, "SELECT * FROM deadlines"):
        if d["archived_at"] or d["office_id"] not in office_ids:
            continue
        if d["case_id"] and d["case_id"] not in live_cases:
            continue
        due = _d(d["due_on"])
        assert due is not None
        if not (start <= due <= end and due < today):
            continue
        done_day = _beijing_day(d["done_at"]) if d["done_at"] else None
        if done_day is None or done_day > due:
            e.missed += 1

    for r in _rows(db, "SELECT * FROM referrals"):
        if r["archived_at"] or r["case_id"] not in live_cases or r["direction"] != "outgoing":
            continue
        if start <= _d(r["sent_on"]) <= end:  # type: ignore[operator]
            e.referrals_sent[r["body_type"]] += 1

    pre, post = [0, 0, 0], [0, 0, 0]
    for m in _rows(db, "SELECT * FROM mediations"):
        if m["archived_at"] or m["case_id"] not in live_cases:
            continue
        if start <= _d(m["started_on"]) <= end:  # type: ignore[operator]
            acc3 = pre if m["stage"] == "pre_arbitration" else post
            acc3[0] += 1
            acc3[1] += m["status"] == "agreed"
            acc3[2] += m["status"] in ("agreed", "failed", "withdrawn")
    e.med_pre, e.med_post = (pre[0], pre[1], pre[2]), (post[0], post[1], post[2])
    return e


def yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"
