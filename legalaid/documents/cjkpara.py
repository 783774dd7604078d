"""A reportlab flowable that sets Chinese text with the rules of ``typography``.

reportlab's own CJK wrapping hangs at most one closing mark, splits numbers and ignores
``<b>`` on CJK faces; this flowable breaks lines itself (see ``typography``), picks a face
per character (fallback for rare characters) and justifies CJK lines by spreading the
remaining width over the gaps, as Word does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from legalaid.documents.fonts import Face, FontBook
from legalaid.documents.typography import Glyph, Line, break_lines, make_units


@dataclass(frozen=True)
class TextRun:
    """A run of text with the formatting the PDF needs."""

    text: str
    role: str = "body"
    bold: bool = False
    size: float = 16.0
    char_spacing: float = 0.0
    underline: bool = False


@dataclass(frozen=True)
class ParaFormat:
    """Paragraph formatting in points; ``align`` is left, center, right or justify."""

    align: str = "justify"
    first_line: float = 0.0
    left: float = 0.0
    right: float = 0.0
    leading: float = 29.0
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False


def shape(runs: list[TextRun], book: FontBook) -> tuple[list[Glyph], set[str]]:
    """Turn runs into glyphs with a face each; returns the characters no face can draw."""
    glyphs: list[Glyph] = []
    missing: set[str] = set()
    for run in runs:
        primary = book.face(run.role, run.bold)
        for ch in run.text:
            if ch == "\r":
                continue
            if ch == "\t":
                ch = " "
            face: Face | None = book.face_for(ch, primary)
            if face is None:
                missing.add(ch)
                face = primary
            width = 0.0 if ch == "\n" else face.width(ch, run.size) + run.char_spacing
            glyphs.append(
                Glyph(ch, face.name, run.size, width, run.underline, run.char_spacing)
            )
    return glyphs, missing


class CJKParagraph(Flowable):  # type: ignore[misc]
    """A paragraph of Chinese (and Latin) text that reportlab can place and split."""

    def __init__(
        self,
        glyphs: list[Glyph],
        fmt: ParaFormat,
        lines: list[Line] | None = None,
        first_part: bool = True,
    ) -> None:
        super().__init__()
        self.glyphs = glyphs
        self.fmt = fmt
        self.lines = lines
        self.first_part = first_part
        # A part made by split() keeps its lines: laying it out again from all the glyphs
        # would repeat the text of the other part.
        self.fixed = lines is not None
        self._avail = -1.0
        self.spaceBefore = fmt.space_before if first_part else 0.0
        self.spaceAfter = fmt.space_after
        self.keepWithNext = fmt.keep_with_next
        self.width = 0.0
        self.height = 0.0

    def _leading(self) -> float:
        size = max((g.size for g in self.glyphs), default=self.fmt.leading)
        return max(self.fmt.leading, size * 1.05)

    def _layout(self, avail_width: float) -> list[Line]:
        if self.lines is not None and (self.fixed or self._avail == avail_width):
            return self.lines
        fmt = self.fmt
        width = max(avail_width - fmt.left - fmt.right, 1.0)
        first = max(width - fmt.first_line, 1.0)
        self.lines = break_lines(make_units(self.glyphs), first, width)
        self._avail = avail_width
        return self.lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self._layout(availWidth)
        self.width = availWidth
        self.height = len(lines) * self._leading()
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        lines = self._layout(availWidth)
        fit = int((availHeight + 0.01) // self._leading())
        if fit <= 0:
            return []
        if fit >= len(lines):
            # Asked to split although the lines fit (a table measured the cell with other
            # widths or spacing): give a two-part answer, as tables expect one.
            if len(lines) < 2:
                return []
            fit = len(lines) - 1
        head = CJKParagraph(self.glyphs, self.fmt, lines[:fit], self.first_part)
        head.spaceAfter = 0.0
        head._avail = availWidth
        tail = CJKParagraph(self.glyphs, self.fmt, lines[fit:], first_part=False)
        tail._avail = availWidth
        return [head, tail]

    def draw(self) -> None:
        canvas: Canvas = self.canv
        fmt = self.fmt
        leading = self._leading()
        lines = self.lines or []
        width = self.width - fmt.left - fmt.right
        y = self.height
        for index, line in enumerate(lines):
            size = max((g.size for u in line.units for g in u.glyphs), default=16.0)
            # Centre the em box of the largest glyph in the line box.
            baseline = y - (leading - size) / 2 - size * 0.86
            indent = fmt.first_line if (index == 0 and self.first_part) else 0.0
            room = width - indent - line.width
            x = fmt.left + indent
            gap = 0.0
            if fmt.align == "center":
                x += room / 2
            elif fmt.align == "right":
                x += room
            elif fmt.align == "justify" and not line.last and len(line.units) > 1 and room > 0:
                gap = room / (len(line.units) - 1)
            self._draw_line(canvas, line, x, baseline, gap)
            y -= leading

    @staticmethod
    def _draw_line(canvas: Canvas, line: Line, x: float, baseline: float, gap: float) -> None:
        first = next((g for u in line.units for g in u.glyphs), None)
        if first is None:
            return
        # beginText() starts with the canvas font: make it ours, not Helvetica.
        canvas.setFont(first.font, first.size)
        text = canvas.beginText()
        for unit in line.units:
            glyphs = unit.glyphs
            i = 0
            while i < len(glyphs):
                g = glyphs[i]
                j = i + 1
                while (
                    j < len(glyphs)
                    and glyphs[j].font == g.font
                    and glyphs[j].size == g.size
                    and glyphs[j].spacing == g.spacing
                    and glyphs[j].underline == g.underline
                ):
                    j += 1
                run_width = sum(h.width for h in glyphs[i:j])
                text.setTextOrigin(x, baseline)
                text.setFont(g.font, g.size)
                text.setCharSpace(g.spacing)
                text.textOut("".join(h.ch for h in glyphs[i:j]))
                if g.underline:
                    canvas.setLineWidth(0.6)
                    canvas.line(x, baseline - 2.5, x + run_width, baseline - 2.5)
                x += run_width
                i = j
            x += gap
        canvas.drawText(text)
