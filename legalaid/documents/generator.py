"""Generate a case document from a template as .docx or PDF.

Both formats come from one rendering: the template is filled with docxtpl (Jinja,
autoescaped so ``&`` or ``<`` in a name cannot break the XML), the fonts are normalised,
and then the document is either saved or drawn as PDF by ``pdf.docx_to_pdf``. The output
is written to a temporary file beside the target and moved into place, so a failure
never leaves a half-written document.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from legalaid.documents.catalogue import TemplateCatalogue, TemplateInfo
from legalaid.documents.docx_style import normalise
from legalaid.documents.fonts import DocumentFonts, FontBook
from legalaid.documents.pdf import docx_to_pdf
from legalaid.errors import LegalAidError, ValidationError
from legalaid.rules.dates import chinese_date, chinese_date_upper
from legalaid.rules.money import amount_in_words, format_yuan

FORMATS = ("docx", "pdf")


class TemplateError(LegalAidError):
    """A template could not be rendered (a broken placeholder in an edited template)."""


@dataclass(frozen=True)
class DocumentWarning:
    """Something the user should check in a generated document.

    ``code`` is ``missing_glyphs`` when characters cannot be drawn by any font; ``chars``
    lists them.
    """

    code: str
    zh: str
    en: str
    chars: tuple[str, ...] = ()


@dataclass(frozen=True)
class GeneratedDocument:
    path: Path
    sha256: str
    size: int
    template_id: str
    template_version: str
    file_format: str
    title: str
    warnings: tuple[DocumentWarning, ...]


def _filter_yuan(fen: Any) -> str:
    return format_yuan(int(fen)) if fen not in (None, "") else ""


def _filter_upper(fen: Any) -> str:
    return amount_in_words(int(fen)) if fen not in (None, "") else ""


def _filter_cndate(d: Any, upper: bool = False) -> str:
    if not isinstance(d, date):
        return "" if d is None else str(d)
    return chinese_date_upper(d) if upper else chinese_date(d)


def _jinja_env() -> jinja2.Environment:
    # ChainableUndefined: a misspelt placeholder in an edited template renders empty
    # instead of failing on ``a.b.c``; required fields are checked before rendering.
    env = jinja2.Environment(undefined=jinja2.ChainableUndefined, autoescape=True)
    env.filters["yuan"] = _filter_yuan
    env.filters["upper"] = _filter_upper
    env.filters["cndate"] = _filter_cndate
    return env


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _document_text(document: Any) -> str:
    parts = [t.text or "" for t in document.element.body.iter(qn("w:t"))]
    return "".join(parts)


def missing_glyph_warning(chars: set[str] | list[str]) -> DocumentWarning | None:
    if not chars:
        return None
    ordered = tuple(sorted(chars))
    shown = "、".join(ordered)
    return DocumentWarning(
        "missing_glyphs",
        f"以下字符在所有文书字体中都没有字形，打印时可能显示为空白或方框，请手工核对：{shown}",
        f"No document font has a glyph for these characters; they may print blank: {shown}",
        ordered,
    )


class DocumentGenerator:
    """Renders templates of a catalogue with a set of fonts.

    Args:
        catalogue: the templates (shipped plus the user's overrides).
        fonts: the font settings; defaults follow GB/T 9704 with the shipped fallbacks.
    """

    def __init__(
        self, catalogue: TemplateCatalogue | None = None, fonts: DocumentFonts | None = None
    ) -> None:
        self.catalogue = catalogue or TemplateCatalogue()
        self.fonts = fonts or DocumentFonts()
        self._book: FontBook | None = None
        self._lock = threading.Lock()
        self._sources: dict[Path, tuple[float, bytes]] = {}

    @property
    def book(self) -> FontBook:
        with self._lock:
            if self._book is None:
                self._book = FontBook(self.fonts)
            return self._book

    def _source(self, path: Path) -> bytes:
        mtime = path.stat().st_mtime
        cached = self._sources.get(path)
        if cached is None or cached[0] != mtime:
            cached = (mtime, path.read_bytes())
            self._sources[path] = cached
        return cached[1]

    def render_docx(self, context: Mapping[str, Any], info: TemplateInfo) -> Any:
        """Fill ``info``'s template; returns the python-docx Document (not saved)."""
        self.catalogue.check_required(info, context)
        template = DocxTemplate(io.BytesIO(self._source(info.path)))
        try:
            template.render(dict(context), _jinja_env(), autoescape=True)
        except jinja2.TemplateError as exc:
            raise TemplateError(
                f"文书模板《{info.zh}》有错误，无法生成：{exc}",
                f"The template '{info.id}' is broken: {exc}",
            ) from exc
        document = template.docx
        normalise(document, self.fonts)
        document.core_properties.title = info.zh
        return document

    def render(
        self, context: Mapping[str, Any], template_id: str, fmt: str
    ) -> tuple[bytes, TemplateInfo, tuple[DocumentWarning, ...]]:
        """Render to bytes in ``fmt`` (``docx`` or ``pdf``); nothing is written."""
        if fmt not in FORMATS:
            raise ValidationError.single(
                "format", "unknown_format", f"不支持的格式：{fmt}（可选 docx、pdf）",
                f"Unsupported format: {fmt} (docx or pdf)",
            )
        info = self.catalogue.get(template_id)
        document = self.render_docx(context, info)
        if fmt == "pdf":
            data, missing = docx_to_pdf(document, self.book, title=info.zh)
        else:
            buffer = io.BytesIO()
            document.save(buffer)
            data = buffer.getvalue()
            missing = set(self.book.missing(_document_text(document)))
        warning = missing_glyph_warning(missing)
        return data, info, (warning,) if warning else ()

    def generate(
        self, context: Mapping[str, Any], template_id: str, fmt: str, out_path: str | Path
    ) -> GeneratedDocument:
        """Render ``template_id`` with ``context`` and write it to ``out_path`` atomically.

        Raises:
            ValidationError: a required field is empty (one FieldError per field) or the
                format is unknown.
            NotFoundError: no template has this id.
            TemplateError: an edited template does not render.
        """
        data, info, warnings = self.render(context, template_id, fmt)
        path = Path(out_path)
        write_atomically(path, data)
        return GeneratedDocument(
            path=path,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            template_id=info.id,
            template_version=info.version,
            file_format=fmt,
            title=info.zh,
            warnings=warnings,
        )
