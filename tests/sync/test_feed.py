"""Snapshot and feed: a new desk's snapshot resumes after an interruption; the pull
cursor never skips a change that commits late; case numbers stay unique offline;
archive against edit becomes a conflict in either order."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from legalaid.inputs import CaseUpdate
from legalaid.server import tables as T
from legalaid.server.store import Store
from legalaid.sync import state
from legalaid.sync.conflicts import ConflictService
from tests.sync.helpers import (
    ServerThread,
    World,
    case_input,
    copy_desk,
    open_desk,
    seed_world,
    server_conflicts,
    sign_in,
)


@pytest.fixture
def world(
    service: ServerThread, store: Store, desk_template: Path, tmp_path: Path
) -> Iterator[World]:
    w = seed_world(store, service.url, desk_template, tmp_path, ["a1", "a2"])
    yield w
    w.close()


class Interrupted(Exception):
    pass


def test_snapshot_resumes_where_it_stopped(
    world: World, desk_template: Path, tmp_path: Path
) -> None:
    a1 = world.desks[0]
    for i in range(12):
        a1.col.cases.create(case_input(a1, title=f"第{i}号欠薪案"))
    a1.sync()

    desk = open_desk(copy_desk(desk_template, tmp_path / "new.db"), world.base_url, "a2", "new")
    try:
        desk.client.snapshot_page = 5
        desk.client.login("a2", "correct-horse-1")
        pages: list[int] = []

        def stop_after_three(stage: str, rows: int) -> None:
            pages.append(rows)
            if len(pages) == 3:
                raise Interrupted

        desk.client.on_page = stop_after_three
        with pytest.raises(Interrupted):
            desk.sync()
        st_ = state.status(desk.col)
        assert st_.snapshot_in_progress and st_.cursor == 0
        with state.raw_read(desk.col) as conn:
            pos = state.get(conn, "snapshot")
            offices = conn.execute("SELECT count(*) FROM offices").fetchone()[0]
            cases = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
        assert pos["table"] is not None
        assert (offices, cases) == (2, 0)  # the pages before the interruption are kept

        seen: list[str] = []
        desk.client.on_page = lambda stage, rows: seen.append(stage)
        report = desk.sync()
        assert not state.status(desk.col).snapshot_in_progress
        assert report.snapshot_rows > 0
        assert desk.client.verify() == []
        with state.raw_read(desk.col) as conn:
            assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 12
    finally:
        desk.close()


def test_pull_never_skips_a_change_that_commits_late(world: World, store: Store) -> None:
    """A writer holding the feed lock blocks later writers, so no seq can commit after
    a larger one was served (PostgreSQL hands sequence values out before commit)."""
    a1, a2 = world.desks
    a2.sync()
    cursor_before = state.status(a2.col).cursor
    holding = threading.Event()
    release = threading.Event()
    seqs: dict[str, int] = {}

    def slow_writer() -> None:
        with store.write() as conn:
            seqs["slow"] = int(conn.execute(T.log.insert().values(
                tbl="notes", pk=str(uuid.uuid4()), office_id="", kind="row", data="{}",
                hlc=1)).inserted_primary_key[0])
            holding.set()
            release.wait(10)

    t1 = threading.Thread(target=slow_writer)
    t1.start()
    assert holding.wait(10)
    # Meanwhile a desk pushes: its writes queue behind the slow writer.
    a1.col.cases.create(case_input(a1))
    pusher = threading.Thread(target=a1.client.push)
    pusher.start()
    time.sleep(0.3)
    assert pusher.is_alive(), "a second writer did not wait for the feed lock"
    # A pull now sees neither write, and its cursor stays below the uncommitted seq.
    a2.client.pull()
    assert state.status(a2.col).cursor < seqs["slow"]
    release.set()
    t1.join(10)
    pusher.join(30)
    with store.read() as conn:
        top = conn.scalar(T.log.select().with_only_columns(T.log.c.seq)
                          .order_by(T.log.c.seq.desc()).limit(1))
    assert top > seqs["slow"]
    a2.sync()
    assert state.status(a2.col).cursor >= top > cursor_before
    assert a2.client.verify() == []


def test_case_numbers_stay_unique_across_offline_desks(world: World) -> None:
    a1, a2 = world.desks
    made = [a1.col.cases.create(case_input(a1)).value for _ in range(3)]
    made += [a2.col.cases.create(case_input(a2)).value for _ in range(3)]
    assert len({c.number for c in made}) == 6
    # A desk that ran out of numbers while offline continues past its block; the
    # service renumbers the case whose number was taken and tells the desk.
    with state.raw_write(a2.col) as conn:
        conn.execute("DELETE FROM sync_number_blocks")
        conn.execute("UPDATE case_number_counters SET next_seq = ?", (made[0].seq,))
    clash = a2.col.cases.create(case_input(a2)).value
    assert clash.number == made[0].number
    a1.sync()
    a2.sync()
    a1.sync()
    renumbered = a2.col.cases.get(clash.id)
    assert renumbered.number != made[0].number
    numbers = {a1.col.cases.get(c.id).number for c in [*made, clash]}
    assert len(numbers) == 7
    assert a1.col.cases.get(clash.id).number == renumbered.number
    for d in (a1, a2):
        assert d.client.verify() == []


@pytest.mark.parametrize("archive_first", [True, False])
def test_archive_and_edit_at_once_is_a_conflict(world: World, archive_first: bool) -> None:
    a1, a2 = world.desks
    case = a1.col.cases.create(case_input(a1)).value
    a1.sync()
    a2.sync()
    a1.col.cases.archive(case.id, expected_version=a1.col.cases.get(case.id).version,
                         reason="重复登记")
    a2.col.cases.update(case.id, CaseUpdate(
        expected_version=a2.col.cases.get(case.id).version, facts="对方已部分付款"))
    order = (a1, a2) if archive_first else (a2, a1)
    for d in (*order, *order):
        d.sync()

    conflicts = [c for c in server_conflicts(world.store) if c["col"] == "archived_at"]
    assert len(conflicts) == 1
    # Neither silently archived-and-edited nor silently lost: the first writer's state
    # holds until someone decides, and the edit is kept.
    kept = a1.col.cases.get(case.id)
    assert kept.archived == archive_first
    assert kept.facts == "对方已部分付款"
    listed = ConflictService(a2.col).list()
    assert [c.column for c in listed] == ["archived_at"]
    # Decide to keep the case (restore it / do not archive).
    ConflictService(a2.col).resolve(listed[0].id, None)
    a2.sync()
    a1.sync()
    for d in (a1, a2):
        assert not d.col.cases.get(case.id).archived
        assert ConflictService(d.col).list() == []
        assert d.client.verify() == []


def test_second_resolution_of_the_same_conflict_gives_way(world: World) -> None:
    a1, a2 = world.desks
    case = a1.col.cases.create(case_input(a1, amount=100)).value
    a1.sync()
    a2.sync()
    for d, amount in ((a1, 200), (a2, 300)):
        d.col.cases.update(case.id, CaseUpdate(
            expected_version=d.col.cases.get(case.id).version, amount_claimed=amount))
    a1.sync()
    a2.sync()
    a1.sync()
    cid = ConflictService(a1.col).list()[0].id
    ConflictService(a1.col).choose(cid, 0)
    ConflictService(a2.col).choose(cid, 1)
    a1.sync()
    report = a2.sync()
    assert report.outcomes.get("superseded") == 1
    a1.sync()
    first_choice = a1.col.cases.get(case.id).amount_claimed_fen
    assert a2.col.cases.get(case.id).amount_claimed_fen == first_choice
    assert [c.status for c in ConflictService(a2.col).list(include_resolved=True)] == [
        "resolved"
    ]


def test_new_desk_joins_through_the_command_line(
    world: World, desk_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from legalaid.cli import main

    db = copy_desk(desk_template, tmp_path / "cli.db")
    url = world.base_url
    assert main(["--db", str(db), "sync", "--server", url, "--user", "a2",
                 "--password", "correct-horse-1"]) == 0
    out = capsys.readouterr().out
    assert "snapshot" in out
    assert main(["--db", str(db), "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert "a2" in out and "pending" in out
    assert main(["--db", str(db), "sync", "verify"]) == 0
    assert main(["--db", str(db), "sync", "conflicts"]) == 0
    assert main(["--db", str(db), "sync", "logout"]) == 0
    desk = open_desk(db, url, "a2")
    try:
        assert not state.status(desk.col).signed_in
        sign_in(desk)
        assert desk.client.verify() == []
    finally:
        desk.close()


def test_service_user_administration_commands(
    world: World, store: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from legalaid.cli import main

    url = str(store.engine.url.render_as_string(hide_password=False))
    assert main(["server", "user", "add", "c1", "--store", url, "--office", "东工援",
                 "--password", "another-pass-2"]) == 0
    assert store.user("c1").offices == (world.offices["D"],)
    assert main(["server", "user", "update", "c1", "--store", url, "--role", "supervisor",
                 "--add-office", "南昌市总工会"]) == 0
    assert set(store.user("c1").offices) == set(world.offices.values())
    assert main(["server", "revoke", "c1", "--store", url]) == 0
    assert main(["server", "user", "list", "--store", url]) == 0
    assert "c1\tsupervisor" in capsys.readouterr().out
    assert main(["server", "user", "add", "c2", "--store", url, "--office", "没有这个单位",
                 "--password", "another-pass-2"]) == 1
