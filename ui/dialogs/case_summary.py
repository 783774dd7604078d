"""A read-only summary of one case, shown until the case workspace (ui/case) exists."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from legalaid import dto
from legalaid.vocab import CASE_SOURCES, CASE_STATUSES, DISPUTE_TYPES, HANDLING_METHODS
from ui.context import AppContext
from ui.format import day, money


class CaseSummaryDialog(QDialog):
    """Everything important about a case on one page (from ``col.cases.detail``)."""

    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.detail: dto.CaseDetail | None = None
        self.setObjectName("caseSummary")
        self.setWindowTitle(self.tr("Case"))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self.text.setPlainText(self.tr("Loading…"))
        ctx.query(self, lambda col: col.cases.detail(case_id)).success(
            self.show_detail
        ).urgent().run_in_background()

    def show_detail(self, d: dto.CaseDetail) -> None:
        self.detail = d
        c, ctx = d.case, self.ctx
        self.setWindowTitle(f"{c.number} {c.title}")
        rows = [
            (self.tr("Case number"), c.number),
            (self.tr("Status"), ctx.label(CASE_STATUSES, c.status)),
            (self.tr("Dispute type"), ctx.label(DISPUTE_TYPES, c.dispute_type)),
            (self.tr("Source"), ctx.label(CASE_SOURCES, c.source)),
            (self.tr("Handling"), ctx.label(HANDLING_METHODS, c.handling_method)),
            (self.tr("Received"), day(c.received_on)),
            (self.tr("Accepted"), day(c.accepted_on)),
            (self.tr("Closed"), day(c.closed_on)),
            (self.tr("Office"), d.office.name),
            (self.tr("Lead staff"), d.lead_staff.name if d.lead_staff else ""),
            (self.tr("Workers"), str(c.worker_count)),
            (self.tr("Claimed"), money(d.totals.claimed_fen)),
            (self.tr("Recovered"), money(d.totals.recovered_fen)),
            (self.tr("Outstanding"), money(d.totals.outstanding_fen)),
        ]
        html = [f"<h2>{escape(c.title)}</h2><table cellspacing=4>"]
        html += [f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows if v]
        html.append("</table>")
        heads = {
            "applicants": self.tr("Applicants"),
            "respondents": self.tr("Respondents"),
            "deadlines": self.tr("Deadlines"),
            "facts": self.tr("Facts"),
        }
        done_text = self.tr("done")
        if d.applicants:
            html.append(f"<h3>{escape(heads['applicants'])}</h3><ul>")
            html += [f"<li>{escape(a.person.name)}</li>" for a in d.applicants]
            html.append("</ul>")
        if d.respondents:
            html.append(f"<h3>{escape(heads['respondents'])}</h3><ul>")
            html += [f"<li>{escape(r.employer.name)}</li>" for r in d.respondents]
            html.append("</ul>")
        if d.deadlines:
            html.append(f"<h3>{escape(heads['deadlines'])}</h3><ul>")
            today = ctx.today()
            for dl in d.deadlines:
                style = ' style="color:#c62828"' if dl.overdue(today) else ""
                done = f" ({escape(done_text)})" if dl.done_at else ""
                html.append(f"<li{style}>{day(dl.due_on)} {escape(dl.title)}{done}</li>")
            html.append("</ul>")
        if c.facts:
            html.append(f"<h3>{escape(heads['facts'])}</h3><p>{escape(c.facts)}</p>")
        self.text.setHtml("".join(html))
