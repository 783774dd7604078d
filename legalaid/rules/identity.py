"""Identity numbers, phone numbers and free text as a desk types them.

Every check normalises first (full-width digits from a Chinese IME, spaces, dashes) and
either returns the canonical form or raises ``ValidationError`` naming the field.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError as StdnumError

from legalaid.errors import FieldError, ValidationError

__all__ = [
    "IdNumberInfo",
    "check_credit_code",
    "check_id_number",
    "check_phone",
    "check_text",
    "is_mobile",
]

MAX_AGE_YEARS = 120

# Province-level codes (GB/T 2260): the first two digits of every ID number.
_PROVINCES = frozenset(
    {
        *("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35"),
        *("36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54"),
        *("61", "62", "63", "64", "65", "71", "81", "82", "83", "91"),
    }
)


@dataclass(frozen=True)
class IdNumberInfo:
    """A checked resident identity card number (居民身份证号码) and what it encodes.

    Attributes:
        number: the canonical 18 characters, check character ``X`` upper-case.
        birth_date: the birth date encoded in characters 7–14.
        gender: ``"M"`` (odd sequence digit) or ``"F"`` (even).
        region_code: the six-digit administrative division code.
        warnings: things worth a second look that do not make the number invalid
            (e.g. a region code not in the division list), each ``"中文 / English"``.
        warning_details: the same warnings as ``FieldError`` (code, zh, en).
    """

    number: str
    birth_date: date
    gender: str
    region_code: str
    warnings: tuple[str, ...] = ()
    warning_details: tuple[FieldError, ...] = ()


def _normalise(value: object, field: str, label_zh: str, label_en: str) -> str:
    if not isinstance(value, str):
        raise ValidationError.single(
            field, "type", f"{label_zh}必须是文本", f"The {label_en} must be text"
        )
    text = unicodedata.normalize("NFKC", value)
    return "".join(ch for ch in text if not ch.isspace())


def _age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def check_id_number(
    value: str, field: str = "id_number", today: date | None = None
) -> IdNumberInfo:
    """Validate an 18-character resident identity card number.

    Rejects: wrong length (incl. 15-digit first-generation numbers), non-digits, a wrong
    check character, an impossible birth date, a birth date in the future or more than
    120 years ago. A region code that the division list does not know is only a warning:
    codes are retired and renumbered, and the person's card is still valid.

    Args:
        value: what was typed; spaces are ignored, full-width digits and ``x`` accepted.
        field: the field name for errors.
        today: the reference day (defaults to today).
    """
    number = _normalise(value, field, "身份证号码", "ID number").upper()
    if not number:
        raise ValidationError.single(field, "required", "请填写身份证号码", "Enter the ID number")
    if len(number) == 15 and number.isdigit():
        raise ValidationError.single(
            field,
            "length",
            "这是15位旧身份证号码，请填写18位的第二代身份证号码",
            "This is a 15-digit first-generation ID number; enter the 18-character number",
        )
    if len(number) != 18:
        raise ValidationError.single(
            field,
            "length",
            f"身份证号码应为18位，当前为{len(number)}位",
            f"An ID number has 18 characters, this one has {len(number)}",
        )
    if not (number[:17].isascii() and number[:17].isdigit()) or number[17] not in "0123456789X":
        raise ValidationError.single(
            field,
            "format",
            "身份证号码前17位必须是数字，最后一位是数字或X",
            "The first 17 characters must be digits, the last a digit or X",
        )
    if ric.calc_check_digit(number) != number[17]:
        raise ValidationError.single(
            field,
            "checksum",
            "身份证号码校验位不正确，请核对是否输错",
            "The ID number's check character is wrong; check for a typing error",
        )
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError.single(
            field,
            "birth_date",
            f"身份证号码中的出生日期 {number[6:14]} 不存在",
            f"The birth date {number[6:14]} in the ID number does not exist",
        ) from None
    ref = today or date.today()
    if birth > ref:
        raise ValidationError.single(
            field,
            "birth_date_future",
            f"身份证号码中的出生日期 {birth.isoformat()} 在未来",
            f"The birth date {birth.isoformat()} in the ID number is in the future",
        )
    if _age_on(birth, ref) > MAX_AGE_YEARS:
        raise ValidationError.single(
            field,
            "birth_date_implausible",
            f"身份证号码中的出生日期 {birth.isoformat()} 超过{MAX_AGE_YEARS}年，请核对",
            f"The birth date {birth.isoformat()} is more than {MAX_AGE_YEARS} years ago",
        )
    details: list[FieldError] = []
    region = number[:6]
    if region[:2] not in _PROVINCES:
        details.append(
            FieldError(
                field,
                "region_unknown_province",
                f"地区代码 {region} 的省级代码 {region[:2]} 不存在，请核对",
                f"The province code {region[:2]} of region {region} does not exist; please check",
            )
        )
    else:
        try:
            ric.get_birth_place(number)
        except (StdnumError, KeyError, ValueError):
            details.append(
                FieldError(
                    field,
                    "region_unknown",
                    f"地区代码 {region} 不在行政区划代码表中（可能已撤销或调整），请核对",
                    f"Region code {region} is not in the division list "
                    "(possibly retired or renumbered); please check",
                )
            )
    return IdNumberInfo(
        number=number,
        birth_date=birth,
        gender="M" if int(number[16]) % 2 else "F",
        region_code=region,
        warnings=tuple(str(d) for d in details),
        warning_details=tuple(details),
    )


def check_credit_code(value: str, field: str = "credit_code") -> str:
    """Validate a unified social credit code (统一社会信用代码) and return it upper-case.

    Spaces and dashes are ignored; letters I, O, Z, S and V never occur in a valid code.
    """
    code = _normalise(value, field, "统一社会信用代码", "credit code").replace("-", "").upper()
    if not code:
        raise ValidationError.single(
            field, "required", "请填写统一社会信用代码", "Enter the unified social credit code"
        )
    if len(code) != 18:
        raise ValidationError.single(
            field,
            "length",
            f"统一社会信用代码应为18位，当前为{len(code)}位",
            f"A unified social credit code has 18 characters, this one has {len(code)}",
        )
    allowed = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    if not code[:8].isdigit() or not code[:8].isascii() or any(c not in allowed for c in code[8:]):
        raise ValidationError.single(
            field,
            "format",
            "统一社会信用代码格式不正确（前8位为数字，其余为数字或除I、O、Z、S、V外的大写字母）",
            "Invalid format: 8 digits, then digits or capitals other than I, O, Z, S, V",
        )
    if uscc.calc_check_digit(code[:17]) != code[17]:
        raise ValidationError.single(
            field,
            "checksum",
            "统一社会信用代码校验位不正确，请核对是否输错",
            "The credit code's check character is wrong; check for a typing error",
        )
    return code


_MOBILE = re.compile(r"1[3-9]\d{9}")
_COUNTRY = re.compile(r"^(?:\+86|0086|86)(?=\d)")
_AREA = re.compile(r"0\d{2,3}")
_LOCAL = re.compile(r"[2-9]\d{6,7}")
_WITH_EXT = re.compile(r"(?P<main>[\d-]+?)(?:(?:转|ext\.?|x|#)(?P<ext>\d{1,6}))?")


def _area_len(digits: str) -> int:
    """Area-code length by the national numbering plan: 010 and 02x have 3 digits."""
    return 3 if digits.startswith(("010", "02")) else 4


def _landline(national: str) -> str | None:
    match = _WITH_EXT.fullmatch(national)
    if match is None:
        return None
    parts = match.group("main").strip("-").split("-")
    ext = match.group("ext")
    trailing_ext = len(parts) > 1 and 1 <= len(parts[-1]) <= 6
    if ext is None and trailing_ext and (len(parts) == 3 or not _AREA.fullmatch(parts[0])):
        ext, parts = parts[-1], parts[:-1]  # 0791-86123456-801, (0791)86123456-801
    if len(parts) == 1:
        digits = parts[0]
        cut = _area_len(digits)
        parts = [digits[:cut], digits[cut:]]
    if len(parts) != 2:
        return None
    area, local = parts
    if not (_AREA.fullmatch(area) and _LOCAL.fullmatch(local)) or len(area) != _area_len(area):
        return None
    return f"{area}-{local}" + (f"转{ext}" if ext else "")


def check_phone(value: str, field: str = "phone") -> str:
    """Validate a Chinese mobile or landline number and return its canonical form.

    Mobile: ``13812345678`` (``+86``/``86`` prefix, spaces and dashes ignored).
    Landline with area code: ``0791-86123456``; an extension is kept as
    ``0791-86123456转801`` (typed as 转801, ext801, x801, #801 or -801).
    """
    text = _normalise(value, field, "电话号码", "phone number").lower()
    for bracket in "()（）":
        text = text.replace(bracket, "")
    if not text:
        raise ValidationError.single(field, "required", "请填写电话号码", "Enter a phone number")
    national = _COUNTRY.sub("", text, count=1)
    compact = national.replace("-", "")
    if _MOBILE.fullmatch(compact):
        return compact
    if national != text and national[:1] in "123456789":
        national = "0" + national  # +86 791 ... drops the trunk 0
    result = _landline(national)
    if result is None:
        raise ValidationError.single(
            field,
            "format",
            "电话号码格式不正确：手机号为11位（如13812345678），固话需带区号（如0791-86123456）",
            "Invalid phone number: a mobile has 11 digits (13812345678), "
            "a landline needs its area code (0791-86123456)",
        )
    return result


def is_mobile(value: str) -> bool:
    """Whether ``value`` is a valid Chinese mobile number (any accepted spelling)."""
    try:
        return _MOBILE.fullmatch(check_phone(value)) is not None
    except ValidationError:
        return False


# Bidirectional overrides can make a name display differently from what is stored.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check_text(
    value: str | None,
    field: str,
    max_len: int,
    required: bool = False,
    *,
    multiline: bool = False,
    label_zh: str | None = None,
) -> str:
    """Clean free text: strip it, refuse control characters and over-long values.

    Args:
        value: the text (``None`` counts as empty).
        field: the field name for errors.
        max_len: the most characters (code points) allowed after stripping.
        required: whether empty text is refused.
        multiline: allow ``\\n`` and ``\\t`` (``\\r\\n`` becomes ``\\n``).
        label_zh: the field's Chinese name for the message (defaults to ``field``).

    Returns:
        The cleaned text (NFC-normalised, stripped); ``""`` when empty and optional.
    """
    label = label_zh or field
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError.single(
            field, "type", f"「{label}」必须是文本", f"{field} must be text"
        )
    text = unicodedata.normalize("NFC", value)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.strip()
    if not text:
        if required:
            raise ValidationError.single(
                field, "required", f"请填写「{label}」", f"{field} is required"
            )
        return ""
    allowed = "\n\t" if multiline else ""
    for ch in text:
        if ch in allowed:
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs", "Zl", "Zp") or ch in _BIDI_CONTROLS or ch == "\ufeff":
            raise ValidationError.single(
                field,
                "control_character",
                f"「{label}」含有不可见的控制字符（U+{ord(ch):04X}），请删除后重新输入",
                f"{field} contains an invisible control character (U+{ord(ch):04X})",
            )
    if len(text) > max_len:
        raise ValidationError.single(
            field,
            "too_long",
            f"「{label}」最多{max_len}个字，当前{len(text)}个字",
            f"{field} may have at most {max_len} characters, it has {len(text)}",
        )
    return text
