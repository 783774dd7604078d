"""Hybrid logical clock stamps.

A desk's stamp is one 63-bit integer: the wall-clock milliseconds shifted left by 16
bits plus a counter, ``max(now_ms << 16, last + 1, seen + 1)``. It is issued by the
capture triggers in SQL (see :mod:`legalaid.sync.capture`), so every write path is
stamped, and is strictly increasing per desk. The service orders stamps from
different desks as ``(hlc, node)``, ``node`` being the desk's number on the service:
a total order that breaks ties the same way everywhere.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

COUNTER_BITS = 16
# The service refuses stamps further ahead of its own clock than this.
MAX_FUTURE_MS = 5 * 60 * 1000


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def pack(ms: int, counter: int = 0) -> int:
    return (ms << COUNTER_BITS) + counter


def wall_ms(hlc: int) -> int:
    """The wall-clock part of a stamp, in milliseconds since the epoch."""
    return hlc >> COUNTER_BITS


def to_datetime(hlc: int) -> datetime:
    return datetime.fromtimestamp(wall_ms(hlc) / 1000, tz=UTC)


def next_stamp(last: int, seen: int = 0, wall: int | None = None) -> int:
    """The stamp after ``last`` given the highest stamp ``seen`` from elsewhere."""
    return max(pack(now_ms() if wall is None else wall), last + 1, seen + 1)


def stamp_key(hlc: int, node: int) -> str:
    """A text form that sorts like ``(hlc, node)``; stored in the service's cell stamps."""
    return f"{hlc:019d}.{node:06d}"


def parse_key(key: str) -> tuple[int, int]:
    hlc, node = key.split(".")
    return int(hlc), int(node)


def too_far_ahead(hlc: int, server_ms: int | None = None) -> bool:
    return wall_ms(hlc) > (now_ms() if server_ms is None else server_ms) + MAX_FUTURE_MS
