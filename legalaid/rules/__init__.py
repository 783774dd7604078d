"""Pure rules of the legal-aid domain: money, identity numbers, dates, holidays and
statutory deadlines. No database, no Qt: everything here is a function of its inputs.
"""

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
