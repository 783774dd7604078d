"""Checks that a desk database keeps the invariants facade-made data keeps, and a
checksum of its business content (for "same seed, same data").

Used by the tests and after a bulk load; the checks are plain SQL so they run on a
million cases in seconds.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from legalaid.db.engine import register_functions
from legalaid.errors import ValidationError
from legalaid.rules.identity import check_credit_code, check_id_number, check_phone


@dataclass
class Report:
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


COUNTED = (
    "offices", "staff", "employers", "people", "consultations", "cases", "case_applicants",
    "case_respondents", "wage_claims", "recoveries", "referrals", "mediations",
    "mediation_sessions", "proceedings", "hearings", "deadlines", "notes", "note_revisions",
    "audit_events",
)  # fmt: skip

# Business content per table, in a stable order: no keys or change stamps, which the
# facade path draws at random / from the clock.
CHECKSUM_QUERIES = (
    "SELECT name, case_prefix FROM offices ORDER BY name",
    "SELECT name, username, role_code FROM staff ORDER BY username",
    "SELECT c.number, c.title, c.status, c.outcome, c.dispute_type, c.other_dispute_types, "
    "c.source, c.handling_method, c.received_on, c.accepted_on, c.closed_on, c.worker_count, "
    "c.amount_claimed_fen, c.amount_awarded_fen, c.facts, s.username FROM cases c "
    "LEFT JOIN staff s ON s.id = c.lead_staff_id ORDER BY c.number",
    "SELECT c.number, a.position, a.role, p.name, p.id_number, p.phone, p.birth_date, "
    "p.employment_form, p.migrant_worker FROM case_applicants a JOIN cases c ON c.id = a.case_id "
    "JOIN people p ON p.id = a.person_id ORDER BY c.number, a.position",
    "SELECT c.number, r.position, r.role, e.name, e.credit_code FROM case_respondents r "
    "JOIN cases c ON c.id = r.case_id JOIN employers e ON e.id = r.employer_id "
    "ORDER BY c.number, r.position",
    "SELECT c.number, w.amount_fen, w.period_start, w.period_end FROM wage_claims w "
    "JOIN cases c ON c.id = w.case_id ORDER BY c.number, w.amount_fen, w.period_start",
    "SELECT c.number, r.received_on, r.amount_fen, r.kind, r.channel FROM recoveries r "
    "JOIN cases c ON c.id = r.case_id ORDER BY c.number, r.received_on, r.amount_fen",
    "SELECT c.number, d.rule_id, d.title, d.due_on, d.done_at IS NULL FROM deadlines d "
    "JOIN cases c ON c.id = d.case_id ORDER BY c.number, d.due_on, d.title, d.rule_id",
    "SELECT consulted_at, caller_name, topic, channel FROM consultations "
    "ORDER BY consulted_at, caller_name",
    "SELECT c.number, r.body FROM note_revisions r JOIN notes n ON n.id = r.note_id "
    "JOIN cases c ON c.id = n.case_id ORDER BY c.number, r.body",
)


def _connect(path: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    register_functions(conn)
    return conn


def checksum(path: str | Path) -> str:
    """SHA-256 over the business content of the database (numbers, names, IDs, amounts,
    dates, deadlines, notes), independent of keys and change stamps."""
    h = hashlib.sha256()
    with _connect(path) as conn:
        for q in CHECKSUM_QUERIES:
            h.update(q.encode())
            for row in conn.execute(q):
                h.update(repr(row).encode())
    return h.hexdigest()


def check(path: str | Path, *, sample: int = 2000, foreign_keys: bool = True) -> Report:
    """Check the invariants; ``sample`` ID numbers, credit codes and phones are
    validated with the core's rules (every one when ``sample`` is 0)."""
    rep = Report()
    conn = _connect(path)
    try:
        for t in COUNTED:
            rep.counts[t] = conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        q = conn.execute
        dup = q(
            "SELECT count(*) FROM (SELECT number FROM cases GROUP BY number HAVING count(*) > 1)"
        )
        if dup.fetchone()[0]:
            rep.problems.append("duplicate case numbers")
        dup = q(
            "SELECT count(*) FROM (SELECT 1 FROM cases GROUP BY office_id, year, seq "
            "HAVING count(*) > 1)"
        )
        if dup.fetchone()[0]:
            rep.problems.append("duplicate (office, year, seq)")
        behind = q(
            "SELECT count(*) FROM (SELECT office_id, year, max(seq) AS top FROM cases "
            "GROUP BY office_id, year) m LEFT JOIN case_number_counters k "
            "ON k.office_id = m.office_id AND k.year = m.year "
            "WHERE k.next_seq IS NULL OR k.next_seq <= m.top"
        ).fetchone()[0]
        if behind:
            rep.problems.append(f"{behind} case-number counters not past the highest number")
        wrong_year = q(
            "SELECT count(*) FROM cases WHERE year != CAST(substr(received_on, 1, 4) AS INTEGER)"
        )
        if wrong_year.fetchone()[0]:
            rep.problems.append("case year differs from the year received")
        order = q(
            "SELECT count(*) FROM cases WHERE accepted_on < received_on OR closed_on < "
            "coalesce(accepted_on, received_on)"
        ).fetchone()[0]
        if order:
            rep.problems.append(f"{order} cases with dates out of order")
        if foreign_keys:
            bad = q("PRAGMA foreign_key_check").fetchmany(5)
            if bad:
                rep.problems.append(f"foreign keys broken, e.g. {bad}")
        no_applicant = q(
            "SELECT count(*) FROM cases c WHERE NOT EXISTS "
            "(SELECT 1 FROM case_applicants a WHERE a.case_id = c.id)"
        ).fetchone()[0]
        if no_applicant:
            rep.problems.append(f"{no_applicant} cases without an applicant")
        for table in ("people", "employers", "cases", "consultations", "note_revisions"):
            n_fts = q(f"SELECT count(*) FROM fts_{table}").fetchone()[0]
            if n_fts != rep.counts.get(table, n_fts):
                rep.problems.append(f"search index of {table} has {n_fts} rows")
        limit = f"LIMIT {sample}" if sample else ""
        for (number,) in q(f"SELECT id_number FROM people WHERE id_number IS NOT NULL {limit}"):
            try:
                info = check_id_number(number)
                if info.warnings:
                    rep.problems.append(f"ID number {number}: {info.warnings[0]}")
            except ValidationError as exc:
                rep.problems.append(f"ID number {number}: {exc.errors[0].en}")
        for (code,) in q(
            f"SELECT credit_code FROM employers WHERE credit_code IS NOT NULL {limit}"
        ):
            try:
                check_credit_code(code)
            except ValidationError as exc:
                rep.problems.append(f"credit code {code}: {exc.errors[0].en}")
        for (phone,) in q(f"SELECT phone FROM people WHERE phone IS NOT NULL {limit}"):
            try:
                if check_phone(phone) != phone:
                    rep.problems.append(f"phone {phone} not in canonical form")
            except ValidationError as exc:
                rep.problems.append(f"phone {phone}: {exc.errors[0].en}")
    finally:
        conn.close()
    return rep
