"""Compute a :class:`~legalaid.reports.model.Summary` from the database.

The queries in :mod:`legalaid.reports.queries` return grouped rows; this module folds
those (few) rows into the tables of the report. Nothing here loops over cases.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy.orm import Session

from legalaid.reports import queries as q
from legalaid.reports.definitions import definitions
from legalaid.reports.model import (
    CaseBreakdown,
    Comparison,
    Count,
    Headline,
    MediationRow,
    Money,
    MoneyRow,
    OfficeRow,
    ReferralRow,
    StaffLoad,
    Summary,
    Workers,
)
from legalaid.reports.periods import Period
from legalaid.vocab import (
    BODY_TYPES,
    CASE_SOURCES,
    CHANNELS,
    DISPUTE_TYPES,
    EMPLOYMENT_FORMS,
    HANDLING_METHODS,
    NEW_EMPLOYMENT_FORMS,
    OUTCOMES,
    RECOVERY_KINDS,
    REFERRAL_STATUSES,
    Vocabulary,
)

Progress = Callable[[int, int, str], None]

NOT_SET = "未填写"
PRE_ARBITRATION = ("pre_arbitration",)
POST_ARBITRATION = ("in_arbitration", "pre_litigation", "in_litigation")


@dataclass(frozen=True)
class OfficeNode:
    id: str
    name: str
    parent_id: str | None


def _label(vocab: Vocabulary, code: str | None) -> str:
    if not code:
        return NOT_SET
    if code == "other" and code not in vocab:
        return "其他"
    return vocab.zh(code)


def _ordered(vocab: Vocabulary, codes: Iterable[str | None]) -> list[str]:
    """Every code of the vocabulary in its order, then any other code met (sorted)."""
    known = list(vocab.codes())
    extra = sorted({c or "" for c in codes} - set(known))
    return known + extra


def _counts(vocab: Vocabulary, counts: dict[str, int]) -> tuple[Count, ...]:
    return tuple(
        Count(code, _label(vocab, code), counts.get(code, 0)) for code in _ordered(vocab, counts)
    )


def _breakdown(
    vocab: Vocabulary, acc: dict[str, int], clo: dict[str, int], opn: dict[str, int]
) -> tuple[CaseBreakdown, ...]:
    codes = _ordered(vocab, [*acc, *clo, *opn])
    return tuple(
        CaseBreakdown(c, _label(vocab, c), acc.get(c, 0), clo.get(c, 0), opn.get(c, 0))
        for c in codes
    )


def _rate(num: int, den: int) -> Decimal | None:
    if den <= 0:
        return None
    return (Decimal(num * 100) / Decimal(den)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def tree_order(nodes: Sequence[OfficeNode], scope: Sequence[str]) -> list[tuple[OfficeNode, int]]:
    """Offices in scope, parents before children, with their depth below the top."""
    in_scope = {n.id: n for n in nodes if n.id in set(scope)}
    children: dict[str | None, list[OfficeNode]] = defaultdict(list)
    for n in in_scope.values():
        parent = n.parent_id if n.parent_id in in_scope else None
        children[parent].append(n)
    out: list[tuple[OfficeNode, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for n in sorted(children.get(parent, []), key=lambda x: x.name):
            out.append((n, depth))
            walk(n.id, depth + 1)

    walk(None, 0)
    return out


class _Fold:
    """Sums of grouped rows keyed by one column."""

    def __init__(self) -> None:
        self.by: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def add(self, dim: str, key: Any, n: int) -> None:
        self.by[dim][key if key is not None else ""] += int(n)

    def get(self, dim: str) -> dict[str, int]:
        return dict(self.by.get(dim, {}))


def headline(s: Session, office_ids: Sequence[str], p: Period) -> dict[str, Headline]:
    """Key totals per office for ``p`` (the comparison columns and the office table)."""
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for oid, n in q.consultation_counts(s, office_ids, p):
        per[oid]["consultations"] += int(n)
    for oid, acc, clo, fen, wage in q.case_counts(s, office_ids, p):
        per[oid]["accepted"] += acc
        per[oid]["closed"] += clo
        per[oid]["loss"] += fen
        per[oid]["wage"] += wage
    for oid, _cases, workers in q.workers_total(s, office_ids, p):
        per[oid]["workers"] += int(workers)
    for oid, kind, _n, fen in q.recovery_groups(s, office_ids, p):
        per[oid]["loss"] += int(fen)
        if kind == "wage_arrears":
            per[oid]["wage"] += int(fen)
    for oid, _n, total, wage in q.ledger_open(s, office_ids, p):
        per[oid]["loss"] += int(total)
        per[oid]["wage"] += int(wage)
    return {
        oid: Headline(
            v["consultations"], v["accepted"], v["closed"], v["workers"], v["loss"], v["wage"]
        )
        for oid, v in per.items()
    }


def total(headlines: Iterable[Headline]) -> Headline:
    rows = list(headlines)
    return Headline(*(sum(getattr(h, f) for h in rows) for f in Headline.__dataclass_fields__))


def compute(
    s: Session,
    *,
    period: Period,
    office_ids: Sequence[str],
    offices: Sequence[OfficeNode],
    office_name: str,
    today: date,
    now: datetime,
    group_min: int,
    progress: Progress | None = None,
) -> Summary:
    """Run the queries and assemble the summary of ``period`` for ``office_ids``."""
    steps = 11
    step = 0

    def tick(what: str) -> None:
        nonlocal step
        step += 1
        if progress is not None:
            progress(step, steps, what)

    ids = list(office_ids)
    office_by_id = {n.id: n for n in offices}

    # Consultations.
    consult = _Fold()
    consult_by_office: dict[str, int] = defaultdict(int)
    for oid, channel, topic, staff_id, n, _w in q.consultation_groups(s, ids, period):
        consult.add("channel", channel, n)
        consult.add("topic", topic, n)
        consult.add("staff", staff_id, n)
        consult_by_office[oid] += int(n)
    tick("咨询")

    # Cases: accepted, closed, open at the end.
    folds: dict[str, _Fold] = {}
    office_cases: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    days_sum = days_n = 0
    ledger_closed: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, where in (
        ("accepted", q.accepted_in(s, period)),
        ("closed", q.closed_any_in(s, period)),
        ("open", q.open_at(s, period.end)),
    ):
        fold = folds[key] = _Fold()
        for row in q.case_groups(s, ids, where):
            oid, dispute, source, method, lead, outcome, n, n_closed, dsum, dn, fen, wage = row
            if key == "closed":
                ledger_closed[oid][0] += int(fen)
                ledger_closed[oid][1] += int(wage)
                n = n_closed  # refusals have a closing date too; they are not closed cases
                if not n:
                    continue
            fold.add("dispute", dispute, n)
            fold.add("source", source, n)
            fold.add("method", method, n)
            fold.add("lead", lead, n)
            fold.add("outcome", outcome, n)
            office_cases[oid][key] += int(n)
            if key == "closed":
                days_sum += int(dsum)
                days_n += int(dn)
        tick({"accepted": "受理案件", "closed": "结案", "open": "期末在办"}[key])

    def bd(vocab: Vocabulary, dim: str) -> tuple[CaseBreakdown, ...]:
        return _breakdown(
            vocab, folds["accepted"].get(dim), folds["closed"].get(dim), folds["open"].get(dim)
        )

    # Workers benefiting.
    w: dict[str, int] = defaultdict(int)
    forms: dict[str, int] = defaultdict(int)
    office_workers: dict[str, int] = defaultdict(int)
    for oid, migrant, hardship, union, form, n in q.workers_of_named(s, ids, period):
        _add_workers(w, forms, migrant, hardship, union, form, int(n))
        office_workers[oid] += int(n)
    group_cases = group_workers = 0
    for row in q.workers_unnamed(s, ids, period, group_min):
        oid, migrant, hardship, union, form, extra, _cases, g_cases, g_workers = row
        _add_workers(w, forms, migrant, hardship, union, form, int(extra))
        office_workers[oid] += int(extra)
        group_cases += int(g_cases)
        group_workers += int(g_workers)
    workers = Workers(
        total=w["total"],
        migrant=w["migrant"],
        new_employment_form=w["new_form"],
        hardship=w["hardship"],
        union_members=w["union"],
        by_form=tuple(
            Count(c, EMPLOYMENT_FORMS.zh(c), forms.get(c, 0))
            for c in EMPLOYMENT_FORMS.codes()
            if c in NEW_EMPLOYMENT_FORMS
        ),
        group_cases=group_cases,
        group_case_workers=group_workers,
    )
    tick("受益职工")

    # Money.
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    office_loss: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    from_rec = wage_rec = 0
    for oid, kind, n, fen in q.recovery_groups(s, ids, period):
        kinds[kind][0] += int(n)
        kinds[kind][1] += int(fen)
        from_rec += int(fen)
        office_loss[oid][0] += int(fen)
        if kind == "wage_arrears":
            wage_rec += int(fen)
            office_loss[oid][1] += int(fen)
    from_ledger = wage_ledger = 0
    ledger_rows = [(oid, 0, v[0], v[1]) for oid, v in ledger_closed.items()]
    for oid, _n, fen, wage in ledger_rows + q.ledger_open(s, ids, period):
        from_ledger += int(fen)
        wage_ledger += int(wage)
        office_loss[oid][0] += int(fen)
        office_loss[oid][1] += int(wage)
    money = Money(
        economic_loss_fen=from_rec + from_ledger,
        wage_arrears_fen=wage_rec + wage_ledger,
        from_recoveries_fen=from_rec,
        from_ledger_fen=from_ledger,
        wage_from_ledger_fen=wage_ledger,
        by_kind=tuple(
            MoneyRow(c, _label(RECOVERY_KINDS, c), kinds[c][0], kinds[c][1])
            for c in _ordered(RECOVERY_KINDS, kinds)
        ),
    )
    tick("挽回经济损失")

    # Referrals.
    dest: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    ref_outcome: dict[str, int] = defaultdict(int)
    received: dict[str, int] = defaultdict(int)
    for _oid, direction, body, status, n in q.referral_groups(s, ids, period):
        if direction == "incoming":
            received[body] += int(n)
            continue
        dest[body]["sent"] += int(n)
        ref_outcome[status] += int(n)
        if status == "completed":
            dest[body]["completed"] += int(n)
        elif status in ("returned", "rejected"):
            dest[body]["returned"] += int(n)
        else:
            dest[body]["pending"] += int(n)
    referrals = tuple(
        ReferralRow(
            c,
            _label(BODY_TYPES, c),
            dest[c]["sent"],
            dest[c]["pending"],
            dest[c]["completed"],
            dest[c]["returned"],
        )
        for c in _ordered(BODY_TYPES, dest)
    )
    tick("转介")

    # Mediations.
    med: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for _oid, stage, status, n, fen in q.mediation_groups(s, ids, period):
        group = "pre" if stage in PRE_ARBITRATION else "post"
        for g in (group, "total"):
            med[g]["started"] += int(n)
            med[g][status] += int(n)
            if status == "agreed":
                med[g]["agreed_fen"] += int(fen)
    mediations = (
        _mediation_row("pre_arbitration", "仲裁前调解", med["pre"]),
        _mediation_row("post_arbitration", "仲裁后调解（仲裁中、诉前、诉讼中）", med["post"]),
        _mediation_row("total", "合计", med["total"]),
    )
    tick("调解")

    # Deadlines missed.
    missed = missed_statutory = 0
    missed_by_staff: dict[str, int] = defaultdict(int)
    for _oid, responsible, statutory, n in q.missed_deadline_groups(s, ids, period, today):
        missed += int(n)
        if statutory:
            missed_statutory += int(n)
        missed_by_staff[responsible or ""] += int(n)
    tick("超期期限")

    # Workload by staff.
    staff_ids = {
        k
        for k in (
            *consult.get("staff"),
            *folds["accepted"].get("lead"),
            *folds["closed"].get("lead"),
            *folds["open"].get("lead"),
            *missed_by_staff,
        )
        if k
    }
    names = q.staff_names(s, sorted(staff_ids))
    loads: list[StaffLoad] = []
    for sid in [*sorted(staff_ids, key=lambda x: (names.get(x, ("", ""))[0], x)), ""]:
        load = StaffLoad(
            staff_id=sid,
            name=names[sid][0] if sid in names else (sid or "未指定"),
            office=office_by_id[names[sid][1]].name
            if sid in names and names[sid][1] in office_by_id
            else "",
            consultations=consult.get("staff").get(sid, 0),
            cases_accepted=folds["accepted"].get("lead").get(sid, 0),
            cases_closed=folds["closed"].get("lead").get(sid, 0),
            cases_open_at_end=folds["open"].get("lead").get(sid, 0),
            deadlines_missed=missed_by_staff.get(sid, 0),
        )
        if sid or any(
            (
                load.consultations,
                load.cases_accepted,
                load.cases_closed,
                load.cases_open_at_end,
                load.deadlines_missed,
            )
        ):
            loads.append(load)
    tick("工作量")

    # Offices and comparisons.
    head = Headline(
        consultations=sum(consult_by_office.values()),
        cases_accepted=sum(v["accepted"] for v in office_cases.values()),
        cases_closed=sum(v["closed"] for v in office_cases.values()),
        workers_benefited=workers.total,
        economic_loss_recovered_fen=money.economic_loss_fen,
        wage_arrears_recovered_fen=money.wage_arrears_fen,
    )
    by_office = tuple(
        OfficeRow(
            node.id,
            node.name,
            depth,
            Headline(
                consult_by_office.get(node.id, 0),
                office_cases[node.id]["accepted"],
                office_cases[node.id]["closed"],
                office_workers.get(node.id, 0),
                office_loss[node.id][0],
                office_loss[node.id][1],
            ),
            office_cases[node.id]["open"],
        )
        for node, depth in tree_order(offices, ids)
    )
    comparisons = []
    for key, label, p in _comparison_periods(period):
        comparisons.append(Comparison(key, label, p, total(headline(s, ids, p).values())))
    tick("对比")

    return Summary(
        title=f"{office_name}法律援助工作统计（{period.label}）",
        office_name=office_name,
        office_names=tuple(n.name for n, _ in tree_order(offices, ids)),
        period=period,
        generated_on=today,
        generated_at=now,
        headline=head,
        cases_open_at_end=sum(v["open"] for v in office_cases.values()),
        average_days_to_close=(
            (Decimal(days_sum) / Decimal(days_n)).quantize(Decimal("0.1"), ROUND_HALF_UP)
            if days_n
            else None
        ),
        deadlines_missed=missed,
        statutory_deadlines_missed=missed_statutory,
        consultations_by_channel=_counts(CHANNELS, consult.get("channel")),
        consultations_by_topic=_counts(DISPUTE_TYPES, consult.get("topic")),
        cases_by_dispute_type=bd(DISPUTE_TYPES, "dispute"),
        cases_by_source=bd(CASE_SOURCES, "source"),
        cases_by_handling_method=bd(HANDLING_METHODS, "method"),
        cases_closed_by_outcome=_counts(OUTCOMES, folds["closed"].get("outcome")),
        workers=workers,
        money=money,
        referrals_by_destination=referrals,
        referrals_by_outcome=_counts(REFERRAL_STATUSES, ref_outcome),
        referrals_received=_counts(BODY_TYPES, received),
        mediations=mediations,
        workload=tuple(loads),
        by_office=by_office,
        comparisons=tuple(comparisons),
        definitions=definitions(group_min),
    )


def _add_workers(
    w: dict[str, int],
    forms: dict[str, int],
    migrant: Any,
    hardship: Any,
    union: Any,
    form: str | None,
    n: int,
) -> None:
    w["total"] += n
    if migrant:
        w["migrant"] += n
    if hardship:
        w["hardship"] += n
    if union:
        w["union"] += n
    if form in NEW_EMPLOYMENT_FORMS:
        w["new_form"] += n
        forms[form] += n


def _mediation_row(key: str, label: str, v: dict[str, int]) -> MediationRow:
    ended = v["agreed"] + v["failed"] + v["withdrawn"]
    return MediationRow(
        key=key,
        label=label,
        started=v["started"],
        agreed=v["agreed"],
        failed=v["failed"],
        withdrawn=v["withdrawn"],
        ongoing=v["ongoing"],
        success_rate=_rate(v["agreed"], ended),
        agreed_amount_fen=v["agreed_fen"],
    )


def _comparison_periods(p: Period) -> list[tuple[str, str, Period]]:
    prev_label = {"month": "上月", "year": "上年"}.get(p.kind, "上期")
    return [
        ("previous_period", prev_label, p.previous()),
        ("same_period_last_year", "上年同期", p.same_last_year()),
        ("year_to_date", "本年累计", p.year_to_date()),
    ]
