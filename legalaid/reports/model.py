"""The summary as plain frozen data: what every renderer and the desktop read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from legalaid.reports.definitions import Definition
from legalaid.reports.periods import Period


@dataclass(frozen=True)
class Count:
    """One category and how many records fall in it."""

    code: str
    label: str
    count: int


@dataclass(frozen=True)
class CaseBreakdown:
    """Cases of one category: accepted and closed in the period, open at its end."""

    code: str
    label: str
    accepted: int
    closed: int
    open_at_end: int


@dataclass(frozen=True)
class Headline:
    """The key totals of one period and scope (also used for comparisons)."""

    consultations: int
    cases_accepted: int
    cases_closed: int
    workers_benefited: int
    economic_loss_recovered_fen: int
    wage_arrears_recovered_fen: int


@dataclass(frozen=True)
class Workers:
    total: int
    migrant: int
    new_employment_form: int
    hardship: int
    union_members: int
    by_form: tuple[Count, ...]
    group_cases: int
    group_case_workers: int


@dataclass(frozen=True)
class MoneyRow:
    code: str
    label: str
    count: int
    amount_fen: int


@dataclass(frozen=True)
class Money:
    economic_loss_fen: int
    wage_arrears_fen: int
    from_recoveries_fen: int
    from_ledger_fen: int
    wage_from_ledger_fen: int
    by_kind: tuple[MoneyRow, ...]


@dataclass(frozen=True)
class ReferralRow:
    """Outgoing referrals to one kind of body and where they stand."""

    code: str
    label: str
    sent: int
    pending: int
    completed: int
    returned: int


@dataclass(frozen=True)
class MediationRow:
    key: str
    label: str
    started: int
    agreed: int
    failed: int
    withdrawn: int
    ongoing: int
    success_rate: Decimal | None  # percent, one decimal place
    agreed_amount_fen: int


@dataclass(frozen=True)
class StaffLoad:
    staff_id: str
    name: str
    office: str
    consultations: int
    cases_accepted: int
    cases_closed: int
    cases_open_at_end: int
    deadlines_missed: int


@dataclass(frozen=True)
class OfficeRow:
    office_id: str
    name: str
    depth: int
    headline: Headline
    cases_open_at_end: int


@dataclass(frozen=True)
class Comparison:
    key: str  # previous_period | same_period_last_year | year_to_date
    label: str
    period: Period
    headline: Headline


@dataclass(frozen=True)
class Summary:
    """Everything a supervisor's summary shows."""

    title: str
    office_name: str
    office_names: tuple[str, ...]
    period: Period
    generated_on: date
    generated_at: datetime
    headline: Headline
    cases_open_at_end: int
    average_days_to_close: Decimal | None
    deadlines_missed: int
    statutory_deadlines_missed: int
    consultations_by_channel: tuple[Count, ...]
    consultations_by_topic: tuple[Count, ...]
    cases_by_dispute_type: tuple[CaseBreakdown, ...]
    cases_by_source: tuple[CaseBreakdown, ...]
    cases_by_handling_method: tuple[CaseBreakdown, ...]
    cases_closed_by_outcome: tuple[Count, ...]
    workers: Workers
    money: Money
    referrals_by_destination: tuple[ReferralRow, ...]
    referrals_by_outcome: tuple[Count, ...]
    referrals_received: tuple[Count, ...]
    mediations: tuple[MediationRow, ...]
    workload: tuple[StaffLoad, ...]
    by_office: tuple[OfficeRow, ...]
    comparisons: tuple[Comparison, ...]
    definitions: tuple[Definition, ...]
