"""The benchmark suite runs end to end on a small desk (no timing assertions)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bench import floor
from bench.ops import Bench, Result
from bench.run import table
from legalaid.demo import generate

TODAY = date(2026, 6, 30)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "desk.db"
    generate(path, cases=2500, seed=2, today=TODAY, mode="bulk")
    return path


def test_every_operation_runs(desk: Path) -> None:
    bench = Bench(desk, TODAY, repeat=2, smoke=True)
    try:
        results: list[Result] = [
            bench.list_first_page(), bench.list_scroll(), bench.list_jump(),
            bench.search_all(), bench.search_list(), bench.open_case(), bench.save_case(),
            bench.dashboard(), bench.report_json(), bench.document("docx"), bench.backup(),
        ]  # fmt: skip
    finally:
        bench.close()
    for r in results:
        assert r.status in ("ok", "n/a (not built)"), (r.op, r.status)
        if r.status == "ok":
            assert r.samples and all(s > 0 for s in r.samples), r.op
            assert r.median is not None and r.p95 is not None and r.p95 >= r.median
    printed = table(results)
    assert "case list: count + first page" in printed and "2500" in printed


def test_floor_queries_return_what_the_facade_returns(desk: Path) -> None:
    from legalaid import dto
    from legalaid.collection import Collection

    col = Collection(desk, today=lambda: TODAY)
    conn = floor.connect(desk)
    try:
        facade = [r.number for r in col.cases.page(dto.PageRequest(limit=100))]
        bare = [r[1] for r in floor.page_only(conn, 0)]
        assert bare == facade
        wanted = col.cases.page(dto.PageRequest(filter=dto.CaseFilter(text="建工"), limit=100))
        assert floor.search_list(conn, "建工") == len(wanted)
    finally:
        conn.close()
        col.close()


def test_floor_writes_keep_the_audit_chain(desk: Path) -> None:
    from legalaid.collection import Collection
    from legalaid.services.audit import verify_chain

    conn = floor.connect(desk)
    case_id = conn.execute("SELECT id FROM cases LIMIT 1").fetchone()[0]
    floor.open_case(conn, case_id)
    floor.save_case(conn, case_id, "基准测试")
    conn.close()
    col = Collection(desk, today=lambda: TODAY)
    try:
        with col.read() as s:
            assert verify_chain(s).ok
    finally:
        col.close()
