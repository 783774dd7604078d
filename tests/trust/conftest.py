"""Fixtures for accounts, permissions, encryption, backups and crash tests.

Argon2 runs with low cost here (LEGALAID_ARGON2_FAST) so hashing hundreds of passwords
stays quick; the parameters are stored in each hash, so nothing else changes.
"""

from __future__ import annotations

import os

os.environ.setdefault("LEGALAID_ARGON2_FAST", "1")

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from legalaid import dto
from legalaid.collection import Collection
from legalaid.inputs import (
    ApplicantInput,
    CaseInput,
    EmployerInput,
    PersonInput,
    RespondentInput,
)
from legalaid.security.auth import Auth

TODAY = date(2026, 11, 24)
PASSWORD = "Correct-Horse-7"

# CI runs a few hundred examples per fuzz test; a developer may ask for more.
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def id_number(region: str, birth: str, seq: str) -> str:
    """A valid 18-character ID number (GB 11643 check digit)."""
    body = region + birth + seq
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


WORKER_NAME = "李秀英"
WORKER_ID = id_number("360102", "19850315", "124")
WORKER_PHONE = "13912345678"


def case_input(office_id: str | None = None, lead: str | None = None, **kw: object) -> CaseInput:
    return CaseInput(
        title=str(kw.pop("title", f"{WORKER_NAME}诉南昌建工集团拖欠工资")),
        dispute_type="wage_arrears",
        source="walk_in",
        received_on=date(2026, 11, 2),
        applicants=[
            ApplicantInput(
                person=PersonInput(
                    name=str(kw.pop("name", WORKER_NAME)),
                    id_number=str(kw.pop("id_number", WORKER_ID)),
                    phone=WORKER_PHONE,
                    address="南昌市东湖区八一大道100号",
                    health_notes="工伤后腰椎损伤",
                )
            )
        ],
        respondents=[RespondentInput(employer=EmployerInput(name="南昌建工集团有限公司"))],
        lead_staff_id=lead,
        office_id=office_id,
        amount_claimed=str(kw.pop("amount_claimed", "12345.60")),
        **kw,  # type: ignore[arg-type]
    )


@dataclass
class World:
    """A federation with two district offices and one account per role."""

    col: Collection
    path: Path
    federation: dto.OfficeInfo
    east: dto.OfficeInfo
    west: dto.OfficeInfo
    staff: dict[str, dto.StaffInfo]

    def act(self, who: str | None) -> None:
        self.col.set_actor(self.staff[who] if who else None)


def build_world(path: Path) -> World:
    col = Collection(path, today=lambda: TODAY)
    fed = col.admin.create_office("南昌市总工会", "洪工援").value
    east = col.admin.create_office("东湖区总工会", "东工援", parent_id=fed.id).value
    west = col.admin.create_office("西湖区总工会", "西工援", parent_id=fed.id).value
    people = {
        "admin": ("管理员", "admin", fed.id),
        "fed_sup": ("市总主管", "supervisor", fed.id),
        "east_sup": ("东湖主管", "supervisor", east.id),
        "lawyer": ("张律师", "lawyer", east.id),
        "lawyer2": ("王律师", "lawyer", east.id),
        "mediator": ("刘调解员", "mediator", east.id),
        "counsellor": ("陈咨询师", "counsellor", east.id),
        "west_lawyer": ("赵律师", "lawyer", west.id),
    }
    staff = {}
    auth = Auth(col)
    for username, (name, role, office) in people.items():
        staff[username] = col.admin.create_staff(name, username, role, office_id=office).value
        auth.set_password(staff[username].id, PASSWORD)
    return World(col, path, fed, east, west, staff)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = build_world(tmp_path / "desk.db")
    yield w
    w.col.close()
