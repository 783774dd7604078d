"""What is synchronised, and how each column merges.

Everything here is derived from the model metadata (``legalaid.models``), so a new
table or column is picked up without a second list to keep in step:

- **replicated tables**: every table with a string ``id`` key except the push-only and
  local ones; desks and the service hold the same rows.
- **push-only**: ``audit_events``. Each desk keeps its own hash chain; events go up to
  the service, which keeps them append-only, and never come back down.
- **local**: settings, case number counters (numbering is coordinated separately).
- **local columns**: ``version`` (each replica's optimistic-lock counter, bumped when a
  pulled change lands) and the desk-login fields of ``staff``.

Merge classes per column: *guarded* columns (money amounts ``*_fen``, deadlines and the
dates of proceedings, status / outcome / closing, the responsible staff) turn a
concurrent edit into a conflict a person resolves; ``archived_at`` is guarded and also
checks the whole row (archive vs edit); every other column is last-writer-wins by
hybrid logical clock, the losing value kept in the service's history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Integer, String, Table, Text

import legalaid.models  # noqa: F401  (registers every table)
from legalaid.db.base import Base

PROTOCOL = 1

PUSH_ONLY_TABLES: frozenset[str] = frozenset({"audit_events"})
LOCAL_TABLES: frozenset[str] = frozenset({"settings", "case_number_counters"})
# Tables whose rows are written once; afterwards only archiving is allowed.
APPEND_ONLY_TABLES: frozenset[str] = frozenset(
    {"notes", "note_revisions", "recoveries", "documents", "audit_events"}
)
# Reference data only an administrator may change on the service.
ADMIN_TABLES: frozenset[str] = frozenset({"offices", "roles"})

LOCAL_COLUMNS: dict[str, frozenset[str]] = {
    "*": frozenset({"version"}),
    "staff": frozenset({"version", "password_hash", "last_login_at", "failed_logins"}),
}

# Guarded columns named explicitly; any ``*_fen`` column and ``archived_at`` are
# guarded everywhere.
_GUARDED: dict[str, frozenset[str]] = {
    "cases": frozenset({"status", "outcome", "closed_on", "lead_staff_id"}),
    "deadlines": frozenset({"due_on", "responsible_id"}),
    "proceedings": frozenset(
        {"applied_on", "accepted_on", "decision_kind", "decision_received_on", "appeal_deadline"}
    ),
    "hearings": frozenset({"held_at"}),
    "mediations": frozenset({"agreement_on", "performance_deadline", "mediator_id"}),
    "mediation_sessions": frozenset({"held_at"}),
    "instalments": frozenset({"due_on"}),
}

ARCHIVED = "archived_at"
UPDATED = "updated_at"

# Dependency order for snapshots (parents first). Tables not listed follow in name order.
_ORDER = (
    "offices",
    "roles",
    "staff",
    "people",
    "employers",
    "cases",
    "consultations",
    "case_staff",
    "case_applicants",
    "case_respondents",
    "wage_claims",
    "recoveries",
    "referrals",
    "mediations",
    "instalments",
    "mediation_sessions",
    "proceedings",
    "hearings",
    "deadlines",
    "notes",
    "note_revisions",
    "documents",
)


@dataclass(frozen=True)
class ColumnSpec:
    """How the service validates one column's value (the raw SQLite storage value)."""

    name: str
    kind: str  # int | bool | text | date | datetime
    nullable: bool
    max_length: int | None


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[ColumnSpec, ...]
    guarded: frozenset[str]
    push_only: bool
    append_only: bool
    # How the owning office is found: "office_id" column, "id" (offices) or None (global).
    owner: str | None

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> ColumnSpec | None:
        for c in self.columns:
            if c.name == name:
                return c
        return None


def _kind(col_type: object) -> str:
    if isinstance(col_type, Boolean):
        return "bool"
    if isinstance(col_type, Integer | BigInteger):
        return "int"
    if isinstance(col_type, DateTime):
        return "datetime"
    if isinstance(col_type, Date):
        return "date"
    impl = getattr(col_type, "impl", None)
    if impl is not None and not isinstance(impl, type):
        return _kind(impl)
    if isinstance(impl, type) and issubclass(impl, DateTime):
        return "datetime"
    if isinstance(col_type, String | Text):
        return "text"
    raise TypeError(f"column type {col_type!r} has no sync encoding")


def local_columns(table: str) -> frozenset[str]:
    return LOCAL_COLUMNS.get(table, LOCAL_COLUMNS["*"])


@cache
def local_defaults(table: str) -> dict[str, object]:
    """Values for the local NOT NULL columns of a row arriving from the service."""
    out: dict[str, object] = {}
    t = Base.metadata.tables.get(table)
    if t is None:
        return out
    for c in t.columns:
        if c.name in local_columns(table) and c.name != "version" and not c.nullable:
            arg = getattr(c.default, "arg", None)
            out[c.name] = int(arg) if isinstance(arg, bool) else arg
    return out


def _spec(table: Table) -> TableSpec:
    skip = local_columns(table.name)
    cols = []
    for c in table.columns:
        if c.name in skip:
            continue
        length = getattr(c.type, "length", None)
        cols.append(ColumnSpec(c.name, _kind(c.type), bool(c.nullable), length))
    guarded = set(_GUARDED.get(table.name, frozenset()))
    guarded |= {c.name for c in cols if c.name.endswith("_fen")}
    if any(c.name == ARCHIVED for c in cols):
        guarded.add(ARCHIVED)
    names = {c.name for c in cols}
    owner = "id" if table.name == "offices" else "office_id" if "office_id" in names else None
    return TableSpec(
        name=table.name,
        columns=tuple(cols),
        guarded=frozenset(guarded),
        push_only=table.name in PUSH_ONLY_TABLES,
        append_only=table.name in APPEND_ONLY_TABLES,
        owner=owner,
    )


@cache
def tables() -> dict[str, TableSpec]:
    """Every synchronised table (replicated and push-only), parents first."""
    found = {
        name: t
        for name, t in Base.metadata.tables.items()
        if name not in LOCAL_TABLES and "id" in t.columns and len(t.primary_key.columns) == 1
    }
    order = [n for n in _ORDER if n in found] + sorted(n for n in found if n not in _ORDER)
    return {n: _spec(found[n]) for n in order}


@cache
def fingerprint() -> str:
    """A short hash of what is synchronised (tables, columns, kinds, merge classes).

    Desks and the service compare it, so a migration that only adds an index does not
    force both to upgrade together, while one that changes synchronised columns does.
    """
    import hashlib

    parts = [
        f"{t.name}:{','.join(f'{c.name}/{c.kind}' for c in t.columns)}:{sorted(t.guarded)}"
        for t in tables().values()
    ]
    return hashlib.sha256(f"{PROTOCOL}|{'|'.join(parts)}".encode()).hexdigest()[:16]


def replicated() -> list[TableSpec]:
    return [t for t in tables().values() if not t.push_only]


def spec(name: str) -> TableSpec | None:
    return tables().get(name)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?$")


def value_fits(col: ColumnSpec, value: object) -> bool:
    """Whether ``value`` is a valid storage value for ``col`` (null checked elsewhere)."""
    if value is None:
        return True
    if col.kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if col.kind == "bool":
        return value in (0, 1) and not isinstance(value, bool)
    if not isinstance(value, str):
        return False
    if col.kind == "date":
        return bool(_DATE.match(value))
    if col.kind == "datetime":
        return bool(_DATETIME.match(value))
    return True
