"""Whether start-up must ask for a password. Kept apart from the sign-in dialogs
(``ui.dialogs.login``), which are loaded only when a sign-in is actually needed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any


def auth(col: Any) -> Any:
    """The core's account service on ``col`` (call on the database worker)."""
    from legalaid.security.auth import Auth

    return Auth(col)


def sign_in_required(
    tasks: Any, wait_for: Callable[[Any, Callable[[Any], Any]], Any], db_path: Path
) -> bool:
    """Whether the start must ask for a password: always on an encrypted desk, and on a
    plain desk once any account has a password (a desk from before accounts had
    passwords opens as before until an administrator sets one)."""
    from legalaid.security.sqlfiles import is_encrypted

    if is_encrypted(db_path):
        return True
    return not bool(wait_for(tasks, lambda col: auth(col).needs_setup()))
