"""Chinese line breaking (禁则) and GB/T 9704-2012 page geometry.

Breaking rules, applied to the characters of a paragraph:

* a closing mark (``，。；：、》！？”`` …) never starts a line: it is glued to what precedes;
* an opening mark (``“（《`` …) never ends a line: it is glued to what follows;
* a run of Latin letters, digits and the signs around them (an ID number, a credit code,
  ``¥4,391,100.00``, ``2026-03-01``) is one unbreakable unit, broken only if it is wider
  than a whole line;
* every other CJK character may break on either side.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MM = 72.0 / 25.4

# GB/T 9704-2012 §5.2: A4, text block 156 × 225 mm, top margin 37 mm, left 28 mm.
PAGE_WIDTH = 210 * MM
PAGE_HEIGHT = 297 * MM
MARGIN_TOP = 37 * MM
MARGIN_LEFT = 28 * MM
BLOCK_WIDTH = 156 * MM
BLOCK_HEIGHT = 225 * MM
MARGIN_RIGHT = PAGE_WIDTH - MARGIN_LEFT - BLOCK_WIDTH
MARGIN_BOTTOM = PAGE_HEIGHT - MARGIN_TOP - BLOCK_HEIGHT
#: 22 lines × 28 characters of 3号 (16 pt): 29 pt lines, characters tightened by 0.25 pt.
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
BODY_SIZE = 16.0
TITLE_SIZE = 22.0
LINE_PITCH = 29.0
CHAR_SPACING = -0.25

#: Marks that must not start a line (full-width ones reportlab's own list misses included).
CANNOT_START = frozenset(
    "，。；：、》！？”’）］｝〉」』】〕〗〙〛…‥·・﹐﹒﹔﹕﹖﹗"
    ",.;:!?%)]}>"
    "％‰℃°"
    "ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ々〻"
)
#: Marks that must not end a line.
CANNOT_END = frozenset("“‘（［｛〈《「『【〔〖〘〚([{<¥￥$")
#: Characters (besides ASCII) that belong inside an unbreakable Latin/number unit.
_WORD_EXTRA = frozenset("¥￥％‰℃°×·－")
_SPACES = frozenset(" \u3000\t")


def is_word_char(ch: str) -> bool:
    """True for characters that stay together with their neighbours (numbers, Latin)."""
    if ch in _SPACES or ch == "\n":
        return False
    if ch.isascii():
        return ch.isprintable()
    if ch in _WORD_EXTRA:
        return True
    # Latin letters with accents, full-width digits and letters.
    return (ord(ch) < 0x2000 and ch.isalnum()) or "０" <= ch <= "９" or "Ａ" <= ch <= "ｚ"


@dataclass
class Glyph:
    """One character placed with a face and size; ``width`` includes character spacing."""

    ch: str
    font: str
    size: float
    width: float
    underline: bool = False
    spacing: float = 0.0  # character spacing included in ``width``


@dataclass
class Unit:
    """Glyphs that must stay on one line."""

    glyphs: list[Glyph] = field(default_factory=list)
    space: bool = False  # a breakable space: dropped at the ends of a line
    newline: bool = False  # a forced line break

    @property
    def width(self) -> float:
        return sum(g.width for g in self.glyphs)


@dataclass
class Line:
    units: list[Unit]
    width: float
    last: bool  # ends the paragraph or a forced break: not justified


def make_units(glyphs: list[Glyph]) -> list[Unit]:
    """Group glyphs into unbreakable units following the rules of this module."""
    units: list[Unit] = []
    glue_next = False  # previous unit ended with an opening mark
    for g in glyphs:
        ch = g.ch
        if ch == "\n":
            units.append(Unit(newline=True))
            glue_next = False
            continue
        if ch in _SPACES and ch != "\u3000":
            units.append(Unit([g], space=True))
            glue_next = False
            continue
        prev = units[-1] if units and not units[-1].space and not units[-1].newline else None
        if prev is not None and (
            glue_next
            or ch in CANNOT_START
            or (is_word_char(ch) and is_word_char(prev.glyphs[-1].ch))
        ):
            prev.glyphs.append(g)
        else:
            units.append(Unit([g]))
        glue_next = ch in CANNOT_END
    return units


def _split_wide(unit: Unit, width: float) -> list[Unit]:
    """Cut a unit wider than a line into line-sized pieces (a very long number or URL)."""
    pieces: list[Unit] = []
    current = Unit()
    used = 0.0
    for g in unit.glyphs:
        if current.glyphs and used + g.width > width and g.ch not in CANNOT_START:
            pieces.append(current)
            current, used = Unit(), 0.0
        current.glyphs.append(g)
        used += g.width
    if current.glyphs:
        pieces.append(current)
    return pieces


def _hung(unit: Unit) -> float:
    """The unit's width without its closing mark, which may hang in the margin.

    Chinese Word's default (允许标点溢出边界): one closing mark that falls just past the
    line's end stays on the line, hanging, instead of pushing its character down. Two
    marks (``）。``) would stick out too far: the unit moves down whole.
    """
    glyphs = unit.glyphs
    if len(glyphs) >= 2 and glyphs[-1].ch in CANNOT_START and glyphs[-2].ch not in CANNOT_START:
        return unit.width - glyphs[-1].width
    return unit.width


def break_lines(units: list[Unit], first_width: float, width: float) -> list[Line]:
    """Greedy line breaking: as many units per line as fit, never splitting a unit."""
    lines: list[Line] = []
    current: list[Unit] = []
    used = 0.0
    limit = first_width
    fuzz = 0.01

    def flush(last: bool) -> None:
        nonlocal current, used, limit
        while current and current[-1].space:
            used -= current[-1].width
            current.pop()
        lines.append(Line(current, used, last))
        current, used, limit = [], 0.0, width

    queue = list(units)
    queue.reverse()
    while queue:
        unit = queue.pop()
        if unit.newline:
            flush(last=True)
            continue
        if unit.space and not current:
            continue  # no space at the start of a line
        w = unit.width
        if used + w <= limit + fuzz or unit.space or used + _hung(unit) <= limit + fuzz:
            current.append(unit)
            used += w
            continue
        if not current:
            pieces = _split_wide(unit, limit)
            queue.extend(reversed(pieces[1:]))
            current.append(pieces[0])
            used += pieces[0].width
            continue
        flush(last=False)
        queue.append(unit)
    if current or not lines:
        flush(last=True)
    return lines
