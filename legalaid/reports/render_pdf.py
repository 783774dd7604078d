"""The summary as an A4 PDF: header with office and period on every page, page numbers,
tables and charts with Chinese labels, TrueType CJK fonts embedded.

Fonts come from ``legalaid.documents.fonts`` (the shipped WenQuanYi Micro Hei for text,
with the AR PL faces as fallbacks for characters it lacks), so the file shows Chinese on
a machine that has no Chinese fonts.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from legalaid.documents.fonts import Face, FontFile, default_fonts_dir, load_face
from legalaid.reports.cells import as_text
from legalaid.reports.model import Summary
from legalaid.reports.render_tabular import header_lines
from legalaid.reports.tables import Table as ReportTable
from legalaid.reports.tables import build_tables

Progress = Callable[[int, int, str], None]

PALETTE = [
    colors.HexColor(c)
    for c in (
        "#4472C4",
        "#ED7D31",
        "#A5A5A5",
        "#FFC000",
        "#5B9BD5",
        "#70AD47",
        "#9E480E",
        "#264478",
        "#636363",
        "#997300",
    )
]
_MARGIN = 18 * mm
_HEAD_BG = colors.HexColor("#DDE4EE")


class _Fonts:
    def __init__(self) -> None:
        d = default_fonts_dir()
        self.main: Face = load_face(FontFile(d / "wqy-microhei.ttc", 0))
        self.fallbacks = [load_face(FontFile(d / n)) for n in ("gbsn00lp.ttf", "gkai00mp.ttf")]

    def markup(self, text: str) -> str:
        """Escaped paragraph markup; characters the main face lacks get a fallback face."""
        out: list[str] = []
        for ch in text:
            if ch in " \n" or self.main.has(ch):
                out.append(escape(ch))
                continue
            face = next((f for f in self.fallbacks if f.has(ch)), None)
            out.append(f'<font name="{face.name}">{escape(ch)}</font>' if face else escape(ch))
        return "".join(out)


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=12.5, wordWrap="CJK")
    return {
        "title": ParagraphStyle(
            "title", base, fontSize=17, leading=24, alignment=TA_CENTER, spaceAfter=4
        ),
        "meta": ParagraphStyle(
            "meta",
            base,
            fontSize=9.5,
            leading=14,
            alignment=TA_CENTER,
            textColor=colors.HexColor("#333333"),
        ),
        "h": ParagraphStyle("h", base, fontSize=12, leading=17, spaceBefore=8, spaceAfter=4),
        "cell": base,
        "num": ParagraphStyle("num", base, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", base, alignment=TA_CENTER),
        "note": ParagraphStyle(
            "note",
            base,
            fontSize=8,
            leading=11,
            textColor=colors.HexColor("#555555"),
            spaceBefore=2,
        ),
        "left": ParagraphStyle("left", base, alignment=TA_LEFT),
    }


def _col_widths(t: ReportTable, font: str, avail: float) -> list[float]:
    """Figures get the width their longest value needs (headers may wrap); the names
    column(s) get the rest, so amounts never break over two lines."""
    if t.key == "definitions":
        return [avail * 0.18, avail * 0.82]
    text_cols = {0, 1} if t.key == "workload" else {0}
    pad = 15.0  # the cell's own padding (6 + 6) and a little air
    need: list[float] = []
    for j, head in enumerate(t.columns):
        widest = max(
            [stringWidth(as_text(row[j], grouped=True), font, 9) for row in t.rows] or [0.0]
        )
        head_min = min(stringWidth(head, font, 9), stringWidth(head[:4], font, 9))
        need.append(max(widest, head_min) + pad)
    numeric = [j for j in range(len(need)) if j not in text_cols]
    figures = sum(need[j] for j in numeric)
    budget = avail * 0.72
    if figures > budget:  # very wide figures: shrink them proportionally
        for j in numeric:
            need[j] *= budget / figures
        figures = budget
    rest = avail - figures
    texts = [j for j in text_cols if j < len(need)]
    text_need = sum(need[j] for j in texts)
    cap = max(text_need, avail * (0.55 if len(need) <= 3 else 0.3))
    text_total = min(rest, cap)
    widths = list(need)
    for j in texts:
        widths[j] = text_total * (need[j] / text_need if text_need else 1 / len(texts))
    spare = avail - text_total - figures
    for j in numeric:
        widths[j] += spare / len(numeric) if numeric else 0
    return widths


def _align(t: ReportTable, column: int) -> str:
    """Names and text to the left, figures to the right."""
    if column == 0 or t.key == "definitions" or (t.key == "workload" and column == 1):
        return "cell"
    return "num"


def _table(t: ReportTable, fonts: _Fonts, st: dict[str, ParagraphStyle], avail: float) -> Table:
    data: list[list[Any]] = [[Paragraph(fonts.markup(c), st["head"]) for c in t.columns]]
    for row in t.rows:
        data.append(
            [
                Paragraph(fonts.markup(as_text(c, grouped=True)), st[_align(t, j)])
                for j, c in enumerate(row)
            ]
        )
    table = Table(
        data, colWidths=_col_widths(t, fonts.main.name, avail), repeatRows=1, hAlign="LEFT"
    )
    style: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8A94A6")),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if t.rows and as_text(t.rows[-1][0]) == "合计":
        style.append(
            ("BACKGROUND", (0, len(t.rows)), (-1, len(t.rows)), colors.HexColor("#F2F2F2"))
        )
    table.setStyle(TableStyle(style))
    return table


def _pie(title: str, items: list[tuple[str, int]], font: str, width: float) -> Drawing | None:
    items = [(label, n) for label, n in items if n > 0]
    if not items:
        return None
    d = Drawing(width, 150)
    d.add(String(0, 138, title, fontName=font, fontSize=10))
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 20, 8, 120, 120
    pie.data = [n for _, n in items]
    pie.labels = None
    pie.slices.strokeWidth = 0.5
    pie.slices.strokeColor = colors.white
    for i in range(len(items)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    d.add(pie)
    total = sum(n for _, n in items)
    legend = Legend()
    legend.x, legend.y = 170, 125
    legend.fontName, legend.fontSize = font, 8.5
    legend.alignment = "right"
    legend.dy = legend.dx = 7
    legend.deltay = 13
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], f"{label}  {n}（{n * 100 / total:.1f}%）")
        for i, (label, n) in enumerate(items)
    ]
    d.add(legend)
    return d


def _bars(
    title: str,
    labels: list[str],
    series: list[tuple[str, list[int]]],
    font: str,
    width: float,
) -> Drawing | None:
    if not labels or not any(any(v) for _, v in series):
        return None
    height = 190
    d = Drawing(width, height)
    d.add(String(0, height - 12, title, fontName=font, fontSize=10))
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 42
    chart.width, chart.height = width - 60, height - 80
    chart.data = [values for _, values in series]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7.5
    top = max(max(v) for _, v in series)
    if top < 5:
        chart.valueAxis.valueMax = 5
        chart.valueAxis.valueStep = 1
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.angle = 30 if len(labels) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 6 else "n"
    chart.categoryAxis.labels.dy = -2
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i in range(len(series)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 150, height - 8
    legend.fontName, legend.fontSize = font, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 60
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)
    ]
    d.add(legend)
    return d


def _charts(sm: Summary, font: str, width: float) -> list[Any]:
    out: list[Any] = []
    pie = _pie(
        "咨询方式构成",
        [(c.label, c.count) for c in sm.consultations_by_channel],
        font,
        width,
    )
    if pie is not None:
        out.append(pie)
    bars = _bars(
        "案件（按案由）：受理与结案",
        [r.label for r in sm.cases_by_dispute_type],
        [
            ("受理", [r.accepted for r in sm.cases_by_dispute_type]),
            ("结案", [r.closed for r in sm.cases_by_dispute_type]),
        ],
        font,
        width,
    )
    if bars is not None:
        out.append(bars)
    if len(sm.by_office) > 1:
        office_bars = _bars(
            "各单位受理与结案",
            [o.name for o in sm.by_office],
            [
                ("受理", [o.headline.cases_accepted for o in sm.by_office]),
                ("结案", [o.headline.cases_closed for o in sm.by_office]),
            ],
            font,
            width,
        )
        if office_bars is not None:
            out.append(office_bars)
    return out


def _numbered_canvas(sm: Summary, fonts: _Fonts) -> type[Canvas]:
    """A canvas that draws the running header and "第 n 页 共 m 页" once the count is known."""
    font = fonts.main.name
    header = f"{sm.office_name}　{sm.period.label}"

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            w, h = A4
            self.saveState()
            self.setFont(font, 8.5)
            self.setFillColor(colors.HexColor("#444444"))
            self.drawString(_MARGIN, h - 12 * mm, header)
            self.drawRightString(w - _MARGIN, h - 12 * mm, "法律援助工作统计")
            self.setStrokeColor(colors.HexColor("#8A94A6"))
            self.setLineWidth(0.5)
            self.line(_MARGIN, h - 13.5 * mm, w - _MARGIN, h - 13.5 * mm)
            self.drawCentredString(w / 2, 10 * mm, f"第 {self._pageNumber} 页  共 {total} 页")
            self.restoreState()

    return NumberedCanvas


def render_pdf(sm: Summary, progress: Progress | None = None) -> bytes:
    fonts = _Fonts()
    st = _styles(fonts.main.name)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title=sm.title,
        author=sm.office_name,
        subject=sm.period.label,
        creator="legalaid",
    )
    avail = A4[0] - 2 * _MARGIN
    story: list[Any] = [Paragraph(fonts.markup(sm.title), st["title"])]
    for k, v in header_lines(sm)[1:]:
        story.append(Paragraph(fonts.markup(f"{k}：{v}"), st["meta"]))
    story.append(Spacer(1, 6))
    tables = build_tables(sm)
    for i, t in enumerate(tables):
        if progress is not None:
            progress(i + 1, len(tables) + 1, t.title)
        heading = Paragraph(fonts.markup(t.title), st["h"])
        body: list[Any] = [heading, _table(t, fonts, st, avail)]
        if t.note:
            body.append(Paragraph(fonts.markup("注：" + t.note), st["note"]))
        if len(t.rows) <= 16:
            story.append(KeepTogether(body))
        else:
            story += [CondPageBreak(60 * mm), *body]
        if t.key == "comparison":
            for chart in _charts(sm, fonts.main.name, avail):
                story += [Spacer(1, 8), chart]
    doc.build(story, canvasmaker=_numbered_canvas(sm, fonts))
    if progress is not None:
        progress(len(tables) + 1, len(tables) + 1, "PDF")
    return buf.getvalue()
