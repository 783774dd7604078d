"""Read a rendered .docx into plain layout blocks: paragraphs, tables, page breaks.

The PDF is drawn from the same rendered document as the .docx, so whatever a staff member
changes in a template (wording, alignment, indents, sizes, bold, fonts, tables, margins)
shows in both. Formatting is resolved the way Word does: document defaults, then the
style chain (``basedOn``), then direct formatting on the paragraph and the run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from legalaid.documents.cjkpara import ParaFormat, TextRun
from legalaid.documents.fonts import DocumentFonts
from legalaid.documents.typography import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
)

TWIP = 1 / 20.0  # points per twip


@dataclass
class ParaBlock:
    runs: list[TextRun]
    fmt: ParaFormat


@dataclass
class CellBlock:
    paras: list[ParaBlock]
    span: int = 1
    vmerge: str | None = None  # "restart", "continue" or None
    valign: str = "TOP"


@dataclass
class TableBlock:
    col_widths: list[float]
    rows: list[list[CellBlock]]
    borders: bool
    row_heights: list[float | None] = field(default_factory=list)


@dataclass
class PageBreak:
    pass


@dataclass
class PageSetup:
    width: float = PAGE_WIDTH
    height: float = PAGE_HEIGHT
    top: float = MARGIN_TOP
    bottom: float = MARGIN_BOTTOM
    left: float = MARGIN_LEFT
    right: float = MARGIN_RIGHT
    page_numbers: bool = False


Block = ParaBlock | TableBlock | PageBreak


def _on(el: Any) -> bool:
    """A toggle property (``w:b``): present and not switched off."""
    return el is not None and el.get(qn("w:val")) not in ("0", "false", "off", "none")


def _num(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


class _Styles:
    def __init__(self, styles_root: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_para: str | None = None
        self.default_table: str | None = None
        for st in styles_root.iter(qn("w:style")):
            sid = st.get(qn("w:styleId"))
            self.by_id[sid] = st
            if st.get(qn("w:default")) in ("1", "true"):
                kind = st.get(qn("w:type"))
                if kind == "paragraph":
                    self.default_para = sid
                elif kind == "table":
                    self.default_table = sid
        defaults = styles_root.find(qn("w:docDefaults"))
        self.ppr_default = self.rpr_default = None
        if defaults is not None:
            self.ppr_default = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
            self.rpr_default = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self._chains: dict[tuple[str | None, str], list[Any]] = {}

    def chain(self, style_id: str | None, tag: str) -> list[Any]:
        """``tag`` elements (pPr, rPr, tblPr) of a style and its ancestors, root first."""
        key = (style_id, tag)
        if key not in self._chains:
            out: list[Any] = []
            seen: set[str] = set()
            sid = style_id
            while sid and sid in self.by_id and sid not in seen:
                seen.add(sid)
                st = self.by_id[sid]
                el = st.find(qn(tag))
                if el is not None:
                    out.append(el)
                based = st.find(qn("w:basedOn"))
                sid = None if based is None else based.get(qn("w:val"))
            out.reverse()
            self._chains[key] = out
        return self._chains[key]


def _last(elements: list[Any], tag: str) -> Any:
    for el in reversed(elements):
        found = el.find(qn(tag))
        if found is not None:
            return found
    return None


def _last_attr(elements: list[Any], tag: str, attr: str) -> str | None:
    for el in reversed(elements):
        found = el.find(qn(tag))
        if found is not None and found.get(qn(f"w:{attr}")) is not None:
            return str(found.get(qn(f"w:{attr}")))
    return None


class DocxReader:
    """Turns a python-docx ``Document`` into blocks for the PDF writer."""

    def __init__(self, document: Any, fonts: DocumentFonts) -> None:
        self.document = document
        self.fonts = fonts
        self.styles = _Styles(document.styles.element)

    # -- page -----------------------------------------------------------------------------
    def page_setup(self) -> PageSetup:
        body = self.document.element.body
        sect = body.find(qn("w:sectPr"))
        setup = PageSetup()
        if sect is None:
            return setup
        size = sect.find(qn("w:pgSz"))
        if size is not None:
            setup.width = (_num(size.get(qn("w:w"))) or PAGE_WIDTH * 20) * TWIP
            setup.height = (_num(size.get(qn("w:h"))) or PAGE_HEIGHT * 20) * TWIP
        mar = sect.find(qn("w:pgMar"))
        if mar is not None:
            for name in ("top", "bottom", "left", "right"):
                value = _num(mar.get(qn(f"w:{name}")))
                if value is not None:
                    setattr(setup, name, abs(value) * TWIP)
        section = self.document.sections[-1]
        for footer in (section.footer, section.even_page_footer):
            xml = footer._element.xml if not footer.is_linked_to_previous else ""
            if "PAGE" in xml:
                setup.page_numbers = True
        return setup

    # -- body -----------------------------------------------------------------------------
    def blocks(self) -> Iterator[Block]:
        yield from self._container(self.document.element.body)

    def _container(self, parent: Any) -> Iterator[Block]:
        for child in parent:
            if child.tag == qn("w:p"):
                yield from self._paragraph(child)
            elif child.tag == qn("w:tbl"):
                yield self._table(child)
            elif child.tag == qn("w:sdt"):  # content controls Word wraps around blocks
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from self._container(content)

    def _paragraph(self, p: Any, in_table: bool = False) -> Iterator[Block]:
        ppr = p.find(qn("w:pPr"))
        style_el = None if ppr is None else ppr.find(qn("w:pStyle"))
        style_id = self.styles.default_para if style_el is None else style_el.get(qn("w:val"))
        pchain = [e for e in [self.styles.ppr_default] if e is not None]
        pchain += self.styles.chain(style_id, "w:pPr")
        if ppr is not None:
            pchain.append(ppr)
        rbase = [e for e in [self.styles.rpr_default] if e is not None]
        rbase += self.styles.chain(style_id, "w:rPr")
        if ppr is not None and ppr.find(qn("w:rPr")) is not None:
            # The paragraph mark's properties do not format the text: ignored on purpose.
            pass
        runs: list[TextRun] = []
        size_for_chars = 16.0
        page_break_before = _on(_last(pchain, "w:pageBreakBefore"))
        if page_break_before and not in_table:
            yield PageBreak()
        for r in self._runs(p):
            rpr = r.find(qn("w:rPr"))
            rchain = list(rbase)
            if rpr is not None:
                rstyle = rpr.find(qn("w:rStyle"))
                if rstyle is not None:
                    rchain += self.styles.chain(rstyle.get(qn("w:val")), "w:rPr")
                rchain.append(rpr)
            fmt = self._run_format(rchain)
            for kind, text in self._run_content(r):
                if kind == "page" and not in_table:
                    if runs:
                        yield ParaBlock(runs, self._para_format(pchain, rbase, size_for_chars))
                    yield PageBreak()
                    runs = []
                    continue
                runs.append(TextRun(text, *fmt))
                size_for_chars = fmt[2]
        if not runs:
            size_for_chars = self._run_format(rbase)[2]
        yield ParaBlock(runs, self._para_format(pchain, rbase, size_for_chars))

    @staticmethod
    def _runs(p: Any) -> Iterator[Any]:
        for r in p.iter(qn("w:r")):
            if any(a.tag in (qn("w:del"), qn("w:moveFrom")) for a in r.iterancestors()):
                continue
            yield r

    @staticmethod
    def _run_content(r: Any) -> Iterator[tuple[str, str]]:
        for el in r:
            tag = el.tag
            if tag == qn("w:t"):
                yield "text", el.text or ""
            elif tag == qn("w:tab"):
                yield "text", "\t"
            elif tag == qn("w:br"):
                if el.get(qn("w:type")) == "page":
                    yield "page", ""
                else:
                    yield "text", "\n"
            elif tag == qn("w:cr"):
                yield "text", "\n"
            elif tag == qn("w:noBreakHyphen"):
                yield "text", "-"

    def _run_format(self, rchain: list[Any]) -> tuple[str, bool, float, float, bool]:
        east = _last_attr(rchain, "w:rFonts", "eastAsia") or _last_attr(rchain, "w:rFonts", "ascii")
        role = self.fonts.role_of(east)
        bold = _on(_last(rchain, "w:b"))
        size = (_num(_last_attr(rchain, "w:sz", "val")) or 21.0) / 2.0
        spacing = (_num(_last_attr(rchain, "w:spacing", "val")) or 0.0) * TWIP
        underline_val = _last_attr(rchain, "w:u", "val")
        underline = underline_val is not None and underline_val != "none"
        return role, bold, size, spacing, underline

    def _para_format(self, pchain: list[Any], rbase: list[Any], size: float) -> ParaFormat:
        jc = _last_attr(pchain, "w:jc", "val") or "left"
        align = {
            "center": "center",
            "right": "right",
            "end": "right",
            "both": "justify",
            "distribute": "justify",
        }.get(jc, "left")
        char_w = size + (_num(_last_attr(rbase, "w:spacing", "val")) or 0.0) * TWIP

        def indent(chars_attr: str, twips_attrs: tuple[str, ...]) -> float:
            chars = _num(_last_attr(pchain, "w:ind", chars_attr))
            if chars is not None and chars != 0:
                return chars / 100.0 * char_w
            for attr in twips_attrs:
                value = _num(_last_attr(pchain, "w:ind", attr))
                if value is not None:
                    return value * TWIP
            return 0.0

        first = indent("firstLineChars", ("firstLine",))
        hanging = indent("hangingChars", ("hanging",))
        left = indent("leftChars", ("left", "start"))
        right = indent("rightChars", ("right", "end"))
        if hanging:
            first = -hanging
        line = _num(_last_attr(pchain, "w:spacing", "line"))
        rule = _last_attr(pchain, "w:spacing", "lineRule") or "auto"
        natural = size * 1.3
        if line is None:
            leading = natural
        elif rule == "exact":
            leading = line * TWIP
        elif rule == "atLeast":
            leading = max(line * TWIP, natural)
        else:
            leading = natural * line / 240.0

        def space(name: str) -> float:
            lines = _num(_last_attr(pchain, "w:spacing", f"{name}Lines"))
            if lines:
                return lines / 100.0 * leading
            return (_num(_last_attr(pchain, "w:spacing", name)) or 0.0) * TWIP

        return ParaFormat(
            align=align,
            first_line=first,
            left=left,
            right=right,
            leading=leading,
            space_before=space("before"),
            space_after=space("after"),
            keep_with_next=_on(_last(pchain, "w:keepNext")),
        )

    # -- tables ---------------------------------------------------------------------------
    def _table(self, tbl: Any) -> TableBlock:
        grid = [(_num(c.get(qn("w:w"))) or 0.0) * TWIP for c in tbl.iter(qn("w:gridCol"))]
        tblpr = tbl.find(qn("w:tblPr"))
        style_el = None if tblpr is None else tblpr.find(qn("w:tblStyle"))
        style_id = self.styles.default_table if style_el is None else style_el.get(qn("w:val"))
        tchain = self.styles.chain(style_id, "w:tblPr") + ([tblpr] if tblpr is not None else [])
        borders_el = _last(tchain, "w:tblBorders")
        borders = borders_el is not None and any(
            b.get(qn("w:val")) not in (None, "nil", "none") for b in borders_el
        )
        rows: list[list[CellBlock]] = []
        heights: list[float | None] = []
        for tr in tbl.iter(qn("w:tr")):
            if tr.getparent() is not tbl:
                continue
            trh = tr.find(f"{qn('w:trPr')}/{qn('w:trHeight')}")
            heights.append(None if trh is None else (_num(trh.get(qn("w:val"))) or 0) * TWIP)
            cells: list[CellBlock] = []
            for tc in tr.findall(qn("w:tc")):
                tcpr = tc.find(qn("w:tcPr"))
                span = 1
                vmerge = None
                valign = "TOP"
                if tcpr is not None:
                    gs = tcpr.find(qn("w:gridSpan"))
                    if gs is not None:
                        span = int(gs.get(qn("w:val")) or 1)
                    vm = tcpr.find(qn("w:vMerge"))
                    if vm is not None:
                        vmerge = "restart" if vm.get(qn("w:val")) == "restart" else "continue"
                    va = tcpr.find(qn("w:vAlign"))
                    if va is not None:
                        valign = {"center": "MIDDLE", "bottom": "BOTTOM"}.get(
                            va.get(qn("w:val")) or "", "TOP"
                        )
                paras: list[ParaBlock] = []
                for p in tc.iter(qn("w:p")):
                    paras.extend(b for b in self._paragraph(p, True) if isinstance(b, ParaBlock))
                cells.append(CellBlock(paras, span, vmerge, valign))
            rows.append(cells)
        if not grid:
            ncols = max((sum(c.span for c in row) for row in rows), default=1)
            grid = [1.0] * ncols
        return TableBlock(grid, rows, borders, heights)
