"""Generating documents for a case held in a desk database (through the facade).

Settings read from the database (``Collection.admin.get_setting``):

* ``documents.templates_dir``: the user templates folder overriding shipped templates;
* ``documents.fonts``: JSON of ``DocumentFonts`` fields, e.g.
  ``{"body_name": "仿宋", "body_file": "C:/Windows/Fonts/simfang.ttf"}``.

Recording the generated file on the case goes through ``col.documents.record_generated``
when the facade offers it (see the report of issue 5 for the requested signature).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from legalaid import dto
from legalaid.documents.catalogue import TemplateCatalogue
from legalaid.documents.context import build_context
from legalaid.documents.fonts import DocumentFonts, FontFile
from legalaid.documents.generator import DocumentGenerator, GeneratedDocument
from legalaid.errors import ValidationError

SETTING_TEMPLATES_DIR = "documents.templates_dir"
SETTING_FONTS = "documents.fonts"


def fonts_from_json(text: str | None) -> DocumentFonts:
    """``DocumentFonts`` from the JSON setting; unknown keys are rejected by name."""
    if not text:
        return DocumentFonts()
    data: dict[str, Any] = json.loads(text)
    known = {f.name for f in fields(DocumentFonts)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValidationError.single(
            SETTING_FONTS, "unknown_key", f"文书字体设置中有未知项：{', '.join(unknown)}",
            f"Unknown document font settings: {', '.join(unknown)}",
        )
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "fallback_files":
            values[key] = tuple(_font_file(v) for v in value)
        elif key.endswith("_file"):
            values[key] = _font_file(value)
        else:
            values[key] = str(value)
    return replace(DocumentFonts(), **values)


def _font_file(value: Any) -> FontFile:
    if isinstance(value, dict):
        return FontFile(Path(value["path"]), int(value.get("index", 0)))
    return FontFile(Path(str(value)))


# Font names chosen on the desktop's settings page (Word font names), by field.
FONT_NAME_SETTINGS = {
    "doc_font_body": "body_name",
    "doc_font_title": "title_name",
    "doc_font_heading": "hei_name",
}


def generator_for(col: Any) -> DocumentGenerator:
    """A generator with the templates folder and fonts configured in ``col``'s settings."""
    get = col.admin.get_setting
    user_dir = get(SETTING_TEMPLATES_DIR)
    catalogue = TemplateCatalogue(user_dir=Path(user_dir) if user_dir else None)
    fonts = fonts_from_json(get(SETTING_FONTS))
    chosen = {f: v.strip() for k, f in FONT_NAME_SETTINGS.items() if (v := get(k)) and v.strip()}
    return DocumentGenerator(catalogue, replace(fonts, **chosen))


def case_context(col: Any, case_number: str, extra: Mapping[str, Any] | None = None) -> tuple[
    dto.CaseDetail, dict[str, Any]
]:
    case = col.cases.by_number(case_number)
    detail: dto.CaseDetail = col.cases.detail(case.id)
    return detail, build_context(detail, today=col.today(), extra=extra)


def _record(col: Any, detail: dto.CaseDetail, result: GeneratedDocument) -> None:
    col.documents.record_generated(
        case_id=detail.case.id,
        template_id=result.template_id,
        template_version=result.template_version,
        file_format=result.file_format,
        title=result.title,
        filename=result.path.name,
        sha256=result.sha256,
        size=result.size,
        storage_path=str(result.path),
    )


def generate_for_case(
    col: Any,
    case_number: str,
    template_id: str,
    fmt: str,
    out_path: str | Path,
    *,
    extra: Mapping[str, Any] | None = None,
    generator: DocumentGenerator | None = None,
) -> GeneratedDocument:
    """Generate one document for a case, write it, and record it on the case."""
    generator = generator or generator_for(col)
    detail, context = case_context(col, case_number, extra)
    result = generator.generate(context, template_id, fmt, out_path)
    _record(col, detail, result)
    return result


def generate_batch(
    col: Any,
    case_number: str,
    out_dir: str | Path,
    formats: tuple[str, ...] = ("docx", "pdf"),
    *,
    extra: Mapping[str, Any] | None = None,
    generator: DocumentGenerator | None = None,
) -> tuple[list[GeneratedDocument], list[tuple[str, ValidationError]]]:
    """The usual set of documents for a case (catalogue entries marked ``batch``).

    A template whose required fields are missing is skipped and reported, the others are
    still generated.
    """
    generator = generator or generator_for(col)
    detail, context = case_context(col, case_number, extra)
    folder = Path(out_dir)
    done: list[GeneratedDocument] = []
    skipped: list[tuple[str, ValidationError]] = []
    safe_number = "".join(ch if ch not in '\\/:*?"<>|' else "_" for ch in detail.case.number)
    for info in generator.catalogue.batch():
        try:
            for fmt in formats:
                path = folder / f"{safe_number}-{info.zh.replace('/', '、')}.{fmt}"
                result = generator.generate(context, info.id, fmt, path)
                _record(col, detail, result)
                done.append(result)
        except ValidationError as exc:
            skipped.append((info.id, exc))
    return done, skipped


def regenerate(
    col: Any, case_number: str, document_id: str, out_path: str | Path | None = None
) -> GeneratedDocument:
    """Generate again a document recorded on the case, from its template and format."""
    case = col.cases.by_number(case_number)
    detail: dto.CaseDetail = col.cases.detail(case.id)
    doc = next((d for d in detail.documents if d.id == document_id), None)
    if doc is None or not doc.template_id or not doc.file_format:
        raise ValidationError.single(
            "document_id", "not_generated", "该文书不是由模板生成的，无法重新生成",
            "That document was not generated from a template",
        )
    target = Path(out_path or doc.storage_path or doc.filename)
    return generate_for_case(col, case_number, doc.template_id, doc.file_format, target)
