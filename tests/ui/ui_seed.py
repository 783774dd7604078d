"""Test data for the desktop tests, written through the core (facade for realistic
records, bulk inserts of the core's own tables for thousands of cases)."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from legalaid.collection import Collection
from legalaid.inputs import (
    ApplicantInput,
    CaseInput,
    ConsultationInput,
    EmployerInput,
    PersonInput,
    RespondentInput,
)
from legalaid.models import Case, CaseApplicant, CaseRespondent, Deadline, Employer, Person

TODAY = date.today()
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"]
COMPANIES = ["宏达建筑劳务", "顺丰速运", "美团骑手站", "恒信电子", "红谷滩物业", "赣江餐饮"]
STATUSES = ["intake", "accepted", "negotiation", "mediation", "arbitration", "closed"]
DISPUTES = ["wage_arrears", "severance", "work_injury", "overtime", "dismissal"]
SOURCES = ["walk_in", "hotline_12351", "phone", "court_delegated"]
# A valid resident ID number (checksum correct).
ID_NUMBER = "110101199003074514"


def base_db(path: Path) -> dict[str, str]:
    """An office, an administrator, a lawyer, a few real cases and consultations."""
    col = Collection(path)
    try:
        office = col.admin.create_office("南昌市总工会职工法律援助中心", "洪工援").value
        admin = col.admin.create_staff("李明", "liming", "admin", office_id=office.id).value
        lawyer = col.admin.create_staff("王律师", "wang", "lawyer", office_id=office.id).value
        col.set_actor(admin)
        case = col.cases.create(
            CaseInput(
                title="张伟追索劳动报酬案",
                dispute_type="wage_arrears",
                source="walk_in",
                received_on=TODAY - timedelta(days=20),
                applicants=[
                    ApplicantInput(
                        person=PersonInput(name="张伟", id_number=ID_NUMBER, phone="13800138000")
                    )
                ],
                respondents=[
                    RespondentInput(employer=EmployerInput(name="南昌宏达建筑劳务有限公司"))
                ],
                lead_staff_id=admin.id,
                amount_claimed="48000",
            )
        ).value
        col.consultations.create(
            ConsultationInput(
                caller_name="王芳",
                channel="hotline_12351",
                topic="overtime",
                caller_phone="13900139000",
                question="加班费怎么计算？",
            )
        )
        return {"office": office.id, "admin": admin.id, "lawyer": lawyer.id, "case": case.id}
    finally:
        col.close()


def bulk_cases(path: Path, n: int, office_id: str, staff_id: str, seed: int = 7) -> None:
    """``n`` more cases with a worker, an employer and a deadline each (bulk inserts)."""
    rnd = random.Random(seed)
    col = Collection(path)
    now = datetime.now(UTC)
    try:
        with col.write() as s:
            batch = 5000
            for start in range(0, n, batch):
                cases, people, employers, apps, resps, deadlines = [], [], [], [], [], []
                for i in range(start, min(n, start + batch)):
                    cid, pid, eid = (str(uuid.uuid4()) for _ in range(3))
                    name = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN)
                    company = f"南昌{rnd.choice(COMPANIES)}有限公司{i % 97}"
                    received = TODAY - timedelta(days=rnd.randrange(0, 900))
                    status = rnd.choice(STATUSES)
                    seq = 1000 + i
                    common = {
                        "office_id": office_id,
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                    }
                    cases.append(
                        {
                            "id": cid,
                            **common,
                            "number": f"洪工援〔{received.year}〕第{seq:05d}号",
                            "year": received.year,
                            "seq": seq,
                            "title": f"{name}追索劳动报酬案",
                            "status": status,
                            "dispute_type": rnd.choice(DISPUTES),
                            "other_dispute_types": "",
                            "source": rnd.choice(SOURCES),
                            "received_on": received,
                            "accepted_on": received + timedelta(days=2)
                            if status != "intake"
                            else None,
                            "closed_on": received + timedelta(days=60)
                            if status == "closed"
                            else None,
                            "lead_staff_id": staff_id if i % 3 == 0 else None,
                            "worker_count": 1 + i % 4,
                            "amount_claimed_fen": rnd.randrange(0, 10**8),
                            "urgent": False,
                            "ledger_recovered_fen": 0,
                            "ledger_wage_recovered_fen": 0,
                        }
                    )
                    people.append(
                        {
                            "id": pid,
                            **common,
                            "name": name,
                            "union_member": False,
                            "hardship_worker": False,
                            "migrant_worker": True,
                        }
                    )
                    employers.append({"id": eid, **common, "name": company})
                    apps.append(
                        {
                            "id": str(uuid.uuid4()),
                            **common,
                            "case_id": cid,
                            "person_id": pid,
                            "role": "applicant",
                            "position": 0,
                        }
                    )
                    resps.append(
                        {
                            "id": str(uuid.uuid4()),
                            **common,
                            "case_id": cid,
                            "employer_id": eid,
                            "role": "employer",
                            "position": 0,
                        }
                    )
                    if status != "closed" and i % 5 == 0:
                        deadlines.append(
                            {
                                "id": str(uuid.uuid4()),
                                **common,
                                "case_id": cid,
                                "title": "仲裁裁决期限",
                                "statutory": True,
                                "due_on": TODAY + timedelta(days=rnd.randrange(-30, 60)),
                            }
                        )
                s.execute(insert(Case), cases)
                s.execute(insert(Person), people)
                s.execute(insert(Employer), employers)
                s.execute(insert(CaseApplicant), apps)
                s.execute(insert(CaseRespondent), resps)
                if deadlines:
                    s.execute(insert(Deadline), deadlines)
    finally:
        col.close()
