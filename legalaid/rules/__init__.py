"""Pure rules of the legal-aid domain: money, identity numbers, dates, holidays and
statutory deadlines. No database, no Qt: everything here is a function of its inputs.

The names below are loaded from their modules on first use, so importing one rules
module (say ``legalaid.rules.dates``) does not load the others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from legalaid.rules.dates import (
        check_not_future,
        check_order,
        chinese_date,
        chinese_date_upper,
        parse_date,
    )
    from legalaid.rules.deadlines import (
        DeadlineComputation,
        Explanation,
        add_months,
        compute_due,
        compute_rule,
        next_working_day,
        reminder_date,
    )
    from legalaid.rules.holidays import (
        DayInfo,
        DayKind,
        DayOverride,
        HolidayCalendar,
        HolidayData,
        dump_holiday_data,
        parse_holiday_data,
    )
    from legalaid.rules.identity import (
        IdNumberInfo,
        check_credit_code,
        check_id_number,
        check_phone,
        check_text,
        is_mobile,
    )
    from legalaid.rules.money import (
        amount_in_words,
        fen_to_decimal,
        format_yuan,
        parse_amount,
        yuan_str,
    )
    from legalaid.rules.statutes import PeriodUnit, StatutoryRule, get_rule, load_rules, rule_ids

__all__ = [
    "DayInfo",
    "DayKind",
    "DayOverride",
    "DeadlineComputation",
    "Explanation",
    "HolidayCalendar",
    "HolidayData",
    "IdNumberInfo",
    "PeriodUnit",
    "StatutoryRule",
    "add_months",
    "amount_in_words",
    "check_credit_code",
    "check_id_number",
    "check_not_future",
    "check_order",
    "check_phone",
    "check_text",
    "chinese_date",
    "chinese_date_upper",
    "compute_due",
    "compute_rule",
    "dump_holiday_data",
    "fen_to_decimal",
    "format_yuan",
    "get_rule",
    "is_mobile",
    "load_rules",
    "next_working_day",
    "parse_amount",
    "parse_date",
    "parse_holiday_data",
    "reminder_date",
    "rule_ids",
    "yuan_str",
]

_MODULE_OF: dict[str, str] = {
    "check_not_future": "dates",
    "check_order": "dates",
    "chinese_date": "dates",
    "chinese_date_upper": "dates",
    "parse_date": "dates",
    "DeadlineComputation": "deadlines",
    "Explanation": "deadlines",
    "add_months": "deadlines",
    "compute_due": "deadlines",
    "compute_rule": "deadlines",
    "next_working_day": "deadlines",
    "reminder_date": "deadlines",
    "DayInfo": "holidays",
    "DayKind": "holidays",
    "DayOverride": "holidays",
    "HolidayCalendar": "holidays",
    "HolidayData": "holidays",
    "dump_holiday_data": "holidays",
    "parse_holiday_data": "holidays",
    "IdNumberInfo": "identity",
    "check_credit_code": "identity",
    "check_id_number": "identity",
    "check_phone": "identity",
    "check_text": "identity",
    "is_mobile": "identity",
    "amount_in_words": "money",
    "fen_to_decimal": "money",
    "format_yuan": "money",
    "parse_amount": "money",
    "yuan_str": "money",
    "PeriodUnit": "statutes",
    "StatutoryRule": "statutes",
    "get_rule": "statutes",
    "load_rules": "statutes",
    "rule_ids": "statutes",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
