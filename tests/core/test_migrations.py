from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from legalaid.collection import Collection
from legalaid.db import migrate
from legalaid.db.base import Base
from legalaid.db.engine import make_engine


def test_one_head() -> None:
    assert migrate.head_revision()


def test_upgrade_empty_database_matches_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "empty.db")
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    # The schema the migrations build is the schema the models describe.
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": migrate.include_name}
        )
        diffs = compare_metadata(ctx, Base.metadata)
    assert diffs == []


def test_upgrade_keeps_data_from_first_revision(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path)
    migrate.upgrade(engine, "0001")
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO offices (id, name, case_prefix, number_format, created_at, updated_at, "
        "version) VALUES ('o1', '老单位', '洪工援', '{prefix}〔{year}〕第{seq:04d}号', "
        "'2024-01-01 00:00:00', '2024-01-01 00:00:00', 1)"
    )
    raw.execute(
        "INSERT INTO people (id, office_id, name, phone, union_member, hardship_worker, "
        "migrant_worker, created_at, updated_at, version) VALUES ('p1', 'o1', '王建工', "
        "'13900000000', 0, 0, 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00', 1)"
    )
    raw.commit()
    raw.close()
    engine.dispose()
    col = Collection(path)  # upgrades to head on open
    try:
        assert migrate.current_revision(col.engine) == migrate.head_revision()
        results = col.search.all("建工")
        assert [p.name for p in results.people] == ["王建工"]
        assert col.admin.offices()[0].name == "老单位"
    finally:
        col.close()


def test_connection_pragmas(tmp_path: Path) -> None:
    col = Collection(tmp_path / "p.db")
    try:
        with col.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        col.close()


def test_head_revision_is_alembics_head() -> None:
    """Opening a desk reads the revisions from the scripts' text, not through Alembic:
    both must agree on every revision, its parents and the head."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert scripts.get_heads() == [migrate.head_revision()]
    expected = {}
    for script in scripts.walk_revisions():
        down = script.down_revision
        expected[script.revision] = (down,) if isinstance(down, str) else tuple(down or ())
    assert migrate.script_revisions() == expected


def test_script_revisions_reads_merges_and_skips_non_revisions(tmp_path: Path) -> None:
    (tmp_path / "__init__.py").write_text("")
    (tmp_path / "a.py").write_text('revision = "a"\ndown_revision = None\n')
    (tmp_path / "b.py").write_text('revision: str = "b"  # note\ndown_revision: str | None = "a"\n')
    (tmp_path / "c.py").write_text("revision = 'c'\ndown_revision = 'a'\n")
    (tmp_path / "m.py").write_text('"""merge"""\nrevision = "m"\ndown_revision = ("b", "c")\n')
    (tmp_path / "helper.py").write_text("X = 1\n")
    assert migrate.script_revisions(tmp_path) == {
        "a": (),
        "b": ("a",),
        "c": ("a",),
        "m": ("b", "c"),
    }


def test_current_revision_without_alembic(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "r.db")
    try:
        assert migrate.current_revision(engine) is None
        assert migrate.needs_upgrade(engine)
        migrate.upgrade(engine, "0001")
        assert migrate.current_revision(engine) == "0001"
        assert migrate.needs_upgrade(engine)
        migrate.upgrade(engine)
        assert not migrate.needs_upgrade(engine)
    finally:
        engine.dispose()


def test_opening_a_current_desk_does_not_load_alembic(tmp_path: Path) -> None:
    """Alembic (a large import) is loaded only when a desk actually needs migrating."""
    import subprocess
    import sys

    path = tmp_path / "current.db"
    Collection(path).close()  # created at the head revision
    code = (
        "import sys\n"
        "from legalaid.collection import Collection\n"
        f"col = Collection({str(path)!r})\n"
        "col.admin.is_initialised()\n"
        "col.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"


def test_opening_a_current_desk_only_reads(tmp_path: Path) -> None:
    """A desk another process is writing to (a sync, a ledger import) still opens: the
    schema check takes no write lock."""
    path = tmp_path / "busy.db"
    Collection(path).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE alembic_version SET version_num = version_num")
    try:
        col = Collection(path)
        assert not col.admin.is_initialised()
    finally:
        writer.execute("ROLLBACK")  # before closing: close() may write (PRAGMA optimize)
        writer.close()
    col.close()
