"""Fonts for generated documents: the names written into .docx and the files embedded in PDF.

A .docx names its fonts (the reader's Word substitutes what it has); a PDF must embed the
actual glyphs. ``DocumentFonts`` therefore holds both: the names GB/T 9704 asks for
(仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312), which an administrator changes when the
office machines lack them, and the TrueType files used for PDF. The shipped files are free
substitutes (there is no free 仿宋): AR PL SungtiL GB (宋体-like) for the body, WenQuanYi
Micro Hei (黑体-like) for titles, headings and bold, AR PL KaitiM GB for 楷体.

Every character is checked against the chosen face's cmap; a character the face lacks is
drawn with the first fallback face that has it, and characters no face has are reported.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

#: Roles a run of text can have; each maps to one docx font name and one PDF face.
ROLES: tuple[str, ...] = ("body", "title", "hei", "kai")


def default_fonts_dir() -> Path:
    """The fonts shipped with the application (``resources/fonts``)."""
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


@dataclass(frozen=True)
class FontFile:
    """A TrueType font file (``index`` selects the face inside a .ttc collection)."""

    path: Path
    index: int = 0


def _shipped(name: str, index: int = 0) -> FontFile:
    return FontFile(default_fonts_dir() / name, index)


@dataclass(frozen=True)
class DocumentFonts:
    """Font settings for documents (an administrator's setting; defaults follow GB/T 9704).

    Attributes:
        body_name: docx font of body text (3号 仿宋).
        title_name: docx font of document titles (2号 小标宋).
        hei_name: docx font of first-level headings and bold text (黑体).
        kai_name: docx font of second-level headings (楷体).
        latin_name: docx font for Latin letters and digits.
        body_file, title_file, hei_file, kai_file: TrueType faces embedded in PDFs.
        fallback_files: faces tried, in order, for characters the chosen face lacks.
    """

    body_name: str = "仿宋_GB2312"
    title_name: str = "方正小标宋简体"
    hei_name: str = "黑体"
    kai_name: str = "楷体_GB2312"
    latin_name: str = "Times New Roman"
    body_file: FontFile = field(default_factory=lambda: _shipped("gbsn00lp.ttf"))
    title_file: FontFile = field(default_factory=lambda: _shipped("wqy-microhei.ttc"))
    hei_file: FontFile = field(default_factory=lambda: _shipped("wqy-microhei.ttc"))
    kai_file: FontFile = field(default_factory=lambda: _shipped("gkai00mp.ttf"))
    fallback_files: tuple[FontFile, ...] = field(
        default_factory=lambda: (
            _shipped("wqy-microhei.ttc"),
            _shipped("gbsn00lp.ttf"),
            _shipped("gkai00mp.ttf"),
        )
    )

    def docx_name(self, role: str) -> str:
        """The docx font name of a role (``body``, ``title``, ``hei``, ``kai``)."""
        return {
            "body": self.body_name,
            "title": self.title_name,
            "hei": self.hei_name,
            "kai": self.kai_name,
        }[role]

    def role_of(self, docx_font: str | None) -> str:
        """The role a docx font name plays; unknown names are guessed from their wording."""
        if not docx_font:
            return "body"
        for role in ("title", "hei", "kai", "body"):
            if docx_font == self.docx_name(role):
                return role
        lowered = docx_font.lower()
        if "标宋" in docx_font or "xiaobiaosong" in lowered:
            return "title"
        if "黑" in docx_font or "hei" in lowered or "sans" in lowered:
            return "hei"
        if "楷" in docx_font or "kai" in lowered:
            return "kai"
        return "body"

    def file_of(self, role: str) -> FontFile:
        return {
            "body": self.body_file,
            "title": self.title_file,
            "hei": self.hei_file,
            "kai": self.kai_file,
        }[role]


@dataclass(frozen=True)
class Face:
    """A registered reportlab face: its name, glyph set and advance widths (1/1000 em)."""

    name: str
    glyphs: frozenset[int]
    widths: dict[int, float]
    default_width: float
    ascent: float

    def has(self, ch: str) -> bool:
        return ord(ch) in self.glyphs

    def width(self, ch: str, size: float) -> float:
        return self.widths.get(ord(ch), self.default_width) * size / 1000.0


_LOCK = threading.Lock()
_FACES: dict[FontFile, Face] = {}


def load_face(font: FontFile) -> Face:
    """Register ``font`` with reportlab once per process and return its face."""
    with _LOCK:
        face = _FACES.get(font)
        if face is not None:
            return face
        name = f"LA{len(_FACES)}-{font.path.stem}-{font.index}"
        tt = TTFont(name, str(font.path), subfontIndex=font.index)
        pdfmetrics.registerFont(tt)
        face = Face(
            name=name,
            glyphs=frozenset(tt.face.charToGlyph),
            widths=dict(tt.face.charWidths),
            default_width=float(tt.face.defaultWidth),
            ascent=float(tt.face.ascent),
        )
        _FACES[font] = face
        return face


class FontBook:
    """The faces of one ``DocumentFonts`` setting with per-character fallback."""

    def __init__(self, fonts: DocumentFonts) -> None:
        self.fonts = fonts
        self._role_faces = {role: load_face(fonts.file_of(role)) for role in ROLES}
        self._fallbacks = [load_face(f) for f in fonts.fallback_files]
        self._cache: dict[tuple[str, str], Face | None] = {}

    def face(self, role: str, bold: bool = False) -> Face:
        """The face of a role; bold body or kai text uses the 黑体 face (a real bold)."""
        if bold and role in ("body", "kai"):
            role = "hei"
        return self._role_faces[role]

    def face_for(self, ch: str, primary: Face) -> Face | None:
        """The face that draws ``ch``: ``primary`` if it has the glyph, else a fallback.

        Returns None when no configured face has the glyph.
        """
        if ch in " \t\n" or primary.has(ch):
            return primary
        key = (primary.name, ch)
        if key not in self._cache:
            self._cache[key] = next((f for f in self._fallbacks if f.has(ch)), None)
        return self._cache[key]

    def missing(self, text: str, role: str = "body") -> list[str]:
        """Characters of ``text`` that neither the role's face nor any fallback can draw."""
        primary = self.face(role)
        seen: dict[str, None] = {}
        for ch in text:
            if ch.isprintable() and ch not in seen and self.face_for(ch, primary) is None:
                seen[ch] = None
        return list(seen)
