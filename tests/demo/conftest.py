from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from legalaid.demo import generate

TODAY = date(2026, 6, 30)


@pytest.fixture(scope="session")
def facade_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo desk made through the facade (60 cases)."""
    path = tmp_path_factory.mktemp("facade") / "desk.db"
    generate(path, cases=60, seed=7, today=TODAY, mode="facade")
    return path


@pytest.fixture(scope="session")
def bulk_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo desk made by the bulk loader (3,000 cases over several years)."""
    path = tmp_path_factory.mktemp("bulk") / "desk.db"
    generate(path, cases=3000, seed=7, today=TODAY, mode="bulk")
    return path
