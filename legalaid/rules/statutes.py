"""Statutory periods as data (``legalaid/data/statutory_rules.json``).

Each rule names a trigger (an award received, an application filed ...) and a period;
``legalaid.rules.deadlines.compute_rule`` turns a trigger date into a due date.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from legalaid.errors import ConfigurationError, NotFoundError

__all__ = ["PeriodUnit", "StatutoryRule", "get_rule", "load_rules", "rule_ids"]

_ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


class PeriodUnit(StrEnum):
    """How a period is counted."""

    DAYS = "days"
    WORKING_DAYS = "working_days"
    MONTHS = "months"
    YEARS = "years"

    @property
    def zh(self) -> str:
        return {"days": "日", "working_days": "个工作日", "months": "个月", "years": "年"}[
            self.value
        ]

    def describe(self, amount: int) -> tuple[str, str]:
        """``(15, days)`` → ``("15日", "15 days")``."""
        en = {"days": "day", "working_days": "working day", "months": "month", "years": "year"}
        noun = en[self.value] + ("" if amount == 1 else "s")
        return f"{amount}{self.zh}", f"{amount} {noun}"


@dataclass(frozen=True)
class StatutoryRule:
    """One statutory period.

    Attributes:
        id: stable snake-case id used in data and on the command line.
        category: grouping for screens (``arbitration``, ``litigation``, ``legal_aid`` ...).
        amount / unit: the period; ``amount`` 0 means the trigger date itself is the due date.
        source_zh / source_en: the provision it comes from.
        reminder_days: how many days before the due date to remind by default.
        statutory: set by law, regulation or judicial interpretation (shown apart, in red),
            as opposed to court practice documents that the parties can extend.
    """

    id: str
    category: str
    title_zh: str
    title_en: str
    trigger_zh: str
    trigger_en: str
    amount: int
    unit: PeriodUnit
    source_zh: str
    source_en: str
    reminder_days: int
    statutory: bool
    notes_zh: str = ""
    notes_en: str = ""

    @property
    def period_zh(self) -> str:
        return self.unit.describe(self.amount)[0]

    @property
    def period_en(self) -> str:
        return self.unit.describe(self.amount)[1]


def _bad(where: str, what: str) -> ConfigurationError:
    return ConfigurationError(
        f"法定期限规则文件有误（{where}）：{what}",
        f"The statutory rules file is invalid ({where}): {what}",
    )


def _text(raw: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise _bad(where, f"{key} must be non-empty text")
    return value


def _rule(raw: object, index: int) -> StatutoryRule:
    where = f"rules[{index}]"
    if not isinstance(raw, dict):
        raise _bad(where, "each rule must be an object")
    rule_id = _text(raw, "id", where)
    where = f"{where} {rule_id}"
    if not _ID.fullmatch(rule_id):
        raise _bad(where, "id must be snake_case")
    period = raw.get("period")
    if not isinstance(period, dict):
        raise _bad(where, "period must be an object with amount and unit")
    amount, reminder = period.get("amount"), raw.get("reminder_days", 0)
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise _bad(where, "period.amount must be a whole number ≥ 0")
    if isinstance(reminder, bool) or not isinstance(reminder, int) or reminder < 0:
        raise _bad(where, "reminder_days must be a whole number ≥ 0")
    try:
        unit = PeriodUnit(str(period.get("unit")))
    except ValueError:
        raise _bad(where, f"unknown period.unit {period.get('unit')!r}") from None
    statutory = raw.get("statutory", True)
    if not isinstance(statutory, bool):
        raise _bad(where, "statutory must be true or false")
    return StatutoryRule(
        id=rule_id,
        category=_text(raw, "category", where),
        title_zh=_text(raw, "title_zh", where),
        title_en=_text(raw, "title_en", where),
        trigger_zh=_text(raw, "trigger_zh", where),
        trigger_en=_text(raw, "trigger_en", where),
        amount=amount,
        unit=unit,
        source_zh=_text(raw, "source_zh", where),
        source_en=_text(raw, "source_en", where),
        reminder_days=reminder,
        statutory=statutory,
        notes_zh=_text(raw, "notes_zh", where, required=False),
        notes_en=_text(raw, "notes_en", where, required=False),
    )


def parse_rules(text: str) -> tuple[StatutoryRule, ...]:
    """Parse a rules document (the format of ``statutory_rules.json``).

    Raises:
        ConfigurationError: malformed JSON, a bad rule or a duplicate id.
    """
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(f"line {exc.lineno}", exc.msg) from None
    raw_rules = doc.get("rules") if isinstance(doc, dict) else None
    if not isinstance(raw_rules, list):
        raise _bad("top level", "expected an object with a 'rules' list")
    rules = tuple(_rule(raw, i) for i, raw in enumerate(raw_rules))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise _bad(rule.id, "duplicate id")
        seen.add(rule.id)
    return rules


@lru_cache(maxsize=8)
def _load(path: str | None) -> tuple[StatutoryRule, ...]:
    if path is None:
        text = resources.files("legalaid").joinpath("data/statutory_rules.json").read_text("utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return parse_rules(text)


def load_rules(path: str | Path | None = None) -> tuple[StatutoryRule, ...]:
    """All statutory rules, in file order (the shipped file unless ``path`` is given)."""
    return _load(None if path is None else str(path))


def rule_ids() -> tuple[str, ...]:
    """The ids of the shipped rules."""
    return tuple(rule.id for rule in load_rules())


def get_rule(rule_id: str, rules: tuple[StatutoryRule, ...] | None = None) -> StatutoryRule:
    """The rule with ``rule_id``.

    Raises:
        NotFoundError: no such rule (the message names the id).
    """
    for rule in rules if rules is not None else load_rules():
        if rule.id == rule_id:
            return rule
    raise NotFoundError(
        f"没有编号为 {rule_id!r} 的法定期限规则",
        f"No statutory rule with id {rule_id!r}",
    )
