"""The template context: a plain dict of strings and lists built from a case.

Everything a template shows is already formatted here (amounts as ``¥4,391,100.00`` and in
大写, dates as ``2026年3月1日``, codes as their Chinese labels) so that a template edited
in Word needs nothing but ``{{ applicant.name }}``. Keys:

* ``today``, ``today_upper`` (二〇二六年十一月二十四日)
* ``office``: name, short_name, address, phone
* ``staff`` (the lawyer or mediator in charge): name, phone, email, role
* ``case``: number, title, status, dispute_types, source, handling_method, outcome,
  received_on, accepted_on, closed_on, worker_count, facts, facts_paragraphs,
  facts_summary, claims_text, refusal_reason, closing_summary, closing_paragraphs
* ``applicants`` / ``applicant`` (the first): name, gender, birth_date, id_number, phone,
  address, hukou_type, employment_form, legal_relation, occupation, union_member,
  hardship_worker, migrant_worker, role; ``applicant_names``, ``other_applicant_names``
* ``respondents`` / ``respondent``: name, credit_code, address, legal_representative,
  phone, industry, role; ``respondent_names``
* ``claims``: person, employer, period, description, amount, amount_upper;
  ``claim_lines``: numbered requests (``no`` 一/二…, ``text``)
* money totals ``claimed``, ``awarded``, ``recovered``, ``outstanding``: fen, amount,
  amount_upper, yuan
* ``recoveries``, ``instalments``, ``mediation`` (latest agreement), ``mediations``,
  ``proceeding`` (latest), ``referral`` (latest sent out), ``steps`` (what was done, dated),
  ``evidence`` (no, name, purpose, pages)
* ``doc``: values given for this document only (``--set doc.court=…``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from legalaid import dto, vocab
from legalaid.rules.dates import chinese_date, chinese_date_upper
from legalaid.rules.money import amount_in_words, format_yuan, yuan_str

_NUMERALS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 25 → 二十五 (list numbering 一、二、…)."""
    if n < 10:
        return _NUMERALS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _NUMERALS[tens]) + "十" + (_NUMERALS[ones] if ones else "")
    return str(n)


def _d(value: date | None) -> str:
    return chinese_date(value) if value else ""


def money(fen: int | None) -> dict[str, Any]:
    """An amount in every form templates use; empty strings when there is no amount."""
    if fen is None:
        return {"fen": None, "amount": "", "amount_upper": "", "yuan": ""}
    return {
        "fen": fen,
        "amount": format_yuan(fen),
        "amount_upper": amount_in_words(fen),
        "yuan": yuan_str(fen),
    }


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def _paragraphs(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _from_id(id_number: str | None) -> tuple[date | None, str | None]:
    """Birth date and gender read from an 18-character ID number."""
    if not id_number or len(id_number) != 18 or not id_number[:17].isdigit():
        return None, None
    try:
        birth = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        birth = None
    return birth, ("男" if int(id_number[16]) % 2 else "女")


def person(p: dto.PersonInfo, role: str = "applicant") -> dict[str, Any]:
    birth, gender = _from_id(p.id_number)
    return {
        "name": p.name,
        "gender": vocab.GENDERS.zh(p.gender) if p.gender else (gender or ""),
        "birth_date": _d(p.birth_date or birth),
        "id_number": p.id_number or "",
        "phone": p.phone or "",
        "address": p.address or "",
        "hukou_type": vocab.HUKOU_TYPES.zh(p.hukou_type),
        "employment_form": vocab.EMPLOYMENT_FORMS.zh(p.employment_form),
        "legal_relation": vocab.LEGAL_RELATIONS.zh(p.legal_relation),
        "occupation": p.occupation or "",
        "union_member": _yes(p.union_member),
        "hardship_worker": _yes(p.hardship_worker),
        "migrant_worker": _yes(p.migrant_worker),
        "role": vocab.APPLICANT_ROLES.zh(role),
    }


def employer(e: dto.EmployerInfo, role: str = "employer") -> dict[str, Any]:
    return {
        "name": e.name,
        "credit_code": e.credit_code or "",
        "address": e.address or "",
        "legal_representative": e.legal_representative or "",
        "phone": e.phone or "",
        "industry": e.industry or "",
        "role": vocab.RESPONDENT_ROLES.zh(role),
    }


def _period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{start.year}年{start.month}月至{end.year}年{end.month}月"
    if start:
        return f"{start.year}年{start.month}月起"
    return ""


def _claims(detail: dto.CaseDetail) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    claims = []
    texts = []
    for c in detail.claims:
        m = money(c.amount_fen)
        what = c.description or "拖欠的工资"
        period = _period(c.period_start, c.period_end)
        claims.append({
            "person": c.person_name,
            "employer": c.employer_name or "",
            "period": period,
            "description": what,
            **m,
        })
        payer = c.employer_name or "被申请人"
        texts.append(
            f"请求裁决{payer}支付{c.person_name}{period}{what}{m['amount']}"
            f"（大写：人民币{m['amount_upper']}）"
        )
    for line in _paragraphs(detail.case.claims_text):
        texts.append(line.lstrip("0123456789一二三四五六七八九十、.．)） "))
    lines = [{"no": chinese_number(i), "text": t} for i, t in enumerate(texts, 1)]
    return claims, lines


def _mediation(detail: dto.CaseDetail) -> dict[str, Any]:
    agreed = [m for m in detail.mediations if m.agreement_on is not None]
    chosen = max(agreed or list(detail.mediations), key=lambda m: m.started_on, default=None)
    if chosen is None:
        return {}
    m = money(chosen.agreement_amount_fen)
    return {
        "mediator": chosen.mediator_name or "",
        "stage": vocab.MEDIATION_STAGES.zh(chosen.stage),
        "status": vocab.MEDIATION_STATUSES.zh(chosen.status),
        "started_on": _d(chosen.started_on),
        "agreement_on": _d(chosen.agreement_on),
        "deadline": _d(chosen.performance_deadline),
        "performance": vocab.PERFORMANCE.zh(chosen.performance),
        "confirmation": vocab.CONFIRMATION.zh(chosen.confirmation),
        **m,
    }


_REFERRAL_VERB = {"transfer": "移送", "complaint": "转交", "delegated_mediation": "委派调解"}


def _referral(r: dto.ReferralInfo) -> dict[str, Any]:
    return {
        "body_type": vocab.BODY_TYPES.zh(r.body_type),
        "body_name": r.body_name,
        "kind": _REFERRAL_VERB.get(r.kind, "转介"),
        "kind_label": vocab.REFERRAL_KINDS.zh(r.kind),
        "letter_title": "移送函" if r.kind == "transfer" else "转介函",
        "their_reference": r.their_reference or "",
        "sent_on": _d(r.sent_on),
        "status": vocab.REFERRAL_STATUSES.zh(r.status),
        "outcome": r.outcome or "",
    }


def _proceeding(p: dto.ProceedingInfo) -> dict[str, Any]:
    return {
        "kind": vocab.PROCEEDING_KINDS.zh(p.kind),
        "body_name": p.body_name,
        "tribunal_number": p.tribunal_number or "",
        "applied_on": _d(p.applied_on),
        "accepted_on": _d(p.accepted_on),
        "decision_kind": vocab.AWARD_KINDS.zh(p.decision_kind),
        "result": p.result or "",
        "appeal_deadline": _d(p.appeal_deadline),
        **money(p.amount_awarded_fen),
    }


def _steps(detail: dto.CaseDetail) -> list[str]:
    dated: list[tuple[date, str]] = []
    for m in detail.mediations:
        text = f"{_d(m.started_on)}，开始{vocab.MEDIATION_STAGES.zh(m.stage)}"
        if m.agreement_on:
            amount = money(m.agreement_amount_fen)["amount"]
            text += f"，{_d(m.agreement_on)}达成调解协议，金额{amount}"
        dated.append((m.started_on, text + "。"))
    for p in detail.proceedings:
        text = f"{_d(p.applied_on)}，向{p.body_name}提起{vocab.PROCEEDING_KINDS.zh(p.kind)}"
        if p.tribunal_number:
            text += f"（案号：{p.tribunal_number}）"
        if p.result:
            text += f"，结果：{p.result}"
        dated.append((p.applied_on, text + "。"))
    for r in detail.referrals:
        verb = "转来" if r.direction == "incoming" else _REFERRAL_VERB.get(r.kind, "转介")
        text = f"{_d(r.sent_on)}，{verb}{r.body_name}（{vocab.REFERRAL_KINDS.zh(r.kind)}）"
        if r.outcome:
            text += f"，结果：{r.outcome}"
        dated.append((r.sent_on, text + "。"))
    dated.sort(key=lambda item: item[0])
    return [text for _, text in dated]


def _evidence(detail: dto.CaseDetail) -> list[dict[str, str]]:
    files = [d for d in detail.documents if d.kind == "attachment"]
    if not files:  # blank rows to fill in by hand
        return [{"no": str(i), "name": "", "purpose": "", "pages": ""} for i in range(1, 4)]
    return [
        {"no": str(i), "name": d.title, "purpose": "", "pages": ""}
        for i, d in enumerate(files, 1)
    ]


def build_context(
    detail: dto.CaseDetail,
    today: date | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The context every template is rendered with (see the module docstring)."""
    case = detail.case
    today = today or date.today()
    applicants = [person(a.person, a.role) for a in detail.applicants]
    respondents = [employer(r.employer, r.role) for r in detail.respondents]
    claims, claim_lines = _claims(detail)
    facts = _paragraphs(case.facts)
    staff = detail.lead_staff
    outgoing = [r for r in detail.referrals if r.direction != "incoming"]
    referral = max(outgoing, key=lambda r: r.sent_on, default=None)
    proceeding = max(detail.proceedings, key=lambda p: p.applied_on, default=None)
    dispute_types = [case.dispute_type, *case.other_dispute_types]
    totals = detail.totals
    return {
        "today": chinese_date(today),
        "today_upper": chinese_date_upper(today),
        "office": {
            "name": detail.office.name,
            "short_name": detail.office.short_name or detail.office.name,
            "address": detail.office.address or "",
            "phone": detail.office.phone or "",
        },
        "staff": {
            "name": staff.name if staff else "",
            "phone": (staff.phone or "") if staff else "",
            "email": (staff.email or "") if staff else "",
            "role": vocab.ROLES.zh(staff.role_code) if staff else "",
        },
        "assisting_staff": [
            {"name": s.name, "phone": s.phone or ""} for s in detail.assisting_staff
        ],
        "case": {
            "number": case.number,
            "title": case.title,
            "status": vocab.CASE_STATUSES.zh(case.status),
            "dispute_types": "、".join(vocab.DISPUTE_TYPES.zh(t) for t in dispute_types),
            "source": vocab.CASE_SOURCES.zh(case.source),
            "handling_method": vocab.HANDLING_METHODS.zh(case.handling_method),
            "outcome": vocab.OUTCOMES.zh(case.outcome),
            "received_on": _d(case.received_on),
            "accepted_on": _d(case.accepted_on),
            "closed_on": _d(case.closed_on),
            "worker_count": case.worker_count,
            "facts": case.facts or "",
            "facts_paragraphs": facts,
            "facts_summary": "".join(facts),
            "claims_text": case.claims_text or "",
            "refusal_reason": case.refusal_reason or "",
            "closing_summary": case.closing_summary or "",
            "closing_paragraphs": _paragraphs(case.closing_summary),
        },
        "applicants": applicants,
        "applicant": applicants[0] if applicants else {},
        "applicant_names": "、".join(a["name"] for a in applicants),
        "other_applicant_names": "、".join(a["name"] for a in applicants[1:]) or "无",
        "respondents": respondents,
        "respondent": respondents[0] if respondents else {},
        "respondent_names": "、".join(r["name"] for r in respondents),
        "claims": claims,
        "claim_lines": claim_lines,
        "claimed": money(totals.claimed_fen or case.amount_claimed_fen),
        "awarded": money(totals.awarded_fen or case.amount_awarded_fen),
        "recovered": money(totals.recovered_fen),
        "outstanding": money(totals.outstanding_fen),
        "recoveries": [
            {
                "date": _d(r.received_on),
                "payer": r.payer or "",
                "channel": vocab.RECOVERY_CHANNELS.zh(r.channel),
                "kind": vocab.RECOVERY_KINDS.zh(r.kind),
                "person": r.person_name or "",
                **money(r.amount_fen),
            }
            for r in sorted(detail.recoveries, key=lambda r: r.received_on)
        ],
        "instalments": [
            {"no": chinese_number(i), "due_on": _d(x.due_on), **money(x.amount_fen)}
            for i, x in enumerate(sorted(detail.instalments, key=lambda x: x.due_on), 1)
        ],
        "mediation": _mediation(detail),
        "proceeding": _proceeding(proceeding) if proceeding else {},
        "referral": _referral(referral) if referral else {},
        "steps": _steps(detail),
        "evidence": _evidence(detail),
        "doc": dict(extra or {}),
    }
