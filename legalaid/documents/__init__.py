"""Case documents (文书): templates rendered to .docx and to PDF with Chinese typography.

Public API::

    from legalaid.documents import DocumentGenerator, TemplateCatalogue, build_context

    generator = DocumentGenerator(TemplateCatalogue(user_dir=...), DocumentFonts(...))
    result = generator.generate(build_context(detail), "arbitration_application", "pdf", path)
    result.sha256, result.template_version, result.warnings

``legalaid.documents.service`` does the same for a case in a desk database (``Collection``).
"""

from legalaid.documents.catalogue import TemplateCatalogue, TemplateInfo
from legalaid.documents.context import build_context
from legalaid.documents.fonts import DocumentFonts, FontFile
from legalaid.documents.generator import (
    FORMATS,
    DocumentGenerator,
    DocumentWarning,
    GeneratedDocument,
    TemplateError,
)

__all__ = [
    "FORMATS",
    "DocumentFonts",
    "DocumentGenerator",
    "DocumentWarning",
    "FontFile",
    "GeneratedDocument",
    "TemplateCatalogue",
    "TemplateError",
    "TemplateInfo",
    "build_context",
]
