"""Permissions enforced by the core for each role (the sync service's side is tested
with the sync service)."""

from __future__ import annotations

from datetime import date

import pytest

from legalaid import dto
from legalaid.errors import PermissionDeniedError
from legalaid.inputs import CaseUpdate, ConsultationInput, PersonInput, RecoveryInput
from tests.trust.conftest import World, case_input


def _case(w: World, lead: str, office: str = "east") -> dto.CaseInfo:
    w.act(None)
    office_id = getattr(w, office).id
    return w.col.cases.create(case_input(office_id, w.staff[lead].id)).value


def _update(w: World, case: dto.CaseInfo, title: str) -> dto.CaseInfo:
    current = w.col.cases.get(case.id)
    return w.col.cases.update(
        case.id, CaseUpdate(expected_version=current.version, title=title)
    ).value


def test_lawyer_changes_own_cases_reads_office_and_nothing_else(world: World) -> None:
    mine = _case(world, "lawyer")
    colleague = _case(world, "lawyer2")
    other_office = _case(world, "west_lawyer", "west")
    world.act("lawyer")

    assert _update(world, mine, "新标题").title == "新标题"
    world.col.notes.add(mine.id, "已电话联系用人单位")
    world.col.money.record_recovery(
        mine.id, RecoveryInput(received_on=date(2026, 11, 20), amount="500")
    )
    # Same office, not theirs: may read, may not change.
    assert world.col.cases.get(colleague.id).id == colleague.id
    assert world.col.cases.detail(colleague.id).case.id == colleague.id
    with pytest.raises(PermissionDeniedError):
        _update(world, colleague, "改别人的案子")
    with pytest.raises(PermissionDeniedError):
        world.col.notes.add(colleague.id, "x")
    with pytest.raises(PermissionDeniedError):
        world.col.money.record_recovery(
            colleague.id, RecoveryInput(received_on=date(2026, 11, 20), amount="1")
        )
    # Another office: neither.
    with pytest.raises(PermissionDeniedError):
        world.col.cases.get(other_office.id)
    with pytest.raises(PermissionDeniedError):
        world.col.cases.detail(other_office.id)
    ids = set(world.col.cases.ids(dto.CaseFilter()))
    assert ids == {mine.id, colleague.id}
    assert world.col.cases.count(dto.CaseFilter(office_ids=(world.west.id,))) == 0
    assert world.col.cases.rows([other_office.id]) == []
    # Administration is not theirs.
    with pytest.raises(PermissionDeniedError):
        world.col.admin.create_office("青山湖区总工会", "青工援")
    with pytest.raises(PermissionDeniedError):
        world.col.admin.create_staff("新人", "newbie", "lawyer")
    with pytest.raises(PermissionDeniedError):
        world.col.admin.set_setting("documents.fonts", "{}")
    # Nothing half-written by the refused calls.
    world.act(None)
    assert world.col.cases.get(colleague.id).title == colleague.title
    assert world.col.admin.get_setting("documents.fonts") is None


def test_assisting_staff_may_change_the_case(world: World) -> None:
    case = _case(world, "lawyer")
    world.act("east_sup")
    current = world.col.cases.get(case.id)
    world.col.cases.update(
        case.id,
        CaseUpdate(
            expected_version=current.version, assisting_staff_ids=[world.staff["mediator"].id]
        ),
    )
    world.act("mediator")
    assert _update(world, case, "调解员协办修改").title == "调解员协办修改"
    world.act("lawyer2")
    with pytest.raises(PermissionDeniedError):
        _update(world, case, "x")


def test_supervisor_sees_and_changes_office_but_not_other_offices(world: World) -> None:
    east = _case(world, "lawyer")
    west = _case(world, "west_lawyer", "west")
    world.act("east_sup")
    assert _update(world, east, "主管调整").title == "主管调整"
    assert set(world.col.cases.ids(dto.CaseFilter())) == {east.id}
    with pytest.raises(PermissionDeniedError):
        world.col.cases.get(west.id)
    data = world.col.dashboard.load(office_ids=[world.west.id])
    assert data is not None
    # Asking for another office's numbers yields nothing of theirs.
    assert world.col.cases.count(dto.CaseFilter(office_ids=(world.west.id,))) == 0


def test_federation_supervisor_sees_district_offices(world: World) -> None:
    east = _case(world, "lawyer")
    west = _case(world, "west_lawyer", "west")
    world.act("fed_sup")
    assert set(world.col.cases.ids(dto.CaseFilter())) == {east.id, west.id}
    assert world.col.cases.get(west.id).id == west.id
    assert world.col.cases.count(dto.CaseFilter(office_ids=(world.west.id,))) == 1
    with pytest.raises(PermissionDeniedError):
        world.col.admin.create_staff("新人", "newbie", "lawyer", office_id=world.east.id)


def test_counsellor_records_consultations_but_changes_no_case(world: World) -> None:
    case = _case(world, "lawyer")
    world.act("counsellor")
    op = world.col.consultations.create(
        ConsultationInput(channel="walk_in", topic="wage_arrears", caller_name="周师傅")
    )
    assert op.value.office_id == world.east.id
    assert world.col.cases.get(case.id).id == case.id
    with pytest.raises(PermissionDeniedError):
        _update(world, case, "x")
    with pytest.raises(PermissionDeniedError):
        world.col.cases.create(case_input(world.east.id))
    with pytest.raises(PermissionDeniedError):
        world.col.consultations.convert_to_case(op.value.id)


def test_person_views_are_scoped_and_audited(world: World) -> None:
    west = _case(world, "west_lawyer", "west")
    world.act(None)
    person_id = world.col.cases.detail(west.id).applicants[0].person.id
    world.act("lawyer")
    with pytest.raises(PermissionDeniedError):
        world.col.parties.person(person_id)
    with pytest.raises(PermissionDeniedError):
        world.col.parties.update_person(person_id, PersonInput(name="改名"), expected_version=1)
    world.act("west_lawyer")
    assert world.col.parties.person(person_id).name
    world.act(None)
    views = [e for e in world.col.cases.history(west.id) if e.action == "view"]
    assert views
    with world.col.read() as s:
        from sqlalchemy import select

        from legalaid.models import AuditEvent

        viewers = set(
            s.scalars(
                select(AuditEvent.staff_id).where(
                    AuditEvent.entity == "person",
                    AuditEvent.entity_id == person_id,
                    AuditEvent.action == "view",
                )
            )
        )
    assert viewers == {world.staff["west_lawyer"].id}


def test_search_and_duplicates_stay_in_scope(world: World) -> None:
    _case(world, "west_lawyer", "west")
    world.act("lawyer")
    found = world.col.search.all("李秀英")
    assert found.cases == () and found.people == ()
    from tests.trust.conftest import WORKER_ID

    assert world.col.parties.duplicates(id_number=WORKER_ID).people == ()
    world.act("fed_sup")
    assert len(world.col.search.all("李秀英").cases) == 1
    assert len(world.col.parties.duplicates(id_number=WORKER_ID).people) == 1


def test_admin_manages_staff_offices_settings(world: World) -> None:
    world.act("admin")
    office = world.col.admin.create_office(
        "青山湖区总工会", "青工援", parent_id=world.federation.id
    )
    member = world.col.admin.create_staff(
        "新律师", "newlawyer", "lawyer", office_id=office.value.id
    )
    world.col.admin.set_setting("security.idle_lock_minutes", "5")
    assert member.value.office_id == office.value.id


def test_inactive_actor_has_no_permissions(world: World) -> None:
    case = _case(world, "lawyer")
    world.act("admin")
    lawyer = world.staff["lawyer"]
    off = world.col.admin.update_staff(lawyer.id, expected_version=lawyer.version + 1, active=False)
    world.col.set_actor(off.value)
    with pytest.raises(PermissionDeniedError):
        world.col.cases.get(case.id)
