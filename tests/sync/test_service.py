"""The sync service over HTTP: sign-in and tokens, schema versions, clear 4xx refusals
(never a 500), rights per office, idempotent batches, clock skew."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legalaid.inputs import CaseUpdate
from legalaid.server import tables as T
from legalaid.server.store import Store
from legalaid.sync import hlc as H
from legalaid.sync import schema, state
from legalaid.sync.client import SyncError
from tests.sync.helpers import PASSWORD, ServerThread, World, case_input, seed_world


@pytest.fixture
def world(
    service: ServerThread, store: Store, desk_template: Path, tmp_path: Path
) -> Iterator[World]:
    w = seed_world(store, service.url, desk_template, tmp_path, ["a1", "b1", "sup"])
    yield w
    w.close()


@pytest.fixture
def http(service: ServerThread) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=service.url, timeout=30) as client:
        yield client


def headers(token: str | None = None, rev: str | None = None) -> dict[str, str]:
    from legalaid.db import migrate

    h = {
        "X-Legalaid-Schema": rev or migrate.head_revision(),
        "X-Legalaid-Sync-Schema": schema.fingerprint(),
    }
    if token:
        h["Authorization"] = f"Bearer {token}"
    return h


def login(http: httpx.Client, user: str, desk_id: str | None = None) -> str:
    resp = http.post(
        "/v1/login",
        json={"username": user, "password": PASSWORD, "desk_id": desk_id or str(uuid.uuid4())},
        headers=headers(),
    )
    assert resp.status_code == 200, resp.text
    return str(resp.json()["token"])


def store_state(store: Store) -> tuple[Any, ...]:
    with store.read() as conn:
        return (
            sorted((r.tbl, r.pk, r.data) for r in conn.execute(T.rows.select())),
            len(conn.execute(T.log.select()).all()),
            len(conn.execute(T.changes.select()).all()),
        )


# -- sign-in ---------------------------------------------------------------------------------------


def test_password_token_revocation(world: World, http: httpx.Client, store: Store) -> None:
    bad = http.post(
        "/v1/login",
        json={"username": "a1", "password": "wrong-password", "desk_id": str(uuid.uuid4())},
        headers=headers(),
    )
    assert bad.status_code == 401 and bad.json()["error"]["code"] == "bad_credentials"
    assert http.get("/v1/scope", headers=headers()).status_code == 401
    assert http.get("/v1/scope", headers=headers("made-up")).status_code == 401

    token = login(http, "a1")
    scope = http.get("/v1/scope", headers=headers(token)).json()
    assert scope["write_offices"] == [world.offices["F"]]
    assert http.post("/v1/logout", headers=headers(token)).status_code == 200
    assert http.get("/v1/scope", headers=headers(token)).status_code == 401

    token = login(http, "a1")
    assert store.revoke_tokens("a1") >= 1
    assert http.get("/v1/scope", headers=headers(token)).status_code == 401

    token = login(http, "a1")
    store.update_user("a1", active=False)
    assert http.get("/v1/scope", headers=headers(token)).status_code == 401
    assert http.post(
        "/v1/login",
        json={"username": "a1", "password": PASSWORD, "desk_id": str(uuid.uuid4())},
        headers=headers(),
    ).status_code == 401


def test_store_keeps_only_password_and_token_hashes(world: World, http: httpx.Client,
                                                    store: Store) -> None:
    token = login(http, "a1")
    with store.read() as conn:
        dump = json.dumps([list(map(str, r)) for r in conn.execute(T.users.select())])
        dump += json.dumps([list(map(str, r)) for r in conn.execute(T.tokens.select())])
    assert PASSWORD not in dump and token not in dump
    assert "$argon2id$" in dump


# -- schema versions -----------------------------------------------------------------


def test_older_desk_is_told_to_upgrade_and_keeps_its_changes(
    world: World, http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = login(http, "a1")
    old = http.get("/v1/pull", headers={**headers(token, rev="0002"),
                                        "X-Legalaid-Sync-Schema": "0123456789abcdef"})
    assert old.status_code == 426
    assert old.json()["error"]["code"] == "upgrade_required"
    assert "升级" in old.json()["error"]["zh"]
    newer = http.get("/v1/pull", headers={**headers(token, rev="9999"),
                                          "X-Legalaid-Sync-Schema": "fedcba9876543210"})
    assert newer.status_code == 409 and newer.json()["error"]["code"] == "server_outdated"
    missing = http.get("/v1/pull", headers={"Authorization": f"Bearer {token}"})
    assert missing.status_code == 422

    # A desk program on an older schema: the sync stops with the reason, nothing is lost.
    a1 = world.desks[0]
    a1.col.cases.create(case_input(a1))
    pending = state.status(a1.col).pending_changes
    import legalaid.sync.client as client_mod

    class OldSchema:
        @staticmethod
        def fingerprint() -> str:
            return "0123456789abcdef"

    monkeypatch.setattr(client_mod, "schema", OldSchema)
    a1.client.schema_rev = "0002"
    with pytest.raises(SyncError) as err:
        a1.sync()
    assert err.value.code == "upgrade_required" and err.value.status == 426
    st_ = state.status(a1.col)
    assert st_.pending_changes == pending
    assert st_.last_error and "upgrade" in st_.last_error


# -- malformed payloads -----------------------------------------------------------------


def _change(**kw: Any) -> dict[str, Any]:
    pk = str(uuid.uuid4())
    base = {
        "change_id": uuid.uuid4().hex,
        "tbl": "people",
        "pk": pk,
        "op": "U",
        "new": {"name": "王五"},
        "old": {"name": "王", "updated_at": None, "archived_at": None},
        "hlc": H.pack(H.now_ms()),
    }
    base.update(kw)
    return base


BAD_CHANGES = [
    {"tbl": "no_such_table"},
    {"new": {"no_such_column": 1}},
    {"new": {"name": 1.5}},
    {"new": {"name": ["list"]}},
    {"new": {"union_member": True}},
    {"new": {"birth_date": "2024-13-45x"}},
    {"op": "X"},
    {"op": "I", "new": {"name": "缺字段"}},
    {"op": "U", "old": None},
    {"hlc": -5},
    {"hlc": "soon"},
    {"change_id": "not-hex"},
    {"extra": "field"},
    {"new": {"id": "other"}},
    {"op": "R", "tbl": "sync_conflicts", "new": {"other": 1}},
]


@pytest.mark.parametrize("bad", BAD_CHANGES, ids=[json.dumps(b)[:40] for b in BAD_CHANGES])
def test_malformed_changes_are_refused_with_422(
    world: World, http: httpx.Client, store: Store, bad: dict[str, Any]
) -> None:
    desk_id = str(uuid.uuid4())
    token = login(http, "a1", desk_id)
    before = store_state(store)
    body = {"desk_id": desk_id, "batch_id": "b1", "changes": [_change(**bad)]}
    resp = http.post("/v1/push", json=body, headers=headers(token))
    assert resp.status_code == 422, resp.text
    err = resp.json()["error"]
    assert err["code"] == "malformed" and err["zh"] and err["en"]
    assert store_state(store) == before


def test_unparseable_and_oversized_bodies(world: World, http: httpx.Client) -> None:
    desk_id = str(uuid.uuid4())
    token = login(http, "a1", desk_id)
    h = {**headers(token), "Content-Type": "application/json"}
    assert http.post("/v1/push", content=b"{not json", headers=h).status_code == 422
    assert http.post("/v1/push", content=b"[]", headers=h).status_code == 422
    big = {"desk_id": desk_id, "batch_id": "b", "changes": [_change() for _ in range(1001)]}
    assert http.post("/v1/push", json=big, headers=headers(token)).status_code == 422
    assert http.get("/v1/pull?cursor=-1", headers=headers(token)).status_code == 422
    assert http.get("/v1/pull?cursor=abc", headers=headers(token)).status_code == 422
    assert http.get("/v1/snapshot?after=[1", headers=headers(token)).status_code == 422
    assert http.get("/v1/snapshot?table=x", headers=headers(token)).status_code == 422
    assert http.post("/v1/rows", json={"keys": [["a"]]}, headers=headers(token)).status_code == 422


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=8,
)


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
def test_random_payloads_never_crash_the_service(
    world: World, http: httpx.Client, store: Store
) -> None:
    desk_id = str(uuid.uuid4())
    token = login(http, "a1", desk_id)
    h = headers(token)

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        body=st.fixed_dictionaries(
            {"desk_id": st.just(desk_id), "batch_id": st.text(min_size=1, max_size=5)},
            optional={
                "changes": st.lists(
                    st.fixed_dictionaries(
                        {
                            "change_id": st.sampled_from([uuid.uuid4().hex, "x"]),
                            "tbl": st.sampled_from(["people", "cases", "roles", "zzz"]),
                            "pk": st.text(max_size=40),
                            "op": st.sampled_from(["I", "U", "R", "D"]),
                            "new": st.dictionaries(
                                st.sampled_from(["name", "id", "amount_claimed_fen", "office_id",
                                                 "archived_at", "x"]),
                                json_values,
                                max_size=4,
                            ),
                            "hlc": st.integers(min_value=-5, max_value=2**64),
                        },
                        optional={"old": st.none() | st.dictionaries(
                            st.sampled_from(["name", "updated_at"]), json_values, max_size=2)},
                    ),
                    max_size=3,
                )
            },
        )
        | json_values
    )
    def check(body: Any) -> None:
        resp = http.post("/v1/push", json=body, headers=h)
        assert resp.status_code < 500, resp.text
        if resp.status_code >= 400:
            assert set(resp.json()["error"]) >= {"code", "zh", "en"}

    check()


# -- clock skew -----------------------------------------------------------------


def test_stamps_far_ahead_are_refused_and_the_desk_corrects_its_clock(
    world: World, http: httpx.Client, store: Store
) -> None:
    a1 = world.desks[0]
    with state.raw_write(a1.col) as conn:  # this desk's clock runs 10 minutes fast
        conn.execute("DROP VIEW sync_now")
        conn.execute("CREATE VIEW sync_now AS SELECT CAST(round((julianday('now') - "
                     "2440587.5) * 86400000.0) AS INTEGER) + 600000 AS ms")
    case = a1.col.cases.create(case_input(a1)).value

    before = store_state(store)
    with state.raw_read(a1.col) as conn:
        token = state.get(conn, "token")
        from legalaid.sync import outbox

        batch = outbox.next_batch(conn, 500)
    resp = http.post("/v1/push", json={"desk_id": a1.client.desk_id, "batch_id": "x",
                                       "changes": batch}, headers=headers(token))
    assert resp.status_code == 422
    err = resp.json()["error"]
    assert err["code"] == "clock_ahead" and "分钟" in err["zh"]
    assert err["details"]["desk_time_ms"] - err["details"]["server_time_ms"] > 500_000
    assert store_state(store) == before

    report = a1.sync()
    assert report.clock_adjusted >= 1
    assert report.outcomes == {"accepted": report.pushed}
    offset = state.status(a1.col).clock_offset_ms
    assert -620_000 < offset < -580_000
    a1.col.cases.update(case.id, CaseUpdate(
        expected_version=a1.col.cases.get(case.id).version, facts="校正后"))
    assert a1.sync().clock_adjusted == 0


# -- rights per office -----------------------------------------------------------------


def test_desks_receive_only_their_offices(world: World) -> None:
    a1, b1, sup = world.desks
    fc = a1.col.cases.create(case_input(a1, title="市总案件")).value
    dc = b1.col.cases.create(case_input(b1, title="区总案件")).value
    for d in (a1, b1, sup, a1, b1, sup):
        d.sync()

    def local_cases(desk: Any) -> set[str]:
        with state.raw_read(desk.col) as conn:
            return {r[0] for r in conn.execute("SELECT id FROM cases")}

    assert local_cases(a1) == {fc.id}
    assert local_cases(b1) == {dc.id}
    assert local_cases(sup) == {fc.id, dc.id}  # a federation supervisor reads districts
    for d in (a1, b1, sup):
        assert d.client.verify() == []


def test_changes_outside_the_users_rights_are_refused(
    world: World, http: httpx.Client, store: Store
) -> None:
    _a1, b1, sup = world.desks
    dc = b1.col.cases.create(case_input(b1, title="区总案件")).value
    b1.sync()
    sup.sync()

    # Raw: a district member pushing a federation office's row gets 403, nothing stored.
    desk_id = str(uuid.uuid4())
    token = login(http, "b1", desk_id)
    before = store_state(store)
    fed = _change(op="U", tbl="offices", pk=world.offices["F"], new={"phone": "0791-86123456"},
                  old={"phone": None, "updated_at": None, "archived_at": None})
    resp = http.post("/v1/push", json={"desk_id": desk_id, "batch_id": "x", "changes": [fed]},
                     headers=headers(token))
    assert resp.status_code == 403
    assert resp.json()["error"]["details"][0]["change_id"] == fed["change_id"]
    assert store_state(store) == before

    # The supervisor may read the district's case but not change it: the edit is
    # refused, the desk takes back the service's version and shows a refused change.
    case = sup.col.cases.get(dc.id)
    sup.col.cases.update(dc.id, CaseUpdate(expected_version=case.version, facts="越权修改"))
    report = sup.sync()
    assert report.refused == 1
    assert sup.col.cases.get(dc.id).facts == dc.facts
    assert state.status(sup.col).rejected_changes == 1
    assert state.status(sup.col).pending_changes == 0
    assert sup.client.verify() == []


# -- idempotent batches -----------------------------------------------------------------


def test_a_batch_sent_twice_is_applied_once(world: World, http: httpx.Client,
                                            store: Store) -> None:
    a1 = world.desks[0]
    case = a1.col.cases.create(case_input(a1)).value
    a1.col.cases.update(case.id, CaseUpdate(expected_version=a1.col.cases.get(case.id).version,
                                            amount_claimed=5_000_000))
    a1.http.faults.append(("/v1/push", "lose"))
    with pytest.raises(SyncError) as err:
        a1.sync()
    assert err.value.code == "offline"
    applied = store_state(store)
    first = a1.http.last_push
    assert first is not None
    report = a1.sync()  # sends the same batch again
    assert report.outcomes == {"accepted": report.pushed}
    assert store_state(store)[0] == applied[0]
    assert store_state(store)[2] == applied[2]
    with state.raw_read(a1.col) as conn:
        token = state.get(conn, "token")
    again = http.post("/v1/push", json=first, headers=headers(token)).json()["results"]
    assert {r["status"] for r in again} == {"accepted"}
    assert store_state(store)[0] == applied[0]
