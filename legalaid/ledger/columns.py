"""The ledger (台账) format: sheet and column names, and each office's own words for
the app's categories.

Offices keep their records in Excel with their own wording ("欠薪" for 拖欠工资,
"仲裁委" for 劳动人事争议仲裁委员会). The maps below take the usual words and their
synonyms to the app's codes; a value not in a map is kept as 其他 with a warning naming
it, never rejected.
"""

from __future__ import annotations

import re
import unicodedata

from legalaid.vocab import (
    BODY_TYPES,
    CASE_SOURCES,
    CHANNELS,
    DISPUTE_TYPES,
    EMPLOYMENT_FORMS,
    HANDLING_METHODS,
    Vocabulary,
)

CASE_SHEET = "案件"
CONSULTATION_SHEET = "咨询"

CASE_COLUMNS: tuple[str, ...] = (
    "案件编号",
    "受理日期",
    "结案日期",
    "申请人",
    "身份证号",
    "联系电话",
    "用人单位",
    "统一社会信用代码",
    "案由",
    "案件来源",
    "涉及职工人数",
    "农民工",
    "新就业形态",
    "困难职工",
    "承办人",
    "办理方式",
    "转介去向",
    "诉求金额",
    "挽回经济损失",
    "其中追回欠薪",
    "案件状态",
    "备注",
)

CONSULTATION_COLUMNS: tuple[str, ...] = (
    "咨询日期",
    "咨询方式",
    "咨询人",
    "联系电话",
    "问题类别",
    "答复摘要",
    "接待人",
    "是否转立案",
)

#: Columns a sheet cannot be read without (the others may be missing from a header).
REQUIRED_CASE_COLUMNS = ("案件编号", "受理日期", "申请人")
REQUIRED_CONSULTATION_COLUMNS = ("咨询日期", "咨询人")

#: Several names, ID numbers, phones or employers in one cell are separated by these.
SEPARATORS = re.compile(r"[、,，;；]")
JOINER = "、"

STATUS_OPEN = "在办"
STATUS_CLOSED = "已结案"
STATUS_REFUSED = "不予受理"

YES = "是"
NO = "否"
_YES_WORDS = {"是", "y", "yes", "true", "1", "√", "✓", "有"}
_NO_WORDS = {"否", "n", "no", "false", "0", "×", "✗", "无", "不是", ""}


def norm(text: str) -> str:
    """Compare form of a category word: NFKC (full-width → half-width), no spaces,
    lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def _map(vocab: Vocabulary, synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Word → code: each term's Chinese and English label and code, then synonyms."""
    out: dict[str, str] = {}
    for term in vocab:
        for word in (term.zh, term.en, term.code):
            out[norm(word)] = term.code
    for code, words in synonyms.items():
        for word in words:
            out[norm(word)] = code
    return out


DISPUTE_MAP = _map(
    DISPUTE_TYPES,
    {
        "wage_arrears": (
            "欠薪",
            "追讨欠薪",
            "拖欠劳动报酬",
            "劳动报酬",
            "工资",
            "讨薪",
            "拖欠工资纠纷",
            "追索劳动报酬",
        ),
        "severance": ("经济补偿金", "赔偿金", "解除劳动合同经济补偿", "经济补偿纠纷", "经济赔偿"),
        "work_injury": ("工伤", "工伤赔偿", "工伤保险待遇", "工伤待遇纠纷", "工伤认定"),
        "social_insurance": (
            "社保",
            "社会保险待遇",
            "养老保险",
            "医疗保险",
            "社保纠纷",
            "社会保险纠纷",
        ),
        "labour_contract": (
            "劳动合同纠纷",
            "未签劳动合同",
            "未签订劳动合同",
            "二倍工资",
            "双倍工资",
        ),
        "overtime": ("加班工资", "加班费纠纷"),
        "labour_relation": ("劳动关系确认", "劳动关系", "确认劳动关系纠纷"),
        "dismissal": ("违法解除劳动合同", "违法辞退", "非法解除", "违法解除劳动合同纠纷"),
    },
)

SOURCE_MAP = _map(
    CASE_SOURCES,
    {
        "walk_in": ("来访", "上门", "现场", "来人来访", "窗口"),
        "hotline_12351": ("12351", "热线", "职工热线", "12351职工服务热线"),
        "phone": ("来电", "电话求助"),
        "online": ("网上", "线上", "微信", "在线", "网络平台", "小程序"),
        "court_delegated": ("法院委托", "法院", "法院委派调解", "人民法院委派"),
        "arbitration_referred": (
            "仲裁委",
            "仲裁院转来",
            "劳动仲裁委转来",
            "仲裁转来",
            "仲裁委员会转来",
        ),
        "inspection_referred": ("监察转来", "劳动监察", "劳动保障监察转来", "监察大队转来"),
    },
)

METHOD_MAP = _map(
    HANDLING_METHODS,
    {
        "document_drafting": ("代书", "代写文书", "法律咨询", "咨询", "代写法律文书"),
        "negotiation_mediation": ("调解", "协商", "协调", "调解协商", "协商和解"),
        "arbitration_agency": ("代理仲裁", "仲裁", "劳动仲裁代理"),
        "litigation_agency": ("代理诉讼", "诉讼", "起诉"),
        "payment_order": ("申请支付令",),
        "referral": ("转交", "转办", "移送"),
    },
)

BODY_MAP = _map(
    BODY_TYPES,
    {
        "court": ("人民法院", "法院"),
        "arbitration": (
            "劳动人事争议仲裁委员会",
            "仲裁委",
            "劳动仲裁委",
            "仲裁院",
            "劳动争议仲裁委员会",
            "劳动人事争议仲裁院",
        ),
        "labour_inspection": ("劳动监察", "劳动监察大队", "监察大队", "劳动保障监察支队"),
        "hrss": ("人社局", "人力资源和社会保障局", "人社部门", "人力资源社会保障局"),
        "legal_aid_centre": ("司法局", "法律援助中心", "司法局法律援助中心", "法援中心"),
        "union": ("工会", "上级工会"),
        "mediation_room": ("调解委员会", "人民调解委员会", "调解室"),
    },
)

#: 新就业形态: only the new forms (and "no"); other employment forms are not asked here.
NEW_FORM_MAP = {
    **{
        k: v
        for k, v in _map(EMPLOYMENT_FORMS, {}).items()
        if v
        in ("delivery_rider", "courier", "ride_hailing", "livestreamer", "truck_driver", "other")
    },
    **{
        norm(w): code
        for code, words in {
            "delivery_rider": ("骑手", "外卖员", "外卖送餐员", "送餐员", "网约配送员"),
            "courier": ("快递小哥", "快递", "快递员工"),
            "ride_hailing": ("网约车", "网约车驾驶员", "专车司机"),
            "livestreamer": ("主播", "带货主播"),
            "truck_driver": ("卡车司机", "货运司机", "网络货运司机"),
        }.items()
        for w in words
    },
}
NOT_NEW_FORM = {norm(w) for w in ("否", "无", "不是", "非", "no", "n", "")}

CHANNEL_MAP = _map(
    CHANNELS,
    {
        "walk_in": ("上门", "现场", "来人", "窗口", "来访咨询"),
        "phone": ("来电", "电话咨询"),
        "hotline_12351": ("12351", "热线", "职工热线", "热线电话"),
        "online": ("网上", "线上", "微信", "在线", "网络咨询", "小程序"),
        "outreach": ("宣讲", "外出", "普法宣传", "送法上门", "现场宣讲", "进企业"),
    },
)

STATUS_MAP = {
    **{
        norm(w): "open"
        for w in ("在办", "办理中", "未结", "未结案", "进行中", "在办中", "正在办理")
    },
    **{norm(w): "closed" for w in ("已结案", "结案", "已结", "办结", "已办结", "已完成")},
    **{norm(w): "refused" for w in ("不予受理", "不受理", "未受理")},
}


def flag(value: str) -> bool | None:
    """是/否 (and Y/N, 1/0, √/×) → bool; None when the text is neither."""
    word = norm(value)
    if word in _YES_WORDS:
        return True
    if word in _NO_WORDS:
        return False
    return None
