"""Automatic and on-demand synchronisation for the desktop, and its status-bar text.

The round (:meth:`legalaid.sync.client.SyncClient.sync`) runs as a task on the database
worker thread - never on the GUI thread - every few minutes and when asked (F9). The
desk keeps working offline: a failed round only changes the status text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from legalaid import dto
from legalaid.errors import LegalAidError
from legalaid.sync import state
from legalaid.sync.state import SyncStatus
from ui.context import AppContext
from ui.i18n import message

if TYPE_CHECKING:
    from legalaid.sync.client import SyncReport

INTERVAL_KEY = "sync/interval_minutes"
DEFAULT_INTERVAL_MIN = 5
HTTP_TIMEOUT_S = 30.0
# A round may bring any record from other desks: every page refreshes.
SYNC_CHANGES = dto.OpChanges.of(
    "case", "consultation", "person", "employer", "deadline", "note", "document",
    "recovery", "office", "staff", "settings", "conflict",
)


def run_round(col: Any) -> tuple[SyncReport, SyncStatus]:
    """One round on the worker; the status read after it."""
    from legalaid.sync.client import SyncClient  # httpx: loaded by the first round

    client = SyncClient(col, timeout=HTTP_TIMEOUT_S)
    try:
        report = client.sync()
    finally:
        client.close()
    return report, state.status(col)


def login(col: Any, url: str, username: str, password: str) -> SyncStatus:
    """Sign in (the token is kept in the desk, like ``legalaid sync --user``)."""
    from legalaid.sync.client import SyncClient

    client = SyncClient(col, url, timeout=HTTP_TIMEOUT_S)
    try:
        client.login(username, password)
    finally:
        client.close()
    return state.status(col)


class SyncController(QObject):
    """Runs synchronisation rounds and keeps the status text current.

    Signals:
        status_changed(str): the status-bar text.
        synced(object): a round finished (its ``SyncReport``).
        sync_failed(str): a round failed (the message in the interface language).
    """

    status_changed = Signal(str)
    synced = Signal(object)
    sync_failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: SyncStatus | None = None
        self.error: str | None = None
        self.running = False
        self._again = False
        self.timer = QTimer(self)
        self.timer.setObjectName("syncTimer")
        self.timer.timeout.connect(self.sync_now)
        try:
            minutes = int(ctx.settings.value(INTERVAL_KEY, DEFAULT_INTERVAL_MIN))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            minutes = DEFAULT_INTERVAL_MIN
        self.set_interval(minutes)
        ctx.changes.connect(self._on_changes)

    # -- configuration ------------------------------------------------------------------

    def set_interval(self, minutes: int) -> None:
        """Sync every ``minutes`` (0 stops the automatic rounds)."""
        self.timer.stop()
        if minutes > 0:
            self.timer.start(minutes * 60_000)

    @property
    def configured(self) -> bool:
        return bool(self.status and self.status.server_url and self.status.signed_in)

    # -- actions --------------------------------------------------------------------------

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Re-read the sync state (pending changes, conflicts) and update the text."""

        def done(st: SyncStatus) -> None:
            self.status = st
            self._show()
            if then is not None:
                then()

        self.ctx.query(self, state.status).success(done).run_in_background()

    def sync_now(self) -> bool:
        """Start a round on the worker; False when no server is set (offline)."""
        if self.running:
            self._again = True
            return True
        if self.status is None:
            self.refresh(self._sync_after_refresh)
            return True
        if not self.configured:
            self._show()
            return False
        self.running = True
        self.status_changed.emit(self.tr("Sync: synchronising…"))
        self.ctx.query(self, run_round).success(self._done).failure(
            self._failed
        ).run_in_background()
        return True

    def _sync_after_refresh(self) -> None:
        self.sync_now()

    def login(
        self, url: str, username: str, password: str,
        done: Callable[[SyncStatus], None], failed: Callable[[str], None],
    ) -> None:
        """Sign in on the worker, then synchronise."""

        def ok(st: SyncStatus) -> None:
            self.status = st
            self.error = None
            done(st)
            self.sync_now()

        def bad(exc: BaseException) -> bool:
            if isinstance(exc, LegalAidError):
                failed(message(exc, self.ctx.lang))
                return True
            return False

        self.ctx.query(self, lambda col: login(col, url, username, password)).success(
            ok
        ).failure(bad).run_in_background()

    # -- results --------------------------------------------------------------------------

    def _done(self, result: tuple[SyncReport, SyncStatus]) -> None:
        report, self.status = result
        self.running = False
        self.error = None
        self._show()
        if report.pulled or report.snapshot_rows or report.refused:
            self.ctx.changes.emit(SYNC_CHANGES, self)
        self.synced.emit(report)
        self._follow_up()

    def _failed(self, exc: BaseException) -> bool:
        self.running = False
        if not isinstance(exc, LegalAidError):
            return False  # a bug: the standard error dialog
        self.error = message(exc, self.ctx.lang)
        self.status_changed.emit(self.tr("Sync failed: %1").replace("%1", self.error))
        self.sync_failed.emit(self.error)
        self.refresh(self._show_error)
        self._follow_up()
        return True

    def _follow_up(self) -> None:
        if self._again:
            self._again = False
            self.sync_now()

    def _show_error(self) -> None:
        if self.error:
            self.status_changed.emit(self.text())

    def _on_changes(self, changes: dto.OpChanges, initiator: object) -> None:
        # A local edit changes the pending count; the round's own broadcast does not.
        if initiator is not self and not self.running:
            self.refresh()

    def _show(self) -> None:
        self.status_changed.emit(self.text())

    def text(self) -> str:
        """The status-bar text for the current state."""
        st = self.status
        if st is None or not st.server_url:
            return self.tr("Sync: not set up (working offline)")
        if not st.signed_in:
            return self.tr("Sync: not signed in (working offline)")
        if self.error:
            return self.tr("Sync failed: %1").replace("%1", self.error)
        when = (
            st.last_sync_at.astimezone().strftime("%H:%M") if st.last_sync_at else self.tr("never")
        )
        text = (
            self.tr("Sync: last %1, pending %2, conflicts %3")
            .replace("%1", when)
            .replace("%2", str(st.pending_changes))
            .replace("%3", str(st.open_conflicts))
        )
        if st.rejected_changes:
            text += self.tr(", refused %1").replace("%1", str(st.rejected_changes))
        return text
