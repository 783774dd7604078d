"""The dialog for a status change: the date, and the outcome, reason or summary that
the core's life cycle needs for that step."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from legalaid import dto
from legalaid.vocab import CASE_STATUSES, OUTCOMES
from ui.case.common import FormDialog
from ui.context import AppContext


class TransitionDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        detail: dto.CaseDetail,
        target: str,
        *,
        reopening: bool,
        parent: QWidget | None = None,
    ) -> None:
        case_id = detail.case.id

        def action(col: Any, v: dict[str, Any]) -> Any:
            return col.cases.transition(
                case_id,
                target,
                expected_version=v["version"],
                on=v["on"],
                outcome=v.get("outcome"),
                reason=v.get("reason"),
                summary=v.get("summary"),
            )

        super().__init__(
            ctx, "", action, parent, version=detail.case.version, name="transitionDialog"
        )
        self.setWindowTitle(
            self.tr("Change status: {0} → {1}").format(
                ctx.label(CASE_STATUSES, detail.case.status), ctx.label(CASE_STATUSES, target)
            )
        )
        self.ok_button.setText(self.tr("Change status"))
        self.target = target
        today = ctx.today()
        if target == "accepted" and not reopening:
            caption = self.tr("&Accepted on")
        elif target == "closed":
            caption = self.tr("&Closed on")
        elif target == "refused":
            caption = self.tr("&Refused on")
        else:
            caption = self.tr("&Date")
        self.date("on", caption, today, aliases=("accepted_on", "closed_on"))
        if target == "closed":
            self.code("outcome", self.tr("&Outcome"), OUTCOMES, None, blank=self.tr("(choose)"))
            self.text("summary", self.tr("Closing &summary"), "", multiline=True)
        if target == "refused" or reopening:
            self.text(
                "reason",
                self.tr("&Reason"),
                "",
                multiline=True,
                placeholder=self.tr("Required"),
            )
