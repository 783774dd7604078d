"""Every shipped template generates a .docx and a PDF that carry the case's particulars."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import pytest
from doc_helpers import docx_part, docx_text, pdf_flat, pdffonts
from pypdf import PdfReader

from legalaid.documents.catalogue import TemplateCatalogue
from legalaid.documents.generator import DocumentGenerator
from legalaid.errors import NotFoundError, ValidationError

SHIPPED = [t.id for t in TemplateCatalogue()]

# What each document must show, drawn from the sample case in conftest.
EXPECTED: dict[str, tuple[str, ...]] = {
    "legal_aid_application": ("张伟", "110101199003074514", "91360100MA35F8XXXX",
                              "肆佰叁拾玖万壹仟壹佰元整", "¥4,391,100.00", "2026年3月1日"),
    "acceptance_notice": ("张伟、王芳", "洪工援〔2026〕第0123号", "李律师", "2026年3月10日"),
    "refusal_notice": ("申请事项不属于劳动争议范围", "张伟、王芳"),
    "power_of_attorney": ("110101199003074514", "李律师", "特别授权的范围", "代为承认、放弃"),
    "agency_agreement": ("张伟、王芳", "南昌市总工会职工法律援助中心", "仲裁代理"),
    "arbitration_application": ("110101199003074514", "110101198512310023",
                                "91360100MA35F8XXXX", "赵大勇", "肆佰叁拾玖万壹仟壹佰元整",
                                "证据清单", "1990年3月7日", "延时加班费"),
    "mediation_agreement": ("¥123,450.00", "壹拾贰万叁仟肆佰伍拾元整", "2026年4月30日",
                            "陈调解员"),
    "payment_order_application": ("¥123,450.00", "2026年3月8日", "支付令"),
    "referral_letter": ("移送函", "南昌市劳动人事争议仲裁委员会", "肆佰叁拾玖万壹仟壹佰元整"),
    "closing_report": ("调解成功", "¥123,450.00", "壹拾贰万叁仟肆佰伍拾元整", "2026年6月30日"),
    "supervision_reminder": ("劳动法律监督提示函", "南昌宏达建筑劳务有限公司", "整改"),
    "supervision_opinion": ("劳动法律监督意见书", "肆佰叁拾玖万壹仟壹佰元整"),
    "supervision_proposal": ("劳动法律监督建议书", "91360100MA35F8XXXX"),
}


def test_catalogue_lists_every_required_document() -> None:
    catalogue = TemplateCatalogue()
    titles = {t.zh for t in catalogue}
    for title in ("法律援助申请表", "受理通知书", "不予受理通知书", "授权委托书", "委托代理协议",
                  "劳动仲裁申请书", "调解协议书", "支付令申请书", "移送函/转介函", "结案报告",
                  "劳动法律监督提示函", "劳动法律监督意见书", "劳动法律监督建议书"):
        assert title in titles
    for t in catalogue:
        assert t.path.is_file(), t.path
        assert t.version and not t.overridden
    assert set(EXPECTED) == set(SHIPPED)
    assert {t.id for t in catalogue.batch()} >= {"legal_aid_application", "acceptance_notice"}
    with pytest.raises(NotFoundError):
        catalogue.get("no_such_template")


@pytest.mark.parametrize("template_id", SHIPPED)
def test_docx_carries_the_particulars(
    generator: DocumentGenerator, context: dict[str, Any], out: Path, template_id: str
) -> None:
    result = generator.generate(context, template_id, "docx", out / f"{template_id}.docx")
    text = docx_text(result.path)
    for expected in EXPECTED[template_id]:
        assert expected in text, (template_id, expected)
    assert "{{" not in text and "{%" not in text
    assert result.template_id == template_id and result.template_version == "1.0"
    assert re.fullmatch(r"[0-9a-f]{64}", result.sha256)
    assert result.size == result.path.stat().st_size
    assert result.warnings == ()


@pytest.mark.parametrize("template_id", SHIPPED)
def test_pdf_carries_the_particulars_with_embedded_fonts(
    generator: DocumentGenerator, context: dict[str, Any], out: Path, template_id: str
) -> None:
    result = generator.generate(context, template_id, "pdf", out / f"{template_id}.pdf")
    text = pdf_flat(result.path)
    for expected in EXPECTED[template_id]:
        assert expected in text, (template_id, expected)
    assert "{{" not in text
    fonts = pdffonts(result.path)
    assert fonts, "the PDF names no font"
    for row in fonts:
        name, kind, emb, sub = row[0], row[1], row[-5], row[-4]
        assert kind == "TrueType", row
        assert emb == "yes" and sub == "yes", row
        assert "STSong" not in name and "Helvetica" not in name
    page = PdfReader(str(result.path)).pages[0]
    # A4 in points.
    assert round(float(page.mediabox.width)) == 595 and round(float(page.mediabox.height)) == 842


def test_docx_sets_east_asian_fonts_and_drops_theme_fonts(
    generator: DocumentGenerator, context: dict[str, Any], out: Path
) -> None:
    path = generator.generate(context, "arbitration_application", "docx", out / "a.docx").path
    styles = docx_part(path, "word/styles.xml")
    document = docx_part(path, "word/document.xml")
    for xml in (styles, document):
        assert "Theme=" not in xml and "cstheme" not in xml
    defaults = styles[styles.index("<w:docDefaults"):styles.index("</w:docDefaults>")]
    assert 'w:eastAsia="仿宋_GB2312"' in defaults
    assert 'w:eastAsia="zh-CN"' in defaults
    assert 'w:eastAsia="方正小标宋简体"' in styles
    assert 'w:eastAsia="黑体"' in styles
    section = docx.Document(str(path)).sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.2)
    assert section.top_margin.mm == pytest.approx(37, abs=0.2)
    assert section.left_margin.mm == pytest.approx(28, abs=0.2)
    assert (section.page_width.mm - section.left_margin.mm - section.right_margin.mm) == (
        pytest.approx(156, abs=0.2)
    )


def test_missing_required_fields_are_listed_by_name_and_nothing_is_written(
    generator: DocumentGenerator, context: dict[str, Any], out: Path
) -> None:
    context["applicant"] = {**context["applicant"], "id_number": ""}
    context["respondent"] = {**context["respondent"], "address": "  "}
    context["claim_lines"] = []
    target = out / "a.pdf"
    with pytest.raises(ValidationError) as info:
        generator.generate(context, "arbitration_application", "pdf", target)
    fields = {e.field for e in info.value.errors}
    assert fields == {"applicant.id_number", "respondent.address", "claim_lines"}
    assert "申请人公民身份号码" in info.value.zh
    assert not target.exists()
    assert list(out.iterdir()) == []


def test_unknown_format_is_refused(
    generator: DocumentGenerator, context: dict[str, Any], out: Path
) -> None:
    with pytest.raises(ValidationError) as info:
        generator.generate(context, "acceptance_notice", "odt", out / "a.odt")
    assert info.value.errors[0].field == "format"
    assert not (out / "a.odt").exists()


def test_existing_file_is_replaced_whole(
    generator: DocumentGenerator, context: dict[str, Any], out: Path
) -> None:
    target = out / "notice.pdf"
    target.write_bytes(b"old contents")
    result = generator.generate(context, "acceptance_notice", "pdf", target)
    assert target.read_bytes()[:5] == b"%PDF-"
    assert result.sha256 != ""
    assert [p.name for p in out.iterdir()] == ["notice.pdf"]  # no temporary file left
