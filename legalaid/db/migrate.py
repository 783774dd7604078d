"""Schema upgrades through Alembic, on the application's own engine.

Opening a desk only has to know whether it is at the newest revision. That check reads
the ``alembic_version`` table and the ``revision = …`` lines of the migration scripts
directly; Alembic itself (a large import) is loaded only when a migration actually runs.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
VERSION_TABLE = "alembic_version"


# Tables made by hand-written migrations and absent from the ORM metadata: FTS5 search
# tables (and their shadow tables) and the desk's sync bookkeeping, which is written by
# triggers and the sync engine, not the ORM. Autogenerate and schema comparisons skip them.
UNMAPPED_PREFIXES: tuple[str, ...] = ("fts_", "sync_")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(UNMAPPED_PREFIXES))


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


# A module-level ``revision = "0004"`` / ``down_revision: str | None = "0003"`` line, as
# Alembic's script template writes them.
_ASSIGNMENT = re.compile(
    r"^(?P<name>revision|down_revision)\s*(?::[^=\n]*)?=\s*(?P<value>.+?)\s*(?:#.*)?$",
    re.MULTILINE,
)


def _revision_ids(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (tuple, list)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise RuntimeError(f"unexpected revision identifier {value!r}")


def script_revisions(versions_dir: Path = VERSIONS_DIR) -> dict[str, tuple[str, ...]]:
    """Every migration script's revision and the revisions it follows, read from the
    scripts' text (the same ``revision`` / ``down_revision`` Alembic imports)."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted(versions_dir.glob("*.py")):
        if path.name.startswith(("_", ".#")):
            continue
        found: dict[str, object] = {}
        for m in _ASSIGNMENT.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(m["name"], ast.literal_eval(m["value"]))
        if "revision" not in found:
            continue
        (rev,) = _revision_ids(found["revision"])
        if rev in graph:
            raise RuntimeError(f"revision {rev} is defined twice ({path.name})")
        graph[rev] = _revision_ids(found.get("down_revision"))
    return graph


@cache
def head_revision() -> str:
    """The newest schema revision this program knows (the single head)."""
    graph = script_revisions()
    parents = {p for downs in graph.values() for p in downs}
    heads = sorted(set(graph) - parents)
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {heads}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    """The revision the database at ``engine`` is at (None: never migrated). Only reads:
    a desk another process is writing to can still be checked."""
    from legalaid.db.engine import READ_ONLY

    with engine.execution_options(**{READ_ONLY: True}).connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:
        raise RuntimeError(f"the database has more than one schema head: {sorted(rows)}")
    return str(rows[0]) if rows else None


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database at ``engine`` to ``revision`` (creating it when empty)."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
