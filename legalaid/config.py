"""Where a desk keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "legalaid"
DB_ENV = "LEGALAID_DB"


def data_dir() -> Path:
    """The user's data folder for legalaid (created on first use)."""
    override = os.environ.get("LEGALAID_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


DB_FILE = "legalaid.sqlite3"


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The desk database: the path given, else $LEGALAID_DB, else the data folder's.

    The desktop and the command line use this same rule, so both open the same desk.
    """
    chosen = explicit or os.environ.get(DB_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return data_dir() / DB_FILE
