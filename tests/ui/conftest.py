"""Desktop tests: real widgets offscreen, a real SQLite file per test, Qt warnings fail."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).parent))

import ui_seed

from ui.app import choose_actor, open_context
from ui.context import AppContext
from ui.fonts import install_fonts
from ui.i18n import install_translators

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Any Qt warning (or worse) during a desktop test fails it."""
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            # The offscreen platform cannot size native windows; harmless there.
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture(scope="session", autouse=True)
def _desktop_environment(
    tmp_path_factory: pytest.TempPathFactory, qapp: QApplication
) -> Iterator[None]:
    data = tmp_path_factory.mktemp("data")
    os.environ["LEGALAID_DATA_DIR"] = str(data)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(data / "qsettings"))
    install_fonts(qapp)
    install_translators("zh")
    yield


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("template") / "base.sqlite3"
    ids = ui_seed.base_db(path)
    return path, ids


@pytest.fixture(scope="session")
def big_db(
    tmp_path_factory: pytest.TempPathFactory, template_db: tuple[Path, dict[str, str]]
) -> tuple[Path, dict[str, str]]:
    """The base database plus 3,000 bulk-inserted cases."""
    src, ids = template_db
    path = tmp_path_factory.mktemp("big") / "big.sqlite3"
    shutil.copy(src, path)
    ui_seed.bulk_cases(path, 3000, ids["office"], ids["admin"])
    return path, ids


def _copy(src: Path, dst: Path) -> Path:
    shutil.copy(src, dst)
    for suffix in ("-wal", "-shm"):
        side = src.with_name(src.name + suffix)
        if side.exists():
            shutil.copy(side, dst.with_name(dst.name + suffix))
    return dst


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def _context(db: Path, settings: QSettings, lang: str = "zh") -> AppContext:
    ctx = open_context(db, settings, lang)
    choose_actor(ctx)
    return ctx


@pytest.fixture
def db_path(tmp_path: Path, template_db: tuple[Path, dict[str, str]]) -> Path:
    return _copy(template_db[0], tmp_path / "desk.sqlite3")


@pytest.fixture
def ids(template_db: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return template_db[1]


@pytest.fixture
def ctx(db_path: Path, settings: QSettings) -> Iterator[AppContext]:
    context = _context(db_path, settings)
    yield context
    context.tasks.shutdown()


@pytest.fixture
def big_ctx(
    tmp_path: Path, big_db: tuple[Path, dict[str, str]], settings: QSettings
) -> Iterator[AppContext]:
    path = _copy(big_db[0], tmp_path / "big.sqlite3")
    context = _context(path, settings)
    yield context
    context.tasks.shutdown()
