"""Two desks edit the same case offline; the service opens one conflict; a person
resolves it; the choice reaches both desks. Real HTTP, SQLite and PostgreSQL stores."""

from __future__ import annotations

from pathlib import Path

from legalaid.inputs import CaseUpdate
from legalaid.server.store import Store
from legalaid.sync import state
from legalaid.sync.conflicts import ConflictService
from tests.sync.helpers import ServerThread, case_input, seed_world, server_conflicts


def test_concurrent_amount_edits_become_one_conflict_resolved_everywhere(
    service: ServerThread, store: Store, desk_template: Path, tmp_path: Path
) -> None:
    world = seed_world(store, service.url, desk_template, tmp_path, ["a1", "a2"])
    a1, a2 = world.desks
    try:
        case = a1.col.cases.create(case_input(a1, amount=1_000_000)).value
        a1.sync()
        a2.sync()
        assert a2.col.cases.get(case.id).amount_claimed_fen == 1_000_000

        # Both desks offline: each changes the claimed amount (and a descriptive field).
        v1 = a1.col.cases.get(case.id).version
        a1.col.cases.update(
            case.id, CaseUpdate(expected_version=v1, amount_claimed=1_200_000, facts="甲")
        )
        v2 = a2.col.cases.get(case.id).version
        a2.col.cases.update(case.id, CaseUpdate(expected_version=v2, amount_claimed=1_350_000))

        a1.sync()
        report = a2.sync()
        assert report.outcomes.get("conflict") == 1
        a1.sync()

        conflicts = server_conflicts(store)
        assert len(conflicts) == 1
        values = sorted(c["value"] for c in conflicts[0]["candidates"])
        assert values == [1_200_000, 1_350_000]
        assert {c["user"] for c in conflicts[0]["candidates"]} == {"a1", "a2"}

        # Both desks show the same single conflict with both values; the field keeps
        # the value that reached the service first.
        for desk in (a1, a2):
            listed = ConflictService(desk.col).list()
            assert len(listed) == 1
            assert sorted(c.value for c in listed[0].candidates) == [1_200_000, 1_350_000]
            assert listed[0].field_zh == "请求金额"
            assert listed[0].case_number == case.number
            assert desk.col.cases.get(case.id).amount_claimed_fen == 1_200_000
            assert desk.col.cases.get(case.id).facts == "甲"  # descriptive: merged

        # a2 resolves it with a combined amount; the choice reaches a1.
        chosen = ConflictService(a2.col).resolve(listed[0].id, 1_300_000).value
        assert chosen.status == "resolving"
        assert a2.col.cases.get(case.id).amount_claimed_fen == 1_300_000
        a2.sync()
        a1.sync()
        for desk in (a1, a2):
            assert desk.col.cases.get(case.id).amount_claimed_fen == 1_300_000
            assert ConflictService(desk.col).list() == []
            resolved = ConflictService(desk.col).list(include_resolved=True)
            assert [c.status for c in resolved] == ["resolved"]
            assert resolved[0].resolved_by == "a2"
            assert state.status(desk.col).open_conflicts == 0
            assert desk.client.verify() == []
        assert server_conflicts(store)[0]["status"] == "resolved"
    finally:
        world.close()
