"""Reading generated documents back."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import docx
import pdfplumber


def docx_text(path: Path) -> str:
    """All paragraph text of a .docx, tables included, one paragraph a line."""
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return "\n".join(lines)


def docx_part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def pdf_lines(path: Path) -> list[str]:
    with pdfplumber.open(str(path)) as pdf:
        return [line["text"] for page in pdf.pages for line in page.extract_text_lines()]


def pdf_text(path: Path) -> str:
    return "\n".join(pdf_lines(path))


def pdf_flat(path: Path) -> str:
    """The PDF's text with line breaks removed (words that wrap are found whole)."""
    return "".join(pdf_lines(path))


def pdffonts(path: Path) -> list[list[str]]:
    """Rows of ``pdffonts``: name, type, encoding, emb, sub, uni, ..."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    rows = out.stdout.splitlines()[2:]
    return [row.split() for row in rows if row.strip()]
