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
