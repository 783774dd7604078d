"""Small helpers shared by the services."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from legalaid.errors import NotFoundError, StaleRecordError

T = TypeVar("T")


def get_row(s: Session, model: type[T], record_id: str, zh: str, en: str) -> T:
    """The row with this key, or a NotFoundError naming what was looked for."""
    row = s.get(model, record_id)
    if row is None:
        raise NotFoundError(f"{zh}不存在：{record_id}", f"No {en} {record_id}")
    return row


def check_version(row: object, expected: int, entity: str) -> None:
    """Refuse to save over a change made since the caller read the record."""
    actual: int = row.version  # type: ignore[attr-defined]
    if actual != expected:
        raise StaleRecordError(entity, row.id, expected, actual)  # type: ignore[attr-defined]
