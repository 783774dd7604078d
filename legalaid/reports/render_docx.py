"""The summary as a Word document (.docx): A4, the same header and tables as the PDF,
Chinese fonts named for East Asian text (w:eastAsia) so Word does not fall back to a
Latin font's CJK substitute."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from legalaid.reports.cells import as_text
from legalaid.reports.model import Summary
from legalaid.reports.render_tabular import header_lines
from legalaid.reports.tables import Table, build_tables

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Arial"


def _fonts(rpr: Any, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Name the fonts of a run or style, East Asian text included; drop theme fonts,
    which otherwise win over the names (python-docx sets only ascii/hAnsi)."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _run(
    paragraph: Any, text: str, *, size: float = 10.5, bold: bool = False, font: str = BODY_FONT
) -> None:
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    _fonts(run._element.get_or_add_rPr(), font)


def _shade(cell: Any, fill: str) -> None:
    tcpr = cell._element.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _table(doc: Any, t: Table) -> None:
    table = doc.add_table(rows=1 + len(t.rows), cols=len(t.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for j, head in enumerate(t.columns):
        cell = table.cell(0, j)
        _shade(cell, "DDE4EE")
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, head, size=9, bold=True, font=HEADING_FONT)
    for i, row in enumerate(t.rows, start=1):
        for j, value in enumerate(row):
            p = table.cell(i, j).paragraphs[0]
            left = j == 0 or t.key == "definitions" or (t.key == "workload" and j == 1)
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.RIGHT
            _run(p, as_text(value, grouped=True), size=9)
    # Repeat the header row on every page the table runs over.
    trpr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)
    if t.key == "definitions":
        for i in range(len(t.rows) + 1):
            table.cell(i, 0).width = Mm(32)
            table.cell(i, 1).width = Mm(142)


def _page_field(paragraph: Any, instr: str) -> None:
    run = paragraph.add_run()
    _fonts(run._element.get_or_add_rPr(), BODY_FONT)
    for kind, text in (
        ("begin", None),
        (None, instr),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == "1":
            el = OxmlElement("w:t")
            el.text = "1"
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        run._element.append(el)


def render_docx(sm: Summary) -> bytes:
    doc = Document()
    for style_name in ("Normal", "Heading 1", "Heading 2", "Title"):
        style = doc.styles[style_name]
        _fonts(
            style.element.get_or_add_rPr(), HEADING_FONT if style_name != "Normal" else BODY_FONT
        )
    # docDefaults carry theme fonts (minorEastAsia) that Word would otherwise use.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for rfonts in defaults.iter(qn("w:rFonts")):
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rfonts.attrib.pop(qn(attr), None)
            rfonts.set(qn("w:eastAsia"), BODY_FONT)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin = Mm(20)
    section.bottom_margin = Mm(18)

    head = section.header.paragraphs[0]
    _run(head, f"{sm.office_name}　{sm.period.label}　法律援助工作统计", size=8.5)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(foot, "第 ", size=9)
    _page_field(foot, "PAGE")
    _run(foot, " 页  共 ", size=9)
    _page_field(foot, "NUMPAGES")
    _run(foot, " 页", size=9)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, sm.title, size=16, bold=True, font=HEADING_FONT)
    for k, v in header_lines(sm)[1:]:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        _run(p, f"{k}：{v}", size=9.5)

    for t in build_tables(sm):
        h = doc.add_paragraph()
        h.paragraph_format.space_before = Pt(10)
        h.paragraph_format.space_after = Pt(4)
        h.paragraph_format.keep_with_next = True
        _run(h, t.title, size=12, bold=True, font=HEADING_FONT)
        _table(doc, t)
        if t.note:
            p = doc.add_paragraph()
            _run(p, "注：" + t.note, size=8)
            for run in p.runs:
                run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
