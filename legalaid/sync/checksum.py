"""Table checksums, computed the same way on desks and on the service, so a desk can
check it holds exactly the service's rows for its offices."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from legalaid.sync import schema

MOD = 2**64


def row_checksum(cols: list[str], values: Iterable[Any]) -> int:
    """A 64-bit hash of one row's synchronised columns."""
    text = json.dumps(
        dict(zip(cols, values, strict=True)),
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def desk_checksums(conn: Any) -> dict[str, dict[str, Any]]:
    """Per replicated table: row count and the sum of row hashes (raw DB-API ``conn``)."""
    out: dict[str, dict[str, Any]] = {}
    for spec in schema.replicated():
        cols = list(spec.column_names)
        sel = ", ".join(f'"{c}"' for c in cols)
        n, total = 0, 0
        for row in conn.execute(f'SELECT {sel} FROM "{spec.name}"'):
            total = (total + row_checksum(cols, row)) % MOD
            n += 1
        out[spec.name] = {"count": n, "sum": str(total)}
    return out
