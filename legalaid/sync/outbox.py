"""The desk's outbox: the pending part of ``sync_log``, read in batches and settled by
the service's answers.

States: 0 pending, 1 acknowledged (the service's status kept in ``status``), 2 refused
or replaced (kept, with the reason, for the record and the status bar).
"""

from __future__ import annotations

import json
from typing import Any

from legalaid.sync import hlc as H
from legalaid.sync.apply import Applier
from legalaid.sync.state import Conn

PENDING, ACKED, REFUSED = 0, 1, 2


def next_batch(conn: Conn, limit: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT change_id, tbl, pk, op, new, old, hlc FROM sync_log WHERE state = 0 "
        "ORDER BY seq LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        {
            "change_id": r[0],
            "tbl": r[1],
            "pk": r[2],
            "op": r[3],
            "new": json.loads(r[4]) if r[4] else {},
            "old": json.loads(r[5]) if r[5] is not None else None,
            "hlc": r[6],
        }
        for r in rows
    ]


def settle(conn: Conn, results: list[dict[str, Any]]) -> None:
    """Record the service's answers and take its values where this desk's lost.

    Runs in an applying transaction; cells with newer pending edits keep them.
    """
    applier = Applier(conn)
    for res in results:
        conn.execute(
            "UPDATE sync_log SET state = ?, status = ?, detail = ? WHERE change_id = ?",
            (
                REFUSED if res["status"] == "rejected" else ACKED,
                res.get("reason") or res["status"],
                json.dumps(res, ensure_ascii=False),
                res["change_id"],
            ),
        )
    # The answers are settled; now the rows (pending excludes what was just acked).
    applier.pending = applier._pending_cells()
    for res in results:
        if res.get("conflict"):
            applier.conflict(res["conflict"])
        if res.get("current") and res.get("table"):
            applier.row(res["table"], res["pk"], res["current"])


def refuse(conn: Conn, change_ids: list[str], reason: str, detail: Any) -> None:
    for cid in change_ids:
        conn.execute(
            "UPDATE sync_log SET state = 2, status = ?, detail = ? WHERE change_id = ?",
            (reason, json.dumps(detail, ensure_ascii=False), cid),
        )


def restamp(conn: Conn, server_ms: int) -> int:
    """After the service refused stamps from a fast clock: align the desk clock with the
    service and move the pending stamps that are in the future back to now, keeping
    their order. Returns how many were moved."""
    desk_ms = conn.execute("SELECT ms FROM sync_now").fetchone()[0]
    conn.execute("UPDATE sync_local SET clock_offset_ms = ? WHERE id = 1", (server_ms - desk_ms,))
    ahead = conn.execute(
        "SELECT seq FROM sync_log WHERE state = 0 AND hlc > ? ORDER BY seq",
        (H.pack(server_ms),),
    ).fetchall()
    if not ahead:
        return 0
    first = ahead[0][0]
    below = conn.execute(
        "SELECT coalesce(max(hlc), 0) FROM sync_log WHERE seq < ?", (first,)
    ).fetchone()[0]
    floor = conn.execute("SELECT hlc_floor FROM sync_local WHERE id = 1").fetchone()[0]
    # The floor only holds stamps the service accepted, so it is never too far ahead.
    base = max(H.pack(server_ms), below + 1, floor + 1)
    for i, (seq,) in enumerate(ahead):
        conn.execute("UPDATE sync_log SET hlc = ? WHERE seq = ?", (base + i, seq))
    return len(ahead)


def pending_count(conn: Conn) -> int:
    return int(conn.execute("SELECT count(*) FROM sync_log WHERE state = 0").fetchone()[0])
