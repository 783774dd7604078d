"""Errors the core raises. Every message exists in Chinese and English."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of a record.

    Attributes:
        field: the field's English name as used by the input dataclass (``id_number``).
        code: a stable machine-readable code (``checksum``, ``required``...).
        zh: the message for the user in Chinese.
        en: the same message in English.
    """

    field: str
    code: str
    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.field}: {self.zh} / {self.en}"


class LegalAidError(Exception):
    """Base of every error the core raises on purpose."""

    zh: str = "操作失败"
    en: str = "The operation failed"

    def __init__(self, zh: str | None = None, en: str | None = None) -> None:
        if zh is not None:
            self.zh = zh
        if en is not None:
            self.en = en
        super().__init__(f"{self.zh} / {self.en}")


class ValidationError(LegalAidError):
    """A record was rejected; nothing was written. Holds one entry per bad field."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors: list[FieldError] = list(errors)
        zh = "；".join(f"{e.field}：{e.zh}" for e in self.errors) or "数据无效"
        en = "; ".join(f"{e.field}: {e.en}" for e in self.errors) or "Invalid data"
        super().__init__(zh, en)

    @classmethod
    def single(cls, field: str, code: str, zh: str, en: str) -> ValidationError:
        return cls([FieldError(field, code, zh, en)])

    def for_field(self, field: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == field]


class NotFoundError(LegalAidError):
    """The record asked for does not exist (or is archived where that matters)."""


class TransitionError(LegalAidError):
    """A case status change that the life cycle does not allow."""


class StaleRecordError(LegalAidError):
    """The record changed since it was read: the caller must reload and choose."""

    def __init__(self, entity: str, record_id: str, expected: int, actual: int) -> None:
        self.entity = entity
        self.record_id = record_id
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"该记录已被他人修改（版本 {expected} → {actual}），请重新载入后再保存",
            f"This {entity} was changed elsewhere (version {expected} → {actual}); "
            "reload it before saving",
        )


class PermissionDeniedError(LegalAidError):
    """The acting staff member may not do this."""


class ConfigurationError(LegalAidError):
    """The database, a file or a setting is missing or unusable."""
