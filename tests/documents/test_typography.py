"""Chinese typography in the PDF: line-start rules, unbroken numbers, fonts, glyphs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest
from doc_helpers import docx_text, pdf_flat, pdf_lines
from doc_samples import TODAY, make_detail, with_person
from pypdf import PdfReader

from legalaid.documents.context import build_context
from legalaid.documents.fonts import DocumentFonts, FontBook
from legalaid.documents.generator import DocumentGenerator
from legalaid.documents.typography import CANNOT_START, Glyph, break_lines, make_units

FORBIDDEN_START = "，。；：、》！？”"
ID = "110101199003074514"


def _glyphs(text: str, width: float = 16.0) -> list[Glyph]:
    return [Glyph(ch, "f", 16.0, width if ord(ch) > 0x2E80 else width / 2) for ch in text]


def _texts(text: str, chars_per_line: int) -> list[str]:
    lines = break_lines(make_units(_glyphs(text)), 16.0 * chars_per_line, 16.0 * chars_per_line)
    return ["".join(g.ch for u in line.units for g in u.glyphs) for line in lines]


@pytest.mark.parametrize("mark", list(FORBIDDEN_START))
def test_a_closing_mark_at_the_break_stays_on_the_line(mark: str) -> None:
    lines = _texts("甲" * 10 + mark + "乙" * 5, 10)
    assert lines[0] == "甲" * 10 + mark  # hangs rather than starting the next line
    assert all(line[:1] not in FORBIDDEN_START for line in lines)


def test_two_closing_marks_in_a_row_never_start_a_line() -> None:
    lines = _texts("甲" * 9 + "说：“好。”" + "乙" * 20, 10)
    assert all(line[:1] not in CANNOT_START for line in lines), lines


def test_an_opening_mark_never_ends_a_line() -> None:
    lines = _texts("甲" * 9 + "《劳动法》" + "乙" * 20, 10)
    assert all(not line.endswith("《") for line in lines), lines


def test_id_numbers_and_amounts_are_never_split() -> None:
    for prefix in range(0, 28):
        text = "甲" * prefix + ID + "，金额¥4,391,100.00元。"
        lines = _texts(text, 28)
        assert any(ID in line for line in lines), (prefix, lines)
        assert any("¥4,391,100.00" in line for line in lines), (prefix, lines)


def test_a_number_longer_than_a_line_is_cut_rather_than_lost() -> None:
    lines = _texts("9" * 100, 10)
    assert "".join(lines) == "9" * 100 and len(lines) >= 5


def _hostile_detail(facts: str) -> Any:
    detail = with_person(make_detail(facts=facts), name="张堃喆𠮷")
    emp = detail.respondents[0]
    hostile_emp = type(emp.employer)(**{**emp.employer.__dict__,
                                        "name": "A&B<劳务>\"派遣\"公司'"})
    from dataclasses import replace
    return replace(detail, respondents=(replace(emp, employer=hostile_emp),))


def test_hostile_values_give_valid_documents(generator: DocumentGenerator, out: Path) -> None:
    facts = "\n".join(
        "申请人于2023年3月1日入职，身份证号" + ID + "，" + "甲" * (i % 29) + "，“加班”；无休息！"
        for i in range(150)
    )
    assert len(facts) > 5000
    ctx = build_context(_hostile_detail(facts), today=TODAY)
    d = generator.generate(ctx, "arbitration_application", "docx", out / "h.docx")
    text = docx_text(d.path)
    assert "A&B<劳务>\"派遣\"公司'" in text
    assert "张堃喆𠮷" in text
    assert text.count(ID) >= 150
    p = generator.generate(ctx, "arbitration_application", "pdf", out / "h.pdf")
    assert len(PdfReader(str(p.path)).pages) >= 10
    flat = pdf_flat(p.path)
    assert "A&B<劳务>\"派遣\"公司'" in flat
    assert "张堃喆" in flat  # drawn by the fallback face
    for result in (d, p):
        assert [w.code for w in result.warnings] == ["missing_glyphs"]
        assert result.warnings[0].chars == ("𠮷",)
        assert "𠮷" in result.warnings[0].zh
    lines = pdf_lines(p.path)
    starts = [line for line in lines if line[:1] in FORBIDDEN_START]
    assert starts == []
    # Every ID number comes out whole on one line.
    assert sum(line.count(ID) for line in lines) == text.count(ID)


def test_forbidden_marks_never_start_a_pdf_line(generator: DocumentGenerator, out: Path) -> None:
    # Marks at every position modulo the line length: many would land on a break.
    facts = "".join("甲" * k + FORBIDDEN_START[k % len(FORBIDDEN_START)] for k in range(1, 60))
    ctx = build_context(make_detail(facts=facts), today=TODAY)
    result = generator.generate(ctx, "supervision_reminder", "pdf", out / "m.pdf")
    lines = pdf_lines(result.path)
    assert len(lines) > 40
    assert [line for line in lines if line[:1] in FORBIDDEN_START] == []


def test_body_lines_hold_28_characters_in_the_gbt9704_block(
    generator: DocumentGenerator, out: Path
) -> None:
    facts = "职工权益保障" * 60
    ctx = build_context(make_detail(facts=facts), today=TODAY)
    result = generator.generate(ctx, "supervision_reminder", "pdf", out / "g.pdf")
    with pdfplumber.open(str(result.path)) as pdf:
        lines = pdf.pages[0].extract_text_lines()
    # The paragraph's lines but its last (which is short).
    full = [ln for ln in lines if "职工权益保障职工" in ln["text"] and ln["x0"] < 80][:-1]
    assert len(full) >= 5
    mm = 72 / 25.4
    for ln in full:
        assert len(ln["text"]) == 28
        assert ln["x0"] == pytest.approx(28 * mm, abs=0.5)
        assert ln["x1"] == pytest.approx((28 + 156) * mm, abs=1.5)
    tops = sorted(ln["top"] for ln in full)
    assert tops[1] - tops[0] == pytest.approx(29.0, abs=0.2)  # 22 lines in 225 mm


def test_bold_and_titles_use_the_hei_face(
    generator: DocumentGenerator, context: dict[str, Any], out: Path
) -> None:
    result = generator.generate(context, "arbitration_application", "pdf", out / "b.pdf")
    book = FontBook(DocumentFonts())
    with pdfplumber.open(str(result.path)) as pdf:
        chars = pdf.pages[0].chars
    title = [c for c in chars if c["text"] in "劳动人事争议仲裁申请书" and c["size"] > 20]
    assert title and all("WenQuanYi" in c["fontname"] for c in title)
    body = [c for c in chars if c["text"] == "申" and c["size"] < 17]
    assert body and all("Bousung" in c["fontname"] for c in body)
    assert book.face("body", bold=True).name == book.face("hei").name


def test_rare_name_characters_fall_back_to_a_face_that_has_them(
    generator: DocumentGenerator, out: Path
) -> None:
    ctx = build_context(with_person(make_detail(), name="王喆堃"), today=TODAY)
    result = generator.generate(ctx, "acceptance_notice", "pdf", out / "r.pdf")
    assert result.warnings == ()
    with pdfplumber.open(str(result.path)) as pdf:
        chars = pdf.pages[0].chars
    rare = [c for c in chars if c["text"] in "喆堃"]
    assert len(rare) == 2 and all("WenQuanYi" in c["fontname"] for c in rare)
    assert "王喆堃" in pdf_flat(result.path)


def test_docx_word_runs_keep_rare_characters(generator: DocumentGenerator, out: Path) -> None:
    ctx = build_context(with_person(make_detail(), name="王喆堃"), today=TODAY)
    result = generator.generate(ctx, "acceptance_notice", "docx", out / "r.docx")
    assert "王喆堃" in "".join(p.text for p in docx.Document(str(result.path)).paragraphs)


def test_long_facts_inside_a_table_cell_flow_across_pages(
    generator: DocumentGenerator, out: Path
) -> None:
    facts = "\n".join("被申请人拖欠工资，经多次催讨未果；" * 10 for _ in range(20))
    assert len(facts) > 3000
    ctx = build_context(_hostile_detail(facts), today=TODAY)
    result = generator.generate(ctx, "legal_aid_application", "pdf", out / "t.pdf")
    assert len(PdfReader(str(result.path)).pages) >= 3
    flat = pdf_flat(result.path)
    assert flat.count("经多次催讨未果") == 200
    assert "A&B<劳务>\"派遣\"公司'" in flat
