"""The planner: reproducible, valid identifiers, realistic distributions."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date

import pytest
from stdnum.cn import ric, uscc

from legalaid.demo.plan import Planner
from legalaid.errors import ValidationError
from legalaid.rules.identity import check_credit_code, check_id_number, check_phone, is_mobile
from legalaid.vocab import (
    CASE_SOURCES,
    DISPUTE_TYPES,
    EMPLOYMENT_FORMS,
    HANDLING_METHODS,
    NEW_EMPLOYMENT_FORMS,
    OUTCOMES,
)

TODAY = date(2026, 6, 30)


def plan_digest(p: Planner) -> str:
    h = hashlib.sha256()
    for block in p.blocks():
        for c in block.cases:
            h.update(repr(c).encode())
        for k in block.consultations:
            h.update(repr(k).encode())
    return h.hexdigest()


def test_same_seed_same_plan_and_other_seed_differs() -> None:
    a = plan_digest(Planner(500, seed=3, today=TODAY))
    assert a == plan_digest(Planner(500, seed=3, today=TODAY))
    assert a != plan_digest(Planner(500, seed=4, today=TODAY))


def test_exact_case_count_and_numbering() -> None:
    p = Planner(1234, seed=1, today=TODAY)
    seen: dict[tuple[int, int], list[int]] = {}
    total = 0
    for block in p.blocks():
        total += len(block.cases)
        seqs = [c.seq for c in block.cases]
        assert seqs == list(range(1, len(seqs) + 1))
        days = [c.received_on for c in block.cases]
        assert days == sorted(days)
        assert all(d.year == block.year and d <= TODAY for d in days)
        seen[(block.office, block.year)] = seqs
    assert total == 1234


@pytest.fixture(scope="module")
def cases() -> list:  # type: ignore[type-arg]
    p = Planner(4000, seed=11, today=TODAY)
    return [c for b in p.blocks() for c in b.cases]


def test_identifiers_pass_the_core_checks(cases: list) -> None:  # type: ignore[type-arg]
    people = {a.key: a for c in cases for a in c.applicants}
    assert len(people) > 4000
    for person in people.values():
        if person.id_number:
            info = check_id_number(person.id_number, today=TODAY)
            assert info.warnings == ()  # real region codes, valid in the birth year
            assert info.birth_date == person.birth_date
            assert info.gender == person.gender
            assert ric.is_valid(person.id_number)
        if person.phone:
            assert is_mobile(person.phone) and check_phone(person.phone) == person.phone
    employers = {e.key: e for c in cases for e, _, _ in c.respondents}
    for e in employers.values():
        assert check_credit_code(e.credit_code) == e.credit_code
        assert uscc.is_valid(e.credit_code)


def test_a_tampered_identifier_is_refused() -> None:
    """The checks above can fail: one changed digit breaks the generated checksum."""
    p = Planner(20, seed=2, today=TODAY)
    person = next(a for b in p.blocks() for c in b.cases for a in c.applicants if a.id_number)
    assert person.id_number is not None
    digit = str((int(person.id_number[3]) + 1) % 10)
    with pytest.raises(ValidationError):
        check_id_number(person.id_number[:3] + digit + person.id_number[4:], today=TODAY)


def test_codes_belong_to_the_vocabularies(cases: list) -> None:  # type: ignore[type-arg]
    for c in cases:
        assert c.dispute_type in DISPUTE_TYPES and c.source in CASE_SOURCES
        assert c.handling_method is None or c.handling_method in HANDLING_METHODS
        assert c.outcome is None or c.outcome in OUTCOMES
        for a in c.applicants:
            assert a.employment_form in EMPLOYMENT_FORMS


def test_distributions_look_like_a_city(cases: list) -> None:  # type: ignore[type-arg]
    disputes = Counter(c.dispute_type for c in cases)
    assert disputes.most_common(1)[0][0] == "wage_arrears"
    assert disputes["wage_arrears"] > 0.4 * len(cases)
    groups = [c for c in cases if c.worker_count >= 10]
    assert 0.02 * len(cases) < len(groups) < 0.12 * len(cases)
    assert all(10 <= len(c.applicants) <= 300 for c in groups)
    people = {a.key: a for c in cases for a in c.applicants}.values()
    migrant = sum(p.migrant_worker for p in people) / len(people)
    assert 0.35 < migrant < 0.75
    new_form = sum(c.applicants[0].employment_form in NEW_EMPLOYMENT_FORMS for c in cases)
    assert new_form > 0.08 * len(cases)
    # Employers with many cases: the busiest has far more than the median.
    per_employer = Counter(e.key for c in cases for e, _, _ in c.respondents)
    top = per_employer.most_common(1)[0][1]
    assert top >= 20
    consults = sum(c.consultation is not None for c in cases)
    assert consults > 0.5 * len(cases)
    # Dates are in order and never after today.
    for c in cases:
        if c.accepted_on:
            assert c.received_on <= c.accepted_on <= TODAY
        if c.closed_on:
            assert (c.accepted_on or c.received_on) <= c.closed_on <= TODAY
        for r in c.recoveries:
            assert c.received_on <= r.received_on <= TODAY
