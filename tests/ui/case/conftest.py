"""Fixtures of the case window tests: a real desk database with a pinned clock, the real
task manager (one database thread) and an AppContext, all offscreen. The desktop's
tests/ui/conftest.py (fonts, translations, Qt warnings fail) applies here too."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).parent))

from case_helpers import Desk, close_windows, make_ctx

from ui.context import AppContext


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    d = Desk(tmp_path / "desk.db")
    yield d
    d.col.close()


@pytest.fixture
def ctx(desk: Desk, qapp: QApplication) -> Iterator[AppContext]:
    c = make_ctx(desk, desk.lawyer)
    yield c
    close_windows()
    c.tasks.shutdown()
