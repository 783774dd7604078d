"""What each figure of a summary counts. The same text is written into every format
(PDF, .docx, .xlsx, CSV and JSON), so a number means the same thing wherever it is read."""

from __future__ import annotations

from dataclasses import dataclass

#: A case with at least this many workers is a group case (群体性案件). 劳动争议调解仲裁法
#: Art. 7 lets ten or more workers with a common claim act through representatives.
GROUP_CASE_MIN_WORKERS = 10
SETTING_GROUP_MIN = "report.group_case_min_workers"


@dataclass(frozen=True)
class Definition:
    key: str
    term: str
    text: str


def definitions(group_min: int = GROUP_CASE_MIN_WORKERS) -> tuple[Definition, ...]:
    """The definitions, in the order a report prints them."""
    return (
        Definition(
            "period",
            "统计期间",
            "按北京时间（UTC+8）的自然日计算，起止日均包含在内；已作废（归档）的记录不计入。",
        ),
        Definition(
            "consultations",
            "咨询",
            "咨询日期在统计期间内的咨询登记，每条登记计一次，按咨询方式和问题类别分列。",
        ),
        Definition(
            "cases_accepted",
            "受理案件",
            "受理日期在统计期间内的案件；尚在登记、审查或不予受理的案件不计入。",
        ),
        Definition(
            "cases_closed",
            "结案",
            "结案日期在统计期间内且目前状态为已结案的案件；结案后又重新办理的案件以最近一次结案日期为准。",
        ),
        Definition(
            "cases_open_at_end",
            "期末在办",
            "受理日期不晚于统计截止日，且截止日时尚未结案（无结案日期或结案日期晚于截止日）的案件。",
        ),
        Definition(
            "workers_benefited",
            "受益职工",
            "统计期间受理案件涉及的职工人数（每案取“涉及职工人数”与登记申请人数中的较大者）；"
            "农民工、新就业形态劳动者、困难职工、工会会员按申请人登记的身份计数，"
            "未逐一登记的其余职工按第一申请人的身份计入。",
        ),
        Definition(
            "group_cases",
            "群体性案件",
            f"统计期间受理、涉及职工{group_min}人以上的案件（劳动争议调解仲裁法第七条）。",
        ),
        Definition(
            "economic_loss_recovered",
            "挽回经济损失",
            "到账日期在统计期间内的全部追回款项（欠薪、经济补偿或赔偿、工伤待遇、社会保险等）之和；"
            "台账导入的案件所记金额，以结案日期（未结案的以受理日期）为到账日期计入。"
            "冲销（归档）的款项不计入。",
        ),
        Definition(
            "wage_arrears_recovered",
            "追回欠薪",
            "挽回经济损失中款项类别为欠薪的部分，另行列出；台账导入的“其中追回欠薪”按同一日期规则计入。",
        ),
        Definition(
            "referrals",
            "转介",
            "发出日期在统计期间内、由本单位转出的案件，按转介去向分列；办理结果为截至报表生成时的状态。",
        ),
        Definition(
            "mediations",
            "调解",
            "开始日期在统计期间内的调解；仲裁前调解与仲裁后调解（仲裁中、诉前、诉讼中）分列。"
            "调解成功率 = 达成协议数 ÷ 已结束调解数（达成协议、调解不成、撤回），"
            "尚在调解中的不计入分母。",
        ),
        Definition(
            "average_days_to_close",
            "平均办结天数",
            "统计期间结案案件自受理日期至结案日期的自然日数的平均值。",
        ),
        Definition(
            "deadlines_missed",
            "超期期限",
            "届满日在统计期间内且早于报表生成日、未在届满日当日（含）之前完成的期限。",
        ),
        Definition(
            "workload",
            "工作量",
            "按承办人（案件主办人员）统计受理、结案和期末在办案件，按接待人统计咨询，按责任人统计超期期限。",
        ),
        Definition(
            "comparison",
            "对比",
            "上期为上一个月（年度报表为上一年，自定义期间为紧邻其前的等长期间）；"
            "上年同期为上一年的同一月份或期间；本年累计为当年1月1日至统计截止日。",
        ),
    )
