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

    def table(self, block: TableBlock, avail_width: float) -> Table:
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
        if block.borders:
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        merge_start: dict[int, int] = {}  # column -> row where its vertical merge began
        for r, row in enumerate(block.rows):
            cells: list[Any] = [[Spacer(0, 0)] for _ in range(ncols)]
            col = 0
            for cell in row:
                if col >= ncols:
                    break
                cells[col] = self._cell(cell)
                end = min(col + cell.span, ncols) - 1
                if cell.span > 1:
                    commands.append(("SPAN", (col, r), (end, r)))
                if cell.valign != "TOP":
                    commands.append(("VALIGN", (col, r), (end, r), cell.valign))
                if cell.vmerge == "restart":
                    merge_start[col] = r
                elif cell.vmerge == "continue" and col in merge_start:
                    commands.append(("SPAN", (col, merge_start[col]), (end, r)))
                    cells[col] = [Spacer(0, 0)]
                else:
                    merge_start.pop(col, None)
                col = end + 1
            data.append(cells)
        heights = [h if h else None for h in block.row_heights] or None
        table = Table(data, colWidths=widths, rowHeights=heights, splitInRow=1, hAlign="CENTER")
        table.setStyle(TableStyle(commands))
        return table

    def _cell(self, cell: CellBlock) -> list[CJKParagraph]:
        return [self.paragraph(p) for p in cell.paras] or [
            CJKParagraph([], ParaFormat(leading=14.0))
        ]


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
            story.append(builder.table(block, avail))
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
