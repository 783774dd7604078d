"""How values look in the interface."""

from __future__ import annotations

from datetime import date, datetime

from legalaid.rules.money import format_yuan


def money(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen)


def day(d: date | None) -> str:
    return d.isoformat() if d else ""


def moment(ts: datetime | None) -> str:
    """A timestamp in local time, to the minute."""
    if ts is None:
        return ""
    if ts.tzinfo is not None:
        ts = ts.astimezone()
    return ts.strftime("%Y-%m-%d %H:%M")
