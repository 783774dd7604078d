"""Write a rendered .docx as PDF with reportlab, embedding subset TrueType CJK faces."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import PageBreak as RLPageBreak

from legalaid.documents.cjkpara import CJKParagraph, ParaFormat, TextRun, shape
from legalaid.documents.docx_reader import (
    CellBlock,
    DocxReader,
    PageBreak,
    PageSetup,
    ParaBlock,
    TableBlock,
)
from legalaid.documents.fonts import FontBook

_CELL_PAD_X = 5.4  # Word's default cell margins: 0.19 cm
_CELL_PAD_Y = 1.5


class _PdfBuilder:
    def __init__(self, book: FontBook) -> None:
        self.book = book
        self.missing: set[str] = set()

    def paragraph(self, block: ParaBlock) -> CJKParagraph:
        glyphs, missing = shape(block.runs, self.book)
        self.missing |= missing
        return CJKParagraph(glyphs, block.fmt)

    def table(self, block: TableBlock, avail_width: float, page_height: float) -> Table:
        """A reportlab Table drawing the docx table: spans, merges, borders.

        A row too tall for a page (a cell with 5,000 characters of facts) is cut into
        continuation rows without a rule between them, so it flows over pages; reportlab's
        own in-row splitting misplaces text in this case.
        """
        ncols = len(block.col_widths)
        total = sum(block.col_widths) or 1.0
        scale = min(1.0, avail_width / total)
        widths = [w * scale for w in block.col_widths]
        data: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = [
            ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), _CELL_PAD_Y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), _CELL_PAD_Y),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # Tables set their cell font even for flowable cells: keep Helvetica out.
            ("FONTNAME", (0, 0), (-1, -1), self.book.face("body").name),
        ]
        rule = (0.5, colors.black)
        if block.borders:
            commands.append(("BOX", (0, 0), (-1, -1), *rule))
        heights: list[float | None] = []
        merge_start: dict[int, int] = {}  # column -> output row where its merge began
        chunk_height = page_height * 0.2
        for r, row in enumerate(block.rows):
            placed: list[tuple[int, int, CellBlock, list[Any]]] = []
            col = 0
            for cell in row:
                if col >= ncols:
                    break
                end = min(col + cell.span, ncols) - 1
                placed.append((col, end, cell, self._cell(cell)))
                col = end + 1
            merged = any(c.vmerge for _, _, c, _ in placed)
            pieces = {
                start: [flows] if merged else _chunks(
                    flows, sum(widths[start:end + 1]) - 2 * _CELL_PAD_X, chunk_height
                )
                for start, end, _, flows in placed
            }
            count = max((len(p) for p in pieces.values()), default=1)
            for k in range(count):
                out_row = len(data)
                cells: list[Any] = [[Spacer(0, 0)] for _ in range(ncols)]
                for start, end, cell, _ in placed:
                    chunks = pieces[start]
                    cells[start] = chunks[k] if k < len(chunks) else [Spacer(0, 0)]
                    if end > start:
                        commands.append(("SPAN", (start, out_row), (end, out_row)))
                    if cell.valign != "TOP" and count == 1:
                        commands.append(("VALIGN", (start, out_row), (end, out_row), cell.valign))
                    continued = k > 0
                    if cell.vmerge == "restart":
                        merge_start[start] = out_row
                    elif cell.vmerge == "continue" and start in merge_start:
                        commands.append(("SPAN", (start, merge_start[start]), (end, out_row)))
                        cells[start] = [Spacer(0, 0)]
                        continued = True
                    else:
                        merge_start.pop(start, None)
                    if block.borders:
                        if start > 0:
                            commands.append(("LINEBEFORE", (start, out_row), (start, out_row),
                                             *rule))
                        if not continued and out_row > 0:
                            commands.append(("LINEABOVE", (start, out_row), (end, out_row),
                                             *rule))
                data.append(cells)
                height = block.row_heights[r] if r < len(block.row_heights) else None
                heights.append(height or None if count == 1 else None)
        table = Table(data, colWidths=widths, rowHeights=heights or None, hAlign="CENTER")
        table.setStyle(TableStyle(commands))
        return table

    def _cell(self, cell: CellBlock) -> list[CJKParagraph]:
        return [self.paragraph(p) for p in cell.paras] or [
            CJKParagraph([], ParaFormat(leading=14.0))
        ]


def _chunks(flows: list[Any], width: float, height: float) -> list[list[Any]]:
    """Cut a cell's flowables into pieces no taller than ``height`` (one piece if it fits)."""
    pieces: list[list[Any]] = [[]]
    used = 0.0
    queue = list(flows)
    while queue:
        flow = queue.pop(0)
        _, h = flow.wrap(width, 1e9)
        need = h + flow.getSpaceBefore() + flow.getSpaceAfter()
        if used + need <= height:
            pieces[-1].append(flow)
            used += need
            continue
        parts = flow.split(width, height - used - flow.getSpaceBefore())
        if len(parts) == 2:
            pieces[-1].append(parts[0])
            queue.insert(0, parts[1])
        elif not pieces[-1]:
            pieces[-1].append(flow)  # cannot be cut: keep it whole
        else:
            queue.insert(0, flow)
        pieces.append([])
        used = 0.0
    return [p for p in pieces if p] or [[]]


def _page_number_painter(setup: PageSetup, book: FontBook) -> Any:
    """GB/T 9704 §7.5: 4号 digits in a dash pair, odd pages right, even pages left."""
    face = book.face("body")

    def paint(canvas: Canvas, doc: Any) -> None:
        if not setup.page_numbers:
            return
        number = canvas.getPageNumber()
        text = f"— {number} —"
        size = 14.0
        width = canvas.stringWidth(text, face.name, size)
        y = setup.bottom - 7 * 72 / 25.4 - size
        one_char = size
        odd = number % 2 == 1
        x = setup.width - setup.right - one_char - width if odd else setup.left + one_char
        canvas.setFont(face.name, size)
        canvas.drawString(x, y, text)

    return paint


def docx_to_pdf(document: Any, book: FontBook, title: str = "") -> tuple[bytes, set[str]]:
    """Draw a python-docx ``Document`` as PDF.

    Returns:
        The PDF bytes and the characters that no configured face could draw.
    """
    reader = DocxReader(document, book.fonts)
    setup = reader.page_setup()
    builder = _PdfBuilder(book)
    avail = setup.width - setup.left - setup.right
    story: list[Any] = []
    for block in reader.blocks():
        if isinstance(block, ParaBlock):
            story.append(builder.paragraph(block))
        elif isinstance(block, TableBlock):
            story.append(builder.table(block, avail, setup.height - setup.top - setup.bottom))
            story.append(Spacer(1, 2))
        elif isinstance(block, PageBreak):
            story.append(RLPageBreak())
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=(setup.width, setup.height),
        leftMargin=setup.left,
        rightMargin=setup.right,
        topMargin=setup.top,
        bottomMargin=setup.bottom,
        title=title,
        author="legalaid",
        creator="legalaid",
        invariant=1,
        initialFontName=book.face("body").name,
    )
    frame = Frame(
        setup.left,
        setup.bottom,
        avail,
        setup.height - setup.top - setup.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="text",
    )
    paint = _page_number_painter(setup, book)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=paint)])
    doc.build(story)
    return out.getvalue(), builder.missing


__all__ = ["TextRun", "docx_to_pdf"]
