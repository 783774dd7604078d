"""The ``legalaid`` command line.

Each command group lives in its own module with a ``register(commands)`` function; the
modules are listed in ``COMMAND_MODULES``. ``--db PATH`` (or ``LEGALAID_DB``) picks the
desk database; without either the database in the user's data folder is used.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Any

from legalaid.errors import LegalAidError, ValidationError

COMMAND_MODULES: tuple[str, ...] = ("legalaid.cli.core", "legalaid.cli.doc", "legalaid.cli.demo",
                                   "legalaid.cli.report", "legalaid.cli.ledger",
                                   "legalaid.cli.trust", "legalaid.cli.sync")

Handler = Callable[[argparse.Namespace], int | None]
_GROUPS: dict[str, Any] = {}


def group(commands: Any, name: str, help_text: str) -> Any:
    """Return the sub-command set of the group ``name``, creating it on first use.

    Lets several modules add commands to one group (``export cases``, ``export ledger``).
    """
    if name not in _GROUPS:
        parser = commands.add_parser(name, help=help_text)
        _GROUPS[name] = parser.add_subparsers(dest=f"{name}_command", required=True)
    return _GROUPS[name]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="legalaid", description="Trade-union legal-aid case management (工会法律援助)."
    )
    parser.add_argument(
        "--db", help="desk database file (default: $LEGALAID_DB or the data folder)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    _GROUPS.clear()
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:  # pragma: no cover - argparse enforces a command
        parser.print_help()
        return 2
    try:
        code = handler(args)
    except ValidationError as exc:
        for err in exc.errors:
            print(f"错误 error: {err.field}: {err.zh} / {err.en}", file=sys.stderr)
        return 1
    except LegalAidError as exc:
        print(f"错误 error: {exc.zh} / {exc.en}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return int(code or 0)
