"""Chinese typography for .docx: fonts, language, A4 page and the GB/T 9704 grid.

python-docx's ``run.font.name`` sets only the Latin fonts; Chinese text then falls back to
the theme's East Asian font (``eastAsiaTheme="minorEastAsia"`` in docDefaults and the
heading styles), i.e. whatever Word picks. ``normalise`` sets ``w:eastAsia`` everywhere a
font is named, removes every ``*Theme`` font attribute and marks the language zh-CN. It
runs on every template when it is built and on every rendered document, so a template
edited in Word cannot bring the theme fonts back.
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu

from legalaid.documents.fonts import ROLES, DocumentFonts
from legalaid.documents.typography import (
    CHAR_SPACING,
    LINE_PITCH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
)

_THEME_ATTRS = tuple(qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))


def _pt_emu(points: float) -> Emu:
    return Emu(round(points * 12700))


def _child(parent: Any, tag: str, first: bool = False) -> Any:
    """The child ``tag`` of ``parent``, created when missing."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        if first:
            parent.insert(0, el)
        else:
            parent.append(el)
    return el


def set_run_fonts(rpr: Any, east_asia: str, latin: str | None = None) -> None:
    """Name the East Asian (and optionally Latin) font in a ``w:rPr``; drop theme fonts."""
    rfonts = _child(rpr, "w:rFonts", first=True)
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(attr, None)
    rfonts.set(qn("w:eastAsia"), east_asia)
    if latin is not None:
        rfonts.set(qn("w:ascii"), latin)
        rfonts.set(qn("w:hAnsi"), latin)
        rfonts.set(qn("w:cs"), latin)


def _strip_theme(root: Any) -> None:
    for rfonts in root.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            rfonts.attrib.pop(attr, None)


def normalise(document: Any, fonts: DocumentFonts) -> None:
    """Make a python-docx ``Document`` use ``fonts`` for Chinese text and zh-CN language."""
    styles = document.styles.element
    defaults = _child(styles, "w:docDefaults", first=True)
    rpr_default = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    set_run_fonts(rpr_default, fonts.body_name, fonts.latin_name)
    lang = _child(rpr_default, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    # Templates name the GB/T 9704 fonts; an office that configured other names (its
    # machines lack 仿宋_GB2312) gets those instead.
    standard = DocumentFonts()
    rename = {
        standard.docx_name(role): fonts.docx_name(role)
        for role in ROLES
        if standard.docx_name(role) != fonts.docx_name(role)
    }
    roots = [styles, document.element.body, *_header_footer_parts(document)]
    for root in roots:
        _strip_theme(root)
        if rename:
            for rfonts in root.iter(qn("w:rFonts")):
                east = rfonts.get(qn("w:eastAsia"))
                if east in rename:
                    rfonts.set(qn("w:eastAsia"), rename[east])
    # A style that names only Latin fonts would leave Chinese in the default: fill it in.
    for rfonts in styles.iter(qn("w:rFonts")):
        if rfonts.get(qn("w:eastAsia")) is None:
            rfonts.set(qn("w:eastAsia"), fonts.body_name)


def _header_footer_parts(document: Any) -> list[Any]:
    parts = []
    for section in document.sections:
        for hf in (section.footer, section.even_page_footer, section.header):
            if not hf.is_linked_to_previous:
                parts.append(hf._element)
    return parts


def setup_page(section: Any) -> None:
    """A4 portrait with the GB/T 9704 text block and a 22-line document grid."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = _pt_emu(PAGE_WIDTH)
    section.page_height = _pt_emu(PAGE_HEIGHT)
    section.top_margin = _pt_emu(MARGIN_TOP)
    section.bottom_margin = _pt_emu(MARGIN_BOTTOM)
    section.left_margin = _pt_emu(MARGIN_LEFT)
    section.right_margin = _pt_emu(MARGIN_RIGHT)
    section.header_distance = _pt_emu(15 * 72 / 25.4)
    section.footer_distance = _pt_emu(28 * 72 / 25.4 - 14)
    sect = section._sectPr
    grid = _child(sect, "w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH * 20)))


def set_paragraph_grid(ppr: Any, leading: float = LINE_PITCH) -> None:
    """Exact line spacing (``leading`` points) in a ``w:pPr``."""
    spacing = _child(ppr, "w:spacing")
    spacing.set(qn("w:line"), str(round(leading * 20)))
    spacing.set(qn("w:lineRule"), "exact")


def set_char_spacing(rpr: Any, points: float = CHAR_SPACING) -> None:
    """Character spacing in a ``w:rPr`` (GB/T 9704: 28 characters of 3号 per line)."""
    spacing = _child(rpr, "w:spacing")
    spacing.set(qn("w:val"), str(round(points * 20)))


def set_indent_chars(ppr: Any, first: int = 0, left: int = 0, right: int = 0) -> None:
    """Indents counted in characters (hundredths in the XML), as Word's 首行缩进 2 字符."""
    ind = _child(ppr, "w:ind")
    if first:
        ind.set(qn("w:firstLineChars"), str(first * 100))
        ind.set(qn("w:firstLine"), str(first * 320))
    if left:
        ind.set(qn("w:leftChars"), str(left * 100))
        ind.set(qn("w:left"), str(left * 320))
    if right:
        ind.set(qn("w:rightChars"), str(right * 100))
        ind.set(qn("w:right"), str(right * 320))


def font_size(rpr: Any, points: float) -> None:
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(round(points * 2)))

