from __future__ import annotations

from datetime import date

import pytest
from rules_helpers import id_check_char, make_id, make_uscc, uscc_check_char

from legalaid.errors import ValidationError
from legalaid.rules.identity import (
    check_credit_code,
    check_id_number,
    check_phone,
    check_text,
    is_mobile,
)

TODAY = date(2026, 11, 24)


def _code(call: object) -> str:
    assert isinstance(call, ValidationError)
    return call.errors[0].code


def test_valid_id_number_decodes() -> None:
    number = make_id("360102", date(1985, 7, 14), 371)
    info = check_id_number(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == date(1985, 7, 14)
    assert info.gender == "M"  # 371: odd
    assert info.region_code == "360102"
    assert info.warnings == ()


def test_gender_from_sequence_digit() -> None:
    assert check_id_number(make_id(seq=122), today=TODAY).gender == "F"
    assert check_id_number(make_id(seq=123), today=TODAY).gender == "M"


def test_known_published_example() -> None:
    # The example from GB 11643's commonly cited sample, check character X.
    info = check_id_number("11010519491231002X", today=TODAY)
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender == "F"


def test_lowercase_x_spaces_and_full_width_are_normalised() -> None:
    number = "11010519491231002X"
    assert check_id_number("11010519491231002x", today=TODAY).number == number
    assert check_id_number(" 110105 19491231 002x ", today=TODAY).number == number
    full_width = "１１０１０５１９４９１２３１００２Ｘ"
    assert check_id_number(full_width, today=TODAY).number == number


def test_bad_checksum_is_rejected_with_field_name() -> None:
    good = make_id()
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(ValidationError) as info:
        check_id_number(wrong, field="applicant_id", today=TODAY)
    error = info.value.errors[0]
    assert (error.field, error.code) == ("applicant_id", "checksum")
    assert "校验" in error.zh


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "required"),
        ("3601021990010112", "length"),
        ("360102900101123", "length"),  # 15-digit first-generation number
        ("36010219900101123Y", "format"),
        ("3601021990010A1234", "format"),
    ],
)
def test_malformed_id_numbers(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_id_number(value, today=TODAY)
    assert _code(info.value) == code


def test_fifteen_digit_message_explains() -> None:
    with pytest.raises(ValidationError) as info:
        check_id_number("360102900101123", today=TODAY)
    assert "15位" in info.value.errors[0].zh


def test_impossible_birth_date() -> None:
    first17 = "36010219900230123"  # 30 February
    with pytest.raises(ValidationError) as info:
        check_id_number(first17 + id_check_char(first17), today=TODAY)
    assert _code(info.value) == "birth_date"


def test_future_birth_date() -> None:
    with pytest.raises(ValidationError) as info:
        check_id_number(make_id(birth=date(2026, 11, 25)), today=TODAY)
    assert _code(info.value) == "birth_date_future"
    # Born today is possible (a newborn's number).
    assert check_id_number(make_id(birth=TODAY), today=TODAY).birth_date == TODAY


def test_implausibly_old() -> None:
    with pytest.raises(ValidationError) as info:
        check_id_number(make_id(birth=date(1905, 11, 24)), today=TODAY)  # 121 today
    assert _code(info.value) == "birth_date_implausible"
    assert check_id_number(make_id(birth=date(1905, 11, 25)), today=TODAY)  # still 120


def test_unknown_region_is_a_warning_not_a_rejection() -> None:
    info = check_id_number(make_id(region="360199"), today=TODAY)
    assert info.region_code == "360199"
    assert len(info.warnings) == 1
    assert info.warning_details[0].code == "region_unknown"
    assert "360199" in info.warnings[0]


def test_unknown_province_is_a_warning() -> None:
    info = check_id_number(make_id(region="990101"), today=TODAY)
    assert info.warning_details[0].code == "region_unknown_province"


def test_non_text_is_a_validation_error() -> None:
    with pytest.raises(ValidationError):
        check_id_number(360102199001011234, today=TODAY)  # type: ignore[arg-type]


# -- credit codes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "first17",
    ["91110000600037341", "91360100MA35ABCDE", "12100000400000770", "52360000MJ0000000"],
)
def test_generated_credit_codes_are_valid(first17: str) -> None:
    code = make_uscc(first17)
    assert check_credit_code(code) == code
    assert check_credit_code(code.lower()) == code
    assert check_credit_code(f" {code[:8]}-{code[8:]} ") == code


def test_published_credit_code() -> None:
    assert check_credit_code("91110000600037341L") == "91110000600037341L"


def test_credit_code_errors() -> None:
    code = make_uscc("91360100MA35ABCDE")
    wrong_check = code[:17] + ("0" if code[17] != "0" else "1")
    cases = {
        wrong_check: "checksum",
        code[:17]: "length",
        "A1360100MA35ABCDE" + uscc_check_char("91360100MA35ABCDE"): "format",
        "91360100MA35ABCDI" + "0": "format",  # I is never used
        "": "required",
    }
    for value, expected in cases.items():
        with pytest.raises(ValidationError) as info:
            check_credit_code(value, field="employer_code")
        assert info.value.errors[0].field == "employer_code"
        assert info.value.errors[0].code == expected, value


def test_transposed_characters_caught() -> None:
    code = make_uscc("91360100MA35ABCDE")
    swapped = code[:9] + code[10] + code[9] + code[11:]
    with pytest.raises(ValidationError):
        check_credit_code(swapped)


# -- phones -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "canonical"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("008613812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("19912345678", "19912345678"),
        ("0791-86123456", "0791-86123456"),
        ("079186123456", "0791-86123456"),
        ("(0791)86123456", "0791-86123456"),
        ("（0791）8612345", "0791-8612345"),
        ("010-62345678", "010-62345678"),
        ("01062345678", "010-62345678"),
        ("02161234567", "021-61234567"),
        ("+86 791 86123456", "0791-86123456"),
        ("0791-86123456转801", "0791-86123456转801"),
        ("0791-86123456-801", "0791-86123456转801"),
        ("0791-86123456 ext 801", "0791-86123456转801"),
        ("0791-86123456#801", "0791-86123456转801"),
    ],
)
def test_phone_normalised(value: str, canonical: str) -> None:
    assert check_phone(value) == canonical


@pytest.mark.parametrize(
    "value",
    [
        "12345678901",  # 12x is not a mobile prefix
        "1381234567",
        "138123456789",
        "86123456",  # landline without area code
        "021-1234567",  # local numbers never start with 1
        "0791-123",
        "079-86123456",  # 4-digit area code area cut short
        "010-862345678",
        "abc",
        "12351",
        "",
    ],
)
def test_phone_rejected(value: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_phone(value, field="contact_phone")
    assert info.value.errors[0].field == "contact_phone"


def test_is_mobile() -> None:
    assert is_mobile("+86 138 1234 5678")
    assert not is_mobile("0791-86123456")
    assert not is_mobile("not a number")


# -- free text --------------------------------------------------------------------------


def test_check_text_strips_and_limits() -> None:
    assert check_text("  南昌建工集团  ", "name", 50) == "南昌建工集团"
    assert check_text(None, "name", 50) == ""
    assert check_text("", "name", 50) == ""
    with pytest.raises(ValidationError) as info:
        check_text("  ", "name", 50, required=True, label_zh="姓名")
    assert info.value.errors[0].code == "required"
    assert "姓名" in info.value.errors[0].zh
    with pytest.raises(ValidationError) as info:
        check_text("张" * 51, "name", 50, label_zh="姓名")
    error = info.value.errors[0]
    assert (error.field, error.code) == ("name", "too_long")
    assert "50" in error.zh and "51" in error.zh
    assert check_text("张" * 50, "name", 50) == "张" * 50


@pytest.mark.parametrize("bad", ["a\x00b", "a\x1bb", "a\u202eb", "a\u2028b", "a\ufeffb", "a\nb"])
def test_check_text_rejects_control_characters(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_text(bad, "name", 50)
    assert info.value.errors[0].code == "control_character"


def test_multiline_allows_newlines_and_tabs() -> None:
    text = check_text("第一行\r\n\t第二行\r第三行", "notes", 500, multiline=True)
    assert text == "第一行\n\t第二行\n第三行"
    with pytest.raises(ValidationError):
        check_text("a\x07b", "notes", 500, multiline=True)


def test_private_use_characters_are_kept() -> None:
    # Rare characters in names are sometimes stored in the private use area.
    assert check_text("王\ue000", "name", 10) == "王\ue000"
