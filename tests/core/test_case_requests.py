from __future__ import annotations

from datetime import date

import pytest

from legalaid.collection import Collection
from legalaid.errors import ValidationError
from legalaid.inputs import ApplicantInput, CaseUpdate, PersonInput, WageClaimInput

from .conftest import id_number, new_case


def test_accepting_fulfils_the_legal_aid_decision_deadline(col: Collection) -> None:
    case = new_case(col, received_on=date(2026, 11, 2))
    assert any(d.rule_id == "legal_aid_decision" for d in col.deadlines.overdue())
    col.cases.transition(case.id, "accepted", expected_version=case.version)
    assert not any(d.rule_id == "legal_aid_decision" for d in col.deadlines.overdue())


def test_applicants_with_claims_in_one_transaction(col: Collection) -> None:
    case = new_case(col)
    people = [
        ApplicantInput(
            person=PersonInput(
                name=f"工人{i}", id_number=id_number("360102", "19900101", f"{i:03d}")
            )
        )
        for i in range(3)
    ]
    claims: list[WageClaimInput | None] = [
        WageClaimInput(person_id="", amount="1000"),
        None,
        WageClaimInput(person_id="", amount="x"),
    ]
    with pytest.raises(ValidationError) as exc:
        col.cases.add_applicants(case.id, people, claims)
    assert exc.value.errors[0].field == "claims[1].amount"
    assert len(col.cases.detail(case.id).applicants) == 1  # nothing was written
    claims[2] = WageClaimInput(person_id="", amount="2,500.50")
    ids = col.cases.add_applicants(case.id, people, claims).value
    detail = col.cases.detail(case.id)
    assert [a.person.id for a in detail.applicants[1:]] == ids
    assert {(c.person_id, c.amount_fen) for c in detail.claims} == {
        (ids[0], 100_000),
        (ids[2], 250_050),
    }


def test_check_applicants_reports_per_row(col: Collection) -> None:
    errors = col.cases.check_applicants(
        [
            ApplicantInput(person=PersonInput(name="好人")),
            ApplicantInput(person=PersonInput(name="", phone="12")),
        ]
    )
    assert errors[0] == []
    assert {e.field for e in errors[1]} == {"name", "phone"}
    assert "姓名" in next(e.zh for e in errors[1] if e.field == "name")


def test_reassign_deadline_and_clear_fields(col: Collection) -> None:
    case = new_case(col, facts="原事实", handling_method="negotiation_mediation")
    actor = col.actor
    col.set_actor(None)  # the local administrator context adds staff
    other = col.admin.create_staff("王调解员", "wang", "mediator").value
    col.set_actor(actor)
    d = col.cases.detail(case.id).deadlines[0]
    col.deadlines.reassign(d.id, other.id, expected_version=d.version)
    assert col.cases.detail(case.id).deadlines[0].responsible_id == other.id
    case = col.cases.get(case.id)
    case = col.cases.update(
        case.id, CaseUpdate(expected_version=case.version, clear=("facts", "handling_method"))
    ).value
    assert case.facts is None and case.handling_method is None
    with pytest.raises(ValidationError):
        col.cases.update(case.id, CaseUpdate(expected_version=case.version, clear=("title",)))


def test_repeated_views_are_logged_once(col: Collection) -> None:
    case = new_case(col)
    for _ in range(5):
        col.cases.detail(case.id)
    views = [h for h in col.cases.history(case.id) if h.action == "view"]
    assert len(views) == 1


def test_consultation_with_new_person_is_atomic(col: Collection) -> None:
    from legalaid.inputs import ConsultationInput

    bad = ConsultationInput(
        caller_name="孙七",
        channel="phone",
        topic="wage_arrears",
        person=PersonInput(name="孙七", id_number="360102198503151230"),
    )
    with pytest.raises(ValidationError) as exc:
        col.consultations.create(bad)
    assert exc.value.errors[0].field == "person.id_number"
    assert col.search.all("孙七").people == ()
    good = ConsultationInput(
        caller_name="孙七",
        channel="phone",
        topic="wage_arrears",
        person=PersonInput(name="孙七", phone="13600136000"),
    )
    c = col.consultations.create(good).value
    assert c.person_id is not None
    assert col.parties.person(c.person_id).phone == "13600136000"


def test_pinned_clock_pins_now(col: Collection) -> None:
    assert col.now().astimezone().date() == col.today()


def test_employers_with_the_same_name_but_different_codes_stay_apart(col: Collection) -> None:
    from legalaid.inputs import EmployerInput, RespondentInput

    from .conftest import credit_code

    a = new_case(col)
    b = new_case(col, respondents=[RespondentInput(employer=EmployerInput(
        name="南昌建工集团有限公司", credit_code=credit_code("91360100MA35QQQQQ")))])
    c = new_case(col, respondents=[RespondentInput(employer=EmployerInput(
        name="南昌建工集团有限公司", credit_code=credit_code("91360100MA35ABCDE")))])
    ids = [col.cases.detail(x.id).respondents[0].employer.id for x in (a, b, c)]
    assert ids[0] != ids[1] and ids[0] == ids[2]
