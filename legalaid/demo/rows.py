"""Turning planned cases into table rows for the bulk loader.

Every row carries what the facade would have written: keys, owning office, change
stamps, version, the deadlines that the recorded events create (same rules, same
``source_ref`` values, same done / open state) and one audit event per case in the
hash chain.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from legalaid.demo.data import INDUSTRIES
from legalaid.demo.model import CasePlan, ConsultationPlan, EmployerPlan, PersonPlan
from legalaid.rules.deadlines import compute_rule, reminder_date
from legalaid.rules.holidays import HolidayCalendar
from legalaid.rules.statutes import get_rule
from legalaid.services.audit import event_hash
from legalaid.services.procedures import DECISION_RULES, REFERRAL_RULES

# Column lists, in the order the row tuples below are built.
ENTITY = ("office_id", "id", "created_at", "updated_at", "version", "archived_at")
COLUMNS: dict[str, tuple[str, ...]] = {
    "employers": ("name", "credit_code", "address", "legal_representative", "industry",
                  "phone", "parent_id", *ENTITY),
    "people": ("name", "gender", "id_number", "birth_date", "phone", "address", "hukou_type",
               "union_member", "hardship_worker", "migrant_worker", "employment_form",
               "legal_relation", "occupation", "health_notes", "notes", *ENTITY),
    "cases": ("number", "year", "seq", "title", "status", "outcome", "dispute_type",
              "other_dispute_types", "source", "handling_method", "received_on", "accepted_on",
              "closed_on", "lead_staff_id", "consultation_id", "worker_count",
              "amount_claimed_fen", "amount_awarded_fen", "facts", "claims_text",
              "refusal_reason", "closing_summary", "reopen_reason", "urgent",
              "ledger_recovered_fen", "ledger_wage_recovered_fen", *ENTITY),
    "case_applicants": ("case_id", "person_id", "role", "position", *ENTITY),
    "case_respondents": ("case_id", "employer_id", "role", "parent_id", "position", *ENTITY),
    "case_staff": ("case_id", "staff_id", "role", *ENTITY),
    "consultations": ("consulted_at", "channel", "topic", "person_id", "caller_name",
                      "caller_phone", "employer_name", "question", "answer_summary", "staff_id",
                      "case_id", "worker_count", *ENTITY),
    "wage_claims": ("case_id", "person_id", "employer_id", "period_start", "period_end",
                    "amount_fen", "description", *ENTITY),
    "recoveries": ("case_id", "person_id", "wage_claim_id", "received_on", "amount_fen", "kind",
                   "channel", "payer", "note", "recorded_by_id", *ENTITY),
    "referrals": ("case_id", "direction", "body_type", "body_name", "kind", "their_reference",
                  "sent_on", "accepted_on", "status", "outcome", "outcome_on", "notes", *ENTITY),
    "mediations": ("case_id", "referral_id", "stage", "mediator_id", "started_on", "status",
                   "agreement_on", "agreement_amount_fen", "performance_deadline",
                   "performance", "performed_on", "confirmation", "confirmed_on", "notes",
                   *ENTITY),
    "mediation_sessions": ("mediation_id", "held_at", "place", "summary", *ENTITY),
    "proceedings": ("case_id", "kind", "body_name", "tribunal_number", "applied_on",
                    "accepted_on", "decision_kind", "decision_received_on", "result",
                    "amount_awarded_fen", "appeal_deadline", *ENTITY),
    "hearings": ("proceeding_id", "held_at", "place", "notes", *ENTITY),
    "deadlines": ("case_id", "title", "rule_id", "statutory", "trigger_on", "due_on",
                  "remind_on", "explanation", "warning", "responsible_id", "done_at",
                  "source_ref", *ENTITY),
    "notes": ("case_id", "author_id", *ENTITY),
    "note_revisions": ("note_id", "body", "author_id", *ENTITY),
    "audit_events": ("id", "seq", "at", "office_id", "staff_id", "action", "entity",
                     "entity_id", "case_id", "before", "after", "prev_hash", "hash"),
}  # fmt: skip

PERFORMANCE_TITLE = "调解协议履行期限届满（未履行可申请支付令）"
PERFORMANCE_EXPLANATION = (
    "劳动争议调解仲裁法第十六条：到期未履行的，可持调解协议书申请支付令\t"
    "Art.16: if not performed by this date, apply for a payment order"
)
CHINA = timedelta(hours=8)


def stamp(d: date, n: int) -> str:
    """A stored UTC timestamp during office hours of ``d`` (varied by ``n``)."""
    micro = (n * 7919) % 999_983 + 1
    return f"{d.isoformat()} {1 + n % 8:02d}:{n % 60:02d}:{(n * 7) % 60:02d}.{micro:06d}"


def dt_text(value: object) -> str:
    """An aware datetime as SQLAlchemy stores it on SQLite (naive UTC text)."""
    from datetime import UTC, datetime

    assert isinstance(value, datetime)
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _d(v: date | None) -> str | None:
    return v.isoformat() if v is not None else None


class RowMaker:
    """Collects the rows of a batch of cases, table by table.

    Args:
        key: makes record keys.
        office_ids / staff_ids: database ids of the planned offices and staff.
        calendar: the holiday calendar deadlines are counted with.
        audit_head: (last seq, last hash) of the audit chain so far.
    """

    def __init__(
        self,
        key: Callable[[], str],
        office_ids: dict[int, str],
        staff_ids: dict[int, str],
        calendar: HolidayCalendar,
        audit_head: tuple[int, str],
    ) -> None:
        self.key = key
        self.office_ids = office_ids
        self.staff_ids = staff_ids
        self.calendar = calendar
        self.audit_seq, self.audit_hash = audit_head
        self.people: dict[str, str] = {}  # plan key -> id (people seen in earlier batches too)
        self.employers: dict[str, str] = {}
        self.rows: dict[str, list[tuple[object, ...]]] = {t: [] for t in COLUMNS}
        self.n = 0
        self._rule = lru_cache(maxsize=200_000)(self._compute)

    def take(self) -> dict[str, list[tuple[object, ...]]]:
        out, self.rows = self.rows, {t: [] for t in COLUMNS}
        return out

    def _entity(self, office: str, row_id: str, created: str, updated: str | None = None,
                version: int = 1) -> tuple[object, ...]:  # fmt: skip
        return (office, row_id, created, updated or created, version, None)

    def _stamp(self, d: date) -> str:
        self.n += 1
        return stamp(d, self.n)

    # -- reference data ----------------------------------------------------------------------

    def employer(self, e: EmployerPlan) -> str:
        eid = self.key()
        self.employers[e.key] = eid
        created = "2000-01-01 00:00:00.000001"
        self.rows["employers"].append(
            (e.name, e.credit_code, e.address, e.legal_representative, INDUSTRIES[e.industry][0],
             e.phone, None, *self._entity(self.office_ids[e.office], eid, created))
        )  # fmt: skip
        return eid

    def person(self, p: PersonPlan, office: str, on: date) -> str:
        pid = self.people.get(p.key)
        if pid is not None:
            return pid
        pid = self.people[p.key] = self.key()
        self.rows["people"].append(
            (p.name, p.gender, p.id_number, p.birth_date.isoformat(), p.phone, p.address,
             p.hukou_type, p.union_member, p.hardship_worker, p.migrant_worker,
             p.employment_form, p.legal_relation, p.occupation, None, None,
             *self._entity(office, pid, self._stamp(on)))
        )  # fmt: skip
        return pid

    def consultation(
        self, c: ConsultationPlan, office: str, person_id: str | None = None,
        case_id: str | None = None,
    ) -> str:  # fmt: skip
        cid = self.key()
        at = dt_text(c.consulted_at)
        self.rows["consultations"].append(
            (at, c.channel, c.topic, person_id, c.caller_name, c.caller_phone, c.employer_name,
             c.question, c.answer, self.staff_ids[c.staff], case_id, c.worker_count,
             *self._entity(office, cid, at))
        )  # fmt: skip
        return cid

    # -- deadlines ---------------------------------------------------------------------------

    def _compute(
        self, rule_id: str, trigger: date
    ) -> tuple[str, str, str | None, str | None, str, bool]:
        rule = get_rule(rule_id)
        result = compute_rule(rule, trigger, self.calendar)
        remind = reminder_date(result.due, rule.reminder_days, self.calendar)
        expl = "\n".join(f"{e.zh}\t{e.en}" for e in result.steps) or None
        warn = "\n".join(f"{e.zh}\t{e.en}" for e in result.warnings) or None
        return result.due.isoformat(), remind.isoformat(), expl, warn, rule.title_zh, rule.statutory

    def _rule_deadline(
        self, case_id: str, office: str, rule_id: str, trigger: date, ref: str,
        responsible: str | None, done: date | None,
    ) -> str:  # fmt: skip
        due, remind, expl, warn, title, statutory = self._rule(rule_id, trigger)
        created = self._stamp(trigger)
        self.rows["deadlines"].append(
            (case_id, title, rule_id, statutory, trigger.isoformat(), due, remind, expl, warn,
             responsible, self._stamp(done) if done else None, ref,
             *self._entity(office, self.key(), created, self._stamp(done) if done else None,
                           2 if done else 1))
        )  # fmt: skip
        return due

    def _date_deadline(
        self, case_id: str, office: str, title: str, due: date, ref: str, statutory: bool,
        remind_days: int, responsible: str | None, done: date | None, explanation: str | None,
        created_on: date,
    ) -> None:  # fmt: skip
        remind = reminder_date(due, remind_days, self.calendar) if remind_days > 0 else due
        self.rows["deadlines"].append(
            (case_id, title, None, statutory, None, due.isoformat(), remind.isoformat(),
             explanation, None, responsible, self._stamp(done) if done else None, ref,
             *self._entity(office, self.key(), self._stamp(created_on),
                           self._stamp(done) if done else None, 2 if done else 1))
        )  # fmt: skip

    # -- a case --------------------------------------------------------------------------

    def case(self, plan: CasePlan, number: str) -> None:
        office = self.office_ids[plan.office]
        rows = self.rows
        cid = self.key()
        lead = self.staff_ids[plan.lead_staff] if plan.lead_staff is not None else None
        r = plan.received_on
        closing = plan.closed_on if plan.final_status in ("closed", "refused") else None

        def done_or_close(d: date | None) -> date | None:
            return d if d is not None else closing

        consultation_id = None
        person_ids = []
        if plan.consultation is not None:
            assert plan.consultation.person is not None
            first = self.person(
                plan.consultation.person, office, plan.consultation.consulted_at.date()
            )
            consultation_id = self.consultation(plan.consultation, office, first, cid)
        for a in plan.applicants:
            person_ids.append(self.person(a, office, r))
        transitions = sum(
            x is not None for x in (plan.accepted_on, plan.progress_status, closing)
        ) + (plan.final_status == "eligibility_review")
        last = closing or plan.progress_on or plan.accepted_on or r
        created = self._stamp(r)
        rows["cases"].append(
            (number, plan.year, plan.seq, plan.title, plan.final_status, plan.outcome,
             plan.dispute_type, " ".join(plan.other_dispute_types), plan.source,
             plan.handling_method, _d(r),
             _d(plan.accepted_on), _d(plan.closed_on), lead, consultation_id, plan.worker_count,
             max(plan.amount_claimed_fen, sum(c.amount_fen for c in plan.claims)),
             plan.amount_awarded_fen, plan.facts, plan.claims_text, plan.refusal_reason,
             plan.closing_summary, None, plan.urgent, 0, 0,
             *self._entity(office, cid, created, self._stamp(last), 1 + transitions))
        )  # fmt: skip
        group = len(plan.applicants) > 1
        for i, pid in enumerate(person_ids):
            rows["case_applicants"].append(
                (cid, pid, "representative" if group and i == 0 else "applicant", i,
                 *self._entity(office, self.key(), created))
            )  # fmt: skip
        resp_ids: list[str] = []
        employer_ids: list[str] = []
        for i, (e, role, parent) in enumerate(plan.respondents):
            eid = self.employers[e.key]
            rid = self.key()
            rows["case_respondents"].append(
                (cid, eid, role, resp_ids[parent] if parent is not None else None, i,
                 *self._entity(office, rid, created))
            )  # fmt: skip
            resp_ids.append(rid)
            employer_ids.append(eid)
        for sid in plan.assisting_staff:
            rows["case_staff"].append(
                (cid, self.staff_ids[sid], "assist", *self._entity(office, self.key(), created))
            )
        # The legal-aid decision deadline: made at intake, ticked off on acceptance.
        self._rule_deadline(
            cid, office, "legal_aid_decision", r, f"case:{cid}:received", lead,
            done_or_close(plan.accepted_on),
        )  # fmt: skip
        claim_ids = []
        for c in plan.claims:
            wid = self.key()
            claim_ids.append(wid)
            rows["wage_claims"].append(
                (cid, person_ids[c.person],
                 employer_ids[c.employer] if c.employer is not None else None,
                 _d(c.period_start), _d(c.period_end), c.amount_fen, c.description,
                 *self._entity(office, wid, self._stamp(plan.accepted_on or r)))
            )  # fmt: skip
        for ref in plan.referrals:
            rid = self.key()
            rows["referrals"].append(
                (cid, ref.direction, ref.body_type, ref.body_name, ref.kind, ref.their_reference,
                 _d(ref.sent_on), _d(ref.accepted_on), ref.status, ref.outcome, _d(ref.outcome_on),
                 None, *self._entity(office, rid, self._stamp(ref.sent_on), None,
                                     1 if ref.status == "sent" else 2))
            )  # fmt: skip
            rule = REFERRAL_RULES.get((ref.body_type, ref.kind))
            if rule and ref.direction == "outgoing":
                self._rule_deadline(
                    cid, office, rule, ref.sent_on, f"referral:{rid}", lead, closing
                )
        for med in plan.mediations:
            mid = self.key()
            mediator = self.staff_ids[med.mediator] if med.mediator is not None else None
            rows["mediations"].append(
                (cid, None, med.stage, mediator, _d(med.started_on), med.status,
                 _d(med.agreement_on), med.agreement_amount_fen, _d(med.performance_deadline),
                 med.performance, _d(med.performed_on), med.confirmation, _d(med.confirmed_on),
                 None, *self._entity(office, mid, self._stamp(med.started_on)))
            )  # fmt: skip
            self._rule_deadline(
                cid, office, "mediation_agreement_window", med.started_on, f"mediation:{mid}",
                lead, done_or_close(med.agreement_on),
            )  # fmt: skip
            for held, place, summary in med.sessions:
                at = dt_text(held)
                rows["mediation_sessions"].append(
                    (mid, at, place, summary, *self._entity(office, self.key(), at))
                )
            if med.agreement_on is not None and med.performance_deadline is not None:
                self._rule_deadline(
                    cid, office, "judicial_confirmation", med.agreement_on, f"agreement:{mid}",
                    lead, done_or_close(med.confirmed_on),
                )  # fmt: skip
                self._date_deadline(
                    cid, office, PERFORMANCE_TITLE, med.performance_deadline,
                    f"agreement-performance:{mid}", True, 3, lead,
                    done_or_close(med.performed_on if med.performance == "full" else None),
                    PERFORMANCE_EXPLANATION, med.agreement_on,
                )  # fmt: skip
        for proc in plan.proceedings:
            pid = self.key()
            decided = proc.decision_received_on
            appeal = None
            if proc.kind == "arbitration":
                self._rule_deadline(
                    cid, office, "arbitration_acceptance", proc.applied_on,
                    f"proceeding:{pid}:applied", lead, done_or_close(proc.accepted_on),
                )  # fmt: skip
                if proc.accepted_on is not None:
                    self._rule_deadline(
                        cid, office, "arbitration_award", proc.accepted_on,
                        f"proceeding:{pid}:accepted", lead, done_or_close(decided),
                    )  # fmt: skip
            elif proc.kind == "payment_order":
                self._rule_deadline(
                    cid, office, "payment_order_decision", proc.applied_on,
                    f"proceeding:{pid}:applied", lead, done_or_close(decided),
                )  # fmt: skip
            for held, place in proc.hearings:
                hid = self.key()
                at = dt_text(held)
                rows["hearings"].append((pid, at, place, None, *self._entity(office, hid, at)))
                local = held + CHINA
                self._date_deadline(
                    cid, office, f"开庭（{proc.body_name} {local:%H:%M}）", local.date(),
                    f"hearing:{hid}", False, 2, lead, closing, None, held.date(),
                )  # fmt: skip
            if proc.decision_kind and decided is not None:
                for rule in DECISION_RULES.get(proc.decision_kind, ()):
                    due = self._rule_deadline(
                        cid, office, rule, decided, f"decision:{pid}", lead, closing
                    )
                    appeal = appeal or due
            rows["proceedings"].append(
                (cid, proc.kind, proc.body_name, proc.tribunal_number, _d(proc.applied_on),
                 _d(proc.accepted_on), proc.decision_kind, _d(decided), proc.result,
                 proc.amount_awarded_fen, appeal,
                 *self._entity(office, pid, self._stamp(proc.applied_on), None,
                               1 + (proc.accepted_on is not None) + (decided is not None)))
            )  # fmt: skip
        for rec in plan.recoveries:
            rows["recoveries"].append(
                (cid, person_ids[rec.person] if rec.person is not None else None, None,
                 _d(rec.received_on), rec.amount_fen, rec.kind, rec.channel, rec.payer, None,
                 lead, *self._entity(office, self.key(), self._stamp(rec.received_on)))
            )  # fmt: skip
        for note in plan.notes:
            nid = self.key()
            author = self.staff_ids[note.author] if note.author is not None else None
            rows["notes"].append(
                (cid, author, *self._entity(office, nid, self._stamp(note.written_on)))
            )
            for body in note.bodies:
                rows["note_revisions"].append(
                    (
                        nid,
                        body,
                        author,
                        *self._entity(office, self.key(), self._stamp(note.written_on)),
                    )
                )
        self._audit(cid, office, lead, created, number, plan)

    def _audit(
        self, case_id: str, office: str, staff: str | None, at: str, number: str, plan: CasePlan
    ) -> None:
        from datetime import UTC, datetime

        self.audit_seq += 1
        ev_id = self.key()
        after = json.dumps(
            {"number": number, "title": plan.title, "status": "intake", "origin": "demo"},
            ensure_ascii=False, sort_keys=True,
        )  # fmt: skip
        when = datetime.fromisoformat(at).replace(tzinfo=UTC)
        fields = {
            "id": ev_id, "seq": self.audit_seq, "at": when.isoformat(), "office_id": office,
            "staff_id": staff, "action": "create", "entity": "case", "entity_id": case_id,
            "case_id": case_id, "before": None, "after": after,
        }  # fmt: skip
        h = event_hash(self.audit_hash, fields)
        self.rows["audit_events"].append(
            (ev_id, self.audit_seq, at, office, staff, "create", "case", case_id, case_id, None,
             after, self.audit_hash, h)
        )  # fmt: skip
        self.audit_hash = h
