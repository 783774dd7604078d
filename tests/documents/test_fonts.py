"""Font settings: configurable docx names, PDF faces, glyph coverage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from doc_helpers import docx_part

from legalaid.documents.catalogue import TemplateCatalogue
from legalaid.documents.fonts import DocumentFonts, FontBook, default_fonts_dir
from legalaid.documents.generator import DocumentGenerator
from legalaid.documents.service import fonts_from_json
from legalaid.errors import ValidationError


def test_configured_font_names_replace_the_gbt9704_names(
    context: dict[str, Any], out: Path
) -> None:
    fonts = DocumentFonts(body_name="仿宋", title_name="华文中宋", kai_name="楷体")
    generator = DocumentGenerator(TemplateCatalogue(), fonts)
    path = generator.generate(context, "agency_agreement", "docx", out / "a.docx").path
    styles = docx_part(path, "word/styles.xml")
    assert 'w:eastAsia="仿宋"' in styles and 'w:eastAsia="华文中宋"' in styles
    assert "仿宋_GB2312" not in styles and "方正小标宋简体" not in styles
    pdf = generator.generate(context, "agency_agreement", "pdf", out / "a.pdf").path
    with pdfplumber.open(str(pdf)) as doc:
        chars = doc.pages[0].chars
    title = [c for c in chars if c["size"] > 20]
    body = [c for c in chars if c["text"] == "甲" and c["size"] < 17]
    assert title and all("WenQuanYi" in c["fontname"] for c in title)
    assert body and all("Bousung" in c["fontname"] for c in body)


def test_font_roles_are_guessed_from_names() -> None:
    fonts = DocumentFonts()
    assert fonts.role_of("方正小标宋_GBK") == "title"
    assert fonts.role_of("宋体") == "body"
    assert fonts.role_of("微软雅黑") == "hei"
    assert fonts.role_of("SimHei") == "hei"
    assert fonts.role_of("华文楷体") == "kai"
    assert fonts.role_of(None) == "body"


def test_glyph_coverage_comes_from_the_font_cmap() -> None:
    book = FontBook(DocumentFonts())
    song = book.face("body")
    assert song.has("劳") and not song.has("堃")
    assert book.face_for("堃", song) is book.face("hei")
    assert book.face_for("𠮷", song) is None
    assert book.missing("张堃𠮷㛃") == ["𠮷", "㛃"]


def test_fonts_setting_from_json() -> None:
    fonts = fonts_from_json(json.dumps({
        "body_name": "仿宋",
        "body_file": str(default_fonts_dir() / "gkai00mp.ttf"),
        "fallback_files": [{"path": str(default_fonts_dir() / "wqy-microhei.ttc"), "index": 0}],
    }))
    assert fonts.body_name == "仿宋"
    assert fonts.body_file.path.name == "gkai00mp.ttf"
    assert len(fonts.fallback_files) == 1
    assert fonts_from_json(None) == DocumentFonts()
    with pytest.raises(ValidationError) as info:
        fonts_from_json('{"body_nmae": "x"}')
    assert "body_nmae" in info.value.en
