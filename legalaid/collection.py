"""The facade: one object owns a desk database.

Callers (the desktop, the command line, reports, sync) get plain frozen data objects
from it and every change comes back as an :class:`~legalaid.dto.Op` saying what
changed. Nothing outside ``legalaid`` needs SQL or a Session.

A Collection may be used from one thread at a time per call; the desktop runs all
calls on its single database worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from legalaid import dto
from legalaid.db import migrate
from legalaid.db.base import utcnow
from legalaid.db.engine import READ_ONLY, make_engine
from legalaid.errors import ConfigurationError, NotFoundError
from legalaid.models import Office
from legalaid.security.permissions import Permissions
from legalaid.services import audit as audit_mod

if TYPE_CHECKING:
    from legalaid.reports.service import ReportService
    from legalaid.services.admin import AdminService, CalendarService
    from legalaid.services.cases import CaseService
    from legalaid.services.consultations import ConsultationService
    from legalaid.services.dashboard import DashboardService
    from legalaid.services.deadlines import DeadlineService
    from legalaid.services.documents import DocumentService
    from legalaid.services.money import MoneyService
    from legalaid.services.notes import NoteService
    from legalaid.services.parties import PartyService
    from legalaid.services.procedures import ProcedureService
    from legalaid.services.search import SearchService


class Collection:
    """A desk database and the services over it.

    Args:
        path: the SQLite file; created and upgraded to the current schema when needed.
        engine: an engine to use instead of opening ``path`` (encrypted desks).
        upgrade: run pending migrations on open.
        today: a function giving today's date (tests pin the clock with it).
    """

    def __init__(
        self,
        path: str | Path,
        *,
        engine: Engine | None = None,
        upgrade: bool = True,
        today: Callable[[], date] | None = None,
    ) -> None:
        self.path = Path(path)
        self.engine = engine or make_engine(self.path)
        self._today = today
        if upgrade:
            self.upgrade()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        self._read_sessions = sessionmaker(
            self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )
        self.actor: dto.StaffInfo | None = None
        self.permissions = Permissions(self, None)

    # -- services ---------------------------------------------------------------------
    # Each service (and its module) is loaded on first use: opening a desk for the
    # desktop's first page or one command reads only what that needs.

    @cached_property
    def admin(self) -> AdminService:
        from legalaid.services.admin import AdminService

        return AdminService(self)

    @cached_property
    def calendar(self) -> CalendarService:
        from legalaid.services.admin import CalendarService

        return CalendarService(self)

    @cached_property
    def parties(self) -> PartyService:
        from legalaid.services.parties import PartyService

        return PartyService(self)

    @cached_property
    def consultations(self) -> ConsultationService:
        from legalaid.services.consultations import ConsultationService

        return ConsultationService(self)

    @cached_property
    def cases(self) -> CaseService:
        from legalaid.services.cases import CaseService

        return CaseService(self)

    @cached_property
    def money(self) -> MoneyService:
        from legalaid.services.money import MoneyService

        return MoneyService(self)

    @cached_property
    def procedures(self) -> ProcedureService:
        from legalaid.services.procedures import ProcedureService

        return ProcedureService(self)

    @cached_property
    def deadlines(self) -> DeadlineService:
        from legalaid.services.deadlines import DeadlineService

        return DeadlineService(self)

    @cached_property
    def notes(self) -> NoteService:
        from legalaid.services.notes import NoteService

        return NoteService(self)

    @cached_property
    def documents(self) -> DocumentService:
        from legalaid.services.documents import DocumentService

        return DocumentService(self)

    @cached_property
    def reports(self) -> ReportService:
        from legalaid.reports.service import ReportService

        return ReportService(self)

    @cached_property
    def search(self) -> SearchService:
        from legalaid.services.search import SearchService

        return SearchService(self)

    @cached_property
    def dashboard(self) -> DashboardService:
        from legalaid.services.dashboard import DashboardService

        return DashboardService(self)

    # -- lifetime -------------------------------------------------------------------

    def upgrade(self) -> None:
        """Bring the schema to the current version (backing up a database that has data
        first). A desk already at the current version is only read, not migrated."""
        if not migrate.needs_upgrade(self.engine):
            return
        from legalaid.security.backup import backup_before_migration

        backup_before_migration(self.engine, self.path)
        migrate.upgrade(self.engine)

    def close(self) -> None:
        # Let SQLite refresh the statistics the query planner uses (cheap; SQLite decides).
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")
        except Exception:
            pass
        self.engine.dispose()
        self.documents.clear_viewing()

    def __enter__(self) -> Collection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- clock and actor --------------------------------------------------------------

    def today(self) -> date:
        return self._today() if self._today else date.today()

    def now(self) -> datetime:
        """The current time; on a pinned clock, the current time of day on that date."""
        if self._today is None:
            return utcnow()
        local = datetime.now().astimezone()
        return datetime.combine(self._today(), local.timetz()).astimezone(UTC)

    def set_actor(self, staff: dto.StaffInfo | None) -> None:
        """Who is acting: stamped on audit events and checked by permissions."""
        self.actor = staff
        self.permissions = Permissions(self, staff)

    def require(
        self,
        perm: str,
        *,
        office_id: str | None = None,
        case_id: str | None = None,
        session: Session | None = None,
    ) -> None:
        """Raise PermissionDeniedError unless the actor may ``perm`` (no actor: allowed)."""
        self.permissions.require(perm, office_id=office_id, case_id=case_id, session=session)

    @property
    def actor_id(self) -> str | None:
        return self.actor.id if self.actor else None

    # -- sessions (for the core's own services only) ----------------------------------

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction; everything in it commits together or not at all."""
        with self._sessions.begin() as session:
            try:
                yield session
            except BaseException:
                audit_mod.forget_cached_head(session)
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._read_sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def audit(
        self,
        session: Session,
        action: str,
        entity: str,
        entity_id: str,
        *,
        office_id: str | None,
        case_id: str | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        audit_mod.record(
            session,
            staff_id=self.actor_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            office_id=office_id,
            case_id=case_id,
            before=before,
            after=after,
        )

    def deadlines_for_ref(self, session: Session, source_ref: str) -> list[Any]:
        """Open deadlines created by one event (``source_ref``)."""
        from legalaid.models import Deadline

        return list(
            session.scalars(
                select(Deadline).where(
                    Deadline.source_ref == source_ref, Deadline.done_at.is_(None)
                )
            )
        )

    def default_office_id(self, session: Session, office_id: str | None = None) -> str:
        """The office new records belong to: the one given, the actor's, or the only one."""
        if office_id:
            if session.get(Office, office_id) is None:
                raise NotFoundError(f"工会/服务站不存在：{office_id}", f"No office {office_id}")
            return office_id
        if self.actor is not None:
            return self.actor.office_id
        ids = session.scalars(select(Office.id).where(Office.archived_at.is_(None)).limit(2)).all()
        if len(ids) == 1:
            return ids[0]
        if not ids:
            raise ConfigurationError(
                "尚未设置工会/服务站，请先运行 legalaid init",
                "No office is set up yet; run `legalaid init` first",
            )
        raise ConfigurationError(
            "有多个工会/服务站，请指定办理单位", "Several offices exist; say which one"
        )
