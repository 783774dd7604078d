"""Templates copied to the user templates folder and edited there override the shipped ones."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from doc_helpers import docx_text, pdf_flat
from docx.enum.text import WD_ALIGN_PARAGRAPH

from legalaid.documents.catalogue import TemplateCatalogue
from legalaid.documents.generator import DocumentGenerator, TemplateError


def _copy(template_id: str, user_dir: Path) -> Path:
    shipped = TemplateCatalogue().get(template_id).path
    user_dir.mkdir(exist_ok=True)
    target = user_dir / shipped.name
    shutil.copy(shipped, target)
    return target


def test_an_edited_template_shows_in_docx_and_pdf(
    context: dict[str, Any], tmp_path: Path
) -> None:
    user_dir = tmp_path / "templates"
    path = _copy("acceptance_notice", user_dir)
    document = docx.Document(str(path))
    closing = next(p for p in document.paragraphs if p.text == "特此通知。")
    closing.runs[0].text = "特此通知，请准时到场&配合。"
    added = document.add_paragraph("本通知由{{ office.short_name }}负责解释。")
    added.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.save(str(path))

    generator = DocumentGenerator(TemplateCatalogue(user_dir=user_dir))
    info = generator.catalogue.get("acceptance_notice")
    assert info.overridden and info.version == "1.0+local" and info.path == path
    out = tmp_path / "out"
    d = generator.generate(context, "acceptance_notice", "docx", out / "n.docx")
    p = generator.generate(context, "acceptance_notice", "pdf", out / "n.pdf")
    for text in (docx_text(d.path), pdf_flat(p.path)):
        assert "特此通知，请准时到场&配合。" in text
        assert "本通知由市总工会负责解释。" in text
        assert "张伟、王芳" in text
    assert d.template_version == p.template_version == "1.0+local"

    shipped = DocumentGenerator().generate(context, "acceptance_notice", "pdf", out / "s.pdf")
    assert "本通知由" not in pdf_flat(shipped.path)


def test_other_templates_still_come_from_the_shipped_folder(tmp_path: Path) -> None:
    user_dir = tmp_path / "templates"
    _copy("refusal_notice", user_dir)
    catalogue = TemplateCatalogue(user_dir=user_dir)
    assert catalogue.get("refusal_notice").overridden
    assert not catalogue.get("acceptance_notice").overridden
    assert len(catalogue) == len(TemplateCatalogue())


def test_a_broken_edited_template_is_reported_and_writes_nothing(
    context: dict[str, Any], tmp_path: Path
) -> None:
    user_dir = tmp_path / "templates"
    path = _copy("acceptance_notice", user_dir)
    document = docx.Document(str(path))
    document.add_paragraph("{{ applicant.name ")
    document.save(str(path))
    generator = DocumentGenerator(TemplateCatalogue(user_dir=user_dir))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(TemplateError) as info:
        generator.generate(context, "acceptance_notice", "pdf", out / "n.pdf")
    assert "受理通知书" in info.value.zh
    assert list(out.iterdir()) == []


def test_a_user_catalogue_can_add_a_template(context: dict[str, Any], tmp_path: Path) -> None:
    user_dir = tmp_path / "templates"
    user_dir.mkdir()
    document = docx.Document(str(TemplateCatalogue().get("acceptance_notice").path))
    for p in document.paragraphs:
        if "特此通知" in p.text:
            p.runs[0].text = "会见通知：请于三日内来访。"
    document.save(str(user_dir / "meeting_notice.docx"))
    (user_dir / "catalogue.json").write_text(
        '{"templates": [{"id": "meeting_notice", "file": "meeting_notice.docx", '
        '"zh": "会见通知书", "version": "2.1", "required": ["applicant.phone"]}]}',
        encoding="utf-8",
    )
    generator = DocumentGenerator(TemplateCatalogue(user_dir=user_dir))
    result = generator.generate(context, "meeting_notice", "pdf", tmp_path / "m.pdf")
    assert result.template_version == "2.1"
    assert "会见通知：请于三日内来访。" in pdf_flat(result.path)
