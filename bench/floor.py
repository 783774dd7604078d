"""The floor: bare SQLite doing the same work as each facade operation.

Hand-written SQL on a plain ``sqlite3`` connection with the desk's pragmas, fetching
the same rows the facade returns. The ratio facade / floor shows what the ORM, the
DTOs and the query shapes cost; a slow floor means the schema (indexes, FTS) is what
needs work.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from legalaid.db.engine import CACHE_KIB, register_functions
from legalaid.db.search_text import match_query

OPEN = ("intake", "eligibility_review", "accepted", "negotiation", "mediation", "arbitration",
        "litigation", "payment_order", "referred")  # fmt: skip
_OPEN_SQL = ",".join(f"'{s}'" for s in OPEN)

ROW_SQL = """
SELECT c.id, c.number, c.title, c.status, c.dispute_type, c.source, c.handling_method,
       c.received_on, c.accepted_on, c.closed_on, c.office_id, c.lead_staff_id,
       (SELECT name FROM staff WHERE staff.id = c.lead_staff_id),
       c.worker_count, c.amount_claimed_fen,
       (SELECT coalesce(sum(amount_fen), 0) FROM recoveries r
         WHERE r.case_id = c.id AND r.archived_at IS NULL),
       c.ledger_recovered_fen,
       (SELECT p.name FROM case_applicants a JOIN people p ON p.id = a.person_id
         WHERE a.case_id = c.id AND a.archived_at IS NULL ORDER BY a.position LIMIT 1),
       (SELECT e.name FROM case_respondents r JOIN employers e ON e.id = r.employer_id
         WHERE r.case_id = c.id AND r.archived_at IS NULL ORDER BY r.position LIMIT 1),
       (SELECT min(due_on) FROM deadlines d
         WHERE d.case_id = c.id AND d.done_at IS NULL AND d.archived_at IS NULL)
FROM ({inner}) c
ORDER BY c.received_on DESC, c.seq DESC
"""

# The page's cases first (sorted and limited), then the per-row figures for those only.
INNER = (
    "SELECT * FROM cases c WHERE {where} ORDER BY c.received_on DESC, c.seq DESC, c.rowid DESC "
    "{limit}"
)


def rows_sql(
    where: str = "c.archived_at IS NULL", limit: str = "LIMIT :limit OFFSET :offset"
) -> str:
    return ROW_SQL.format(inner=INNER.format(where=where, limit=limit))


def connect(path: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    register_functions(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # as the desk's connections
    return conn


def list_page(conn: sqlite3.Connection, offset: int, limit: int = 100) -> list[tuple[object, ...]]:
    """Count and one page of the case list, newest first."""
    conn.execute("SELECT count(*) FROM cases WHERE archived_at IS NULL").fetchone()
    return page_only(conn, offset, limit)


def page_only(conn: sqlite3.Connection, offset: int, limit: int = 100) -> list[tuple[object, ...]]:
    return conn.execute(rows_sql(), {"limit": limit, "offset": offset}).fetchall()


def _hits(table: str) -> str:
    """The rowids of ``table``'s search index matching :q, as the facade bounds them."""
    try:
        from legalaid.db.search_text import fts_rowids
    except ImportError:  # before the cap existed
        return f"SELECT rowid FROM fts_{table} WHERE fts_{table} MATCH :q"
    return str(fts_rowids(table))


def _case_ids_matching(q: str) -> str:
    del q
    try:
        from legalaid.db.search_text import SEARCH_CAP
    except ImportError:
        SEARCH_CAP = 2000

    def linked(link: str, key: str, party: str) -> str:
        return (
            f"SELECT case_id FROM (SELECT l.case_id FROM {link} l JOIN {party} p "
            f"ON p.id = l.{key} WHERE p.rowid IN ({_hits(party)}) "
            f"ORDER BY l.rowid DESC LIMIT {SEARCH_CAP})"
        )

    return (
        f"SELECT c.id FROM cases c WHERE c.rowid IN ({_hits('cases')}) "
        f"UNION {linked('case_applicants', 'person_id', 'people')} "
        f"UNION {linked('case_respondents', 'employer_id', 'employers')} "
        "UNION SELECT n.case_id FROM notes n WHERE n.id IN (SELECT note_id FROM note_revisions "
        f"WHERE rowid IN ({_hits('note_revisions')}))"
    )


def search_all(conn: sqlite3.Connection, query: str, limit: int = 50) -> int:
    """What the search box shows: matching cases, people, employers, consultations."""
    q = match_query(query)
    if q is None:
        return 0
    where = f"c.archived_at IS NULL AND c.id IN ({_case_ids_matching(q)})"
    n = len(conn.execute(rows_sql(where, "LIMIT :limit"), {"q": q, "limit": limit}).fetchall())
    for table, order in (("people", ""), ("employers", ""),
                         ("consultations", " ORDER BY consulted_at DESC")):  # fmt: skip
        n += len(
            conn.execute(
                f"SELECT * FROM {table} WHERE rowid IN ({_hits(table)}){order} LIMIT :limit",
                {"q": q, "limit": limit},
            ).fetchall()
        )
    return n


def search_list(conn: sqlite3.Connection, query: str, limit: int = 100) -> int:
    """The case list filtered by text: count and first page."""
    q = match_query(query)
    if q is None:
        return 0
    conn.execute(
        f"SELECT count(*) FROM cases c WHERE c.archived_at IS NULL AND c.id IN "
        f"({_case_ids_matching(q)})",
        {"q": q},
    ).fetchone()
    where = f"c.archived_at IS NULL AND c.id IN ({_case_ids_matching(q)})"
    return len(conn.execute(rows_sql(where, "LIMIT :limit"), {"q": q, "limit": limit}).fetchall())


def open_case(conn: sqlite3.Connection, case_id: str) -> int:
    """Everything the case screen shows, one query per part."""
    n = 0
    one = (case_id,)
    for sql in (
        "SELECT * FROM cases WHERE id = ?",
        "SELECT * FROM offices WHERE id = (SELECT office_id FROM cases WHERE id = ?)",
        "SELECT s.* FROM staff s JOIN case_staff cs ON cs.staff_id = s.id WHERE cs.case_id = ?",
        "SELECT a.*, p.* FROM case_applicants a JOIN people p ON p.id = a.person_id "
        "WHERE a.case_id = ? ORDER BY a.position",
        "SELECT r.*, e.* FROM case_respondents r JOIN employers e ON e.id = r.employer_id "
        "WHERE r.case_id = ? ORDER BY r.position",
        "SELECT * FROM wage_claims WHERE case_id = ?",
        "SELECT * FROM recoveries WHERE case_id = ? ORDER BY received_on",
        "SELECT * FROM instalments WHERE case_id = ?",
        "SELECT * FROM referrals WHERE case_id = ?",
        "SELECT m.*, s.* FROM mediations m LEFT JOIN mediation_sessions s "
        "ON s.mediation_id = m.id WHERE m.case_id = ?",
        "SELECT p.*, h.* FROM proceedings p LEFT JOIN hearings h ON h.proceeding_id = p.id "
        "WHERE p.case_id = ?",
        "SELECT * FROM deadlines WHERE case_id = ? ORDER BY due_on",
        "SELECT n.*, r.* FROM notes n JOIN note_revisions r ON r.note_id = n.id "
        "WHERE n.case_id = ?",
        "SELECT * FROM documents WHERE case_id = ?",
    ):
        n += len(conn.execute(sql, one).fetchall())
    # The facade records that the parties' personal data was viewed: one durable write.
    conn.execute("BEGIN IMMEDIATE")
    audit(conn, "view", case_id, '{"people": []}')
    conn.execute("COMMIT")
    return n


def audit(conn: sqlite3.Connection, action: str, case_id: str, after: str) -> None:
    """Append one event to the audit hash chain (so the bench database stays valid)."""
    import uuid
    from datetime import UTC, datetime

    from legalaid.services.audit import GENESIS, event_hash

    last = conn.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at = datetime.now(UTC)
    ev = str(uuid.uuid4())
    fields = {"id": ev, "seq": seq, "at": at.isoformat(), "office_id": None, "staff_id": None,
              "action": action, "entity": "case", "entity_id": case_id, "case_id": case_id,
              "before": None, "after": after}  # fmt: skip
    conn.execute(
        'INSERT INTO audit_events (id, seq, at, office_id, staff_id, action, entity, entity_id, '
        'case_id, "before", "after", prev_hash, hash) VALUES (?, ?, ?, NULL, NULL, ?, \'case\', '
        "?, ?, NULL, ?, ?, ?)",
        (ev, seq, at.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds"), action,
         case_id, case_id, after, prev, event_hash(prev, fields)),
    )  # fmt: skip


def save_case(conn: sqlite3.Connection, case_id: str, facts: str) -> None:
    """One descriptive edit with its audit row, committed durably."""
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "UPDATE cases SET facts = ?, version = version + 1, updated_at = "
        "strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = ?",
        (facts, case_id),
    )
    audit(conn, "update", case_id, '{"facts": "..."}')
    conn.execute("COMMIT")


def dashboard(conn: sqlite3.Connection, staff_id: str | None, today: date) -> int:
    month = today.replace(day=1).isoformat()
    n = 0
    q = conn.execute
    if staff_id:
        where = (
            f"c.archived_at IS NULL AND c.status IN ({_OPEN_SQL}) AND "
            "(c.lead_staff_id = :s OR EXISTS (SELECT 1 FROM case_staff cs WHERE "
            "cs.case_id = c.id AND cs.staff_id = :s AND cs.archived_at IS NULL))"
        )
        n += len(q(rows_sql(where, "LIMIT 50"), {"s": staff_id}).fetchall())
    q(
        f"SELECT count(*) FROM cases WHERE archived_at IS NULL AND status IN ({_OPEN_SQL})"
    ).fetchone()
    q("SELECT count(*) FROM consultations WHERE consulted_at >= ? AND archived_at IS NULL",
      (month,)).fetchone()  # fmt: skip
    q("SELECT count(*) FROM cases WHERE accepted_on >= ? AND archived_at IS NULL",
      (month,)).fetchone()  # fmt: skip
    q("SELECT count(*) FROM cases WHERE closed_on >= ? AND status = 'closed' AND "
      "archived_at IS NULL", (month,)).fetchone()  # fmt: skip
    q("SELECT coalesce(sum(amount_fen), 0) FROM recoveries WHERE received_on >= ? AND "
      "archived_at IS NULL", (month,)).fetchone()  # fmt: skip
    deadlines = (
        "SELECT d.*, c.number, s.name FROM deadlines d LEFT JOIN cases c ON c.id = d.case_id "
        "LEFT JOIN staff s ON s.id = d.responsible_id WHERE d.archived_at IS NULL AND "
        f"(d.case_id IS NULL OR c.status IN ({_OPEN_SQL})) AND d.done_at IS NULL "
        "AND d.due_on BETWEEN ? AND ? ORDER BY d.due_on LIMIT 100"
    )
    n += len(q(deadlines, ("0000-01-01", (today - timedelta(days=1)).isoformat())).fetchall())
    n += len(q(deadlines, (today.isoformat(), (today + timedelta(days=7)).isoformat())).fetchall())
    n += len(
        q(
            "SELECT k.*, s.name, c.number FROM consultations k LEFT JOIN staff s "
            "ON s.id = k.staff_id LEFT JOIN cases c ON c.id = k.case_id WHERE "
            "k.archived_at IS NULL ORDER BY k.consulted_at DESC LIMIT 10"
        ).fetchall()
    )
    return n


def monthly_summary(conn: sqlite3.Connection, start: date, end: date) -> int:
    """The core figures of a month: cases accepted / closed / open by dispute type, source
    and method, workers concerned, consultations by channel, money recovered by kind."""
    a, b = start.isoformat(), end.isoformat()
    n = 0
    for sql, args in (
        ("SELECT dispute_type, source, handling_method, count(*), sum(worker_count), "
         "sum(amount_claimed_fen) FROM cases WHERE archived_at IS NULL AND accepted_on "
         "BETWEEN ? AND ? GROUP BY 1, 2, 3", (a, b)),
        ("SELECT dispute_type, outcome, count(*) FROM cases WHERE archived_at IS NULL AND "
         "status = 'closed' AND closed_on BETWEEN ? AND ? GROUP BY 1, 2", (a, b)),
        ("SELECT dispute_type, count(*) FROM cases WHERE archived_at IS NULL AND "
         "received_on <= ? AND (closed_on IS NULL OR closed_on > ?) GROUP BY 1", (b, b)),
        ("SELECT channel, topic, count(*), sum(worker_count) FROM consultations WHERE "
         "archived_at IS NULL AND consulted_at >= ? AND consulted_at < date(?, '+1 day') "
         "GROUP BY 1, 2", (a, b)),
        ("SELECT kind, channel, count(*), sum(amount_fen) FROM recoveries WHERE archived_at "
         "IS NULL AND received_on BETWEEN ? AND ? GROUP BY 1, 2", (a, b)),
        ("SELECT p.migrant_worker, p.employment_form, count(*) FROM cases c JOIN "
         "case_applicants ca ON ca.case_id = c.id JOIN people p ON p.id = ca.person_id WHERE "
         "c.archived_at IS NULL AND c.accepted_on BETWEEN ? AND ? GROUP BY 1, 2", (a, b)),
        ("SELECT body_type, status, count(*) FROM referrals WHERE sent_on BETWEEN ? AND ? "
         "GROUP BY 1, 2", (a, b)),
        ("SELECT status, count(*), sum(agreement_amount_fen) FROM mediations WHERE "
         "started_on BETWEEN ? AND ? GROUP BY 1", (a, b)),
    ):  # fmt: skip
        n += len(conn.execute(sql, args).fetchall())
    return n


def backup(src: sqlite3.Connection, dest: Path) -> None:
    dst = sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        dst.close()
