"""The desk key: a random 256-bit SQLCipher key, wrapped once per user.

The database is encrypted with a random data key. That key is never stored in clear:
a key file beside the database (``<desk>.db.keys``) holds one *slot* per user, each the
data key wrapped with a key derived from that user's password by Argon2id (with the
slot's own random salt), plus a recovery slot for a recovery code shown once. Logging
in unwraps the user's slot, so one password opens the database and the account; a
password change or an administrator's reset rewraps that user's slot.

Wrapping: Argon2id gives 64 bytes; the first 32 are XORed with the data key (each
slot's salt is fresh, so each pad is used once) and the last 32 key an HMAC-SHA256
tag over the result, which tells a wrong password from a right one in constant time.

When an OS keyring is available (the ``keyring`` package with a working backend) the
data key may also be kept there, so the desk opens without typing a password first.
Where there is none (a server, a container) everything works through the slots.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw

from legalaid.errors import ConfigurationError
from legalaid.security.sqlfiles import fsync_dir

KEY_BYTES = 32
FORMAT = 1
RECOVERY_SLOT = "*recovery*"
KEYRING_SERVICE = "legalaid-desk"
_CHECK_LABEL = b"legalaid desk key check v1"

# Argon2id for key derivation: stronger than for login hashes, since a stolen laptop's
# key file can be attacked offline. Tests lower it with LEGALAID_ARGON2_FAST=1.
if os.environ.get("LEGALAID_ARGON2_FAST") == "1":
    KDF_PARAMS = {"t": 1, "m": 1024, "p": 1}
else:
    KDF_PARAMS = {"t": 3, "m": 64 * 1024, "p": 1}


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_code() -> str:
    """A recovery code to write down: 8 groups of 4 base32 letters and digits."""
    raw = base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")
    return "-".join(raw[i : i + 4] for i in range(0, 32, 4))


def _secret_bytes(secret: str) -> bytes:
    text = unicodedata.normalize("NFC", secret)
    if secret.count("-") == 7 and len(secret) == 39:  # a recovery code: ignore case
        text = text.upper()
    return text.encode("utf-8")


def _derive(secret: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hash_secret_raw(
        _secret_bytes(secret),
        salt,
        time_cost=params["t"],
        memory_cost=params["m"],
        parallelism=params["p"],
        hash_len=64,
        type=Type.ID,
    )


def wrap(data_key: bytes, secret: str) -> dict[str, Any]:
    """A slot holding ``data_key`` that only ``secret`` opens."""
    salt = secrets.token_bytes(16)
    params = dict(KDF_PARAMS)
    kek = _derive(secret, salt, params)
    wrapped = bytes(a ^ b for a, b in zip(data_key, kek[:KEY_BYTES], strict=True))
    tag = hmac.new(kek[KEY_BYTES:], wrapped, hashlib.sha256).digest()
    return {"salt": salt.hex(), **params, "wrapped": wrapped.hex(), "tag": tag.hex()}


def unwrap(slot: dict[str, Any], secret: str) -> bytes | None:
    """The data key in ``slot`` if ``secret`` opens it, else None."""
    try:
        salt = bytes.fromhex(slot["salt"])
        wrapped = bytes.fromhex(slot["wrapped"])
        tag = bytes.fromhex(slot["tag"])
        params = {"t": int(slot["t"]), "m": int(slot["m"]), "p": int(slot["p"])}
    except (KeyError, ValueError, TypeError):
        return None
    if len(wrapped) != KEY_BYTES:
        return None
    kek = _derive(secret, salt, params)
    if not hmac.compare_digest(hmac.new(kek[KEY_BYTES:], wrapped, hashlib.sha256).digest(), tag):
        return None
    return bytes(a ^ b for a, b in zip(wrapped, kek[:KEY_BYTES], strict=True))


def key_check(data_key: bytes) -> str:
    """A value that confirms a data key without revealing it."""
    return hmac.new(data_key, _CHECK_LABEL, hashlib.sha256).hexdigest()


def key_file_path(db_path: str | Path) -> Path:
    p = Path(db_path)
    return p.with_name(p.name + ".keys")


@dataclass
class KeyFile:
    """The key slots of one encrypted desk."""

    path: Path
    check: str
    slots: dict[str, dict[str, Any]]

    @classmethod
    def create(cls, db_path: str | Path, data_key: bytes) -> KeyFile:
        return cls(key_file_path(db_path), key_check(data_key), {})

    @classmethod
    def load(cls, db_path: str | Path) -> KeyFile:
        path = key_file_path(db_path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError(f"unknown key file format {data.get('format')}")
            return cls(path, str(data["check"]), dict(data["slots"]))
        except FileNotFoundError as exc:
            raise ConfigurationError(
                f"找不到加密数据库的密钥文件：{path}",
                f"The encrypted desk's key file is missing: {path}",
            ) from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigurationError(
                f"密钥文件已损坏：{path}", f"The key file is damaged: {path}"
            ) from exc

    @staticmethod
    def exists(db_path: str | Path) -> bool:
        return key_file_path(db_path).exists()

    def save(self) -> None:
        """Write atomically (a crash leaves the old or the new file, never half)."""
        body = json.dumps(
            {
                "format": FORMAT,
                "cipher": "sqlcipher4-raw-key",
                "check": self.check,
                "slots": self.slots,
            },
            indent=1,
            sort_keys=True,
        )
        tmp = self.path.with_name(self.path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)
        fsync_dir(self.path.parent)
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)

    @staticmethod
    def slot_name(username: str) -> str:
        return unicodedata.normalize("NFC", username).strip().lower()

    def confirms(self, data_key: bytes) -> bool:
        return hmac.compare_digest(key_check(data_key), self.check)

    def set_slot(self, username: str, data_key: bytes, secret: str) -> None:
        if not self.confirms(data_key):
            raise ConfigurationError("密钥与数据库不符", "That key does not belong to this desk")
        self.slots[self.slot_name(username)] = wrap(data_key, secret)

    def remove_slot(self, username: str) -> None:
        self.slots.pop(self.slot_name(username), None)

    def has_slot(self, username: str) -> bool:
        return self.slot_name(username) in self.slots

    def unlock(self, username: str, secret: str) -> bytes | None:
        """The data key if ``secret`` opens ``username``'s slot (or the recovery slot
        when ``username`` is RECOVERY_SLOT)."""
        slot = self.slots.get(self.slot_name(username))
        if slot is None:
            return None
        key = unwrap(slot, secret)
        return key if key is not None and self.confirms(key) else None


# -- OS keyring (optional) ----------------------------------------------------------------


def _keyring() -> Any | None:
    """The keyring module when it has a usable backend, else None."""
    try:
        import keyring  # type: ignore[import-not-found,unused-ignore]
        from keyring.backends import fail  # type: ignore[import-not-found,unused-ignore]

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
            return None
        return keyring
    except Exception:
        return None


def keyring_available() -> bool:
    return _keyring() is not None


def _keyring_user(db_path: str | Path) -> str:
    return hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:32]


def keyring_store(db_path: str | Path, data_key: bytes) -> bool:
    """Keep the data key in the OS keyring; False (and nothing stored) without one."""
    kr = _keyring()
    if kr is None:
        return False
    try:
        kr.set_password(KEYRING_SERVICE, _keyring_user(db_path), data_key.hex())
        return True
    except Exception:
        return False


def keyring_load(db_path: str | Path) -> bytes | None:
    kr = _keyring()
    if kr is None:
        return None
    try:
        value = kr.get_password(KEYRING_SERVICE, _keyring_user(db_path))
        return bytes.fromhex(value) if value else None
    except Exception:
        return None


def keyring_forget(db_path: str | Path) -> None:
    kr = _keyring()
    if kr is None:
        return
    with contextlib.suppress(Exception):
        kr.delete_password(KEYRING_SERVICE, _keyring_user(db_path))
