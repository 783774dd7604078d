"""Personal-data requests: export everything about a person; anonymise keeping statistics."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from legalaid.dto import CaseFilter
from legalaid.errors import PermissionDeniedError, ValidationError
from legalaid.inputs import ConsultationInput, RecoveryInput, WageClaimInput
from legalaid.models import AuditEvent, Case, Person, Recovery, WageClaim
from legalaid.security.personal_data import anonymise_person, export_person, export_person_json
from legalaid.services.audit import verify_chain
from tests.trust.conftest import WORKER_ID, WORKER_NAME, WORKER_PHONE, World, case_input


def _setup(w: World) -> tuple[str, str]:
    w.act("lawyer")
    case = w.col.cases.create(
        case_input(
            w.east.id, w.staff["lawyer"].id, facts=f"{WORKER_NAME}（身份证{WORKER_ID}）于2026年受雇"
        )
    ).value
    person_id = w.col.cases.detail(case.id).applicants[0].person.id
    w.col.money.add_claims(
        case.id,
        [WageClaimInput(person_id=person_id, amount="8000", description=f"{WORKER_NAME}工资")],
    )
    w.col.money.record_recovery(
        case.id,
        RecoveryInput(received_on=date(2026, 11, 20), amount="3000.50", person_id=person_id),
    )
    w.col.notes.add(case.id, f"已与{WORKER_NAME}电话{WORKER_PHONE}核实")
    w.col.consultations.create(
        ConsultationInput(
            channel="hotline_12351",
            topic="wage_arrears",
            caller_name=WORKER_NAME,
            caller_phone=WORKER_PHONE,
            person_id=person_id,
            question=f"{WORKER_NAME}询问欠薪",
        )
    )
    return case.id, person_id


def _stats(w: World) -> tuple[object, ...]:
    with w.col.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Case)),
            s.scalar(select(func.sum(Case.amount_claimed_fen))),
            s.scalar(select(func.sum(Recovery.amount_fen))),
            s.scalar(select(func.sum(WageClaim.amount_fen))),
            tuple(s.execute(select(Case.dispute_type, Case.received_on, Case.status)).all()),
            tuple(
                s.execute(
                    select(
                        Person.gender, Person.migrant_worker, Person.hukou_type, Person.office_id
                    )
                ).all()
            ),
        )


def test_export_holds_everything_and_is_audited(world: World) -> None:
    _, person_id = _setup(world)
    world.act("lawyer")
    with pytest.raises(PermissionDeniedError):
        export_person(world.col, person_id)
    world.act("east_sup")
    data = json.loads(export_person_json(world.col, person_id))
    assert data["person"]["id_number"] == WORKER_ID
    assert data["person"]["health_notes"] == "工伤后腰椎损伤"
    assert len(data["cases"]) == 1 and data["cases"][0]["amount_claimed_fen"] == 1234560
    assert data["wage_claims"][0]["amount_fen"] == 800000
    assert data["recoveries"][0]["amount_fen"] == 300050
    assert data["consultations"][0]["caller_phone"] == WORKER_PHONE
    assert any(r["action"] == "create" for r in data["processing_records"])
    with world.col.read() as s:
        assert (
            s.scalar(
                select(AuditEvent.staff_id).where(
                    AuditEvent.action == "export", AuditEvent.entity_id == person_id
                )
            )
            == world.staff["east_sup"].id
        )


def test_anonymise_keeps_statistics_and_removes_identity(world: World) -> None:
    case_id, person_id = _setup(world)
    before = _stats(world)
    world.act("east_sup")
    with pytest.raises(PermissionDeniedError):
        anonymise_person(world.col, person_id, "本人申请删除")
    world.act("admin")
    with pytest.raises(ValidationError):
        anonymise_person(world.col, person_id, "  ")
    report = anonymise_person(world.col, person_id, "本人依法申请删除个人信息")
    assert report.cases == 1 and report.texts_redacted >= 4
    assert _stats(world) == before
    assert world.col.cases.count(CaseFilter()) == 1

    person = world.col.parties.person(person_id)
    assert person.name == report.alias
    assert (person.id_number, person.phone, person.address) == (None, None, None)
    with world.col.read() as s:
        row = s.get(Person, person_id)
        assert row is not None and row.health_notes is None and row.notes is None
    assert person.birth_date == date(1985, 1, 1)
    detail = world.col.cases.detail(case_id)
    blob = json.dumps(
        [detail.case.title, detail.case.facts, [n.body for n in detail.notes]], ensure_ascii=False
    )
    assert WORKER_NAME not in blob and WORKER_ID not in blob and WORKER_PHONE not in blob
    assert world.col.search.all(WORKER_NAME).people == ()
    assert world.col.search.all(WORKER_NAME).cases == ()
    assert world.col.search.all(WORKER_PHONE).consultations == ()
    with world.col.read() as s:
        assert verify_chain(s).ok
    with pytest.raises(ValidationError):
        anonymise_person(world.col, person_id, "再次")
