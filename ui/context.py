"""The application context handed to every window and page (no global singleton): the
task manager, the change broadcast, the interface language, who is acting, and the
reference lists (offices, staff) that the forms' drop-downs need."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

from legalaid import dto
from legalaid.vocab import Vocabulary
from ui.i18n import label
from ui.tasks import TaskManager

if TYPE_CHECKING:
    from ui.ops import CollectionOp, QueryOp


class AppContext(QObject):
    """Shared state of one running desktop.

    Signals:
        changes(object, object): an OpChanges after any change, and the QObject that
            started it (or None); pages refresh what the changes touch.
        reference_changed(): offices or staff lists were reloaded.
        progress_started(int, str, bool): task id, label, cancellable.
        progress_finished(int): task id.
    """

    changes = Signal(object, object)
    reference_changed = Signal()
    progress_started = Signal(int, str, bool)
    progress_finished = Signal(int)

    def __init__(
        self,
        tasks: TaskManager,
        settings: QSettings,
        lang: str = "zh",
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.tasks = tasks
        self.settings = settings
        self.lang = lang
        self.today = today
        self.actor: dto.StaffInfo | None = None
        self.office: dto.OfficeInfo | None = None
        self.offices: list[dto.OfficeInfo] = []
        self.staff: list[dto.StaffInfo] = []
        self.roles: list[dto.RoleInfo] = []
        self.db_path = ""
        self.changes.connect(self._maybe_reload_reference)

    # -- helpers ----------------------------------------------------------------------

    def label(self, vocab: Vocabulary, code: str | None) -> str:
        return label(vocab, code, self.lang)

    def query(self, parent: QObject | None, fn: Callable[[Any], Any]) -> QueryOp[Any]:
        from ui.ops import QueryOp

        return QueryOp(self, parent, fn)

    def op(self, parent: QObject | None, fn: Callable[[Any], Any]) -> CollectionOp[Any]:
        from ui.ops import CollectionOp

        return CollectionOp(self, parent, fn)

    def office_name(self, office_id: str | None) -> str:
        for office in self.offices:
            if office.id == office_id:
                return office.short_name or office.name
        return ""

    def role_name(self, code: str) -> str:
        for role in self.roles:
            if role.code == code:
                return role.name_zh if self.lang == "zh" else role.name_en
        return code

    # -- reference data -------------------------------------------------------------------

    def reload_reference(self, then: Callable[[], None] | None = None) -> None:
        def load(col: Any) -> tuple[Any, Any, Any]:
            return col.admin.offices(), col.admin.staff(active_only=False), col.admin.roles()

        def done(result: tuple[Any, Any, Any]) -> None:
            self.offices, self.staff, self.roles = (list(x) for x in result)
            if self.office is not None:
                self.office = next((o for o in self.offices if o.id == self.office.id), None)
            if self.actor is not None:
                self.actor = next((s for s in self.staff if s.id == self.actor.id), self.actor)
            self.reference_changed.emit()
            if then is not None:
                then()

        self.query(None, load).success(done).run_in_background()

    def _maybe_reload_reference(self, changes: dto.OpChanges, _initiator: object) -> None:
        if changes.touches("office", "staff"):
            self.reload_reference()
