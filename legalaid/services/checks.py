"""Collects every field error of a record before anything is written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from legalaid.errors import FieldError, ValidationError
from legalaid.labels import label_zh
from legalaid.rules import dates as date_rules
from legalaid.rules import identity, money
from legalaid.vocab import Vocabulary

T = TypeVar("T")
MAX_FEN = 10**15  # ¥10 trillion: far above any real claim, far below int64


class Checker:
    """Runs validators, keeping going after a failure so the user sees all problems."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []
        self.warnings: list[str] = []

    def run(self, fn: Callable[[], T]) -> T | None:
        try:
            return fn()
        except ValidationError as exc:
            self.errors.extend(exc.errors)
            return None

    def text(
        self,
        value: str | None,
        field: str,
        max_len: int,
        *,
        required: bool = False,
        multiline: bool = False,
    ) -> str | None:
        if value is None or (not required and value.strip() == ""):
            if required:
                self.missing(field)
            return None
        out = self.run(
            lambda: identity.check_text(
                value,
                field,
                max_len,
                required=required,
                multiline=multiline,
                label_zh=label_zh(field),
            )
        )
        return out or None

    def missing(self, field: str) -> None:
        self.errors.append(
            FieldError(field, "required", f"请填写{label_zh(field)}", f"{field} is required")
        )

    def code(
        self, vocab: Vocabulary, value: str | None, field: str, *, required: bool = True
    ) -> str | None:
        return self.run(lambda: vocab.check(value, field, required=required))

    def amount(self, value: str | int | None, field: str, *, required: bool = False) -> int | None:
        if value is None or value == "":
            if required:
                self.missing(field)
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            # An int is already fen (from code or a previous read); text is yuan as typed.
            if not 0 <= value <= MAX_FEN:
                self.errors.append(
                    FieldError(field, "range", "金额超出范围", "The amount is out of range")
                )
                return None
            return value
        return self.run(lambda: money.parse_amount(value, field))

    def id_number(
        self, value: str | None, field: str = "id_number", today: date | None = None
    ) -> identity.IdNumberInfo | None:
        if not value or not value.strip():
            return None
        info = self.run(lambda: identity.check_id_number(value, field, today=today))
        if info is not None:
            self.warnings.extend(info.warnings)
        return info

    def phone(self, value: str | None, field: str = "phone") -> str | None:
        if not value or not value.strip():
            return None
        return self.run(lambda: identity.check_phone(value, field))

    def credit_code(self, value: str | None, field: str = "credit_code") -> str | None:
        if not value or not value.strip():
            return None
        return self.run(lambda: identity.check_credit_code(value, field))

    def not_future(self, d: date | None, field: str, today: date) -> None:
        if d is not None:
            self.run(lambda: date_rules.check_not_future(d, field, today))

    def order(self, earlier: date | None, later: date | None, f_earlier: str, f_later: str) -> None:
        if earlier is not None and later is not None:
            self.run(lambda: date_rules.check_order(earlier, later, f_earlier, f_later))

    def require(self, ok: bool, field: str, code: str, zh: str, en: str) -> None:
        if not ok:
            self.errors.append(FieldError(field, code, zh, en))

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
