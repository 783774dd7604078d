"""Where things are: shipped resources, the user's data folder, the database file."""

from __future__ import annotations

from pathlib import Path

from legalaid import config

APP_NAME = "legalaid"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONTS = RESOURCES / "fonts"
TRANSLATIONS = RESOURCES / "translations"
ICONS = RESOURCES / "icons"


def data_dir() -> Path:
    """The user's data folder (``LEGALAID_DATA_DIR`` overrides it); created if missing."""
    return config.data_dir()


def database_path(cli_value: str | None = None) -> Path:
    """``--db PATH``, else ``LEGALAID_DB``, else ``legalaid.sqlite3`` in the data folder:
    the same rule as the command line's."""
    path = config.default_db_path(cli_value).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def log_path() -> Path:
    return data_dir() / "legalaid.log"
