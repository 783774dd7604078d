from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from legalaid.errors import ConfigurationError, NotFoundError
from legalaid.rules.statutes import PeriodUnit, get_rule, load_rules, parse_rules, rule_ids

REQUIRED = {
    # id: (amount, unit)
    "mediation_agreement_window": (15, "days"),
    "arbitration_limitation": (1, "years"),
    "arbitration_acceptance": (5, "days"),
    "arbitration_award": (45, "days"),
    "arbitration_award_extension": (15, "days"),
    "final_award_worker_suit": (15, "days"),
    "final_award_set_aside": (30, "days"),
    "nonfinal_award_suit": (15, "days"),
    "payment_order_decision": (5, "days"),
    "payment_order_issue": (15, "days"),
    "payment_order_objection": (15, "days"),
    "judicial_confirmation": (30, "days"),
    "court_delegated_mediation": (30, "days"),
    "court_entrusted_mediation": (15, "days"),
    "court_entrusted_mediation_simplified": (7, "days"),
    "labour_inspection_acceptance": (5, "working_days"),
    "labour_inspection_investigation": (60, "working_days"),
    "legal_aid_decision": (7, "days"),
    "legal_aid_assignment": (3, "days"),
}


def test_design_periods_present() -> None:
    rules = {rule.id: rule for rule in load_rules()}
    for rule_id, (amount, unit) in REQUIRED.items():
        rule = rules[rule_id]
        assert (rule.amount, rule.unit) == (amount, PeriodUnit(unit)), rule_id


def test_rules_are_complete_and_unique() -> None:
    rules = load_rules()
    ids = [rule.id for rule in rules]
    assert len(ids) == len(set(ids))
    assert rule_ids() == tuple(ids)
    for rule in rules:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", rule.id)
        for text in (rule.title_zh, rule.title_en, rule.trigger_zh, rule.trigger_en):
            assert text.strip()
        assert "《" in rule.source_zh or "法〔" in rule.source_zh
        assert rule.source_en
        approx_days = (
            rule.amount
            * {"days": 1, "working_days": 1, "months": 30, "years": 365}[rule.unit.value]
        )
        # A reminder is due inside the period (a 0-day rule is reminded shortly before).
        assert 0 <= rule.reminder_days < max(approx_days, 7), rule.id
        assert isinstance(rule.statutory, bool)


def test_sources_cite_the_right_law() -> None:
    assert "劳动争议调解仲裁法" in get_rule("nonfinal_award_suit").source_zh
    assert "第五十条" in get_rule("nonfinal_award_suit").source_zh
    assert "第二百零五条" in get_rule("judicial_confirmation").source_zh
    assert "法律援助法" in get_rule("legal_aid_decision").source_zh
    assert "劳动保障监察条例" in get_rule("labour_inspection_investigation").source_zh
    assert not get_rule("court_delegated_mediation").statutory
    assert get_rule("final_award_set_aside").statutory


def test_period_descriptions() -> None:
    rule = get_rule("labour_inspection_investigation")
    assert rule.period_zh == "60个工作日"
    assert rule.period_en == "60 working days"
    assert get_rule("arbitration_limitation").period_en == "1 year"


def test_get_rule_names_missing_id() -> None:
    with pytest.raises(NotFoundError) as info:
        get_rule("appeal_in_narnia")
    assert "appeal_in_narnia" in info.value.zh
    assert "appeal_in_narnia" in info.value.en


def test_load_from_other_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    original = json.loads(
        (Path(__file__).parents[2] / "legalaid/data/statutory_rules.json").read_text("utf-8")
    )
    original["rules"] = original["rules"][:2]
    path.write_text(json.dumps(original, ensure_ascii=False), encoding="utf-8")
    rules = load_rules(path)
    assert len(rules) == 2
    with pytest.raises(NotFoundError):
        get_rule("legal_aid_decision", rules)


def _doc(**changes: object) -> str:
    rule = {
        "id": "x_rule",
        "category": "test",
        "title_zh": "标题",
        "title_en": "Title",
        "trigger_zh": "触发",
        "trigger_en": "Trigger",
        "period": {"amount": 5, "unit": "days"},
        "source_zh": "《某法》",
        "source_en": "Some law",
        "reminder_days": 1,
        "statutory": True,
    }
    rule.update(changes)
    return json.dumps({"rules": [rule]})


def test_parse_rules_accepts_a_good_rule() -> None:
    (rule,) = parse_rules(_doc())
    assert rule.id == "x_rule" and rule.unit is PeriodUnit.DAYS


@pytest.mark.parametrize(
    "text",
    [
        "{broken",
        "[]",
        json.dumps({"rules": {}}),
        _doc(id="Bad-Id"),
        _doc(period={"amount": -1, "unit": "days"}),
        _doc(period={"amount": 5, "unit": "weeks"}),
        _doc(period={"amount": "5", "unit": "days"}),
        _doc(period=5),
        _doc(reminder_days=-2),
        _doc(statutory="yes"),
        _doc(title_zh=""),
        json.dumps({"rules": [json.loads(_doc())["rules"][0]] * 2}),  # duplicate id
        json.dumps({"rules": ["x"]}),
    ],
)
def test_parse_rules_rejects(text: str) -> None:
    with pytest.raises(ConfigurationError):
        parse_rules(text)
