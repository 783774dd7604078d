"""Offices, staff, employers and workers for the demo: who they are, not what happens."""

from __future__ import annotations

import bisect
import functools
import itertools
import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeVar

from legalaid.demo import data, ids
from legalaid.demo.model import EmployerPlan, OfficePlan, PersonPlan, StaffPlan

T = TypeVar("T")

_SURNAMES = [s for s, _ in data.SURNAMES]
_SURNAME_CUM = list(itertools.accumulate(w for _, w in data.SURNAMES))
_RURAL_JIANGXI = [code for code, _, county in data.REGIONS if code[4:] >= "21"]
_NANCHANG_URBAN = ("360102", "360103", "360104", "360111")
_ALWAYS_VALID = "360121"  # 南昌县: one name since before the first ID numbers


@functools.cache
def region_years(code: str) -> tuple[int, int]:
    """The years a division code was in use (from the division list python-stdnum ships,
    the one the ID check consults)."""
    from stdnum import numdb

    info = {k: v for _, props in numdb.get("cn/loc").info(code) for k, v in props.items()}
    county = info.get("county")
    if not county:
        return (9999, 0)
    first, last = 9999, 0
    for part in county.split(","):
        if not part.startswith("["):
            return (0, 9999)
        span = part[1:].split("]")[0]
        start, _, end = span.partition("-")
        first = min(first, int(start or 0))
        last = max(last, int(end or 9999))
    return (first, last)


def region_valid(code: str, year: int) -> bool:
    first, last = region_years(code)
    return first <= year <= last


class Weighted:
    """A fixed weighted choice, drawn with one random number and a bisection."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.items = [p[0] for p in pairs]
        self.cum = list(itertools.accumulate(p[1] for p in pairs))
        self.total = self.cum[-1]

    def __call__(self, rng: random.Random):  # type: ignore[no-untyped-def]
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


def person_name(rng: random.Random, gender: str) -> str:
    surname = _SURNAMES[bisect.bisect_right(_SURNAME_CUM, rng.random() * _SURNAME_CUM[-1])]
    pool = data.GIVEN_MALE if gender == "M" else data.GIVEN_FEMALE
    given = rng.choice(pool)
    if rng.random() < 0.7:  # most given names have two characters
        given += rng.choice(pool)
    return surname + given


# -- offices and staff -------------------------------------------------------------------

_ROLE_MIX_FEDERATION = (
    ("lawyer", 3), ("mediator", 2), ("coordinator", 1), ("counsellor", 1),
    ("supervisor", 1), ("admin", 1),
)  # fmt: skip
_ROLE_MIX_DISTRICT = (("lawyer", 2), ("mediator", 1), ("coordinator", 1), ("supervisor", 1))


def make_offices(rng: random.Random, count: int) -> list[OfficePlan]:
    """A city federation (Nanchang, prefix 洪工援) and ``count - 1`` offices below it:
    Nanchang's districts first, then the other counties and cities of the province."""
    offices = [
        OfficePlan(
            0, "南昌市总工会", "市总工会", "洪工援", None, "360100",
            "南昌市红谷滩区红谷中大道1368号", "0791-86212351", 1.6,
        )
    ]  # fmt: skip
    used = {"洪工援"}
    regions = list(data.REGIONS)
    i = 0
    while len(offices) < count:
        if i < len(regions):
            code, city, county = regions[i]
            name = f"{city}{county}总工会"
            short = county
        else:  # beyond the province's counties: numbered service stations
            n = i - len(regions) + 1
            code, city, county = regions[n % len(regions)]
            name = f"{city}{county}第{n}职工法律服务站"
            short = f"{county}{n}站"
        i += 1
        prefix = _prefix(short, used)
        used.add(prefix)
        offices.append(
            OfficePlan(
                len(offices),
                name,
                short,
                prefix,
                0,
                code,
                f"{city}{county}{rng.choice(data.STREETS)}{rng.randint(1, 999)}号",
                f"0{rng.choice(('791', '792', '793', '794', '795', '796', '797', '798'))}-"
                f"{rng.randint(2, 8)}{rng.randrange(1_000_000):06d}",
                rng.uniform(0.6, 1.4),
            )
        )
    return offices


def _prefix(short: str, used: set[str]) -> str:
    stem = short.rstrip("区县市")
    for n in range(1, len(stem) + 1):
        candidate = stem[:n] + "工援"
        if candidate not in used:
            return candidate
    n = 2
    while f"{stem}{n}工援" in used:
        n += 1
    return f"{stem}{n}工援"


def make_staff(rng: random.Random, offices: list[OfficePlan]) -> list[StaffPlan]:
    out: list[StaffPlan] = []
    for office in offices:
        mix = _ROLE_MIX_FEDERATION if office.parent is None else _ROLE_MIX_DISTRICT
        n = 0
        for role, count in mix:
            extra = rng.randint(0, 1) if role in ("lawyer", "mediator") else 0
            for _ in range(count + extra):
                n += 1
                gender = "M" if rng.random() < 0.5 else "F"
                username = (
                    "admin"
                    if role == "admin" and office.index == 0
                    else (f"u{office.index:03d}{n:02d}")
                )
                out.append(
                    StaffPlan(
                        len(out),
                        office.index,
                        person_name(rng, gender),
                        username,
                        role,
                        ids.mobile(rng),
                    )
                )
    return out


# -- employers ----------------------------------------------------------------------------

_INDUSTRY = Weighted([(code, w) for code, (_, _, w) in data.INDUSTRIES.items()])


def make_employers(rng: random.Random, office: OfficePlan, count: int) -> list[EmployerPlan]:
    """Employers around one office, most frequent first (cases pick them with a
    Zipf-like skew, so a few construction firms and platforms have many cases)."""
    city = office.name[: office.name.find("市") + 1] or "南昌市"
    out: list[EmployerPlan] = []
    names: set[str] = set()
    for n in range(count):
        industry = _INDUSTRY(rng)
        _, suffixes, _ = data.INDUSTRIES[industry]
        for _ in range(20):
            brand = rng.choice(data.BRAND_WORDS)
            if rng.random() < 0.4:
                brand += rng.choice(data.BRAND_WORDS)
            place = city.removesuffix("市") if rng.random() < 0.7 else "江西"
            name = f"{place}{brand}{rng.choice(suffixes)}"
            if name not in names:
                break
        else:
            name = f"{name[:-4]}第{n}分公司"
        names.add(name)
        region = office.region if office.region[4:] != "00" else "360100"
        out.append(
            EmployerPlan(
                f"o{office.index}e{n}",
                office.index,
                industry,
                name,
                ids.credit_code(rng, region),
                f"{city}{rng.choice(data.STREETS)}{rng.randint(1, 2000)}号",
                person_name(rng, "M" if rng.random() < 0.8 else "F"),
                ids.mobile(rng) if rng.random() < 0.6 else None,
            )
        )
    return out


def zipf_weights(count: int, s: float = 0.9) -> list[float]:
    return list(itertools.accumulate(1.0 / (i + 1) ** s for i in range(count)))


# -- workers ----------------------------------------------------------------------------

_RELATION_NEW_FORM = Weighted([("labour", 30), ("incomplete", 50), ("civil", 20)])
_DEFAULT_FORM = Weighted([("standard", 80), ("part_time", 8), ("dispatch", 7), ("flexible", 5)])
_FORMS = {k: Weighted(v) for k, v in data.FORMS.items()}
_FORM_JOB = {
    "delivery_rider": "外卖骑手",
    "courier": "快递员",
    "ride_hailing": "网约车司机",
    "livestreamer": "网络主播",
    "truck_driver": "货车司机",
}
NEW_FORMS = frozenset({"delivery_rider", "courier", "ride_hailing", "livestreamer", "truck_driver"})


def make_person(
    rng: random.Random, key: str, office: OfficePlan, industry: str, on: date
) -> PersonPlan:
    """A worker as the desk records them on ``on``."""
    gender = (
        "M" if rng.random() < (0.8 if industry in ("construction", "platform") else 0.6) else "F"
    )
    migrant = rng.random() < (0.75 if industry in ("construction", "labour_subcontract") else 0.4)
    age = rng.randint(22, 58) if migrant else rng.randint(19, 60)
    birth = date(on.year - age, 1, 1) + timedelta(days=rng.randrange(365))
    if migrant:
        pool: Sequence[str] = _RURAL_JIANGXI if rng.random() < 0.55 else data.MIGRANT_REGIONS
        region = rng.choice(pool)
        hukou = "rural"
    else:
        pool = _NANCHANG_URBAN
        region = office.region if office.region[4:] != "00" else rng.choice(pool)
        hukou = "urban" if rng.random() < 0.8 else "rural"
    for _ in range(6):  # the code must have existed when the number was issued at birth
        if region_valid(region, birth.year):
            break
        region = rng.choice(pool)
    else:
        region = _ALWAYS_VALID
    form = _FORMS[industry](rng) if industry in _FORMS else _DEFAULT_FORM(rng)
    relation = _RELATION_NEW_FORM(rng) if form in NEW_FORMS else "labour"
    has_id = rng.random() < 0.97
    city = office.name[: office.name.find("市") + 1] or "南昌市"
    address = (
        f"{city}{rng.choice(data.STREETS)}{rng.randint(1, 300)}号" if rng.random() < 0.8 else None
    )
    return PersonPlan(
        key=key,
        name=person_name(rng, gender),
        gender=gender,
        id_number=ids.id_number(rng, region, birth, gender) if has_id else None,
        birth_date=birth,
        phone=ids.mobile(rng) if rng.random() < 0.95 else None,
        address=address,
        hukou_type=hukou,
        union_member=rng.random() < 0.3,
        hardship_worker=rng.random() < 0.05,
        migrant_worker=migrant,
        employment_form=form,
        legal_relation=relation,
        occupation=_FORM_JOB.get(form) or rng.choice(data.OCCUPATIONS.get(industry, ("职工",))),
    )
