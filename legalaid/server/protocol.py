"""The wire format of the sync protocol (pydantic models the service validates).

Values in ``new`` / ``old`` are the raw SQLite storage values of the desk: text,
integers (booleans are 0/1) or null. Anything else is a malformed payload (422).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

MAX_BATCH = 1000
MAX_TEXT = 200_000

Hex32 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
DeskId = Annotated[str, StringConstraints(pattern=r"^[0-9a-fA-F-]{32,36}$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=60, pattern=r"^[a-z_0-9]+$")]
Key = Annotated[str, StringConstraints(min_length=1, max_length=36)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Value = Annotated[int, Field(ge=-(2**63), lt=2**63, strict=True)] | Text | None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Change(_Strict):
    """One captured change: an insert (I), an update (U) or a conflict resolution (R)."""

    change_id: Hex32
    tbl: Name
    pk: Key
    op: Literal["I", "U", "R"]
    new: dict[Name, Value] = Field(max_length=300)
    old: dict[Name, Value] | None = Field(default=None, max_length=300)
    hlc: int = Field(gt=0, lt=2**63)


class PushRequest(_Strict):
    desk_id: DeskId
    batch_id: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    changes: list[Change] = Field(max_length=MAX_BATCH)


class LoginRequest(_Strict):
    username: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=1024)]
    desk_id: DeskId


class NumbersRequest(_Strict):
    office_id: Key
    year: int = Field(ge=1990, le=2200)
    count: int = Field(ge=1, le=1000)


class RowsRequest(BaseModel):
    # Lax: JSON has no tuples; each key is a [table, id] pair.
    model_config = ConfigDict(extra="forbid")

    keys: list[tuple[Name, Key]] = Field(max_length=MAX_BATCH)
