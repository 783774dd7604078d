"""Every format carries the same figures and definitions: files are read back (JSON,
openpyxl, csv, pdfplumber, python-docx) and compared with the raw-row figures."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from legalaid.reports import Period, ReportService
from legalaid.reports.definitions import definitions
from legalaid.reports.model import Summary
from tests.reports.conftest import TODAY, World
from tests.reports.expected import Expected, expected

PERIOD = Period.month(2026, 10)


@pytest.fixture
def summary_and_expected(world: World) -> tuple[ReportService, Summary, Expected]:
    rs = ReportService(world.col)
    sm = rs.summary(PERIOD)
    e = expected(world.path, PERIOD.start, PERIOD.end, set(world.offices.values()), TODAY)
    assert e.consultations and e.accepted and e.loss_fen  # a meaningful comparison
    return rs, sm, e


def _headline(e: Expected) -> dict[str, Decimal]:
    """Overview row label → expected value."""
    return {
        "咨询（次）": Decimal(e.consultations),
        "受理案件（件）": Decimal(e.accepted),
        "结案（件）": Decimal(e.closed),
        "期末在办（件）": Decimal(e.open_at_end),
        "受益职工（人）": Decimal(e.workers),
        "其中：农民工（人）": Decimal(e.migrant),
        "其中：新就业形态劳动者（人）": Decimal(e.new_form),
        "挽回经济损失（元）": Decimal(e.loss_fen) / 100,
        "其中追回欠薪（元）": Decimal(e.wage_fen) / 100,
        "超期期限（件）": Decimal(e.missed),
    }


def _num(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def test_xlsx_read_back(summary_and_expected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rs, sm, e = summary_and_expected
    path = rs.export(sm, "xlsx", tmp_path / "r.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "说明"
    overview = next(ws for ws in wb.worksheets if ws.title.endswith("总体情况"))
    values = {row[0].value: row[1].value for row in overview.iter_rows(min_row=3)}
    for label, want in _headline(e).items():
        assert Decimal(str(values[label])) == want, label
    channel = next(ws for ws in wb.worksheets if ws.title.endswith("咨询（按咨询方式）"))
    rows = {r[0].value: r[1].value for r in channel.iter_rows(min_row=3)}
    assert rows["12351热线"] == e.by_channel["hotline_12351"]
    assert rows["合计"] == e.consultations
    notes = wb["说明"]
    texts = [r[1].value for r in notes.iter_rows() if r[0].value and r[1].value]
    for d in definitions():
        assert d.text in texts


def test_csv_read_back(summary_and_expected) -> None:  # type: ignore[no-untyped-def]
    rs, sm, e = summary_and_expected
    data = rs.render(sm, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    start = rows.index(["一、总体情况"])
    block = {r[0]: r[1] for r in rows[start + 2 : start + 20] if len(r) == 2}
    for label, want in _headline(e).items():
        assert _num(block[label]) == want, label
    defs = {
        r[0]: r[1]
        for r in rows[
            rows.index([next(r[0] for r in rows if r and r[0].endswith("统计口径"))]) + 2 :
        ]
        if len(r) == 2
    }
    for d in definitions():
        assert defs[d.term] == d.text


def test_pdf_text_read_back(summary_and_expected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pdfplumber

    rs, sm, e = summary_and_expected
    path = rs.export(sm, "pdf", tmp_path / "r.pdf")
    with pdfplumber.open(path) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
        for i, text in enumerate(pages, start=1):
            assert "南昌市总工会" in text and "2026年10月" in text  # running header
            assert f"第 {i} 页" in text and f"共 {len(pages)} 页" in text
        first = pdf.pages[0]
        assert abs(first.width - 595.28) < 1 and abs(first.height - 841.89) < 1  # A4
    text = "\n".join(pages)
    for label, want in _headline(e).items():
        m = re.search(re.escape(label) + r"\s+([\d,]+(?:\.\d+)?)", text)
        assert m, label
        assert _num(m.group(1)) == want, label
    # The definitions table: read its text column alone (a centred term cell would
    # otherwise be interleaved with the wrapped lines beside it).
    with pdfplumber.open(path) as pdf:
        width = pdf.pages[-1].width
        left = 18 * 72 / 25.4 + (width - 2 * 18 * 72 / 25.4) * 0.18 + 1
        column = "".join(
            p.crop((left, 0, p.width, p.height)).extract_text() or "" for p in pdf.pages[-2:]
        )
    flat = re.sub(r"\s+", "", column)
    for d in definitions():
        assert re.sub(r"\s+", "", d.text) in flat, d.key


def test_pdf_embeds_truetype_fonts(summary_and_expected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    rs, sm, _ = summary_and_expected
    reader = PdfReader(rs.export(sm, "pdf", tmp_path / "r.pdf"))
    embedded = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descs = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for desc in descs:
                fd = desc.get("/FontDescriptor")
                if fd is not None and "/FontFile2" in fd.get_object():
                    embedded.add(str(font["/BaseFont"]))
    assert embedded, "no embedded TrueType font"
    assert all("STSong" not in f for f in embedded)


def test_docx_read_back(summary_and_expected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rs, sm, e = summary_and_expected
    doc = Document(str(rs.export(sm, "docx", tmp_path / "r.docx")))
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    overview = doc.tables[0]
    values = {row.cells[0].text: row.cells[1].text for row in overview.rows[1:]}
    for label, want in _headline(e).items():
        assert _num(values[label]) == want, label
    defs = {row.cells[0].text: row.cells[1].text for row in doc.tables[-1].rows[1:]}
    for d in definitions():
        assert defs[d.term] == d.text
    xml = doc.element.xml
    assert 'w:eastAsia="宋体"' in xml and "minorEastAsia" not in xml
    assert "南昌市总工会" in section.header.paragraphs[0].text


def test_same_tables_in_every_format(summary_and_expected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Table titles and the office breakdown agree between xlsx, csv and docx."""
    from legalaid.reports.tables import build_tables

    rs, sm, _ = summary_and_expected
    titles = [t.title for t in build_tables(sm)]
    wb = load_workbook(rs.export(sm, "xlsx", tmp_path / "r.xlsx"))
    assert [ws["A1"].value for ws in wb.worksheets[1:]] == [
        t for t in titles if "统计口径" not in t
    ]
    rows = list(csv.reader(io.StringIO(rs.render(sm, "csv").decode("utf-8-sig"))))
    assert [r[0] for r in rows if len(r) == 1 and r[0] in titles] == titles
    doc = Document(str(rs.export(sm, "docx", tmp_path / "r.docx")))
    assert len(doc.tables) == len(titles)


def test_formula_injection_is_neutralised(summary_and_expected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A staff member named =HYPERLINK("x") appears in the workload table as text."""
    rs, sm, _ = summary_and_expected
    assert any(w.name.startswith("=") for w in sm.workload)
    wb = load_workbook(rs.export(sm, "xlsx", tmp_path / "r.xlsx"))
    ws = next(ws for ws in wb.worksheets if ws.title.endswith("工作量（按人员）"))
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    evil = [c for c in cells if "HYPERLINK" in c.value]
    assert evil and all(c.value.startswith("'=") and c.data_type == "s" for c in evil)
    assert not any(isinstance(c.value, str) and c.value[:1] in "=+-@" for c in cells)
    rows = list(csv.reader(io.StringIO(rs.render(sm, "csv").decode("utf-8-sig"))))
    fields = [f for r in rows for f in r]
    assert '\'=HYPERLINK("x")' in fields
    assert not any(f[:1] in ("=", "+", "@") for f in fields)
    assert not any(f.startswith("-") and not re.fullmatch(r"-[\d.]+", f) for f in fields)


def test_annual_and_range_render(world: World, tmp_path: Path) -> None:
    rs = ReportService(world.col)
    for period in (Period.year(2026), Period.between(date(2026, 9, 15), date(2026, 10, 20))):
        sm = rs.summary(period)
        for fmt in ("pdf", "docx", "xlsx", "csv", "json"):
            data = rs.render(sm, fmt)
            assert len(data) > 500
        got = json.loads(rs.render(sm, "json"))
        assert got["period"]["label"] == period.label


def test_progress_is_reported(world: World, tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    rs = ReportService(world.col)
    sm = rs.summary(PERIOD, progress=lambda a, b, w: seen.append((a, b, w)))
    rs.export(sm, "pdf", tmp_path / "p.pdf", progress=lambda a, b, w: seen.append((a, b, w)))
    assert seen[0][0] == 1 and all(a <= b for a, b, _ in seen)
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(Exception):  # noqa: B017 - the core's ValidationError
        rs.render(sm, "odt")
