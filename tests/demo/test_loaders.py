"""Both load paths give databases with the facade's invariants that the facade reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from legalaid import dto
from legalaid.cli import main as cli_main
from legalaid.collection import Collection
from legalaid.db.engine import register_functions
from legalaid.demo import generate
from legalaid.demo.check import check, checksum
from legalaid.errors import ConfigurationError
from legalaid.inputs import ApplicantInput, CaseInput, PersonInput
from legalaid.services.audit import verify_chain

from .conftest import TODAY


@pytest.mark.parametrize("db", ["facade_db", "bulk_db"])
def test_invariants_hold(db: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(db)
    report = check(path, sample=0)
    assert report.ok, report.problems[:5]
    counts = report.counts
    assert counts["consultations"] >= 1.5 * counts["cases"]
    for table in ("wage_claims", "recoveries", "referrals", "mediations", "proceedings",
                  "deadlines", "notes", "hearings"):  # fmt: skip
        assert counts[table] > 0, table
    col = Collection(path, today=lambda: TODAY)
    try:
        with col.read() as s:
            chain = verify_chain(s)
        assert chain.ok and chain.checked >= counts["cases"]
    finally:
        col.close()


def test_checker_notices_broken_data(tmp_path: Path, bulk_db: Path) -> None:
    """The invariant check is not vacuous: a duplicated number and a counter left
    behind are reported."""
    copy = tmp_path / "broken.db"
    src = sqlite3.connect(bulk_db)
    dst = sqlite3.connect(copy)
    register_functions(dst)  # the search triggers call la_ngrams
    src.backup(dst)
    src.close()
    dst.execute("UPDATE case_number_counters SET next_seq = 1")
    dst.execute("UPDATE cases SET accepted_on = '1999-01-01' WHERE accepted_on IS NOT NULL")
    dst.commit()
    dst.close()
    report = check(copy, sample=10, foreign_keys=False)
    assert any("counters" in p for p in report.problems)
    assert any("out of order" in p for p in report.problems)


@pytest.mark.parametrize("db", ["facade_db", "bulk_db"])
def test_the_facade_reads_it(db: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(db)
    col = Collection(path, today=lambda: TODAY)
    try:
        total = col.cases.count(dto.CaseFilter())
        page = col.cases.page(dto.PageRequest(limit=50))
        assert len(page) == min(50, total)
        rich = max(page, key=lambda r: r.worker_count)
        detail = col.cases.detail(rich.id)
        assert detail.case.number == rich.number and detail.applicants and detail.respondents
        assert detail.deadlines  # the legal-aid decision deadline at least
        # Search finds a case by part of its first applicant's name and by employer.
        name = detail.applicants[0].person.name
        found = col.search.all(name)
        assert any(r.id == rich.id for r in found.cases) or len(found.cases) == 50
        emp = detail.respondents[0].employer.name
        assert col.search.cases(emp[2:6])
        dash = col.dashboard.load()
        assert dash.open_cases == col.cases.count(dto.CaseFilter(open_only=True))
        assert dash.open_cases > 0
    finally:
        col.close()


def test_facade_writes_continue_after_a_bulk_load(tmp_path: Path) -> None:
    """Counters, triggers and indexes are back: a new case gets the next number and
    is found by search."""
    path = tmp_path / "desk.db"
    generate(path, cases=2500, seed=3, today=TODAY, mode="bulk")
    col = Collection(path, today=lambda: TODAY)
    try:
        office = col.admin.office_by_name("南昌市总工会")
        rows = col.cases.page(
            dto.PageRequest(filter=dto.CaseFilter(office_ids=(office.id,)), limit=1,
                            sort=dto.Sort("number", True))
        )  # fmt: skip
        last = rows[0].number
        new = col.cases.create(
            CaseInput(
                title="测试新案件",
                dispute_type="wage_arrears",
                source="walk_in",
                received_on=TODAY,
                applicants=[ApplicantInput(person=PersonInput(name="欧阳测试"))],
                office_id=office.id,
            )
        ).value
        assert new.number > last and new.number.startswith("洪工援〔2026〕")
        assert any(r.id == new.id for r in col.search.cases("欧阳测试"))
    finally:
        col.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert {"fts_cases_ai", "ix_cases_office_received", "ix_deadlines_office_due"} <= names


def test_same_seed_same_database(tmp_path: Path, facade_db: Path, bulk_db: Path) -> None:
    again = tmp_path / "again.db"
    generate(again, cases=60, seed=7, today=TODAY, mode="facade")
    assert checksum(again) == checksum(facade_db)
    again_bulk = tmp_path / "again-bulk.db"
    generate(again_bulk, cases=3000, seed=7, today=TODAY, mode="bulk")
    assert checksum(again_bulk) == checksum(bulk_db)
    other = tmp_path / "other.db"
    generate(other, cases=60, seed=8, today=TODAY, mode="facade")
    assert checksum(other) != checksum(facade_db)


def test_bulk_refuses_a_desk_with_cases(facade_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    with sqlite3.connect(facade_db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with pytest.raises(ConfigurationError):
        generate(copy, cases=3000, seed=1, today=TODAY, mode="bulk")


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.db")
    assert cli_main(["--db", db, "demo", "--cases", "25", "--today", "2026-06-30", "--quiet"]) == 0
    assert "25" in capsys.readouterr().out
    assert cli_main(["--db", db, "case", "list"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 25 and all("〔2026〕" in line.split("\t")[0] for line in lines)
    assert cli_main(["--db", db, "demo", "--cases", "0"]) == 1
    assert cli_main(["--db", db, "demo", "--today", "30/06/2026"]) == 1


def test_demo_on_a_desk_set_up_by_hand(tmp_path: Path) -> None:
    """The first-run dialog creates the user's office (often with the same prefix) and an
    administrator, then asks for demo data: numbers must not clash."""
    path = tmp_path / "desk.db"
    col = Collection(path, today=lambda: TODAY)
    try:
        office = col.admin.create_office("南昌市总工会职工法律援助中心", "洪工援").value
        col.admin.create_staff("管理员", "admin", "admin", office_id=office.id)
    finally:
        col.close()
    generate(path, cases=30, seed=4, today=TODAY)
    report = check(path, sample=0)
    assert report.ok, report.problems[:5]
    col = Collection(path, today=lambda: TODAY)
    try:
        prefixes = [o.case_prefix for o in col.admin.offices()]
        assert len(prefixes) == len(set(prefixes)) == 12
        assert col.cases.count(dto.CaseFilter()) == 30
    finally:
        col.close()
