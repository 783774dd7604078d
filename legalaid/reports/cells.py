"""Turning table cells into text, and keeping spreadsheet cells from running as formulas.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
some spreadsheets skip before looking) is read by Excel and LibreOffice as a formula;
a name such as ``=HYPERLINK(...)`` typed into a case would then run on a supervisor's
machine. Such text is written with a leading apostrophe, the spreadsheet convention for
"this is text"; importers remove exactly that apostrophe again.
"""

from __future__ import annotations

from decimal import Decimal

from legalaid.reports.tables import Cell, Percent, Yuan
from legalaid.rules.money import fen_to_decimal, yuan_str

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DASH = "—"


def neutralise(text: str) -> str:
    """Text safe to put in a spreadsheet cell: formula-like text gets a leading ``'``."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise` (an apostrophe before a formula character)."""
    if text.startswith("'") and text[1:2] and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def as_text(cell: Cell | Yuan | Percent, *, grouped: bool = False) -> str:
    """A cell as text. ``grouped`` puts thousands separators into amounts (PDF, Word)."""
    if cell is None:
        return ""
    if isinstance(cell, Yuan):
        return f"{fen_to_decimal(cell.fen):,.2f}" if grouped else yuan_str(cell.fen)
    if isinstance(cell, Percent):
        return DASH if cell.value is None else f"{cell.value:f}"
    if isinstance(cell, Decimal):
        return f"{cell:f}"
    if isinstance(cell, int):
        return f"{cell:,}" if grouped else str(cell)
    return cell


def is_number(cell: Cell | Yuan | Percent) -> bool:
    return isinstance(cell, int | Decimal | Yuan) or (
        isinstance(cell, Percent) and cell.value is not None
    )
