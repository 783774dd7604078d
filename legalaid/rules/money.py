"""Exact money: amounts are integer fen (分) in the core, ``Decimal`` yuan at the edges.

Nothing here ever touches ``float``: a claimed ¥28,195,000.00 must come back as exactly
2819500000 fen, and the same amount must print as 贰仟捌佰壹拾玖万伍仟元整 in a document.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from legalaid.errors import ValidationError

__all__ = [
    "MAX_YUAN",
    "amount_in_words",
    "fen_to_decimal",
    "format_yuan",
    "parse_amount",
    "yuan_str",
]

#: The largest amount accepted anywhere (10^13 yuan): far beyond any real claim, small
#: enough that an accidental paste of a long number is refused instead of stored.
MAX_YUAN = 10**13
_MAX_FEN = MAX_YUAN * 100

_PLAIN = re.compile(r"\d+(?:\.\d+)?|\.\d+")
# Thousands separators must group by three; "1,2,3" is a typo, not 123.
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_CURRENCY_PREFIXES = ("rmb", "cny", "¥", "￥")
_CURRENCY_SUFFIXES = ("人民币", "元整", "元", "rmb", "cny")


def _invalid(field: str, code: str, zh: str, en: str) -> ValidationError:
    return ValidationError.single(field, code, zh, en)


def _strip_currency(text: str) -> str:
    """Remove a currency sign or unit a user may type around the number."""
    lowered = text.lower()
    for prefix in _CURRENCY_PREFIXES:
        if lowered.startswith(prefix):
            text, lowered = text[len(prefix) :].strip(), lowered[len(prefix) :].strip()
            break
    for suffix in _CURRENCY_SUFFIXES:
        if lowered.endswith(suffix):
            text = text[: -len(suffix)].strip()
            break
    return text


def _decimal_from_text(text: str, field: str) -> Decimal:
    # NFKC turns full-width digits, "，" and "．" from a Chinese IME into ASCII.
    cleaned = unicodedata.normalize("NFKC", text).strip()
    cleaned = cleaned.replace(" ", "").replace("\u3000", "")
    if not cleaned:
        raise _invalid(field, "required", "请填写金额", "Enter an amount")
    negative = cleaned.startswith("-")
    if negative or cleaned.startswith("+"):
        cleaned = cleaned[1:]
    cleaned = _strip_currency(cleaned)
    if cleaned.startswith("-"):  # "¥-5"
        negative, cleaned = True, cleaned[1:]
    if _GROUPED.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    if not _PLAIN.fullmatch(cleaned):
        raise _invalid(
            field,
            "not_a_number",
            f"金额格式不正确：{text[:40]!r}（示例：1234.50）",
            f"Not a valid amount: {text[:40]!r} (e.g. 1234.50)",
        )
    if "." in cleaned and len(cleaned.rsplit(".", 1)[1]) > 2:
        # "1.230" may be a European-style 1,230: refuse rather than guess.
        raise _invalid(
            field,
            "precision",
            "金额最多保留两位小数（精确到分）",
            "The amount may have at most two decimal places (fen)",
        )
    value = Decimal(cleaned)
    return -value if negative else value


def parse_amount(value: str | int | Decimal, field: str = "amount") -> int:
    """Turn what a user typed (or an exact number) into integer fen.

    Accepts ``"1234.5"``, ``"1,234.50"``, ``"¥1234"``, ``"1234元"``, full-width digits,
    ``int`` (yuan) and ``Decimal`` (yuan).

    Args:
        value: the amount in yuan.
        field: the field name used in the error.

    Returns:
        The amount in fen.

    Raises:
        ValidationError: negative, more than two decimal places, not a number,
            NaN/infinity, or more than ``MAX_YUAN`` yuan.
    """
    if isinstance(value, bool):  # bool is an int subclass; True yuan is a bug
        raise _invalid(field, "not_a_number", "金额必须是数字", "The amount must be a number")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str):
        amount = _decimal_from_text(value, field)
    else:
        raise _invalid(
            field,
            "not_a_number",
            "金额必须是文本、整数或 Decimal（不接受浮点数）",
            f"The amount must be text, int or Decimal, not {type(value).__name__}",
        )
    if not amount.is_finite():
        raise _invalid(
            field, "not_a_number", "金额不是有效数字", "The amount is not a finite number"
        )
    if amount < 0:
        raise _invalid(field, "negative", "金额不能为负数", "The amount cannot be negative")
    if amount > MAX_YUAN:
        raise _invalid(
            field,
            "too_large",
            "金额过大，请检查是否多输入了数字",
            "The amount is too large; check for extra digits",
        )
    try:
        fen = amount.scaleb(2)
        exact = fen == fen.to_integral_value()
    except InvalidOperation:  # pragma: no cover - finite and bounded above
        exact = False
    if not exact:
        raise _invalid(
            field,
            "precision",
            "金额最多保留两位小数（精确到分）",
            "The amount may have at most two decimal places (fen)",
        )
    return int(fen)


def fen_to_decimal(fen: int) -> Decimal:
    """Fen as an exact ``Decimal`` of yuan with two places (``123450`` → ``1234.50``)."""
    return Decimal(int(fen)).scaleb(-2).quantize(Decimal("0.01"))


def yuan_str(fen: int) -> str:
    """Plain two-decimal yuan for files and exports: ``2819500000`` → ``"28195000.00"``."""
    return f"{fen_to_decimal(fen):f}"


def format_yuan(fen: int) -> str:
    """Yuan for people: ``123450`` → ``"¥1,234.50"``; negatives as ``"-¥5.00"``."""
    value = fen_to_decimal(fen)
    sign = "-" if value < 0 else ""
    return f"{sign}¥{abs(value):,.2f}"


def amount_in_words(fen: int) -> str:
    """The amount in Chinese capital numerals (大写) as written on formal documents.

    ``123450`` → ``"壹仟贰佰叁拾肆元伍角"``; ``439110000`` → ``"肆佰叁拾玖万壹仟壹佰元整"``;
    ``0`` → ``"零元整"``.

    Raises:
        ValidationError: negative or beyond what the capital-numeral form can express.
    """
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise _invalid(
            "amount", "not_a_number", "金额必须是整数（分）", "The amount must be integer fen"
        )
    if fen < 0:
        raise _invalid("amount", "negative", "金额不能为负数", "The amount cannot be negative")
    if fen > _MAX_FEN:
        raise _invalid(
            "amount",
            "too_large",
            "金额过大，无法转换为大写",
            "The amount is too large to write in words",
        )
    import cn2an  # large (regex tables); only documents need amounts in words

    text = yuan_str(fen)
    try:
        words = cn2an.an2cn(text, "rmb")
    except Exception as exc:  # cn2an raises bare ValueError/KeyError on odd input
        raise _invalid(
            "amount",
            "not_convertible",
            f"金额 {text} 无法转换为大写",
            f"The amount {text} cannot be written in words ({exc})",
        ) from exc
    if not isinstance(words, str) or not words:
        raise _invalid(
            "amount",
            "not_convertible",
            f"金额 {text} 无法转换为大写",
            f"The amount {text} cannot be written in words",
        )
    return words
