"""Valid identifiers for demo data: resident ID numbers, unified social credit codes,
mobile numbers and record keys.

The check characters are computed here (rather than through python-stdnum) because the
bulk path makes millions of them; tests cross-check every kind against
``legalaid.rules.identity``.
"""

from __future__ import annotations

import random
from datetime import date

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_INDEX = {c: i for i, c in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# Organisation code (GB 11714): 8 characters and a check character.
_ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
    "152", "153", "155", "156", "157", "158", "159", "166", "177", "180", "181", "182",
    "183", "185", "186", "187", "188", "189", "191", "198", "199",
)  # fmt: skip


def id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id_number(rng: random.Random, region: str, birth: date, gender: str) -> str:
    """An 18-character resident ID number: region, birth date, sequence (odd for men,
    even for women) and the ISO 7064 check character."""
    seq = rng.randrange(0, 500) * 2 + (1 if gender == "M" else 0)
    if seq == 0:
        seq = 2
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + id_check_char(body)


def _org_check(code8: str) -> str:
    total = sum(_ORG_ALPHABET.index(c) * w for c, w in zip(code8, _ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc_check_char(first17: str) -> str:
    total = sum(_USCC_INDEX[c] * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total) % 31]


def credit_code(rng: random.Random, region: str) -> str:
    """A unified social credit code of a company (registration authority 9, kind 1)."""
    org8 = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    body = f"91{region}{org8}{_org_check(org8)}"
    return body + uscc_check_char(body)


def mobile(rng: random.Random) -> str:
    return rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"


class KeyMaker:
    """Record keys for the bulk path: UUIDs in the version-7 layout (a counter where
    the timestamp goes, then random bits), so the same seed gives the same keys and
    new keys sort after old ones, which keeps primary-key index inserts appending."""

    # 2024-01-01T00:00:00Z in milliseconds: the "timestamp" the counter starts from.
    BASE_MS = 1_704_067_200_000

    def __init__(self, rng: random.Random, start: int = 0) -> None:
        self._rng = rng
        self._n = self.BASE_MS + start

    def __call__(self) -> str:
        self._n += 1
        rand = self._rng.getrandbits(74)
        value = (self._n & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76  # version 7
        value |= (rand >> 62) << 64  # 12 bits
        value |= 0b10 << 62  # RFC 4122 variant
        value |= rand & ((1 << 62) - 1)
        h = f"{value:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
