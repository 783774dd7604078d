"""A federation with district offices and a season of work, built through the facade,
for the report and ledger tests."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from legalaid.collection import Collection
from legalaid.inputs import (
    AgreementInput,
    ApplicantInput,
    CaseInput,
    ConsultationInput,
    DeadlineInput,
    EmployerInput,
    MediationInput,
    PersonInput,
    RecoveryInput,
    ReferralInput,
    ReferralUpdate,
    RespondentInput,
)

TODAY = date(2026, 11, 24)
CST = timezone(timedelta(hours=8))


def id_number(region: str, birth: str, seq: str) -> str:
    """A valid 18-character ID number (GB 11643 check digit)."""
    body = region + birth + seq
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


def credit_code(base17: str) -> str:
    """A valid unified social credit code (GB 32100 check character)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(alphabet.index(c) * w for c, w in zip(base17, weights, strict=True))
    return base17 + alphabet[(31 - total % 31) % 31]


@dataclass
class World:
    col: Collection
    path: Path
    offices: dict[str, str] = field(default_factory=dict)  # name -> id
    staff: dict[str, str] = field(default_factory=dict)  # name -> id


DISPUTES = [
    "wage_arrears",
    "wage_arrears",
    "severance",
    "work_injury",
    "social_insurance",
    "labour_contract",
    "overtime",
    "labour_relation",
    "dismissal",
]
SOURCES = [
    "walk_in",
    "hotline_12351",
    "phone",
    "online",
    "court_delegated",
    "arbitration_referred",
    "inspection_referred",
]
METHODS = [
    None,
    "document_drafting",
    "negotiation_mediation",
    "arbitration_agency",
    "litigation_agency",
    "payment_order",
    "referral",
]
FORMS = [
    None,
    None,
    "standard",
    "delivery_rider",
    "courier",
    "ride_hailing",
    "livestreamer",
    "truck_driver",
]
KINDS = ["建筑", "餐饮", "物流", "科技"]
CHANNELS = ["walk_in", "phone", "hotline_12351", "online", "outreach"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def build_world(path: Path, seed: int = 7) -> World:
    rnd = random.Random(seed)
    col = Collection(path, today=lambda: TODAY)
    w = World(col, path)
    fed = col.admin.create_office("南昌市总工会", "洪工援").value
    east = col.admin.create_office("东湖区总工会", "东工援", parent_id=fed.id).value
    west = col.admin.create_office("西湖区总工会", "西工援", parent_id=fed.id).value
    station = col.admin.create_office("东湖区百花洲服务站", "百工援", parent_id=east.id).value
    for o in (fed, east, west, station):
        w.offices[o.name] = o.id
    people = [
        ("张律师", "zhang", fed),
        ("李调解", "li", fed),
        ('=HYPERLINK("x")', "evil", fed),
        ("王律师", "wang", east),
        ("赵调解", "zhao", east),
        ("钱律师", "qian", west),
        ("孙站长", "sun", station),
    ]
    for name, user, office in people:
        w.staff[name] = col.admin.create_staff(name, user, "lawyer", office_id=office.id).value.id
    staff_by_office = {
        oid: [
            sid for n, sid in w.staff.items() if any(p[0] == n and p[2].id == oid for p in people)
        ]
        for oid in w.offices.values()
    }

    # Consultations, with some at the edges of days in Beijing time.
    consult_days = [date(2025, 10, 1) + timedelta(days=rnd.randrange(0, 45)) for _ in range(12)]
    consult_days += [date(2026, 8, 1) + timedelta(days=rnd.randrange(0, 115)) for _ in range(70)]
    for i, d in enumerate(consult_days):
        oid = rnd.choice(list(w.offices.values()))
        when = datetime.combine(d, time(rnd.randrange(8, 18), rnd.randrange(60)), CST)
        col.consultations.create(
            ConsultationInput(
                caller_name=rnd.choice(SURNAMES) + rnd.choice(GIVEN),
                channel=rnd.choice(CHANNELS),
                topic=rnd.choice(DISPUTES),
                consulted_at=when,
                staff_id=rnd.choice(staff_by_office[oid]),
                office_id=oid,
                answer_summary=f"答复{i}",
            )
        )
    edges = [
        datetime(2026, 10, 31, 23, 30, tzinfo=CST),  # October in Beijing, 15:30 UTC
        datetime(2026, 9, 30, 23, 59, tzinfo=CST),  # September
        datetime(2026, 10, 1, 0, 5, tzinfo=CST),  # October, though 30 Sep in UTC
        datetime(2026, 11, 1, 0, 1, tzinfo=CST),  # November
    ]
    for when in edges:
        col.consultations.create(
            ConsultationInput(
                caller_name="边界",
                channel="hotline_12351",
                topic="overtime",
                consulted_at=when,
                office_id=fed.id,
                staff_id=w.staff["张律师"],
            )
        )
    archived = col.consultations.create(
        ConsultationInput(
            caller_name="作废",
            channel="phone",
            topic="overtime",
            consulted_at=datetime(2026, 10, 10, 10, tzinfo=CST),
            office_id=fed.id,
        )
    ).value
    with col.write() as s:  # an entry made by mistake, archived
        s.execute(
            text("UPDATE consultations SET archived_at = :t WHERE id = :i"),
            {"t": datetime(2026, 10, 11, tzinfo=UTC).replace(tzinfo=None), "i": archived.id},
        )

    # Cases.
    serial = 0
    for n in range(60):
        oid = rnd.choice(list(w.offices.values()))
        received = date(2025, 9, 1) + timedelta(days=rnd.randrange(0, 60))
        if n >= 12:
            received = date(2026, 7, 20) + timedelta(days=rnd.randrange(0, 120))
        applicants = []
        for _ in range(rnd.choice([1, 1, 1, 2, 3])):
            serial += 1
            form = rnd.choice(FORMS)
            applicants.append(
                ApplicantInput(
                    person=PersonInput(
                        name=rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN),
                        id_number=id_number(
                            "360102", f"19{rnd.randrange(60, 99)}0101", f"{serial:03d}"
                        ),
                        migrant_worker=rnd.random() < 0.4,
                        hardship_worker=rnd.random() < 0.2,
                        union_member=rnd.random() < 0.5,
                        employment_form=form,
                    )
                )
            )
        wc = rnd.choice([None, None, None, 5, 12, 30])
        case = col.cases.create(
            CaseInput(
                title=f"案件{n}",
                dispute_type=rnd.choice(DISPUTES),
                source=rnd.choice(SOURCES),
                received_on=received,
                applicants=applicants,
                respondents=[
                    RespondentInput(
                        employer=EmployerInput(
                            name=f"南昌某{KINDS[n % 4]}公司{n % 9}",
                            credit_code=credit_code(f"91360100MA3{n % 9:03d}AB{n % 7}"),
                        )
                    )
                ],
                handling_method=rnd.choice(METHODS),
                lead_staff_id=rnd.choice(staff_by_office[oid]),
                worker_count=wc if wc is None or wc >= len(applicants) else None,
                amount_claimed=f"{rnd.randrange(1000, 90000)}.{rnd.randrange(100):02d}",
                office_id=oid,
            )
        ).value
        roll = rnd.random()
        if roll < 0.1:
            col.cases.transition(
                case.id,
                "refused",
                expected_version=case.version,
                on=received + timedelta(days=2),
                reason="不符合条件",
            )
            continue
        if roll < 0.17:
            continue  # still at intake
        accepted_on = min(received + timedelta(days=rnd.randrange(0, 6)), TODAY)
        case = col.cases.transition(
            case.id, "accepted", expected_version=case.version, on=accepted_on
        ).value
        _activity(w, rnd, case.id, accepted_on)
        if rnd.random() < 0.55:
            closed_on = min(accepted_on + timedelta(days=rnd.randrange(3, 70)), TODAY)
            case = col.cases.get(case.id)
            case = col.cases.transition(
                case.id,
                "closed",
                expected_version=case.version,
                on=closed_on,
                outcome=rnd.choice(["mediated", "negotiated", "award_won", "withdrawn"]),
            ).value
            if rnd.random() < 0.12:  # reopened
                col.cases.transition(
                    case.id,
                    "accepted",
                    expected_version=case.version,
                    on=min(closed_on + timedelta(days=3), TODAY),
                    reason="重新办理",
                )
        if n % 23 == 5:
            case = col.cases.get(case.id)
            col.cases.archive(case.id, expected_version=case.version, reason="录入错误")
    return w


def _activity(w: World, rnd: random.Random, case_id: str, start: date) -> None:
    col = w.col
    for _ in range(rnd.choice([0, 1, 1, 2])):
        got = min(start + timedelta(days=rnd.randrange(1, 60)), TODAY)
        rec = col.money.record_recovery(
            case_id,
            RecoveryInput(
                received_on=got,
                amount=f"{rnd.randrange(100, 50000)}.{rnd.randrange(100):02d}",
                kind=rnd.choice(["wage_arrears", "wage_arrears", "compensation", "injury"]),
            ),
        ).value
        if rnd.random() < 0.1:
            col.money.reverse_recovery(rec.id, "录入错误")
    if rnd.random() < 0.35:
        body = rnd.choice(["court", "arbitration", "labour_inspection", "hrss", "legal_aid_centre"])
        ref = col.procedures.add_referral(
            case_id,
            ReferralInput(
                direction=rnd.choice(["outgoing", "outgoing", "incoming"]),
                body_type=body,
                body_name="某机构",
                sent_on=min(start + timedelta(days=rnd.randrange(0, 20)), TODAY),
            ),
        ).value
        status = rnd.choice([None, "accepted", "completed", "returned"])
        if status:
            col.procedures.update_referral(
                ref.id, ReferralUpdate(expected_version=ref.version, status=status)
            )
    if rnd.random() < 0.4:
        started = min(start + timedelta(days=rnd.randrange(0, 20)), TODAY)
        med_id = col.procedures.start_mediation(
            case_id,
            MediationInput(
                started_on=started,
                stage=rnd.choice(
                    ["pre_arbitration", "pre_arbitration", "in_arbitration", "in_litigation"]
                ),
            ),
        ).value
        roll = rnd.random()
        if roll < 0.45:
            col.procedures.record_agreement(
                med_id,
                AgreementInput(
                    agreement_on=started,
                    amount=f"{rnd.randrange(1000, 20000)}.00",
                    performance_deadline=started + timedelta(days=15),
                ),
                expected_version=1,
            )
        elif roll < 0.75:
            col.procedures.update_mediation(
                med_id, expected_version=1, status=rnd.choice(["failed", "withdrawn"])
            )
    if rnd.random() < 0.5:
        due = start + timedelta(days=rnd.randrange(1, 40))
        d = col.deadlines.create(
            DeadlineInput(
                title="提交证据",
                due_on=due,
                case_id=case_id,
                responsible_id=rnd.choice(list(w.staff.values())),
            )
        ).value
        if rnd.random() < 0.5:
            # Done on the due day (late evening Beijing time) or a day late.
            late = rnd.random() < 0.5
            done = datetime.combine(
                due + timedelta(days=1 if late else 0), time(23, 30), CST
            ).astimezone(UTC)
            with col.write() as s:
                s.execute(
                    text("UPDATE deadlines SET done_at = :t WHERE id = :i"),
                    {"t": done.replace(tzinfo=None), "i": d.id},
                )


@pytest.fixture(scope="session")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The world is built once; each test gets its own copy of the file."""
    path = tmp_path_factory.mktemp("world") / "world.db"
    w = build_world(path)
    w.col.close()
    return path


@pytest.fixture
def world(world_template: Path, tmp_path: Path) -> Iterator[World]:
    import shutil
    import sqlite3

    path = tmp_path / "desk.db"
    src = sqlite3.connect(world_template)
    dst = sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    shutil.copystat(world_template, path)
    col = Collection(path, today=lambda: TODAY)
    w = World(col, path)
    for o in col.admin.offices():
        w.offices[o.name] = o.id
    for m in col.admin.staff(active_only=False):
        w.staff[m.name] = m.id
    yield w
    col.close()


@pytest.fixture
def empty_col(tmp_path: Path) -> Iterator[Collection]:
    col = Collection(tmp_path / "empty.db", today=lambda: TODAY)
    col.admin.create_office("南昌市总工会", "洪工援")
    yield col
    col.close()
