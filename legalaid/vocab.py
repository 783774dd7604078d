"""Controlled vocabularies: stable English codes stored in the database, Chinese and
English labels shown to people. Reports, forms and importers all read these tables, so
a code means the same thing everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from legalaid.errors import ValidationError


@dataclass(frozen=True)
class Term:
    code: str
    zh: str
    en: str


class Vocabulary:
    """An ordered set of terms, looked up by code."""

    def __init__(self, name: str, terms: list[Term], name_zh: str = "") -> None:
        self.name = name
        self.name_zh = name_zh or name
        self.terms: tuple[Term, ...] = tuple(terms)
        self._by_code = {t.code: t for t in terms}

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.terms)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.terms)

    def zh(self, code: str | None) -> str:
        if code is None:
            return ""
        term = self._by_code.get(code)
        return term.zh if term else code

    def en(self, code: str | None) -> str:
        if code is None:
            return ""
        term = self._by_code.get(code)
        return term.en if term else code

    def label(self, code: str | None, lang: str = "zh") -> str:
        return self.zh(code) if lang.startswith("zh") else self.en(code)

    def check(self, code: str | None, field: str, *, required: bool = True) -> str | None:
        """Return ``code`` if it belongs here, else raise a field-named ValidationError."""
        if not isinstance(code, str | None):
            raise ValidationError.single(
                field,
                "type",
                f"{self.name_zh}必须是文本代码",
                f"The {self.name} must be a text code",
            )
        if code is None or code == "":
            if required:
                raise ValidationError.single(
                    field, "required", f"请选择{self.name_zh}", f"Choose a {self.name}"
                )
            return None
        if code not in self._by_code:
            raise ValidationError.single(
                field,
                "unknown_code",
                f"“{code}”不是有效的{self.name_zh}",
                f"'{code}' is not a valid {self.name}",
            )
        return code


def _v(name: str, *rows: tuple[str, str, str]) -> Vocabulary:
    return Vocabulary(name, [Term(*r) for r in rows], _NAMES_ZH.get(name, name))


_NAMES_ZH = {
    "channel": "咨询方式",
    "dispute type": "案由",
    "case source": "案件来源",
    "handling method": "办理方式",
    "case status": "案件状态",
    "outcome": "结案结果",
    "body": "机构类别",
    "referral kind": "转介类型",
    "referral status": "转介状态",
    "mediation stage": "调解阶段",
    "mediation status": "调解状态",
    "performance": "履行情况",
    "judicial confirmation": "司法确认",
    "proceeding": "程序类别",
    "award kind": "裁判类别",
    "recovery channel": "追回渠道",
    "recovery kind": "款项类别",
    "employment form": "用工形式",
    "legal relation": "法律关系",
    "hukou": "户籍类别",
    "gender": "性别",
    "respondent role": "被申请人类别",
    "party role": "当事人类别",
    "role": "角色",
}


CHANNELS = _v(
    "channel",
    ("walk_in", "来访", "Walk-in"),
    ("phone", "电话", "Phone"),
    ("hotline_12351", "12351热线", "12351 hotline"),
    ("online", "网络", "Online"),
    ("outreach", "外出宣讲", "Outreach"),
    ("other", "其他", "Other"),
)

DISPUTE_TYPES = _v(
    "dispute type",
    ("wage_arrears", "拖欠工资", "Wage arrears"),
    ("severance", "经济补偿", "Severance / compensation"),
    ("work_injury", "工伤待遇", "Work-injury benefits"),
    ("social_insurance", "社会保险", "Social insurance"),
    ("labour_contract", "劳动合同", "Labour contract"),
    ("overtime", "加班费", "Overtime pay"),
    ("labour_relation", "确认劳动关系", "Confirming an employment relation"),
    ("dismissal", "违法解除", "Unlawful dismissal"),
    ("other", "其他", "Other"),
)

CASE_SOURCES = _v(
    "case source",
    ("walk_in", "来访", "Walk-in"),
    ("hotline_12351", "12351热线", "12351 hotline"),
    ("phone", "电话", "Phone"),
    ("online", "网络", "Online"),
    ("court_delegated", "法院委派", "Delegated by a court"),
    ("arbitration_referred", "仲裁委转来", "Referred by an arbitration commission"),
    ("inspection_referred", "劳动监察转来", "Referred by labour inspection"),
    ("other", "其他", "Other"),
)

HANDLING_METHODS = _v(
    "handling method",
    ("document_drafting", "咨询代书", "Advice and document drafting"),
    ("negotiation_mediation", "协商调解", "Negotiation and mediation"),
    ("arbitration_agency", "仲裁代理", "Arbitration representation"),
    ("litigation_agency", "诉讼代理", "Litigation representation"),
    ("payment_order", "支付令", "Payment order"),
    ("referral", "转介", "Referral"),
    ("other", "其他", "Other"),
)

CASE_STATUSES = _v(
    "case status",
    ("intake", "登记", "Intake"),
    ("eligibility_review", "审查", "Eligibility review"),
    ("accepted", "已受理", "Accepted"),
    ("refused", "不予受理", "Refused"),
    ("negotiation", "协商中", "Negotiation"),
    ("mediation", "调解中", "Mediation"),
    ("arbitration", "仲裁中", "Arbitration"),
    ("litigation", "诉讼中", "Litigation"),
    ("payment_order", "支付令", "Payment order"),
    ("referred", "已转介", "Referred"),
    ("closed", "已结案", "Closed"),
)

OUTCOMES = _v(
    "outcome",
    ("mediated", "调解成功", "Settled by mediation"),
    ("negotiated", "协商解决", "Settled by negotiation"),
    ("award_won", "仲裁支持", "Award in the worker's favour"),
    ("award_partial", "仲裁部分支持", "Award partly in favour"),
    ("award_lost", "仲裁驳回", "Award against the worker"),
    ("judgment_won", "判决支持", "Judgment in the worker's favour"),
    ("judgment_partial", "判决部分支持", "Judgment partly in favour"),
    ("judgment_lost", "判决驳回", "Judgment against the worker"),
    ("paid_by_order", "支付令履行", "Paid under a payment order"),
    ("referred_out", "转介结案", "Closed by referral"),
    ("withdrawn", "撤回", "Withdrawn"),
    ("refused", "不予受理", "Refused"),
    ("advice_only", "解答咨询", "Advice given"),
    ("other", "其他", "Other"),
)

BODY_TYPES = _v(
    "body",
    ("court", "法院", "Court"),
    ("arbitration", "劳动人事争议仲裁委员会", "Labour dispute arbitration commission"),
    ("labour_inspection", "劳动保障监察", "Labour inspection"),
    ("hrss", "人社部门", "HR and social security bureau"),
    ("legal_aid_centre", "司法局/法律援助中心", "Judicial bureau / legal-aid centre"),
    ("union", "其他工会", "Another union"),
    ("mediation_room", "调解组织", "Mediation organisation"),
    ("other", "其他", "Other"),
)

REFERRAL_KINDS = _v(
    "referral kind",
    ("delegated_mediation", "委派调解", "Delegated (pre-filing) mediation"),
    ("entrusted_mediation", "委托调解", "Entrusted mediation"),
    ("transfer", "移送", "Transfer"),
    ("complaint", "投诉举报", "Complaint"),
    ("legal_aid", "法律援助指派", "Legal-aid assignment"),
    ("other", "其他", "Other"),
)

REFERRAL_STATUSES = _v(
    "referral status",
    ("sent", "已发出", "Sent"),
    ("accepted", "已接收", "Accepted"),
    ("in_progress", "办理中", "In progress"),
    ("completed", "已办结", "Completed"),
    ("returned", "已退回", "Returned"),
    ("rejected", "不予受理", "Rejected"),
)

MEDIATION_STAGES = _v(
    "mediation stage",
    ("pre_arbitration", "仲裁前调解", "Before arbitration"),
    ("in_arbitration", "仲裁中调解", "During arbitration"),
    ("pre_litigation", "诉前调解", "Before litigation"),
    ("in_litigation", "诉讼中调解", "During litigation"),
)

MEDIATION_STATUSES = _v(
    "mediation status",
    ("ongoing", "调解中", "Ongoing"),
    ("agreed", "达成协议", "Agreement reached"),
    ("failed", "调解不成", "Failed"),
    ("withdrawn", "撤回", "Withdrawn"),
)

PERFORMANCE = _v(
    "performance",
    ("pending", "待履行", "Pending"),
    ("partial", "部分履行", "Partly performed"),
    ("full", "已履行", "Performed"),
    ("defaulted", "未履行", "Not performed"),
)

CONFIRMATION = _v(
    "judicial confirmation",
    ("none", "未申请", "Not applied"),
    ("applied", "已申请", "Applied"),
    ("confirmed", "已确认", "Confirmed"),
    ("rejected", "不予确认", "Rejected"),
)

PROCEEDING_KINDS = _v(
    "proceeding",
    ("arbitration", "劳动仲裁", "Labour arbitration"),
    ("first_instance", "一审", "First instance"),
    ("second_instance", "二审", "Second instance"),
    ("payment_order", "支付令", "Payment order"),
    ("enforcement", "强制执行", "Enforcement"),
)

AWARD_KINDS = _v(
    "award kind",
    ("final", "终局裁决", "Final award"),
    ("non_final", "非终局裁决", "Non-final award"),
    ("judgment", "判决", "Judgment"),
    ("mediation_statement", "调解书", "Mediation statement"),
    ("ruling", "裁定", "Ruling"),
)

RECOVERY_CHANNELS = _v(
    "recovery channel",
    ("employer", "用人单位支付", "Paid by the employer"),
    ("general_contractor", "总包单位垫付", "Advanced by the general contractor"),
    ("guarantee_deposit", "工资保证金", "Wage guarantee deposit"),
    ("court_enforcement", "法院执行", "Court enforcement"),
    ("advance_fund", "应急周转金", "Emergency wage fund"),
    ("other", "其他", "Other"),
)

RECOVERY_KINDS = _v(
    "recovery kind",
    ("wage_arrears", "欠薪", "Wage arrears"),
    ("compensation", "经济补偿/赔偿", "Compensation"),
    ("injury", "工伤待遇", "Injury benefits"),
    ("social_insurance", "社会保险", "Social insurance"),
    ("other", "其他", "Other"),
)

EMPLOYMENT_FORMS = _v(
    "employment form",
    ("standard", "全日制用工", "Standard employment"),
    ("dispatch", "劳务派遣", "Agency (dispatch) work"),
    ("part_time", "非全日制", "Part-time"),
    ("flexible", "灵活就业", "Flexible employment"),
    ("delivery_rider", "外卖骑手", "Delivery rider"),
    ("courier", "快递员", "Courier"),
    ("ride_hailing", "网约车司机", "Ride-hailing driver"),
    ("livestreamer", "网络主播", "Livestreamer"),
    ("truck_driver", "货车司机", "Truck driver"),
    ("other", "其他", "Other"),
)
NEW_EMPLOYMENT_FORMS = frozenset(
    {"delivery_rider", "courier", "ride_hailing", "livestreamer", "truck_driver"}
)

LEGAL_RELATIONS = _v(
    "legal relation",
    ("labour", "劳动关系", "Employment relation"),
    ("incomplete", "不完全符合确立劳动关系情形", "Not fully an employment relation"),
    ("civil", "民事关系", "Civil relation"),
    ("unknown", "待确定", "Undetermined"),
)

HUKOU_TYPES = _v(
    "hukou",
    ("urban", "城镇", "Urban"),
    ("rural", "农业", "Rural"),
    ("other", "其他", "Other"),
)

GENDERS = _v("gender", ("M", "男", "Male"), ("F", "女", "Female"))

RESPONDENT_ROLES = _v(
    "respondent role",
    ("employer", "用人单位", "Employer"),
    ("general_contractor", "总承包单位", "General contractor"),
    ("subcontractor", "分包单位", "Subcontractor"),
    ("labour_contractor", "劳务分包/包工头", "Labour contractor"),
    ("guarantor", "连带责任方", "Jointly liable party"),
    ("platform", "平台企业", "Platform company"),
)

APPLICANT_ROLES = _v(
    "party role",
    ("applicant", "申请人", "Applicant"),
    ("representative", "代表人", "Group representative"),
)

ROLES = _v(
    "role",
    ("lawyer", "律师", "Lawyer"),
    ("mediator", "调解员", "Mediator"),
    ("coordinator", "劳动关系协调师", "Labour-relations coordinator"),
    ("counsellor", "心理咨询师", "Counsellor"),
    ("supervisor", "主管", "Supervisor"),
    ("admin", "管理员", "Administrator"),
)
