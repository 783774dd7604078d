from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legalaid.errors import ValidationError
from legalaid.rules.money import (
    MAX_YUAN,
    amount_in_words,
    fen_to_decimal,
    format_yuan,
    parse_amount,
    yuan_str,
)


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("1234.5", 123450),
        ("1234.50", 123450),
        ("1,234.50", 123450),
        ("1,234,567.89", 123456789),
        ("¥1234", 123400),
        ("￥1,234.5", 123450),
        ("1234元", 123400),
        ("RMB 88", 8800),
        ("  12.3  ", 1230),
        ("１２３４．５", 123450),  # full-width from a Chinese IME
        ("１，２３４", 123400),
        ("0", 0),
        ("0.01", 1),
        (".5", 50),
        ("28195000.00", 2819500000),
        ("10000000000000", MAX_YUAN * 100),
    ],
)
def test_parse_amount_accepts_what_a_desk_types(text: str, fen: int) -> None:
    assert parse_amount(text) == fen


def test_parse_amount_exact_types() -> None:
    assert parse_amount(5) == 500
    assert parse_amount(Decimal("4391100.00")) == 439110000
    assert parse_amount(Decimal("0.1")) == 10
    # A computed Decimal may carry trailing zeros beyond the fen; it is still exact.
    assert parse_amount(Decimal("12.300")) == 1230


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("-5", "negative"),
        ("¥-5", "negative"),
        (Decimal("-0.01"), "negative"),
        (-1, "negative"),
        ("1.234", "precision"),
        ("1.230", "precision"),  # could be a European 1,230: refuse rather than guess
        (Decimal("1.005"), "precision"),
        ("abc", "not_a_number"),
        ("1,23", "not_a_number"),
        ("1.2.3", "not_a_number"),
        ("1e5", "not_a_number"),
        ("nan", "not_a_number"),
        ("inf", "not_a_number"),
        (Decimal("NaN"), "not_a_number"),
        (Decimal("Infinity"), "not_a_number"),
        ("", "required"),
        ("   ", "required"),
        ("10000000000000.01", "too_large"),
        (10**14, "too_large"),
        (True, "not_a_number"),
    ],
)
def test_parse_amount_rejects(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_amount(value, field="claimed")  # type: ignore[arg-type]
    (error,) = info.value.errors
    assert (error.field, error.code) == ("claimed", code)
    assert error.zh and error.en


def test_parse_amount_refuses_float() -> None:
    with pytest.raises(ValidationError) as info:
        parse_amount(1.5)  # type: ignore[arg-type]
    assert "float" in info.value.errors[0].en


def test_formatting() -> None:
    assert yuan_str(2819500000) == "28195000.00"
    assert yuan_str(0) == "0.00"
    assert yuan_str(5) == "0.05"
    assert format_yuan(123450) == "¥1,234.50"
    assert format_yuan(100000000) == "¥1,000,000.00"
    assert format_yuan(-500) == "-¥5.00"
    assert fen_to_decimal(123450) == Decimal("1234.50")
    assert str(fen_to_decimal(7)) == "0.07"


@pytest.mark.parametrize(
    ("fen", "words"),
    [
        (123450, "壹仟贰佰叁拾肆元伍角"),
        (439110000, "肆佰叁拾玖万壹仟壹佰元整"),
        (0, "零元整"),
        (1000, "壹拾元整"),
        (100005, "壹仟元零伍分"),
        (10000000001, "壹亿元零壹分"),
        (2819500000, "贰仟捌佰壹拾玖万伍仟元整"),
        (5, "伍分"),
    ],
)
def test_amount_in_words(fen: int, words: str) -> None:
    assert amount_in_words(fen) == words


@pytest.mark.parametrize("bad", [-1, 10**16])
def test_amount_in_words_rejects_out_of_range(bad: int) -> None:
    with pytest.raises(ValidationError):
        amount_in_words(bad)


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=MAX_YUAN * 100))
def test_round_trip_yuan_str(fen: int) -> None:
    assert parse_amount(yuan_str(fen)) == fen
    assert parse_amount(format_yuan(fen)) == fen
    assert parse_amount(fen_to_decimal(fen)) == fen


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**12))
def test_amount_in_words_never_raises(fen: int) -> None:
    words = amount_in_words(fen)
    assert "元" in words or words.endswith(("角", "分"))
    assert words.endswith(("整", "角", "分"))
