"""The demo planner: a seeded, reproducible description of a desk's history.

``Planner(cases=N, seed=S, offices=K, today=D)`` decides the offices and staff, how
many cases each office received each year, and then yields one :class:`Block` per
office and year. Every block draws from its own random stream (seeded by the seed,
office and year), so the same arguments give the same data however it is loaded.

Distributions follow a city federation's year: wage arrears are the most common
dispute, construction and platform employers bring many cases, about one case in
twenty is a group case of 10–300 workers, close to half the workers are migrant
workers and a sizeable share work in new employment forms.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from legalaid.demo import data
from legalaid.demo.cases import CaseMaker
from legalaid.demo.model import Block, CasePlan, ConsultationPlan, EmployerPlan
from legalaid.demo.people import (
    Weighted,
    make_employers,
    make_offices,
    make_staff,
    person_name,
    zipf_weights,
)

# A desk's offices receive a few hundred cases a year each.
CASES_PER_OFFICE_YEAR = 450
MAX_YEARS = 20
CONSULTATIONS_PER_CASE = 1.8
CHINA = timedelta(hours=8)

_CHANNEL = Weighted(
    [("walk_in", 38), ("hotline_12351", 30), ("phone", 17), ("online", 12), ("outreach", 3)]
)
_TOPIC = Weighted(
    [
        ("wage_arrears", 46), ("labour_contract", 10), ("severance", 9), ("social_insurance", 9),
        ("work_injury", 7), ("labour_relation", 7), ("dismissal", 5), ("overtime", 4),
        ("other", 3),
    ]
)  # fmt: skip


def default_offices(cases: int) -> int:
    """Eleven offices (a city federation and ten districts) up to a city's scale; a
    province-sized history spreads over more offices."""
    if cases <= 20_000:
        return 11
    return max(11, min(111, round(cases / (MAX_YEARS * CASES_PER_OFFICE_YEAR))))


def default_years(cases: int, offices: int) -> int:
    return max(1, min(MAX_YEARS, math.ceil(cases / (offices * CASES_PER_OFFICE_YEAR))))


def local_time(rng: random.Random, day: date) -> datetime:
    """An office-hours moment on ``day`` (China time), as an aware UTC datetime."""
    minutes = rng.randrange(8 * 60 + 30, 17 * 60 + 30)
    local = datetime.combine(day, time(minutes // 60, minutes % 60, rng.randrange(60)))
    return (local - CHINA).replace(tzinfo=UTC, microsecond=rng.randrange(1, 1_000_000))


class Planner:
    """Decides everything about a demo history; loaders write what it yields.

    Args:
        cases: how many cases in total.
        seed: the random seed; the same seed gives the same data.
        offices: how many offices (default: see :func:`default_offices`).
        today: the last day of the history (the desk's today).
    """

    def __init__(
        self,
        cases: int,
        seed: int = 1,
        offices: int | None = None,
        today: date | None = None,
        years: int | None = None,
    ) -> None:
        if cases < 1:
            raise ValueError("at least one case")
        self.total = cases
        self.seed = seed
        self.today = today or date.today()
        rng = random.Random(f"{seed}/org")
        self.offices = make_offices(rng, offices or default_offices(cases))
        self.staff = make_staff(rng, self.offices)
        self.years = years or default_years(cases, len(self.offices))
        self.first_year = self.today.year - self.years + 1
        self.allocation = self._allocate(rng)
        self._employers: dict[int, tuple[list[EmployerPlan], list[float]]] = {}
        self.staff_by_office = {
            o.index: [s for s in self.staff if s.office == o.index] for o in self.offices
        }

    # -- how many cases where and when ---------------------------------------------------

    def _allocate(self, rng: random.Random) -> dict[tuple[int, int], int]:
        """Cases per (office, year): proportional to office size and a growing caseload,
        the current year counted only up to today; exactly ``total`` in all."""
        start_of_year = date(self.today.year, 1, 1)
        elapsed = ((self.today - start_of_year).days + 1) / 365.0
        weights: dict[tuple[int, int], float] = {}
        for y in range(self.first_year, self.today.year + 1):
            growth = 1.05 ** (y - self.first_year)
            share = elapsed if y == self.today.year else 1.0
            for o in self.offices:
                weights[(o.index, y)] = o.weight * growth * max(share, 0.02)
        total_w = sum(weights.values())
        exact = {k: self.total * w / total_w for k, w in weights.items()}
        counts = {k: int(v) for k, v in exact.items()}
        short = self.total - sum(counts.values())
        for k in sorted(exact, key=lambda k: (counts[k] - exact[k], k))[:short]:
            counts[k] += 1
        return counts

    def office_total(self, office: int) -> int:
        return sum(n for (o, _), n in self.allocation.items() if o == office)

    def employers(self, office: int) -> tuple[list[EmployerPlan], list[float]]:
        """The employers of an office (most cases first) and their cumulative weights."""
        if office not in self._employers:
            rng = random.Random(f"{self.seed}/employers/{office}")
            count = max(15, self.office_total(office) // 3)
            emps = make_employers(rng, self.offices[office], count)
            self._employers[office] = (emps, zipf_weights(count))
        return self._employers[office]

    # -- the history ----------------------------------------------------------------------

    def blocks(self) -> Iterator[Block]:
        """Every office's cases, a year at a time, oldest year first."""
        for year in range(self.first_year, self.today.year + 1):
            for office in self.offices:
                n = self.allocation.get((office.index, year), 0)
                yield self.block(office.index, year, n)

    def block(self, office: int, year: int, n: int) -> Block:
        rng = random.Random(f"{self.seed}/cases/{office}/{year}")
        first = date(year, 1, 1)
        last = min(date(year, 12, 31), self.today)
        span = (last - first).days + 1
        days = sorted(_workday(first + timedelta(days=rng.randrange(span)), last) for _ in range(n))
        maker = CaseMaker(self, rng, office, year)
        cases: list[CasePlan] = [maker.case(seq, day) for seq, day in enumerate(days, start=1)]
        # Consultations that stayed consultations: about 1.8 per case in all.
        extra = n * CONSULTATIONS_PER_CASE - sum(1 for c in cases if c.consultation)
        k = int(extra) + (1 if rng.random() < extra - int(extra) else 0)
        consults = sorted(
            (self.advice(rng, office, first + timedelta(days=rng.randrange(span)))
             for _ in range(max(k, 0))),
            key=lambda c: c.consulted_at,
        )  # fmt: skip
        return Block(office, year, cases, consults)

    def advice(self, rng: random.Random, office: int, day: date) -> ConsultationPlan:
        """A consultation answered on the spot (no case followed)."""
        topic = _TOPIC(rng)
        emps, cum = self.employers(office)
        employer = emps[_pick(rng, cum)].name if rng.random() < 0.6 else None
        gender = "M" if rng.random() < 0.6 else "F"
        channel = _CHANNEL(rng)
        q = rng.choice(data.QUESTIONS[topic]).format(months=rng.randint(1, 8))
        workers = rng.randint(2, 40) if topic == "wage_arrears" and rng.random() < 0.06 else 1
        from legalaid.demo.ids import mobile

        return ConsultationPlan(
            consulted_at=local_time(rng, min(day, self.today)),
            channel=channel,
            topic=topic,
            caller_name=person_name(rng, gender),
            caller_phone=mobile(rng) if channel != "outreach" and rng.random() < 0.85 else None,
            employer_name=employer,
            question=q,
            answer=rng.choice(data.ANSWERS),
            staff=self.pick_staff(rng, office, ("lawyer", "coordinator", "mediator")),
            worker_count=workers,
        )

    def pick_staff(self, rng: random.Random, office: int, roles: tuple[str, ...]) -> int:
        members = [s for s in self.staff_by_office[office] if s.role in roles]
        if not members:
            members = self.staff_by_office[office]
        return rng.choice(members).index


def _pick(rng: random.Random, cum: list[float]) -> int:
    import bisect

    return bisect.bisect_right(cum, rng.random() * cum[-1])


def _workday(d: date, last: date) -> date:
    """Most cases arrive on weekdays; move a Sunday to Monday (not past ``last``)."""
    if d.weekday() == 6 and d < last:
        return d + timedelta(days=1)
    return d
