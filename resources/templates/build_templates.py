"""Build the shipped .docx templates (run: ``.venv/bin/python resources/templates/build_templates.py``).

The generated .docx files are committed: staff edit those in Word, copy them into their
user templates folder and change the wording. This script is how the shipped versions are
made reproducibly (GB/T 9704 page, styles with eastAsia fonts, no theme fonts). Bump the
template's ``version`` in catalogue.json when its wording changes.

Placeholders are Jinja (docxtpl): ``{{ applicant.name }}``; paragraph loops use
``{%p for x in list %}`` on a paragraph of its own; table-row loops ``{%tr ... %}``.
The context the templates receive is described in ``legalaid/documents/context.py``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from legalaid.documents import docx_style as ds  # noqa: E402
from legalaid.documents.fonts import DocumentFonts  # noqa: E402
from legalaid.documents.typography import BLOCK_WIDTH  # noqa: E402

FONTS = DocumentFonts()
SIGN = "{{ office.name }}"
DATE = "{{ today }}"


# -- document and styles -------------------------------------------------------------------
def _style(doc: Any, style_id: str, name: str, base: str = "Normal") -> Any:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), style_id)
    style.base_style = doc.styles[base]
    style.quick_style = True
    return style


def _fmt(style: Any, *, role: str = "body", size: float = 16.0, leading: float = 29.0,
         align: str | None = None, first: int = 0, right: int = 0, bold: bool = False,
         keep_next: bool = False, before: float = 0, after: float = 0,
         spacing: float | None = None) -> None:
    rpr = style.element.get_or_add_rPr()
    ds.set_run_fonts(rpr, FONTS.docx_name(role), FONTS.latin_name)
    ds.font_size(rpr, size)
    if spacing is not None:
        ds.set_char_spacing(rpr, spacing)
    if bold:
        style.font.bold = True
    ppr = style.element.get_or_add_pPr()
    ds.set_paragraph_grid(ppr, leading)
    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if keep_next:
        pf.keep_with_next = True
    if align:
        jc = ppr.find(qn("w:jc"))
        if jc is None:
            jc = OxmlElement("w:jc")
            ppr.append(jc)
        jc.set(qn("w:val"), align)
    if first or right:
        ds.set_indent_chars(ppr, first=first, right=right)


def new_document() -> Any:
    doc = Document()
    ds.setup_page(doc.sections[0])
    normal = doc.styles["Normal"]
    _fmt(normal, align="both", spacing=-0.25)
    normal.paragraph_format.widow_control = False
    _fmt(_style(doc, "GwTitle", "公文标题"), role="title", size=22, leading=35, align="center",
         after=29, keep_next=True, spacing=0)
    _fmt(_style(doc, "GwNumber", "发文字号"), align="center", after=14.5)
    _fmt(_style(doc, "GwBody", "公文正文"), first=2)
    _fmt(_style(doc, "GwAddressee", "主送"), keep_next=True)
    _fmt(_style(doc, "GwH1", "一级标题"), role="hei", first=2, keep_next=True)
    _fmt(_style(doc, "GwH2", "二级标题"), role="kai", first=2, keep_next=True)
    _fmt(_style(doc, "GwSign", "落款"), align="right", right=4, keep_next=True)
    _fmt(_style(doc, "GwSignDate", "成文日期"), align="right", right=4)
    _fmt(_style(doc, "GwCell", "表格文字"), size=12, leading=20, align="left", spacing=0)
    _fmt(_style(doc, "GwCellLabel", "表格标题", "表格文字"), size=12, leading=20, align="center",
         spacing=0)
    _footer(doc)
    # The default paragraph comes with the blank document: drop it.
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    return doc


def _page_field(paragraph: Any) -> None:
    for text in ("— ",):
        paragraph.add_run(text)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    paragraph._p.append(fld)
    paragraph.add_run(" —")


def _footer(doc: Any) -> None:
    """GB/T 9704 §7.5 page numbers: 4号 宋体 digits, odd pages right, even pages left."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    for footer, align, indent in ((section.footer, "right", "rightChars"),
                                  (section.even_page_footer, "left", "leftChars")):
        p = footer.paragraphs[0]
        ppr = p._p.get_or_add_pPr()
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), align)
        ppr.append(jc)
        ind = OxmlElement("w:ind")
        ind.set(qn(f"w:{indent}"), "100")
        ppr.append(ind)
        _page_field(p)
        for r in p._p.iter(qn("w:r")):
            rpr = r.get_or_add_rPr()
            ds.set_run_fonts(rpr, "宋体", "宋体")
            ds.font_size(rpr, 14)


# -- content helpers -----------------------------------------------------------------------
class Builder:
    def __init__(self) -> None:
        self.doc = new_document()

    def p(self, text: str = "", style: str = "公文正文", bold_prefix: str | None = None) -> Any:
        para = self.doc.add_paragraph(style=style)
        if bold_prefix:
            para.add_run(bold_prefix).bold = True
        if text:
            para.add_run(text)
        return para

    def title(self, text: str) -> None:
        self.p(text, "公文标题")

    def number(self, text: str = "{{ case.number }}") -> None:
        self.p(text, "发文字号")

    def to(self, text: str) -> None:
        self.p(text, "主送")

    def h1(self, text: str) -> None:
        self.p(text, "一级标题")

    def h2(self, text: str) -> None:
        self.p(text, "二级标题")

    def plain(self, text: str = "") -> None:
        self.p(text, "Normal")

    def loop(self, header: str, body: str, style: str = "公文正文",
             bold_prefix: str | None = None) -> None:
        """``{%p for ... %}`` / body paragraph / ``{%p endfor %}``."""
        self.p("{%p " + header + " %}", style)
        self.p(body, style, bold_prefix)
        self.p("{%p endfor %}", style)

    def sign(self, lines: tuple[str, ...] = (SIGN,), date: str = DATE, blank: int = 2) -> None:
        for _ in range(blank):
            self.plain()
        for line in lines:
            self.p(line, "落款")
        self.p(date, "成文日期")

    def table(self, rows: list[list[tuple[str, int] | str]], widths: list[float],
              labels: set[int] | None = None, heights: dict[int, float] | None = None) -> Any:
        """A grid; a cell is text or (text, span). Label cells (by column) are centred."""
        ncols = len(widths)
        total = sum(widths)
        table = self.doc.add_table(rows=0, cols=ncols)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        col_w = [int(BLOCK_WIDTH * w / total * 12700) for w in widths]
        for i, col in enumerate(table.columns):
            col.width = col_w[i]
        for r, spec in enumerate(rows):
            row = table.add_row()
            if heights and r in heights:
                row.height = Pt(heights[r])
            col = 0
            for cell_spec in spec:
                text, span = (cell_spec, 1) if isinstance(cell_spec, str) else cell_spec
                cell = row.cells[col]
                if span > 1:
                    cell = cell.merge(row.cells[col + span - 1])
                is_label = labels is not None and col in labels and span == 1
                style = "表格标题" if is_label else "表格文字"
                paras = text.split("\n")
                cell.paragraphs[0].style = self.doc.styles[style]
                cell.paragraphs[0].text = paras[0]
                for extra in paras[1:]:
                    cell.add_paragraph(extra, style=self.doc.styles[style])
                tcpr = cell._tc.get_or_add_tcPr()
                va = OxmlElement("w:vAlign")
                va.set(qn("w:val"), "center")
                tcpr.append(va)
                col += span
        return table

    def save(self, path: Path) -> None:
        ds.normalise(self.doc, FONTS)
        core = self.doc.core_properties
        core.author = "legalaid"
        core.title = path.stem
        self.doc.save(str(path))


# -- the documents -------------------------------------------------------------------------
APPLICANTS = (
    "{%p for a in applicants %}",
    "申请人：{{ a.name }}，{{ a.gender }}，{{ a.birth_date }}出生，公民身份号码{{ a.id_number }}，"
    "住{{ a.address }}，联系电话{{ a.phone }}。",
    "{%p endfor %}",
)
RESPONDENTS = (
    "{%p for r in respondents %}",
    "被申请人：{{ r.name }}，统一社会信用代码{{ r.credit_code }}，住所地{{ r.address }}，"
    "法定代表人{{ r.legal_representative }}，联系电话{{ r.phone }}。",
    "{%p endfor %}",
)


def _parties(b: Builder, applicants: bool = True, respondents: bool = True) -> None:
    if applicants:
        b.p(APPLICANTS[0], "Normal")
        b.p(APPLICANTS[1], "公文正文")
        b.p(APPLICANTS[2], "Normal")
    if respondents:
        b.p(RESPONDENTS[0], "Normal")
        b.p(RESPONDENTS[1], "公文正文")
        b.p(RESPONDENTS[2], "Normal")


def legal_aid_application(b: Builder) -> None:
    b.title("法律援助申请表")
    b.p("编号：{{ case.number }}　　　　申请日期：{{ case.received_on }}", "表格文字")
    rows: list[list[tuple[str, int] | str]] = [
        ["姓名", "{{ applicant.name }}", "性别", "{{ applicant.gender }}"],
        ["公民身份号码", "{{ applicant.id_number }}", "出生日期", "{{ applicant.birth_date }}"],
        ["联系电话", "{{ applicant.phone }}", "户籍类型", "{{ applicant.hukou_type }}"],
        ["住址", ("{{ applicant.address }}", 3)],
        ["就业形态", "{{ applicant.employment_form }}", "工会会员", "{{ applicant.union_member }}"],
        ["困难职工", "{{ applicant.hardship_worker }}", "农民工", "{{ applicant.migrant_worker }}"],
        ["申请人人数", "{{ case.worker_count }}人", "其他申请人", "{{ other_applicant_names }}"],
        ["用人单位", ("{{ respondent.name }}", 3)],
        ["统一社会\n信用代码", "{{ respondent.credit_code }}", "法定代表人",
         "{{ respondent.legal_representative }}"],
        ["单位地址", ("{{ respondent.address }}", 3)],
        ["案由", ("{{ case.dispute_types }}", 3)],
        ["请求事项", ("{%p for c in claim_lines %}\n{{ c.no }}、{{ c.text }}\n{%p endfor %}", 3)],
        ["涉及金额", ("{{ claimed.amount }}（大写：{{ claimed.amount_upper }}）", 3)],
        ["案情简述", ("{%p for t in case.facts_paragraphs %}\n{{ t }}\n{%p endfor %}", 3)],
        ["申请人承诺", ("本人保证以上所填内容及所提供的材料真实、完整，如有虚假，愿意承担相应责任。\n"
                   "\n申请人（签名）：　　　　　　　　　　年　　月　　日", 3)],
        ["审查意见", ("\n\n审查人：{{ staff.name }}　　　　　　　　　　年　　月　　日", 3)],
    ]
    b.table(rows, [2.2, 3.6, 1.8, 3.2], labels={0, 2}, heights={})
    b.p("受理机构：{{ office.name }}　　电话：{{ office.phone }}", "表格文字")
    b.p("地址：{{ office.address }}", "表格文字")


def acceptance_notice(b: Builder) -> None:
    b.title("法律援助受理通知书")
    b.number()
    b.to("{{ applicant_names }}：")
    b.p("你（你们）于{{ case.received_on }}向本单位提出的法律援助申请（案由：{{ case.dispute_types }}），"
        "经审查，符合工会法律援助的条件，本单位决定予以受理。")
    b.p("本单位指派{{ staff.name }}（联系电话：{{ staff.phone }}）承办你（你们）的案件。"
        "请自收到本通知书之日起三日内，持本人身份证件及与案件有关的材料与承办人联系，"
        "办理委托手续。")
    b.p("你（你们）应当如实陈述案件事实、提供证据材料，并配合承办人员开展工作。"
        "如以欺骗方式获得法律援助，本单位将终止法律援助。")
    b.p("特此通知。")
    b.sign()


def refusal_notice(b: Builder) -> None:
    b.title("法律援助不予受理通知书")
    b.number()
    b.to("{{ applicant_names }}：")
    b.p("你（你们）于{{ case.received_on }}向本单位提出的法律援助申请（案由：{{ case.dispute_types }}），"
        "经审查，因{{ case.refusal_reason }}，本单位决定不予受理。")
    b.p("你（你们）可以通过其他合法途径维护自身权益：可向劳动保障监察机构投诉，"
        "向劳动人事争议仲裁委员会申请仲裁，或向当地法律援助中心申请法律援助。"
        "对本决定有异议的，可以自收到本通知书之日起五日内向本单位或上级工会提出。")
    b.p("特此通知。")
    b.sign()


def power_of_attorney(b: Builder) -> None:
    b.title("授权委托书")
    b.p(APPLICANTS[0], "Normal")
    b.p("委托人：{{ a.name }}，{{ a.gender }}，公民身份号码{{ a.id_number }}，住{{ a.address }}，"
        "联系电话{{ a.phone }}。", "公文正文")
    b.p(APPLICANTS[2], "Normal")
    b.p("受托人：{{ staff.name }}，{{ office.name }}{{ staff.role }}，联系电话{{ staff.phone }}。")
    b.p("现委托上列受托人在委托人与{{ respondent_names }}{{ case.dispute_types }}争议一案中，"
        "作为委托人的代理人。")
    b.p("代理权限：{{ doc.authority or \"特别授权\" }}。")
    b.p("特别授权的范围：{{ doc.special_authority or \"代为承认、放弃、变更仲裁（诉讼）请求，"
        "进行和解、调解，提起反请求或上诉，代为签收法律文书，代为领取执行款项\" }}。")
    b.p("委托期限：自本委托书签署之日起至本案{{ doc.term or \"本审级\" }}终结之日止。")
    b.sign(("委托人（签名）：{{ applicant_names }}",), "{{ today }}")


def agency_agreement(b: Builder) -> None:
    b.title("委托代理协议")
    b.p("委托人（甲方）：{{ applicant_names }}", "Normal")
    b.p("公民身份号码：{{ applicant.id_number }}　联系电话：{{ applicant.phone }}", "Normal")
    b.p("受托人（乙方）：{{ office.name }}", "Normal")
    b.p("地址：{{ office.address }}　联系电话：{{ office.phone }}", "Normal")
    b.p("甲方因与{{ respondent_names }}{{ case.dispute_types }}争议一案（案件编号{{ case.number }}），"
        "经乙方审查符合工会法律援助条件，双方经协商，订立本协议。")
    b.h1("一、委托事项")
    b.p("乙方指派{{ staff.name }}担任甲方的代理人，代理方式为{{ case.handling_method }}。")
    b.h1("二、代理权限")
    b.p("{{ doc.authority or \"特别授权\" }}，具体以甲方签署的授权委托书为准。")
    b.h1("三、双方的权利义务")
    b.p("（一）乙方为甲方提供无偿法律服务，不向甲方收取任何代理费用；"
        "仲裁、诉讼中依法应由当事人交纳的费用及鉴定、公证等费用由甲方自行承担，"
        "符合缓、减、免条件的，乙方协助甲方申请。")
    b.p("（二）甲方应如实陈述案件事实，及时提供相关证据材料，"
        "因甲方隐瞒事实或提供虚假材料造成的后果由甲方自行承担。")
    b.p("（三）乙方应当勤勉尽责，及时告知甲方案件进展，保守甲方的个人信息和隐私。")
    b.p("（四）未经甲方书面同意，乙方不得代为放弃、变更请求或者和解。")
    b.h1("四、协议的终止")
    b.p("案件办结、甲方撤回委托或者甲方以欺骗方式获得法律援助被终止援助的，本协议终止。")
    b.h1("五、其他")
    b.p("本协议一式两份，甲乙双方各执一份，自双方签字（盖章）之日起生效。")
    b.plain()
    b.plain()
    b.p("甲方（签名）：　　　　　　　　乙方（盖章）：", "Normal")
    b.p("承办人（签名）：{{ staff.name }}", "落款")
    b.p("{{ today }}", "成文日期")


def arbitration_application(b: Builder) -> None:
    b.title("劳动人事争议仲裁申请书")
    _parties(b)
    b.p("请求事项：", "主送", )
    b.loop("for c in claim_lines", "{{ c.no }}、{{ c.text }}")
    b.p("{%p if claimed.fen %}", "Normal")
    b.p("以上请求金额合计{{ claimed.amount }}（大写：人民币{{ claimed.amount_upper }}）。")
    b.p("{%p endif %}", "Normal")
    b.p("事实与理由：", "主送")
    b.loop("for t in case.facts_paragraphs", "{{ t }}")
    b.p("综上所述，被申请人的行为违反了《中华人民共和国劳动合同法》等法律法规的规定，"
        "侵害了申请人的合法权益。为维护申请人的合法权益，"
        "根据《中华人民共和国劳动争议调解仲裁法》的规定，特向贵委申请仲裁，请依法裁决。")
    b.p("此致", "公文正文")
    b.p("{{ doc.commission or \"劳动人事争议仲裁委员会\" }}", "Normal")
    b.sign(("申请人（签名）：{{ applicant_names }}",), "{{ today }}", blank=1)
    b.p("附：证据清单", "一级标题")
    b.table([["序号", "证据名称", "证明内容", "页数"],
             ["{%tr for e in evidence %}", "", "", ""],
             ["{{ e.no }}", "{{ e.name }}", "{{ e.purpose }}", "{{ e.pages }}"],
             ["{%tr endfor %}", "", "", ""]],
            [1.0, 4.0, 4.6, 1.2], labels=set())


def mediation_agreement(b: Builder) -> None:
    b.title("调解协议书")
    b.number()
    _parties(b)
    b.p("调解组织：{{ office.name }}　调解员：{{ mediation.mediator }}", "公文正文")
    b.p("争议事项：申请人与被申请人因{{ case.dispute_types }}发生争议，"
        "申请人于{{ mediation.started_on }}申请调解。经调解，双方自愿达成如下协议：")
    b.p("一、被申请人于{{ mediation.deadline }}前向申请人支付{{ mediation.amount }}"
        "（大写：人民币{{ mediation.amount_upper }}）。")
    b.loop("for i in instalments",
           "其中第{{ i.no }}期：{{ i.due_on }}前支付{{ i.amount }}（大写：人民币{{ i.amount_upper }}）。")
    b.p("二、上述款项支付方式：{{ doc.payment_method or \"银行转账至申请人本人账户\" }}。")
    b.p("三、被申请人按期足额履行上述义务后，双方就本争议再无其他劳动争议。")
    b.p("四、被申请人逾期不履行本协议约定的支付义务的，申请人可以依法向人民法院申请支付令，"
        "或者向劳动人事争议仲裁委员会申请仲裁。")
    b.p("五、双方可以自本协议生效之日起三十日内共同向人民法院申请司法确认。")
    b.p("六、本协议自双方当事人签名（盖章）、调解员签名并加盖调解组织印章后生效，"
        "一式三份，双方当事人和调解组织各执一份。")
    b.plain()
    b.p("申请人（签名）：{{ applicant_names }}", "Normal")
    b.p("被申请人（盖章）：{{ respondent_names }}", "Normal")
    b.p("调解员（签名）：{{ mediation.mediator }}", "Normal")
    b.sign(("{{ office.name }}（印章）",), "{{ mediation.agreement_on or today }}", blank=1)


def payment_order_application(b: Builder) -> None:
    b.title("支付令申请书")
    _parties(b)
    b.p("请求事项：", "主送")
    b.p("请求人民法院依法向被申请人发出支付令，督促被申请人向申请人支付"
        "{{ mediation.amount or claimed.amount }}（大写：人民币"
        "{{ mediation.amount_upper or claimed.amount_upper }}），"
        "并承担本案申请费用。")
    b.p("事实与理由：", "主送")
    b.p("申请人与被申请人因{{ case.dispute_types }}发生争议，经{{ office.name }}主持调解，"
        "双方于{{ mediation.agreement_on }}达成调解协议，约定被申请人于{{ mediation.deadline }}前"
        "向申请人支付{{ mediation.amount }}。被申请人至今未按协议履行给付义务。")
    b.p("根据《中华人民共和国劳动争议调解仲裁法》第十六条、《中华人民共和国劳动合同法》第三十条"
        "及《中华人民共和国民事诉讼法》第二百二十五条的规定，申请人与被申请人之间没有其他债务纠纷，"
        "支付令能够送达被申请人，特向贵院申请支付令，请依法督促被申请人履行给付义务。")
    b.p("此致", "公文正文")
    b.p("{{ doc.court or \"人民法院\" }}", "Normal")
    b.sign(("申请人（签名）：{{ applicant_names }}",), "{{ today }}", blank=1)
    b.p("附：1.调解协议书复印件一份；2.申请人身份证明复印件一份；3.被申请人主体信息一份。", "Normal")


def referral_letter(b: Builder) -> None:
    b.title("{{ referral.letter_title }}")
    b.number()
    b.to("{{ referral.body_name }}：")
    b.p("{{ applicant_names }}（公民身份号码{{ applicant.id_number }}）与{{ respondent_names }}"
        "（统一社会信用代码{{ respondent.credit_code }}）{{ case.dispute_types }}争议一案，"
        "于{{ case.received_on }}向本单位申请工会法律援助，涉及{{ case.worker_count }}名职工，"
        "主张金额{{ claimed.amount }}（大写：人民币{{ claimed.amount_upper }}）。")
    b.p("主要情况：{{ case.facts_summary }}")
    b.p("经研究，该案属于贵单位职责范围，根据“工会+”协作机制及有关规定，"
        "现将该案{{ referral.kind }}贵单位依法处理。请于收到本函后及时受理，"
        "并将处理结果函告本单位。")
    b.p("联系人：{{ staff.name }}　联系电话：{{ staff.phone }}")
    b.p("附件：案件材料{{ doc.attachments or \"一套\" }}")
    b.sign()


def closing_report(b: Builder) -> None:
    b.title("法律援助案件结案报告")
    b.number()
    b.p("案件名称：{{ case.title }}", "Normal")
    b.p("受援人：{{ applicant_names }}（共{{ case.worker_count }}人）", "Normal")
    b.p("对方当事人：{{ respondent_names }}", "Normal")
    b.p("承办人：{{ staff.name }}　受理日期：{{ case.accepted_on }}　结案日期：{{ case.closed_on }}",
        "Normal")
    b.h1("一、案件基本情况")
    b.loop("for t in case.facts_paragraphs", "{{ t }}")
    b.h1("二、办理经过")
    b.p("本案办理方式为{{ case.handling_method }}。")
    b.loop("for s in steps", "{{ s }}")
    b.h1("三、办理结果")
    b.p("结案方式：{{ case.outcome }}。主张金额{{ claimed.amount }}（大写：{{ claimed.amount_upper }}），"
        "实际追回{{ recovered.amount }}（大写：{{ recovered.amount_upper }}），"
        "尚未追回{{ outstanding.amount }}。")
    b.loop("for r in recoveries",
           "{{ r.date }}，{{ r.payer }}通过{{ r.channel }}支付{{ r.amount }}（{{ r.kind }}）。")
    b.h1("四、承办人意见")
    b.loop("for t in case.closing_paragraphs", "{{ t }}")
    b.sign(("承办人：{{ staff.name }}",), "{{ case.closed_on or today }}")


def _supervision(b: Builder, title: str, intro: str, ask: str,
                 addressee: str = "respondent.name") -> None:
    b.title(title)
    b.number("{{ doc.number or case.number }}")
    b.to("{{ doc.addressee or " + addressee + " }}：")
    b.p(intro)
    b.loop("for t in case.facts_paragraphs", "{{ t }}")
    b.p("上述行为违反了{{ doc.laws or \"《中华人民共和国劳动法》《中华人民共和国劳动合同法》"
        "《保障农民工工资支付条例》\" }}的有关规定，侵害了职工的合法权益。")
    b.p(ask)
    b.p("联系人：{{ staff.name }}　联系电话：{{ staff.phone }}")
    b.sign()


def supervision_reminder(b: Builder) -> None:
    _supervision(
        b, "劳动法律监督提示函",
        "根据《中华人民共和国工会法》和《工会劳动法律监督办法》的规定，本工会在开展劳动法律监督"
        "工作中发现，你单位存在以下情况：",
        "请你单位高度重视，依法纠正上述行为，于收到本提示函之日起{{ doc.days or \"十五\" }}日内"
        "整改到位，并将整改情况书面反馈本工会。")


def supervision_opinion(b: Builder) -> None:
    _supervision(
        b, "劳动法律监督意见书",
        "根据《中华人民共和国工会法》和《工会劳动法律监督办法》的规定，本工会对你单位执行劳动法律"
        "法规的情况进行了监督。经调查核实，你单位存在以下问题：",
        "本工会提出如下意见：请你单位立即停止侵权行为，依法支付职工"
        "{{ claimed.amount }}（大写：{{ claimed.amount_upper }}），"
        "于收到本意见书之日起{{ doc.days or \"十五\" }}日内整改完毕，并将整改情况书面反馈本工会。"
        "逾期不整改的，本工会将提请有关部门依法处理。")


def supervision_proposal(b: Builder) -> None:
    _supervision(
        b, "劳动法律监督建议书",
        "本工会在开展劳动法律监督工作中发现，{{ respondent.name }}（统一社会信用代码"
        "{{ respondent.credit_code }}）存在以下情况，经本工会发出提示函、意见书后仍未整改：",
        "根据《中华人民共和国工会法》第二十二条和《工会劳动法律监督办法》的规定，"
        "建议贵单位依法对该单位进行调查处理，责令其限期支付职工{{ claimed.amount }}"
        "（大写：{{ claimed.amount_upper }}），并将处理结果告知本工会。",
        addressee='"劳动保障监察机构"')


BUILDERS: dict[str, Callable[[Builder], None]] = {
    "legal_aid_application": legal_aid_application,
    "acceptance_notice": acceptance_notice,
    "refusal_notice": refusal_notice,
    "power_of_attorney": power_of_attorney,
    "agency_agreement": agency_agreement,
    "arbitration_application": arbitration_application,
    "mediation_agreement": mediation_agreement,
    "payment_order_application": payment_order_application,
    "referral_letter": referral_letter,
    "closing_report": closing_report,
    "supervision_reminder": supervision_reminder,
    "supervision_opinion": supervision_opinion,
    "supervision_proposal": supervision_proposal,
}


def main() -> None:
    catalogue = json.loads((HERE / "catalogue.json").read_text(encoding="utf-8"))
    for entry in catalogue["templates"]:
        builder = Builder()
        BUILDERS[entry["id"]](builder)
        builder.save(HERE / entry["file"])
        print(entry["id"], entry["file"])


if __name__ == "__main__":
    main()
