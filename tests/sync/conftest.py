"""Fixtures for the sync tests: a real sync service over HTTP (uvicorn on a random
loopback port, its store swapped per test), SQLite and PostgreSQL stores, and desks
built from a migrated template database."""

from __future__ import annotations

import os

os.environ.setdefault("LEGALAID_ARGON2_FAST", "1")

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from legalaid.server.store import Store
from tests.sync.helpers import (
    ServerThread,
    pg_available,
    pg_create_database,
    pg_drop_database,
    template_desk,
)


@pytest.fixture(scope="session")
def server() -> Iterator[ServerThread]:
    srv = ServerThread()
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def desk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return template_desk(tmp_path_factory.mktemp("template") / "template.db")


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    yield store
    store.close()


@pytest.fixture
def pg_store() -> Iterator[Store]:
    reason = pg_available()
    if reason:
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 is not available: {reason}")
    name = f"legalaid_sync_{uuid.uuid4().hex[:12]}"
    url = pg_create_database(name)
    store = Store.open(url)
    yield store
    store.close()
    pg_drop_database(name)


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest) -> Store:
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_store")  # type: ignore[no-any-return]
    return request.getfixturevalue("pg_store")  # type: ignore[no-any-return]


@pytest.fixture
def service(server: ServerThread, store: Store) -> Iterator[ServerThread]:
    """The running service, serving ``store``."""
    server.use(store)
    yield server

