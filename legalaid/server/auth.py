"""Passwords (Argon2id) and bearer tokens for the sync service.

A token is 32 random bytes shown once to the desk; the store keeps only its SHA-256,
so a copy of the store does not let anyone sign in. Tokens are revoked one by one
(logout) or all at once for a user (``legalaid server token revoke``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# OWASP's Argon2id baseline; LEGALAID_ARGON2_FAST=1 lowers the cost for test suites
# (parameters are stored in each hash, so such hashes still verify anywhere).
_HASHER = (
    PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    if os.environ.get("LEGALAID_ARGON2_FAST") == "1"
    else PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
)
MIN_PASSWORD = 8
MAX_PASSWORD = 256
_DUMMY = _HASHER.hash(secrets.token_hex(16))


def _norm(password: str) -> str:
    return unicodedata.normalize("NFC", password)


def hash_password(password: str) -> str:
    return _HASHER.hash(_norm(password))


def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches; spends the same time for an unknown user."""
    if not stored:
        with contextlib.suppress(VerifyMismatchError, VerificationError, InvalidHashError):
            _HASHER.verify(_DUMMY, _norm(password))
        return False
    if len(password) > MAX_PASSWORD * 4:
        return False
    try:
        return _HASHER.verify(stored, _norm(password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
