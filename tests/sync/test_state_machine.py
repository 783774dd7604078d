"""Model-based test of the whole sync: 3-5 desks in 2 offices work through the Collection
facade while Hypothesis picks the order of writes and syncs, loses and duplicates
responses, crashes desks part-way through a batch and skews their clocks by ±10
minutes. After everyone has synchronised:

- every replica holds exactly the service's rows for its offices (checksums),
- every desk holds exactly the service's conflicts for its offices,
- every acknowledged write is the current value, superseded by a later stamp, or held
  in exactly one conflict; no archived record came back without a resolved conflict,
- replaying a batch changes nothing,
- no desk's cursor ever went backwards.

CI=true runs 200 examples; locally fewer (LEGALAID_SYNC_EXAMPLES overrides).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    rule,
    run_state_machine_as_test,
)

from legalaid.errors import LegalAidError
from legalaid.inputs import CaseUpdate, RecoveryInput
from legalaid.server import tables as T
from legalaid.server.store import Store
from legalaid.sync import hlc as H
from legalaid.sync import state
from legalaid.sync.client import SyncError
from legalaid.sync.conflicts import ConflictService
from tests.sync.helpers import (
    USERS,
    Desk,
    ServerThread,
    case_input,
    open_desk,
    seed_world,
)

CI = os.environ.get("CI", "").lower() == "true"
EXAMPLES = int(os.environ.get("LEGALAID_SYNC_EXAMPLES", "200" if CI else "12"))
settings.register_profile(
    "sync-ci",
    max_examples=200,
    stateful_step_count=40,
    deadline=None,
    # CI replays the same 200 runs every time, so a red build always means a change
    # broke something; new seeds are explored by runs with LEGALAID_SYNC_SEED set.
    derandomize=not os.environ.get("LEGALAID_SYNC_SEED"),
    suppress_health_check=list(HealthCheck),
)
settings.register_profile(
    "sync-dev",
    max_examples=12,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
STATS: Counter[str] = Counter()
PROFILE = settings(settings.get_profile("sync-ci" if CI else "sync-dev"), max_examples=EXAMPLES)

DESK_USERS = list(USERS)  # a1 (F), b1 (D), a2 (F), sup (F, reads D), b2 (D)
FAULTS = ["none", "none", "none", "lose_push", "dup_push", "lose_pull", "crash_push",
          "crash_pull"]


class SimulatedCrash(Exception):
    """The desk process dies part-way through applying a batch."""


def _crash_once(desk: Desk, stage: str) -> None:
    def hook(at: str, _rows: int) -> None:
        if at == stage:
            desk.client.on_page = None
            raise SimulatedCrash(stage)

    desk.client.on_page = hook


class SyncMachine(RuleBasedStateMachine):
    server: ServerThread
    seed: Path
    scratch: Path

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(dir=self.scratch))
        shutil.copytree(self.seed, self.dir / "w")
        self.store = Store.open(f"sqlite:///{self.dir / 'w' / 'store.db'}", upgrade=False)
        self.server.use(self.store)
        self.desks: list[Desk] = []
        self.cases: list[str] = []

    @initialize(n=st.integers(min_value=3, max_value=5))
    def open_desks(self, n: int) -> None:
        for u in DESK_USERS[:n]:
            self.desks.append(open_desk(self.dir / "w" / f"{u}.db", self.server.url, u))
        # One case per office that every desk of the office holds, to work on at once.
        for desk in self.desks[:2]:
            self.cases.append(desk.col.cases.create(case_input(desk)).value.id)
        self.everyone_syncs()

    # -- helpers -------------------------------------------------------------------------

    def _desk(self, i: int) -> Desk:
        return self.desks[i % len(self.desks)]

    def _case(self, desk: Desk, pick: int) -> Any:
        """One of the cases this desk holds (so desks often work on the same case)."""
        with state.raw_read(desk.col) as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM cases ORDER BY created_at, id")]
        if not ids:
            return None
        case_id = ids[pick % len(ids)]
        try:
            return desk.col.cases.get(case_id)
        except LegalAidError:
            return None

    # -- work on desks ---------------------------------------------------------------------

    @rule(d=st.integers(0, 4), amount=st.integers(1, 10**8), title=st.sampled_from(
        ["张三追索劳动报酬", "李四工伤赔偿", "王五经济补偿金", "赵六加班费"]))
    def create_case(self, d: int, amount: int, title: str) -> None:
        desk = self._desk(d)
        case = desk.col.cases.create(case_input(desk, title=title, amount=amount)).value
        self.cases.append(case.id)

    @rule(d=st.integers(0, 4), pick=st.integers(0, 50), text=st.text(
        alphabet="劳动仲裁调解欠薪abc", min_size=1, max_size=8))
    def edit_facts(self, d: int, pick: int, text: str) -> None:
        desk = self._desk(d)
        case = self._case(desk, pick)
        if case is not None:
            with contextlib.suppress(LegalAidError):
                desk.col.cases.update(case.id, CaseUpdate(expected_version=case.version,
                                                          facts=text))

    @rule(d=st.integers(0, 4), pick=st.integers(0, 50), amount=st.integers(1, 10**8))
    def edit_amount(self, d: int, pick: int, amount: int) -> None:
        desk = self._desk(d)
        case = self._case(desk, pick)
        if case is not None:
            with contextlib.suppress(LegalAidError):
                desk.col.cases.update(case.id, CaseUpdate(expected_version=case.version,
                                                          amount_claimed=amount))

    @rule(d=st.integers(0, 4), e=st.integers(1, 4), pick=st.integers(0, 50),
          amounts=st.tuples(st.integers(1, 10**8), st.integers(1, 10**8)),
          archive=st.booleans())
    def concurrent_edits(
        self, d: int, e: int, pick: int, amounts: tuple[int, int], archive: bool
    ) -> None:
        """Two desks change the same case before either synchronises: both the claimed
        amount, or one archives it while the other edits it."""
        first = self._desk(d)
        second = self._desk(d + e)
        case = self._case(first, pick)
        if case is None or first is second:
            return
        try:
            other = second.col.cases.get(case.id)
        except LegalAidError:
            return
        try:
            if archive and not case.archived:
                first.col.cases.archive(case.id, expected_version=case.version,
                                        reason="重复登记")
                second.col.cases.update(case.id, CaseUpdate(
                    expected_version=other.version, facts="补充事实", amount_claimed=amounts[1]))
            else:
                first.col.cases.update(case.id, CaseUpdate(
                    expected_version=case.version, amount_claimed=amounts[0]))
                second.col.cases.update(case.id, CaseUpdate(
                    expected_version=other.version, amount_claimed=amounts[1]))
        except LegalAidError:
            pass

    @rule(d=st.integers(0, 4), pick=st.integers(0, 50))
    def archive_case(self, d: int, pick: int) -> None:
        desk = self._desk(d)
        case = self._case(desk, pick)
        if case is not None and not case.archived:
            with contextlib.suppress(LegalAidError):
                desk.col.cases.archive(case.id, expected_version=case.version,
                                       reason="重复登记")

    @rule(d=st.integers(0, 4), pick=st.integers(0, 50), amount=st.integers(1, 10**7))
    def record_recovery(self, d: int, pick: int, amount: int) -> None:
        desk = self._desk(d)
        case = self._case(desk, pick)
        if case is not None:
            with contextlib.suppress(LegalAidError):
                desk.col.money.record_recovery(
                    case.id, RecoveryInput(received_on=date(2026, 11, 20), amount=amount)
                )

    @rule(d=st.integers(0, 4), pick=st.integers(0, 50))
    def add_note(self, d: int, pick: int) -> None:
        desk = self._desk(d)
        case = self._case(desk, pick)
        if case is not None:
            with contextlib.suppress(LegalAidError):
                desk.col.notes.add(case.id, f"{desk.name} 电话回访")

    @rule(d=st.integers(0, 4), pick=st.integers(0, 20), choice=st.integers(0, 3))
    def resolve_conflict(self, d: int, pick: int, choice: int) -> None:
        desk = self._desk(d)
        svc = ConflictService(desk.col)
        open_ = svc.list()
        if open_:
            c = open_[pick % len(open_)]
            with contextlib.suppress(LegalAidError):
                svc.choose(c.id, choice % len(c.candidates))

    @rule(d=st.integers(0, 4), minutes=st.sampled_from([-10, 0, 10]))
    def skew_clock(self, d: int, minutes: int) -> None:
        desk = self._desk(d)
        with state.raw_write(desk.col) as conn:
            conn.execute("DROP VIEW sync_now")
            conn.execute(
                "CREATE VIEW sync_now AS SELECT CAST(round((julianday('now') - 2440587.5) "
                f"* 86400000.0) AS INTEGER) + {minutes * 60_000} AS ms"
            )

    @rule()
    def everyone_syncs(self) -> None:
        for desk in self.desks:
            desk.sync()

    @rule(d=st.integers(0, 4), fault=st.sampled_from(FAULTS))
    def sync(self, d: int, fault: str) -> None:
        desk = self._desk(d)
        before = state.status(desk.col).cursor
        if fault == "lose_push":
            desk.http.faults.append(("/v1/push", "lose"))
        elif fault == "dup_push":
            desk.http.faults.append(("/v1/push", "dup"))
        elif fault == "lose_pull":
            desk.http.faults.append(("/v1/pull", "lose"))
        elif fault == "crash_push":
            _crash_once(desk, "push")
        elif fault == "crash_pull":
            _crash_once(desk, "pull")
        try:
            desk.sync()
        except SimulatedCrash:
            pass
        except SyncError as exc:
            assert exc.code == "offline", exc
        finally:
            desk.http.faults.clear()
            desk.client.on_page = None
        assert state.status(desk.col).cursor >= before, "a cursor went backwards"

    # -- after everyone has synchronised ---------------------------------------------------------

    def teardown(self) -> None:
        try:
            if self.desks:
                self._heal_and_check()
        finally:
            for desk in self.desks:
                desk.close()
            self.store.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    def _heal_and_check(self) -> None:
        for _ in range(3):
            for desk in self.desks:
                desk.sync()
        for desk in self.desks:
            st_ = state.status(desk.col)
            assert st_.pending_changes == 0, desk.name
            assert desk.client.verify() == [], f"{desk.name} differs from the service"
        conflicts = self._server_conflicts()
        STATS["examples"] += 1
        STATS["with conflicts"] += bool(conflicts)
        STATS["with archive conflicts"] += any(
            c["col"] == "archived_at" for c in conflicts.values()
        )
        STATS["with resolved conflicts"] += any(
            c["status"] == "resolved" for c in conflicts.values()
        )
        with self.store.read() as conn:
            STATS["with refused changes"] += bool(
                conn.scalar(T.changes.select().with_only_columns(T.changes.c.change_id)
                            .where(T.changes.c.status == "rejected").limit(1))
            )
        for desk in self.desks:
            st_ = state.status(desk.col)
            STATS["desks with clock correction"] += st_.clock_offset_ms != 0
            STATS["desks with refused changes"] += st_.rejected_changes > 0
        self._check_conflicts()
        self._check_acknowledged()
        self._check_no_resurrection()
        self._check_replay()

    def _server_conflicts(self) -> dict[str, dict[str, Any]]:
        with self.store.read() as conn:
            return {
                r.id: json.loads(r.data)
                for r in conn.execute(T.conflicts.select())
            }

    def _check_conflicts(self) -> None:
        server = self._server_conflicts()
        for desk in self.desks:
            with state.raw_read(desk.col) as conn:
                scope = state.get(conn, "scope")
                mine = {r[0]: r[1] for r in conn.execute("SELECT id, status FROM sync_conflicts")}
            readable = set(scope["read"])
            expected = {
                cid: c["status"] for cid, c in server.items()
                if scope["all"] or c["office_id"] in readable
            }
            assert mine == expected, desk.name

    def _check_acknowledged(self) -> None:
        conflicts = self._server_conflicts()
        with self.store.read() as conn:
            for desk in self.desks:
                with state.raw_read(desk.col) as dconn:
                    node = state.get(dconn, "node")
                    acked = dconn.execute(
                        "SELECT change_id, tbl, pk, op, new, hlc FROM sync_log "
                        "WHERE state = 1 AND op IN ('I', 'U') AND tbl != 'audit_events'"
                    ).fetchall()
                for change_id, tbl, pk, _op, new, hlc in acked:
                    detail = conn.scalar(
                        T.changes.select()
                        .with_only_columns(T.changes.c.detail)
                        .where(T.changes.c.change_id == change_id)
                    )
                    assert detail is not None, f"acknowledged change {change_id} unknown"
                    rec = json.loads(detail)
                    row = conn.execute(
                        T.rows.select().where(T.rows.c.tbl == tbl, T.rows.c.pk == pk)
                    ).first()
                    if rec["status"] == "rejected":
                        continue
                    assert row is not None
                    data, stamps = json.loads(row.data), json.loads(row.stamps)
                    mine = H.stamp_key(hlc, node)
                    values = json.loads(new)
                    for col, status in rec["cols"].items():
                        cur = stamps.get(col, stamps["*"])
                        if status == "accepted":
                            assert cur >= mine, (tbl, col)
                            if cur == mine and not rec.get("renumbered"):
                                assert data[col] == values[col], (tbl, col)
                        elif status == "superseded":
                            assert cur > mine or col == "archived_at", (tbl, col)
                        else:
                            holding = [
                                c for c in conflicts.values()
                                if c["tbl"] == tbl and c["pk"] == pk and c["col"] == col
                                and any(x.get("change_id") == change_id
                                        for x in c["candidates"])
                            ]
                            assert len(holding) == 1, (tbl, col, status)

    def _check_no_resurrection(self) -> None:
        conflicts = self._server_conflicts()
        with self.store.read() as conn:
            archived_once = {
                (r.tbl, r.pk)
                for r in conn.execute(T.changes.select())
                if json.loads(r.detail).get("cols", {}).get("archived_at") == "accepted"
                and json.loads(r.detail)["new"].get("archived_at") is not None
            }
            for tbl, pk in archived_once:
                row = conn.execute(
                    T.rows.select().where(T.rows.c.tbl == tbl, T.rows.c.pk == pk)
                ).first()
                assert row is not None
                if json.loads(row.data).get("archived_at") is None:
                    assert any(
                        c["tbl"] == tbl and c["pk"] == pk and c["col"] == "archived_at"
                        and c["status"] == "resolved"
                        for c in conflicts.values()
                    ), f"{tbl} {pk} came back without a conflict"

    def _fingerprint(self) -> tuple[Any, ...]:
        with self.store.read() as conn:
            return (
                conn.scalar(T.log.select().with_only_columns(T.log.c.seq)
                            .order_by(T.log.c.seq.desc()).limit(1)),
                len(conn.execute(T.changes.select()).all()),
                sorted((r.id, r.data) for r in conn.execute(T.conflicts.select())),
                sorted((r.tbl, r.pk, r.data) for r in conn.execute(T.rows.select())),
            )

    def _check_replay(self) -> None:
        for desk in self.desks:
            body, results = desk.http.last_push, desk.http.last_push_results
            if not body or results is None:
                continue
            before = self._fingerprint()
            with state.raw_read(desk.col) as conn:
                token = state.get(conn, "token")
            resp = desk.http.post(
                "/v1/push",
                json=body,
                headers={"Authorization": f"Bearer {token}",
                         "X-Legalaid-Schema": desk.client.schema_rev},
            )
            assert resp.status_code == 200, resp.text
            again = [(r["change_id"], r["status"]) for r in resp.json()["results"]]
            if len(again) == len(results):
                assert again == [(r["change_id"], r["status"]) for r in results]
            assert self._fingerprint() == before, "replaying a batch changed the store"


@pytest.fixture(scope="module")
def seeded_world(
    server: ServerThread, desk_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A store and five desks, set up once; every example works on a copy."""
    folder = tmp_path_factory.mktemp("seed")
    store = Store.open(f"sqlite:///{folder / 'store.db'}")
    server.use(store)
    world = seed_world(store, server.url, desk_template, folder, DESK_USERS)
    world.close()
    store.close()
    return folder


def test_desks_converge_under_faults(
    server: ServerThread, seeded_world: Path, tmp_path: Path
) -> None:
    SyncMachine.server = server
    SyncMachine.seed = seeded_world
    SyncMachine.scratch = tmp_path
    STATS.clear()
    run_state_machine_as_test(SyncMachine, settings=PROFILE)
    print(dict(STATS))  # shown with -s: how often the interesting paths were taken
