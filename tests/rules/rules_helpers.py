"""Independent generators of valid identifiers (not using the code under test)."""

from __future__ import annotations

from datetime import date

_ID_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def id_check_char(first17: str) -> str:
    """GB 11643-1999 check character, written out from the standard."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def make_id(region: str = "360102", birth: date = date(1990, 1, 1), seq: int = 123) -> str:
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def uscc_check_char(first17: str) -> str:
    """GB 32100-2015 check character, written out from the standard."""
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def make_uscc(first17: str = "91360100MA35XXXXX") -> str:
    return first17 + uscc_check_char(first17)
