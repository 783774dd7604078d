"""The case life cycle as an explicit state machine.

intake → eligibility review → accepted / refused → in progress (negotiation, mediation,
arbitration, litigation, payment order, referral) → closed with an outcome; a closed or
refused case can be reopened with a reason.
"""

from __future__ import annotations

from legalaid.errors import TransitionError
from legalaid.vocab import CASE_STATUSES

IN_PROGRESS = ("negotiation", "mediation", "arbitration", "litigation", "payment_order", "referred")
OPEN_STATUSES = ("intake", "eligibility_review", "accepted", *IN_PROGRESS)

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "intake": ("eligibility_review", "accepted", "refused"),
    "eligibility_review": ("accepted", "refused", "intake"),
    "accepted": (*IN_PROGRESS, "closed"),
    **{s: (*(t for t in IN_PROGRESS if t != s), "closed") for s in IN_PROGRESS},
    "refused": ("eligibility_review",),  # reopen: reconsider
    "closed": ("accepted",),  # reopen with a reason
}

# Transitions that reopen a finished case and so need a reason.
REOPENING = {("closed", "accepted"), ("refused", "eligibility_review")}


def allowed(current: str) -> tuple[str, ...]:
    return TRANSITIONS.get(current, ())


def check(current: str, target: str) -> None:
    if target not in CASE_STATUSES:
        raise TransitionError(f"未知的案件状态：{target}", f"Unknown case status '{target}'")
    if target not in allowed(current):
        raise TransitionError(
            f"案件当前状态为“{CASE_STATUSES.zh(current)}”，不能变更为“{CASE_STATUSES.zh(target)}”",
            f"A case in status '{CASE_STATUSES.en(current)}' cannot move to "
            f"'{CASE_STATUSES.en(target)}'",
        )


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES
