"""Bulk writing helpers: rows built in Python and inserted with one executemany must be
stored exactly as the ORM stores them, audited in a chain that still verifies, matched
and numbered by the same rules as the one-at-a-time helpers."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from legalaid.collection import Collection
from legalaid.models import AuditEvent, Case, CaseNumberCounter, Employer, Office, Person
from legalaid.services import audit
from legalaid.services.audit import (
    Change,
    insert_rows,
    new_row,
    record_many,
    snapshot,
    snapshot_row,
    verify_chain,
)
from legalaid.services.cases import seq_for_imported_number, seqs_for_imported_numbers
from tests.core.conftest import credit_code, id_number, new_case


class _Rollback(Exception):
    pass


def _raw(s: Session, table: str, row_id: str) -> dict[str, Any]:
    row = s.execute(text(f"SELECT * FROM {table} WHERE id = :id"), {"id": row_id}).mappings()
    return dict(row.one())


PERSON = {
    "name": "王小明",
    "id_number": id_number("360102", "19850315", "123"),
    "birth_date": date(1985, 3, 15),
    "gender": "M",
    "phone": "13800138000",
    "union_member": True,
    "migrant_worker": True,
    "notes": None,
}


def test_insert_rows_stores_what_the_orm_stores(col: Collection) -> None:
    office_id = col.actor.office_id if col.actor else ""
    now = datetime(2026, 11, 24, 8, 30, 0, tzinfo=UTC)  # no microseconds: ".000000" kept
    with col.write() as s:
        orm = Person(office_id=office_id, created_at=now, updated_at=now, **PERSON)
        s.add(orm)
        s.flush()
        row = new_row(Person, {**PERSON, "office_id": office_id}, now)
        insert_rows(s, Person, [row])
        by_orm, by_bulk = _raw(s, "people", orm.id), _raw(s, "people", row["id"])
        assert {**by_orm, "id": None} == {**by_bulk, "id": None}
        assert by_bulk["created_at"] == "2026-11-24 08:30:00.000000"
        assert by_bulk["version"] == 1 and by_bulk["hardship_worker"] == 0
        assert snapshot_row(row) == {**snapshot(orm), "id": row["id"]}
        loaded = s.get(Person, row["id"])
        assert loaded is not None and loaded.birth_date == date(1985, 3, 15)
        assert loaded.created_at == now
    with pytest.raises(TypeError, match="no column"):
        new_row(Person, {"name": "x", "no_such_column": 1})


def test_record_many_continues_the_chain_and_verifies(col: Collection) -> None:
    new_case(col)
    with col.write() as s:
        col.audit(s, "view", "case", "c1", office_id=None)
        n = record_many(
            s,
            staff_id=col.actor_id,
            events=[
                Change("create", "person", f"p{i}", None, after={"name": f"人{i}"})
                for i in range(5)
            ],
        )
        assert n == 5
        col.audit(s, "view", "case", "c2", office_id=None)
        assert record_many(s, staff_id=None, events=[]) == 0
    with col.read() as s:
        events = list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
        report = verify_chain(s)
    assert report.ok and report.checked == len(events)
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    tail = [(e.entity_id, e.staff_id) for e in events[-7:]]
    assert tail[0][0] == "c1" and tail[-1][0] == "c2"
    assert [t[0] for t in tail[1:-1]] == [f"p{i}" for i in range(5)]
    assert all(t[1] == col.actor_id for t in tail)


def test_a_rolled_back_bulk_leaves_no_gap(col: Collection) -> None:
    new_case(col)
    with pytest.raises(_Rollback), col.write() as s:
        record_many(s, staff_id=None, events=[Change("create", "person", "gone", None)] * 3)
        raise _Rollback
    new_case(col)
    with col.read() as s:
        assert verify_chain(s).ok
        assert s.scalar(select(AuditEvent.id).where(AuditEvent.entity_id == "gone")) is None


def test_add_people_and_employers_audit_each_row(col: Collection) -> None:
    office_id = col.actor.office_id if col.actor else ""
    with col.write() as s:
        people = col.parties.add_people(s, [PERSON, {"name": "李四"}], office_id)
        emps = col.parties.add_employers(s, [{"name": "甲公司"}], office_id)
        single = col.parties.add_person(s, {"name": "赵六"}, office_id)
    with col.read() as s:
        assert verify_chain(s).ok
        for entity, row_id in [
            ("person", people[0]["id"]),
            ("person", people[1]["id"]),
            ("employer", emps[0]["id"]),
            ("person", single.id),
        ]:
            ev = s.scalars(select(AuditEvent).where(AuditEvent.entity_id == row_id)).one()
            assert (ev.entity, ev.action, ev.staff_id) == (entity, "create", col.actor_id)
        assert s.get(Person, people[0]["id"]) is not None


def _employer(s: Session, office_id: str, name: str, code: str | None, **kw: Any) -> str:
    emp = Employer(office_id=office_id, name=name, credit_code=code, **kw)
    s.add(emp)
    s.flush()
    return emp.id


def test_find_employer_ids_matches_find_employer(col: Collection) -> None:
    office_id = col.actor.office_id if col.actor else ""
    actor = col.actor
    col.set_actor(None)  # (an administrator's step)
    other = col.admin.create_office("西湖区总工会", "西工援").value.id
    col.set_actor(actor)
    code_a, code_b = credit_code("91360100MA35ABCDE"), credit_code("91360100MA35QQQQQ")
    with col.write() as s:
        first = _employer(s, other, "甲公司", code_a)  # a code matches in any office
        _employer(s, office_id, "甲公司（分）", code_a)  # a later one with that code
        _employer(s, office_id, "乙公司", None, archived_at=datetime.now(UTC))
        second = _employer(s, office_id, "乙公司", None)
        _employer(s, office_id, "乙公司", None)
        _employer(s, other, "丙公司", None)  # no code, another office: no match
        _employer(s, office_id, "丁公司", code_b)  # has a code: a name never matches it
        wanted: list[tuple[str, str | None]] = [
            ("随便", code_a),
            ("乙公司", None),
            ("乙公司", ""),
            ("丙公司", None),
            ("丁公司", None),
            ("戊公司", credit_code("91360100MA35YYYYY")),
        ]
        found = col.parties.find_employer_ids(s, wanted, office_id)
        one_by_one = {}
        for name, code in wanted:
            emp = col.parties.find_employer(s, name, code, office_id)
            if emp is not None:
                one_by_one[(name, code)] = emp.id
    assert found == one_by_one
    assert found == {("随便", code_a): first, ("乙公司", None): second, ("乙公司", ""): second}


NUMBERS = [
    (2026, "洪工援〔2026〕第0003号"),  # taken by an existing case
    (2026, "洪工援〔2026〕第0009号"),  # free
    (2026, "台账-无号"),  # no digits: allocated
    (2026, "洪工援〔2026〕第0009号"),  # taken by the row above
    (2025, "洪工援〔2025〕第0002号"),  # another year, no counter yet
    (2026, "洪工援〔2026〕第0012号"),  # free, inside a number block
    (2026, "洪工援〔2026〕第0001号"),
    (2026, "洪工援〔2026〕第0000号"),
    (2025, "洪工援〔2025〕第0002号"),
    *[(2026, f"另一台账〔2026〕第{n:04d}号") for n in (10, 11, 13, 2, 14, 15, 16)],
    *[(2026, "没有序号") for _ in range(30)],
    (2026, "洪工援〔2026〕第0200号"),
    *[(2026, "没有序号") for _ in range(5)],
]


def _numbering(col: Collection, office_id: str, batch: bool) -> tuple[list[int], list[Any]]:
    out: list[int] = []
    counters: list[Any] = []
    with pytest.raises(_Rollback), col.write() as s:
        office = s.get(Office, office_id)
        assert office is not None
        if batch:
            out = seqs_for_imported_numbers(s, office, NUMBERS)
        else:  # as the writer did: each case stored before the next number is taken
            for i, (year, number) in enumerate(NUMBERS):
                out.append(seq_for_imported_number(s, office, year, number))
                s.add(Case(office_id=office_id, number=f"T{i}", year=year, seq=out[-1],
                           title="t", dispute_type="other", source="other",
                           received_on=date(year, 1, 1)))  # fmt: skip
                s.flush()
        s.flush()
        s.expire_all()
        counters = [
            (c.year, c.next_seq)
            for c in s.scalars(select(CaseNumberCounter).order_by(CaseNumberCounter.year))
        ]
        raise _Rollback
    return out, counters


def test_imported_numbers_in_bulk_as_one_at_a_time(col: Collection) -> None:
    """Including the counter's triggers that jump into the number blocks a synchronised
    desk holds."""
    office_id = col.actor.office_id if col.actor else ""
    for _ in range(4):
        new_case(col)  # 洪工援〔2026〕第0001..0004号
    with col.write() as s:
        s.execute(
            text(
                'INSERT INTO sync_number_blocks (office_id, year, start, "end") VALUES '
                "(:o, 2026, 1, 5), (:o, 2026, 12, 14), (:o, 2026, 20, 29), (:o, 2026, 60, 69)"
            ),
            {"o": office_id},
        )
    one_by_one = _numbering(col, office_id, batch=False)
    in_bulk = _numbering(col, office_id, batch=True)
    assert in_bulk == one_by_one
    seqs, counters = in_bulk
    assert seqs[:3] == [5, 9, 12] and len(set(seqs)) == len(seqs)
    assert counters[-1][1] > 60


def test_new_row_defaults(col: Collection) -> None:
    row = new_row(Person, {"name": "x", "office_id": "o"})
    assert row["created_at"] == row["updated_at"] and row["created_at"].tzinfo is not None
    assert row["version"] == 1 and row["union_member"] is False and row["archived_at"] is None
    assert row["id"] != new_row(Person, {"name": "x", "office_id": "o"})["id"]
    assert audit.table_of(Person).name == "people"
