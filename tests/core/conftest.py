from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from legalaid import dto
from legalaid.collection import Collection
from legalaid.inputs import (
    ApplicantInput,
    CaseInput,
    EmployerInput,
    PersonInput,
    RespondentInput,
)

TODAY = date(2026, 11, 24)


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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.db"


@pytest.fixture
def col(db_path: Path) -> Iterator[Collection]:
    c = Collection(db_path, today=lambda: TODAY)
    office = c.admin.create_office("南昌市总工会", "洪工援").value
    lawyer = c.admin.create_staff("张律师", "zhang", "lawyer", office_id=office.id).value
    c.set_actor(lawyer)
    yield c
    c.close()


@pytest.fixture
def lawyer(col: Collection) -> dto.StaffInfo:
    assert col.actor is not None
    return col.actor


def new_case(col: Collection, **kw: object) -> dto.CaseInfo:
    data = CaseInput(
        title=str(kw.pop("title", "李四诉南昌建工集团拖欠工资")),
        dispute_type=str(kw.pop("dispute_type", "wage_arrears")),
        source=str(kw.pop("source", "walk_in")),
        received_on=kw.pop("received_on", date(2026, 11, 2)),  # type: ignore[arg-type]
        applicants=kw.pop(  # type: ignore[arg-type]
            "applicants",
            [ApplicantInput(person=PersonInput(
                name="李四", id_number=id_number("360102", "19850315", "123"),
                phone="13800138000", migrant_worker=True))],
        ),
        respondents=kw.pop(  # type: ignore[arg-type]
            "respondents",
            [RespondentInput(employer=EmployerInput(
                name="南昌建工集团有限公司", credit_code=credit_code("91360100MA35ABCDE")))],
        ),
        lead_staff_id=kw.pop("lead_staff_id", col.actor_id),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )
    return col.cases.create(data).value
