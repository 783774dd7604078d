"""Password hashing (Argon2id) and the password policy.

One module for the desk and the sync service, so both store and check passwords the
same way. Hashes are PHC strings (``$argon2id$v=19$m=...``); parameters live in the
hash, so raising them later still verifies old hashes (and :func:`needs_rehash` says
when to store a new one).
"""

from __future__ import annotations

import os
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from legalaid.errors import ValidationError

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_LENGTH = 8
MAX_LENGTH = 256

# OWASP's Argon2id baseline (m=19 MiB, t=2, p=1). Tests may lower the cost through
# LEGALAID_ARGON2_FAST=1 so a test suite hashing hundreds of passwords stays quick;
# the parameters are stored in each hash, so such hashes still verify anywhere.
_FAST = os.environ.get("LEGALAID_ARGON2_FAST") == "1"


@cache
def _hasher() -> PasswordHasher:
    # Made (and argon2 imported) on first use: opening a desk hashes nothing.
    from argon2 import PasswordHasher

    if _FAST:
        return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def normalise(password: str) -> str:
    """NFC form, so the same password typed through different IMEs matches."""
    return unicodedata.normalize("NFC", password)


def check_policy(password: str, field: str = "password") -> str:
    """Refuse passwords a desk should not accept; return the normalised password."""
    if not isinstance(password, str):
        raise ValidationError.single(field, "type", "密码必须是文本", "The password must be text")
    pw = normalise(password)
    if len(pw) < MIN_LENGTH:
        raise ValidationError.single(
            field,
            "too_short",
            f"密码至少需要{MIN_LENGTH}个字符",
            f"The password needs at least {MIN_LENGTH} characters",
        )
    if len(pw) > MAX_LENGTH:
        raise ValidationError.single(
            field,
            "too_long",
            f"密码不能超过{MAX_LENGTH}个字符",
            f"The password may have at most {MAX_LENGTH} characters",
        )
    if any(unicodedata.category(c) == "Cc" for c in pw):
        raise ValidationError.single(
            field,
            "control_char",
            "密码不能包含控制字符",
            "The password may not contain control characters",
        )
    if pw.strip() == "" or len(set(pw)) < 3:
        raise ValidationError.single(
            field, "too_simple", "密码过于简单", "The password is too simple"
        )
    return pw


def hash_password(password: str) -> str:
    """An Argon2id PHC hash of ``password`` (with a fresh random salt)."""
    return _hasher().hash(normalise(password))


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored_hash``; False for a missing or bad hash."""
    if not stored_hash or not isinstance(password, str) or len(password) > MAX_LENGTH * 4:
        return False
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return _hasher().verify(stored_hash, normalise(password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether a hash was made with parameters other than today's."""
    from argon2.exceptions import InvalidHashError

    try:
        return _hasher().check_needs_rehash(stored_hash)
    except (InvalidHashError, ValueError):
        return True


# Hashes, with the parameters above, of random passwords nobody kept: login against an
# unknown user verifies one, spending the same time as against a known user, so
# usernames cannot be probed by timing. (Fixed text rather than hashed at import, which
# would cost every start one Argon2 run; tests check the parameters still match.)
_DUMMY_HASH = (
    "$argon2id$v=19$m=19456,t=2,p=1$7/N1Heq/AiQ47dDzhZb4kA"
    "$9M0w6IOJWnsaNEyduUFrIe1aFDZ53lOPFLmQVgHzHV0"
)
_DUMMY_HASH_FAST = (
    "$argon2id$v=19$m=1024,t=1,p=1$EqAGd180WRtzx6u5EXPn8A"
    "$upqpQLDZVPhdRz8IewIaJ3BRofDyDTMC+dF2zr4OAxQ"
)


def dummy_hash() -> str:
    return _DUMMY_HASH_FAST if _FAST else _DUMMY_HASH


def burn_time(password: str) -> None:
    """Spend one verification's time (for unknown users)."""
    verify_password(dummy_hash(), password)
