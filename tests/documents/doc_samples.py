"""A realistic case as plain dto objects (no database) for the document tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from legalaid import dto

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)


def _person(pid: str, name: str, id_number: str, **kw: Any) -> dto.PersonInfo:
    base: dict[str, Any] = dict(
        id=pid, office_id="o1", name=name, gender=None, id_number=id_number, birth_date=None,
        phone="13800138000", address="江西省南昌市红谷滩区丰和中大道1号", hukou_type="rural",
        union_member=True, hardship_worker=False, migrant_worker=True,
        employment_form="standard", legal_relation="labour", occupation="钢筋工", version=1,
    )
    base.update(kw)
    return dto.PersonInfo(**base)


def make_detail(**case_kw: Any) -> dto.CaseDetail:
    office = dto.OfficeInfo(
        id="o1", name="南昌市总工会职工法律援助中心", short_name="市总工会", parent_id=None,
        case_prefix="洪工援", number_format="", address="南昌市东湖区八一大道1号",
        phone="0791-12351", version=1,
    )
    staff = dto.StaffInfo(
        id="s1", office_id="o1", name="李律师", username="li", role_code="lawyer",
        phone="13900139000", email=None, active=True, version=1,
    )
    p1 = _person("p1", "张伟", "110101199003074514")
    p2 = _person("p2", "王芳", "110101198512310023", union_member=False)
    emp = dto.EmployerInfo(
        id="e1", office_id="o1", name="南昌宏达建筑劳务有限公司",
        credit_code="91360100MA35F8XXXX", address="南昌市青山湖区高新大道88号",
        legal_representative="赵大勇", industry="建筑业", phone="0791-88888888", version=1,
    )
    case_fields: dict[str, Any] = dict(
        id="c1", office_id="o1", number="洪工援〔2026〕第0123号", year=2026, seq=123,
        title="张伟等2人追索劳动报酬案", status="accepted", outcome="mediated",
        dispute_type="wage_arrears", other_dispute_types=("overtime",), source="walk_in",
        handling_method="arbitration_agency", received_on=date(2026, 3, 1),
        accepted_on=date(2026, 3, 2), closed_on=date(2026, 6, 30), lead_staff_id="s1",
        consultation_id=None, worker_count=2, amount_claimed_fen=439110000,
        amount_awarded_fen=None,
        facts="申请人于2023年3月1日入职被申请人，从事钢筋工工作，约定月工资人民币8,000元。\n"
              "被申请人自2025年7月起拖欠申请人工资，经多次催讨未果。",
        claims_text="3.裁决被申请人支付延时加班费人民币12,000元",
        refusal_reason="申请事项不属于劳动争议范围",
        closing_summary="本案经调解结案，款项已全部追回。",
        reopen_reason=None, urgent=False, archived=False, version=1, updated_at=NOW,
    )
    case_fields.update(case_kw)
    case = dto.CaseInfo(**case_fields)
    claims = (
        dto.WageClaimInfo("w1", "c1", "p1", "张伟", "e1", "南昌宏达建筑劳务有限公司",
                          date(2025, 7, 1), date(2025, 12, 31), 439110000, "拖欠的工资", 1),
    )
    mediation = dto.MediationInfo(
        id="m1", case_id="c1", referral_id=None, stage="pre_arbitration", mediator_id="s1",
        mediator_name="陈调解员", started_on=date(2026, 3, 5), status="agreed",
        agreement_on=date(2026, 3, 8), agreement_amount_fen=12345000,
        performance_deadline=date(2026, 4, 30), performance="pending", performed_on=None,
        confirmation="none", confirmed_on=None, notes=None, sessions=(), version=1,
    )
    referral = dto.ReferralInfo(
        id="r1", case_id="c1", direction="outgoing", body_type="arbitration",
        body_name="南昌市劳动人事争议仲裁委员会", kind="transfer", their_reference=None,
        sent_on=date(2026, 3, 9), accepted_on=None, status="sent", outcome=None,
        outcome_on=None, notes=None, version=1,
    )
    recovery = dto.RecoveryInfo(
        id="rc1", case_id="c1", received_on=date(2026, 4, 20), amount_fen=12345000,
        kind="wage_arrears", channel="employer", payer="南昌宏达建筑劳务有限公司",
        person_id="p1", person_name="张伟", wage_claim_id="w1", note=None, created_at=NOW,
    )
    return dto.CaseDetail(
        case=case, office=office, lead_staff=staff, assisting_staff=(),
        applicants=(dto.ApplicantInfo("l1", p1, "applicant", 0),
                    dto.ApplicantInfo("l2", p2, "applicant", 1)),
        respondents=(dto.RespondentInfo("rl1", emp, "employer", None, 0),),
        claims=claims, recoveries=(recovery,), instalments=(), referrals=(referral,),
        mediations=(mediation,), proceedings=(), deadlines=(), notes=(), documents=(),
        totals=dto.CaseTotals(claimed_fen=439110000, awarded_fen=0, recovered_fen=12345000,
                              wage_recovered_fen=12345000, outstanding_fen=426765000),
        allowed_transitions=(),
    )


def with_person(detail: dto.CaseDetail, **kw: Any) -> dto.CaseDetail:
    """The detail with the first applicant changed."""
    first = detail.applicants[0]
    new = replace(first, person=replace(first.person, **kw))
    return replace(detail, applicants=(new, *detail.applicants[1:]))


