"""Chinese names of input fields, for messages shown to people.

Field names in errors may carry a list prefix (``applicants[3].id_number``); the label
is looked up by the last part.
"""

from __future__ import annotations

from legalaid.rules.dates import FIELD_LABELS_ZH as _DATE_LABELS

FIELD_LABELS_ZH: dict[str, str] = {
    **_DATE_LABELS,
    "name": "姓名/名称",
    "phone": "联系电话",
    "id_number": "身份证号",
    "address": "地址",
    "gender": "性别",
    "occupation": "职业",
    "health_notes": "健康情况",
    "notes": "备注",
    "note": "备注",
    "credit_code": "统一社会信用代码",
    "legal_representative": "法定代表人",
    "industry": "行业",
    "title": "案件名称",
    "facts": "事实与理由",
    "claims_text": "请求事项",
    "caller_name": "咨询人",
    "caller_phone": "联系电话",
    "employer_name": "用人单位",
    "question": "咨询问题",
    "answer_summary": "答复摘要",
    "body": "内容",
    "reason": "理由",
    "summary": "结案小结",
    "payer": "付款方",
    "body_name": "机构名称",
    "their_reference": "对方文号",
    "place": "地点",
    "result": "结果",
    "outcome": "结案结果",
    "tribunal_number": "仲裁/诉讼案号",
    "short_name": "简称",
    "case_prefix": "案号前缀",
    "username": "用户名",
    "email": "电子邮箱",
    "description": "说明",
    "amount": "金额",
    "amount_claimed": "诉求金额",
    "amount_awarded": "裁判金额",
    "received_on": "登记日期",
    "sent_on": "发出日期",
    "started_on": "开始日期",
    "performance_deadline": "履行期限",
    "name_zh": "中文名称",
    "name_en": "英文名称",
    "code": "代码",
}


def label_zh(field: str) -> str:
    """The Chinese name of ``field`` (or the field itself when none is known)."""
    base = field.rsplit(".", 1)[-1]
    return FIELD_LABELS_ZH.get(base, base)
