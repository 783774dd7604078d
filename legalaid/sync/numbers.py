"""Case numbers that stay unique while desks work offline.

The service hands each desk blocks of sequence numbers per office and year
(``/v1/numbers``); the desk keeps them in ``sync_number_blocks``. Triggers installed
with the capture triggers keep ``case_number_counters.next_seq`` inside those blocks,
so the core's own numbering (``allocate_number``) only hands out numbers this desk
holds. When a desk runs out while offline, numbering continues past its block and
the service renumbers a case whose number another desk already used (the desk is
told in the push answer and the case's history keeps both).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from legalaid.sync.state import Conn

BLOCK_SIZE = 50
MIN_FREE = 20


def free_numbers(conn: Conn, office_id: str, year: int) -> int:
    row = conn.execute(
        "SELECT next_seq FROM case_number_counters WHERE office_id = ? AND year = ?",
        (office_id, year),
    ).fetchone()
    nxt = row[0] if row else 0
    total = conn.execute(
        'SELECT coalesce(sum("end" - max(start, ?) + 1), 0) FROM sync_number_blocks '
        'WHERE office_id = ? AND year = ? AND "end" >= ?',
        (nxt, office_id, year, nxt),
    ).fetchone()[0]
    return int(total)


def years_to_hold(today: date) -> list[int]:
    # In December a desk also holds numbers for January, in case it is offline then.
    return [today.year, today.year + 1] if today.month == 12 else [today.year]


def needed(conn: Conn, office_ids: list[str], today: date) -> list[tuple[str, int]]:
    return [
        (o, y)
        for o in office_ids
        for y in years_to_hold(today)
        if free_numbers(conn, o, y) < MIN_FREE
    ]


def add_block(conn: Conn, office_id: str, year: int, start: int, end: int) -> None:
    """Record a block and move the counter into it (creating the counter if needed)."""
    conn.execute(
        'INSERT OR IGNORE INTO sync_number_blocks (office_id, year, start, "end") '
        "VALUES (?, ?, ?, ?)",
        (office_id, year, start, end),
    )
    exists = conn.execute(
        "SELECT 1 FROM case_number_counters WHERE office_id = ? AND year = ?",
        (office_id, year),
    ).fetchone()
    if exists:
        # Re-setting the value fires the trigger that jumps into a held block.
        conn.execute(
            "UPDATE case_number_counters SET next_seq = next_seq WHERE office_id = ? AND year = ?",
            (office_id, year),
        )
    else:
        conn.execute(
            "INSERT INTO case_number_counters (office_id, year, next_seq) VALUES (?, ?, ?)",
            (office_id, year, start),
        )


def top_up(
    conn_read: Callable[[], list[tuple[str, int]]],
    reserve: Callable[[str, int, int], tuple[int, int]],
    store: Callable[[str, int, int, int], None],
) -> int:
    """Reserve blocks where a desk is running low; returns how many were added."""
    added = 0
    for office_id, year in conn_read():
        start, end = reserve(office_id, year, BLOCK_SIZE)
        store(office_id, year, start, end)
        added += 1
    return added
