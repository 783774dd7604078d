"""Validators meet arbitrary input: they either accept it or raise ValidationError."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legalaid.errors import ValidationError
from legalaid.rules.dates import parse_date
from legalaid.rules.holidays import parse_holiday_data
from legalaid.rules.identity import (
    check_credit_code,
    check_id_number,
    check_phone,
    check_text,
    is_mobile,
)
from legalaid.rules.money import parse_amount

VALIDATORS: dict[str, Callable[[str], object]] = {
    "amount": parse_amount,
    "id_number": lambda s: check_id_number(s, today=date(2026, 11, 24)),
    "credit_code": check_credit_code,
    "phone": check_phone,
    "text": lambda s: check_text(s, "name", 20),
    "multiline": lambda s: check_text(s, "notes", 200, multiline=True),
    "date": lambda s: parse_date(s, "closed_on"),
    "holidays": parse_holiday_data,
}

# Mix of arbitrary unicode and strings close to valid ones (digits, separators, X).
TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789xX-+ .,¥元年月日/()转", max_size=25),
    st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=19),
)


@pytest.mark.parametrize("name", sorted(VALIDATORS))
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=TEXT)
def test_only_validation_errors(name: str, value: str) -> None:
    try:
        VALIDATORS[name](value)
    except ValidationError as exc:
        assert exc.errors and all(e.zh and e.en for e in exc.errors)


@settings(max_examples=200)
@given(st.text(max_size=30))
def test_is_mobile_never_raises(value: str) -> None:
    assert isinstance(is_mobile(value), bool)


@settings(max_examples=100)
@given(
    st.dictionaries(
        st.sampled_from(["years", "days", "sources", "comment", "other"]),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=12),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(st.text(max_size=6), inner, max_size=4)
            ),
            max_leaves=12,
        ),
    )
)
def test_holiday_json_structures(doc: dict[str, object]) -> None:
    with contextlib.suppress(ValidationError):
        parse_holiday_data(json.dumps(doc), "json")
