"""Where things are: shipped resources, the user's data folder, the database file."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "legalaid"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONTS = RESOURCES / "fonts"
TRANSLATIONS = RESOURCES / "translations"
ICONS = RESOURCES / "icons"


def data_dir() -> Path:
    """The user's data folder (``LEGALAID_DATA_DIR`` overrides it); created if missing."""
    path = Path(os.environ.get("LEGALAID_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(cli_value: str | None = None) -> Path:
    """``--db PATH``, else ``LEGALAID_DB``, else ``legalaid.sqlite3`` in the data folder."""
    chosen = cli_value or os.environ.get("LEGALAID_DB")
    if chosen:
        path = Path(chosen).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        return path
    return data_dir() / "legalaid.sqlite3"


def log_path() -> Path:
    return data_dir() / "legalaid.log"
