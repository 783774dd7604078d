"""Cell stamps on the service: a later write wins a cell even when it repeats the value."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from legalaid.server import tables as T
from legalaid.server.store import Store
from legalaid.sync import hlc as H
from tests.sync.helpers import ServerThread, World, case_input, seed_world
from tests.sync.test_service import headers, login


@pytest.fixture
def world(
    service: ServerThread, store: Store, desk_template: Path, tmp_path: Path
) -> Iterator[World]:
    w = seed_world(store, service.url, desk_template, tmp_path, ["a1", "sup"])
    yield w
    w.close()


@pytest.fixture
def http(service: ServerThread) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=service.url, timeout=30) as client:
        yield client


def _push(http: httpx.Client, desk_id: str, token: str, change: dict[str, Any]) -> dict[str, Any]:
    resp = http.post(
        "/v1/push",
        json={"desk_id": desk_id, "batch_id": uuid.uuid4().hex[:20], "changes": [change]},
        headers=headers(token),
    )
    assert resp.status_code == 200, resp.text
    result: dict[str, Any] = resp.json()["results"][0]
    return result


def _facts(case_id: str, facts: str, before: str | None, hlc: int) -> dict[str, Any]:
    return {
        "change_id": uuid.uuid4().hex,
        "tbl": "cases",
        "pk": case_id,
        "op": "U",
        "new": {"facts": facts},
        "old": {"facts": before},
        "hlc": hlc,
    }


def _cell(store: Store, case_id: str, col: str) -> tuple[Any, str]:
    with store.read() as conn:
        row = conn.execute(
            T.rows.select().where(T.rows.c.tbl == "cases", T.rows.c.pk == case_id)
        ).one()
    data, stamps = json.loads(row.data), json.loads(row.stamps)
    return data[col], stamps.get(col, stamps["*"])


def test_a_later_write_of_the_same_value_keeps_the_cell(
    world: World, http: httpx.Client, store: Store
) -> None:
    """Two desks write the same text; the later one's stamp holds the cell, so a write
    older than it, arriving last, loses instead of overwriting the later write."""
    a1 = world.desks[0]
    case = a1.col.cases.create(case_input(a1)).value
    a1.sync()
    desk_a, desk_s = str(uuid.uuid4()), str(uuid.uuid4())
    token_a, token_s = login(http, "a1", desk_a), login(http, "sup", desk_s)
    t = H.pack(H.now_ms())

    first = _push(http, desk_a, token_a, _facts(case.id, "补充事实", None, t + 1))
    assert first["status"] == "accepted"
    later = _facts(case.id, "补充事实", None, t + 3)
    second = _push(http, desk_s, token_s, later)
    assert second["status"] == "accepted"
    value, stamp = _cell(store, case.id, "facts")
    assert value == "补充事实"
    with store.read() as conn:
        node_s = conn.scalar(
            T.changes.select().with_only_columns(T.changes.c.node)
            .where(T.changes.c.change_id == later["change_id"])
        )
    # The acknowledged write's stamp holds the cell although the value did not change.
    assert stamp == H.stamp_key(t + 3, node_s)

    # Made between the two, arriving last: the later write of 补充事实 wins.
    older = _push(http, desk_a, token_a, _facts(case.id, "另一事实", "补充事实", t + 2))
    assert older["status"] == "superseded"
    assert _cell(store, case.id, "facts") == ("补充事实", H.stamp_key(t + 3, node_s))


def test_choosing_the_current_value_still_stamps_the_resolution(
    world: World, http: httpx.Client, store: Store
) -> None:
    """Resolving a conflict in favour of the value already in the cell gives the cell the
    resolution's stamp, newer than every candidate, like any other resolution."""
    a1 = world.desks[0]
    case = a1.col.cases.create(case_input(a1, amount=1_000_000)).value
    a1.sync()
    desk_a, desk_s = str(uuid.uuid4()), str(uuid.uuid4())
    token_a, token_s = login(http, "a1", desk_a), login(http, "sup", desk_s)
    t = H.pack(H.now_ms())

    def amount(value: int, hlc: int) -> dict[str, Any]:
        return {"change_id": uuid.uuid4().hex, "tbl": "cases", "pk": case.id, "op": "U",
                "new": {"amount_claimed_fen": value},
                "old": {"amount_claimed_fen": 1_000_000}, "hlc": hlc}

    assert _push(http, desk_a, token_a, amount(2_000_000, t + 1))["status"] == "accepted"
    clash = _push(http, desk_s, token_s, amount(3_000_000, t + 2))
    assert clash["status"] == "conflict"
    with store.read() as conn:
        (rec,) = [json.loads(r.data) for r in conn.execute(T.conflicts.select())]
    newest = max(c["stamp"] for c in rec["candidates"])
    resolution = {"change_id": uuid.uuid4().hex, "tbl": "sync_conflicts", "pk": rec["id"],
                  "op": "R", "new": {"value": 2_000_000}, "old": None, "hlc": t + 3}
    assert _push(http, desk_s, token_s, resolution)["status"] == "accepted"
    value, stamp = _cell(store, case.id, "amount_claimed_fen")
    assert value == 2_000_000
    assert stamp > newest
    assert H.parse_key(stamp)[0] > t + 3
